package rules

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var (
	linuxAdminUsernamePattern = regexp.MustCompile(`^[A-Za-z][-A-Za-z0-9_]*$`)
	// Disallowed Windows administrator names and passwords (SDK ManagedClusterWindowsProfile docs).
	windowsDisallowedUsernames = []string{"administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123",
		"a", "actuser", "adm", "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root", "server", "sql",
		"support", "support_388945a0", "sys", "test2", "test3", "user4", "user5"}
	windowsDisallowedPasswords = []string{"abc@123", "P@$$w0rd", "P@ssw0rd", "P@ssword123", "Pa$$word", "pass@word1", "Password!", "Password1", "Password22", "iloveyou!"}
	specialCharacter           = regexp.MustCompile(`[\W_]`)
)

// LinuxAdminUsername validates linux_profile.admin_username.
func LinuxAdminUsername() validator.String {
	return stringCheck{
		description: "must start with a letter and contain only letters, digits, `-` and `_`",
		check: func(_ context.Context, name, value string) *problem {
			if linuxAdminUsernamePattern.MatchString(value) {
				return nil
			}
			return &problem{summary: "Invalid Linux admin username",
				detail: explain(fmt.Sprintf("%s = %q is not a valid Linux user name.", name, value),
					"the Linux administrator name starts with a letter and holds only letters, digits, '-' and '_'",
					sourceClusterAPI+", linuxProfile.adminUsername",
					fmt.Sprintf(`choose a name such as "azureuser" for %s.`, name))}
		},
	}
}

// SSHPublicKey validates linux_profile.ssh_public_key: one OpenSSH public key.
func SSHPublicKey() validator.String {
	return stringCheck{
		description: "must be one SSH public key in OpenSSH format, such as `ssh-rsa AAAA...` or `ssh-ed25519 AAAA...`",
		check: func(_ context.Context, name, value string) *problem {
			fields := strings.Fields(value)
			if len(fields) >= 2 && (strings.HasPrefix(fields[0], "ssh-") || strings.HasPrefix(fields[0], "ecdsa-sha2-")) && !strings.Contains(strings.TrimSpace(value), "\n") {
				return nil
			}
			return &problem{summary: "Invalid SSH public key",
				detail: explain(fmt.Sprintf("%s is not one SSH public key in OpenSSH format.", name),
					"AKS installs one SSH public key for the administrator on every Linux node (a maximum of 1 key may be specified)",
					sourceClusterAPI+", linuxProfile.ssh.publicKeys",
					fmt.Sprintf(`set %s to the contents of a .pub file, for example file("~/.ssh/id_rsa.pub").`, name))}
		},
	}
}
