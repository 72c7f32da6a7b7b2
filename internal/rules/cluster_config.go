package rules

import (
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ClusterConfig is aks_cluster's configuration as the cluster rules read it. Null means unset
// (AKS's default applies); unknown means known only at apply, and rules that need it don't run.
type ClusterConfig struct {
	IdentityType types.String
	IdentityIDs  types.Set // of strings

	OIDCIssuerEnabled       types.Bool
	WorkloadIdentityEnabled types.Bool
	LocalAccountDisabled    types.Bool
	AzureRBACEnabled        types.Bool
	AdminGroupObjectIDs     types.Set // of strings

	PrivateClusterEnabled       types.Bool
	APIServerAuthorizedIPRanges types.Set // of strings

	NetworkPlugin     types.String
	NetworkPluginMode types.String
	NetworkPolicy     types.String
	NetworkDataplane  types.String
	LoadBalancerSKU   types.String
	PodCIDR           types.String
	ServiceCIDR       types.String
	DNSServiceIP      types.String
}

// CheckClusterConfig runs every rule of aks_cluster's own arguments that needs no live cluster:
// the identity's shape, workload identity needing the OIDC issuer, disabled local accounts needing
// Entra ID integration, authorized IP ranges not on private clusters, and the network profile's
// combinations (see checkNetworkProfile). A Basic load balancer gets a warning.
func CheckClusterConfig(c ClusterConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkClusterIdentity(c)...)
	diags.Append(checkWorkloadIdentity(c)...)
	diags.Append(checkLocalAccounts(c)...)
	diags.Append(checkAuthorizedIPRanges(c)...)
	diags.Append(checkNetworkProfile(c)...)
	return diags
}
