package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Node pool name length limits. NodePoolName checks the charset; the length
// depends on os_type and is checked by CheckPool.
const (
	MaxLinuxPoolNameLength   = 12
	MaxWindowsPoolNameLength = 6
)

// NodePoolName validates a node pool name's characters: it must start with a
// lowercase letter and hold only lowercase letters and digits. The length
// (1-12 for Linux, 1-6 for Windows) depends on os_type: CheckPool checks it.
func NodePoolName() validator.String {
	return stringCheck{
		description: "must start with a lowercase letter and contain only lowercase letters and digits; 1-12 characters for Linux pools, 1-6 for Windows pools",
		check: func(_ context.Context, name, value string) *problem {
			var found string
			switch {
			case value == "":
				found = fmt.Sprintf("%s is empty.", name)
			case value[0] < 'a' || value[0] > 'z':
				found = fmt.Sprintf("%s = %q starts with %q, not a lowercase letter.", name, value, value[:1])
			case strings.Trim(value, "abcdefghijklmnopqrstuvwxyz0123456789") != "":
				bad := strings.Trim(value, "abcdefghijklmnopqrstuvwxyz0123456789")
				found = fmt.Sprintf("%s = %q contains %q; only lowercase letters and digits are allowed.", name, value, bad[:1])
			default:
				return nil
			}
			return &problem{
				summary: "Invalid node pool name",
				detail: explain(found,
					"the name of a node pool may only contain lowercase alphanumeric characters and must begin with a lowercase letter; Linux pools 1-12 characters, Windows pools 1-6",
					sourceGuide,
					fmt.Sprintf(`choose a name such as "userpool1" for %s.`, name)),
			}
		},
	}
}

// checkNameLength: Linux pool names 1-12 characters, Windows 1-6 (the
// charset is NodePoolName's).
func checkNameLength(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.Name, p.OSType) || p.Name.IsNull() {
		return nil
	}
	name, os := p.Name.ValueString(), osType(p)
	limit := MaxLinuxPoolNameLength
	if os == OSTypeWindows {
		limit = MaxWindowsPoolNameLength
	}
	if len(name) <= limit {
		return nil
	}
	at := base.AtName("name")
	return diag.Diagnostics{ruleError(at, fmt.Sprintf("Node pool name too long for a %s pool", os),
		explain(fmt.Sprintf("%s = %q is %d characters long; %s node pools allow at most %d (the %s rule applied because os_type is %q).",
			shown(at), name, len(name), os, limit, os, os),
			"node pool names are 1-12 characters for Linux pools and 1-6 characters for Windows pools",
			sourceGuide,
			fmt.Sprintf("shorten %s to %d characters or fewer, e.g. %q.", shown(at), limit, name[:limit])))}
}
