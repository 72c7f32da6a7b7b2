package aks

// Moving an azurerm_kubernetes_cluster to aks_cluster (Terraform 1.8 and later):
//
//	moved {
//	  from = azurerm_kubernetes_cluster.main
//	  to   = aks_cluster.main
//	}
//
// The mover reads azurerm's state (schema version 2, the shape of azurerm 3.x to 5.x) into this
// resource's state: the settings both providers have, the default pool included. azurerm's
// kube_config, kube_admin_config and their raw forms are dropped: this provider keeps no
// credentials in the state (use the aks_cluster_credentials ephemeral resource). The refresh
// that follows fills in what only AKS reports.

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

var _ resource.ResourceWithMoveState = (*clusterResource)(nil)

// azurermClusterType is azurerm's cluster resource; its state has had schema version 2 since
// azurerm 3.0, and older versions are another shape.
const (
	azurermClusterType          = "azurerm_kubernetes_cluster"
	azurermClusterSchemaVersion = 2
)

func (r *clusterResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{{StateMover: moveClusterFromAzurerm}}
}

func moveClusterFromAzurerm(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
	if !fromAzurerm(req, azurermClusterType) {
		return // not ours to move: the framework reports that no mover matched
	}
	if req.SourceSchemaVersion != azurermClusterSchemaVersion {
		resp.Diagnostics.AddError("Unsupported azurerm state version", fmt.Sprintf(
			"The state of %s has schema version %d; this provider reads version %d (azurerm 3.0 and later). "+
				"Refresh the state with a recent azurerm first, or import the cluster instead: terraform import aks_cluster.NAME CLUSTER_ID.",
			azurermClusterType, req.SourceSchemaVersion, azurermClusterSchemaVersion))
		return
	}
	source, err := decodeAzurermState(req)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the azurerm state", err.Error())
		return
	}
	state, id, diags := clusterFromAzurerm(ctx, source)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.TargetState.Set(ctx, state)...)
	if resp.TargetIdentity != nil {
		resp.Diagnostics.Append(resp.TargetIdentity.Set(ctx, clusterIdentityOf(id))...)
	}
}

// clusterFromAzurerm is aks_cluster's state from azurerm's.
func clusterFromAzurerm(ctx context.Context, s azurermState) (clusterResourceModel, aksapi.ClusterID, diag.Diagnostics) {
	var diags, d diag.Diagnostics
	rawID := s.str("id")
	id, err := aksapi.ParseClusterID(rawID.ValueString())
	if err != nil {
		diags.AddError("Invalid managed cluster ID in the azurerm state", err.Error())
		return clusterResourceModel{}, id, diags
	}
	a := clusterAttributes{
		ID:                       rawID,
		Name:                     s.strOr(id.Name, "name"),
		ResourceGroupName:        s.strOr(id.ResourceGroup, "resource_group_name"),
		Location:                 s.str("location"),
		DNSPrefix:                s.str("dns_prefix"),
		KubernetesVersion:        s.str("kubernetes_version"),
		CurrentKubernetesVersion: s.str("current_kubernetes_version"),
		SKUTier:                  s.str("sku_tier"),
		NodeResourceGroup:        s.str("node_resource_group"),
		OIDCIssuerEnabled:        s.flag("oidc_issuer_enabled"),
		OIDCIssuerURL:            s.str("oidc_issuer_url"),
		WorkloadIdentityEnabled:  s.flag("workload_identity_enabled"),
		LocalAccountDisabled:     s.flag("local_account_disabled"),
		PrivateClusterEnabled:    s.flag("private_cluster_enabled"),
		// azurerm 4.0 renamed both channels.
		AutomaticUpgradeChannel: s.str("automatic_upgrade_channel", "automatic_channel_upgrade"),
		NodeOSUpgradeChannel:    s.str("node_os_upgrade_channel", "node_os_channel_upgrade"),
		FQDN:                    s.str("fqdn"),
		PrivateFQDN:             s.str("private_fqdn"),
		PortalFQDN:              s.str("portal_fqdn"),
	}
	aad := s.block("azure_active_directory_role_based_access_control")
	a.AzureRBACEnabled = aad.flag("azure_rbac_enabled")
	a.AdminGroupObjectIDs, d = aad.set(ctx, "admin_group_object_ids")
	diags.Append(d...)
	// azurerm 4.0 moved the authorized ranges into api_server_access_profile.
	a.APIServerAuthorizedIPRanges, d = s.set(ctx, "api_server_authorized_ip_ranges")
	diags.Append(d...)
	if access := s.block("api_server_access_profile"); access != nil {
		a.APIServerAuthorizedIPRanges, d = access.set(ctx, "authorized_ip_ranges")
		diags.Append(d...)
	}
	a.Tags, d = s.stringMap(ctx, "tags")
	diags.Append(d...)
	diags.Append(clusterObjectsFromAzurerm(ctx, s, &a)...)
	clusterBlocksFromAzurerm(s, &a)

	out := clusterResourceModel{clusterAttributes: a, Timeouts: s.timeouts()}
	if w := s.block("windows_profile"); w != nil {
		out.WindowsProfile = &windowsProfileModel{
			AdminUsername:          w.str("admin_username"),
			AdminPassword:          w.str("admin_password"),
			AdminPasswordWO:        types.StringNull(),
			AdminPasswordWOVersion: types.Int64Null(),
		}
	}
	if pool := s.block("default_node_pool"); pool != nil {
		dp, d := defaultPoolFromAzurerm(ctx, pool)
		diags.Append(d...)
		out.DefaultNodePool = &dp
	}
	return out, id, diags
}

// clusterObjectsFromAzurerm reads the identity, kubelet identity and network profile, blocks in
// azurerm and objects here.
func clusterObjectsFromAzurerm(ctx context.Context, s azurermState, a *clusterAttributes) diag.Diagnostics {
	var diags diag.Diagnostics
	a.Identity = types.ObjectNull(clusterIdentityAttrTypes)
	if i := s.block("identity"); i != nil {
		ids, d := i.set(ctx, "identity_ids")
		diags.Append(d...)
		a.Identity = types.ObjectValueMust(clusterIdentityAttrTypes, map[string]attr.Value{
			"type": i.str("type"), "identity_ids": ids, "principal_id": i.str("principal_id"), "tenant_id": i.str("tenant_id"),
		})
	}
	a.KubeletIdentity = types.ObjectNull(kubeletIdentityAttrTypes)
	if k := s.block("kubelet_identity"); k != nil {
		a.KubeletIdentity = types.ObjectValueMust(kubeletIdentityAttrTypes, map[string]attr.Value{
			"client_id": k.str("client_id"), "object_id": k.str("object_id"), "user_assigned_identity_id": k.str("user_assigned_identity_id"),
		})
	}
	a.NetworkProfile = types.ObjectNull(networkProfileAttrTypes)
	if n := s.block("network_profile"); n != nil {
		a.NetworkProfile = types.ObjectValueMust(networkProfileAttrTypes, map[string]attr.Value{
			"network_plugin":      n.str("network_plugin"),
			"network_plugin_mode": n.str("network_plugin_mode"),
			"network_policy":      n.str("network_policy"),
			"network_dataplane":   n.str("network_data_plane"), // azurerm spells it network_data_plane
			"load_balancer_sku":   n.str("load_balancer_sku"),
			"outbound_type":       n.str("outbound_type"),
			"pod_cidr":            n.str("pod_cidr"),
			"service_cidr":        n.str("service_cidr"),
			"dns_service_ip":      n.str("dns_service_ip"),
		})
	}
	return diags
}

// clusterBlocksFromAzurerm reads linux_profile (azurerm nests the key in an ssh_key block) and
// microsoft_defender.
func clusterBlocksFromAzurerm(s azurermState, a *clusterAttributes) {
	if l := s.block("linux_profile"); l != nil {
		a.LinuxProfile = &linuxProfileModel{AdminUsername: l.str("admin_username"), SSHPublicKey: l.block("ssh_key").str("key_data")}
	}
	if m := s.block("microsoft_defender"); m != nil {
		a.MicrosoftDefender = &microsoftDefenderModel{LogAnalyticsWorkspaceID: m.str("log_analytics_workspace_id")}
	}
}

// defaultPoolFromAzurerm is the default_node_pool block from azurerm's. azurerm's
// only_critical_addons_enabled is ours too; node_taints are read where azurerm 3.x had them.
func defaultPoolFromAzurerm(ctx context.Context, s azurermState) (defaultNodePoolModel, diag.Diagnostics) {
	settings, diags := poolSettingsFromAzurerm(ctx, s)
	return defaultNodePoolModel{
		Name:                      s.str("name"),
		TemporaryNameForRotation:  s.str("temporary_name_for_rotation"),
		OnlyCriticalAddonsEnabled: s.flag("only_critical_addons_enabled"),
		poolSettings:              settings,
		UpgradeSettings:           upgradeSettingsFromAzurerm(s),
	}, diags
}
