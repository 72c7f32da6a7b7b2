package rules

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// VMSizeCharacters validates that a vm_size is spelled with the characters Azure VM size names
// use (ASCII letters, digits, "_" and "-", as in Standard_E4-2s_v5): a size pasted from a web page
// may carry an invisible character (a zero-width space, a no-break space) or a look-alike letter
// that no catalogue lookup explains. The size itself is checked against the region's list later.
func VMSizeCharacters() validator.String {
	return stringCheck{
		description: "must be an Azure VM size name: ASCII letters, digits, `_` and `-`",
		check: func(_ context.Context, name, value string) *problem {
			for i, r := range value {
				if r < unicode.MaxASCII && (r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
					continue
				}
				clean := strings.Map(func(r rune) rune {
					if r < unicode.MaxASCII && (r == '_' || r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
						return r
					}
					return -1
				}, value)
				return &problem{
					summary: "Invalid character in the VM size",
					detail: explain(fmt.Sprintf("%s = %q has the character %U (%q) at byte %d, which no VM size name has; it may be invisible where it was copied from.", name, value, r, r, i),
						"Azure VM size names consist of ASCII letters, digits, underscores and hyphens, such as Standard_D4s_v5",
						"the Azure VM size naming conventions (https://learn.microsoft.com/azure/virtual-machines/vm-naming-conventions)",
						fmt.Sprintf("retype the value; without the stray characters it reads %q.", clean)),
				}
			}
			return nil
		},
	}
}
