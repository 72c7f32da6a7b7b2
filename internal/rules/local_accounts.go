package rules

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkLocalAccounts: with local accounts disabled, only Entra ID can authenticate, so the cluster
// must be integrated with Entra ID (azure_rbac_enabled or admin_group_object_ids).
func checkLocalAccounts(c ClusterConfig) diag.Diagnostics {
	if !isTrue(c.LocalAccountDisabled) || anyUnknown(c.AzureRBACEnabled, c.AdminGroupObjectIDs) {
		return nil
	}
	groups, _ := setLen(c.AdminGroupObjectIDs)
	if isTrue(c.AzureRBACEnabled) || groups > 0 {
		return nil
	}
	at := path.Root("local_account_disabled")
	return diag.Diagnostics{ruleError(at, "Disabling local accounts needs Microsoft Entra ID integration",
		explain("local_account_disabled = true, but the cluster has no Microsoft Entra ID integration (azure_rbac_enabled is not true and admin_group_object_ids is empty).",
			"local accounts can be disabled only on clusters with AKS-managed Microsoft Entra integration; otherwise nobody could sign in",
			sourceLocalAccounts,
			"set azure_rbac_enabled = true and/or admin_group_object_ids to the Entra ID groups that administer the cluster."))}
}
