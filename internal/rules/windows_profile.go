package rules

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// WindowsAdminUsername validates windows_profile.admin_username.
func WindowsAdminUsername() validator.String {
	return stringCheck{
		description: "must be 1-20 characters, not end with `.`, and not be a reserved name such as `admin` or `administrator`",
		check: func(_ context.Context, name, value string) *problem {
			var found string
			switch {
			case len(value) < 1 || len(value) > 20:
				found = fmt.Sprintf("%s = %q is %d characters long.", name, value, len(value))
			case strings.HasSuffix(value, "."):
				found = fmt.Sprintf("%s = %q ends with '.'.", name, value)
			case slices.Contains(windowsDisallowedUsernames, strings.ToLower(value)):
				found = fmt.Sprintf("%s = %q is a name Windows nodes refuse for the administrator.", name, value)
			default:
				return nil
			}
			return &problem{summary: "Invalid Windows admin username",
				detail: explain(found,
					"the Windows administrator name is 1-20 characters, doesn't end in '.', and isn't one of the reserved names (administrator, admin, user, test, root, guest, ...)",
					sourceClusterAPI+", windowsProfile.adminUsername",
					fmt.Sprintf(`choose a name such as "azureuser" for %s.`, name))}
		},
	}
}

// WindowsAdminPassword validates windows_profile.admin_password and admin_password_wo: 8-123
// characters meeting three of four complexity classes, and not a well-known password.
func WindowsAdminPassword() validator.String {
	return stringCheck{
		description: "must be 8-123 characters with three of: a lowercase letter, an uppercase letter, a digit, a special character",
		check: func(_ context.Context, name, value string) *problem {
			var found string
			classes := 0
			for _, has := range []bool{
				strings.ContainsAny(value, "abcdefghijklmnopqrstuvwxyz"),
				strings.ContainsAny(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
				strings.ContainsAny(value, "0123456789"),
				specialCharacter.MatchString(value),
			} {
				if has {
					classes++
				}
			}
			switch {
			case len(value) < 8 || len(value) > 123:
				found = fmt.Sprintf("%s is %d characters long.", name, len(value))
			case classes < 3:
				found = fmt.Sprintf("%s has only %d of the 4 character classes.", name, classes)
			case slices.Contains(windowsDisallowedPasswords, value):
				found = fmt.Sprintf("%s is a well-known password Windows nodes refuse.", name)
			default:
				return nil
			}
			// The value itself is never repeated: it is a secret.
			return &problem{summary: "Windows admin password too weak",
				detail: explain(found,
					"the Windows administrator password is 8-123 characters with at least three of: a lowercase letter, an uppercase letter, a digit, a special character, and not a well-known password",
					sourceClusterAPI+", windowsProfile.adminPassword",
					fmt.Sprintf("generate one, for example with the random_password resource (length = 20, special = true), and pass it to %s.", name))}
		},
	}
}
