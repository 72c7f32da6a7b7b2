package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkClusterIdentity: a UserAssigned control-plane identity is exactly one identity; a
// SystemAssigned one takes none.
func checkClusterIdentity(c ClusterConfig) diag.Diagnostics {
	if anyUnknown(c.IdentityType) || c.IdentityType.IsNull() {
		return nil
	}
	n, known := setLen(c.IdentityIDs)
	if !known {
		return nil
	}
	at := path.Root("identity").AtName("identity_ids")
	switch c.IdentityType.ValueString() {
	case IdentityUserAssigned:
		if n != 1 {
			return diag.Diagnostics{ruleError(at, "A UserAssigned cluster identity needs exactly one identity",
				explain(fmt.Sprintf(`identity.type = %q with %d entries in %s.`, IdentityUserAssigned, n, shown(at)),
					"the cluster's control plane uses exactly one user-assigned managed identity",
					sourceClusterAPI+", identity.userAssignedIdentities",
					fmt.Sprintf("set %s to the ID of one user-assigned identity, or use type = %q.", shown(at), IdentitySystemAssigned)))}
		}
	case IdentitySystemAssigned:
		if n != 0 {
			return diag.Diagnostics{ruleError(at, "A SystemAssigned cluster identity takes no identity IDs",
				explain(fmt.Sprintf(`identity.type = %q, but %s lists %d identities.`, IdentitySystemAssigned, shown(at), n),
					"user-assigned identities are given only with type UserAssigned; AKS creates and manages a system-assigned one itself",
					sourceClusterAPI+", identity",
					fmt.Sprintf("remove %s, or set type = %q.", shown(at), IdentityUserAssigned)))}
		}
	}
	return nil
}
