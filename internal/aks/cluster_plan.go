package aks

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

func (r *clusterResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config clusterResourceModel
	if diags := req.Config.Get(ctx, &config); diags.HasError() {
		// Only a block whose presence is unknown (a dynamic block over unknown values) can't be
		// read into the model; the checks run again at plan time, when it is known.
		return
	}
	resp.Diagnostics.Append(rules.CheckClusterConfig(clusterRulesConfig(ctx, config))...)
	if config.DefaultNodePool != nil {
		// The provider may not be configured yet (terraform validate): the embedded VM size facts
		// serve until ModifyPlan can use the live ones of the location.
		resp.Diagnostics.Append(rules.CheckPool(ctx, path.Root("default_node_pool"), config.DefaultNodePool.rulesPool(), nil, config.Location.ValueString())...)
		resp.Diagnostics.Append(checkTemporaryName(*config.DefaultNodePool)...)
	}
	// Blocks are optional, their attributes required when the block is given.
	requireInBlock := func(block string, present bool, attrs map[string]attr.Value) {
		if !present {
			return
		}
		for name, v := range attrs {
			if v.IsNull() {
				resp.Diagnostics.AddAttributeError(path.Root(block).AtName(name), "Missing required argument",
					fmt.Sprintf("The %s block needs %s.\n\nFix: set %s, or remove the block.", block, name, name))
			}
		}
	}
	if lp := config.LinuxProfile; lp != nil {
		requireInBlock("linux_profile", true, map[string]attr.Value{"admin_username": lp.AdminUsername, "ssh_public_key": lp.SSHPublicKey})
	}
	if md := config.MicrosoftDefender; md != nil {
		requireInBlock("microsoft_defender", true, map[string]attr.Value{"log_analytics_workspace_id": md.LogAnalyticsWorkspaceID})
	}
	if wp := config.WindowsProfile; wp != nil {
		requireInBlock("windows_profile", true, map[string]attr.Value{"admin_username": wp.AdminUsername})
		if wp.AdminPassword.IsNull() && wp.AdminPasswordWO.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("windows_profile"), "Missing Windows admin password",
				"The windows_profile block needs a password: AKS sets it on every Windows node.\n\n"+
					"Fix: set admin_password_wo with admin_password_wo_version (Terraform 1.11 or later; the password never reaches the state), or admin_password.")
		}
	}
}

// clusterRulesConfig converts the configuration into what the cluster rules read.
func clusterRulesConfig(ctx context.Context, m clusterResourceModel) rules.ClusterConfig {
	c := rules.ClusterConfig{
		IdentityType:                types.StringNull(),
		IdentityIDs:                 types.SetNull(types.StringType),
		OIDCIssuerEnabled:           m.OIDCIssuerEnabled,
		WorkloadIdentityEnabled:     m.WorkloadIdentityEnabled,
		LocalAccountDisabled:        m.LocalAccountDisabled,
		AzureRBACEnabled:            m.AzureRBACEnabled,
		AdminGroupObjectIDs:         m.AdminGroupObjectIDs,
		PrivateClusterEnabled:       m.PrivateClusterEnabled,
		APIServerAuthorizedIPRanges: m.APIServerAuthorizedIPRanges,
		NetworkPlugin:               types.StringNull(),
		NetworkPluginMode:           types.StringNull(),
		NetworkPolicy:               types.StringNull(),
		NetworkDataplane:            types.StringNull(),
		LoadBalancerSKU:             types.StringNull(),
		PodCIDR:                     types.StringNull(),
		ServiceCIDR:                 types.StringNull(),
		DNSServiceIP:                types.StringNull(),
	}
	if m.Identity.IsUnknown() {
		c.IdentityType = types.StringUnknown()
	} else if id, _ := objectAs[clusterIdentityModel](ctx, m.Identity); id != nil {
		c.IdentityType, c.IdentityIDs = id.Type, id.IdentityIDs
	}
	if m.NetworkProfile.IsUnknown() {
		c.NetworkPlugin, c.NetworkPolicy, c.NetworkDataplane = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
	} else if np, _ := objectAs[networkProfileModel](ctx, m.NetworkProfile); np != nil {
		c.NetworkPlugin, c.NetworkPluginMode, c.NetworkPolicy, c.NetworkDataplane = np.NetworkPlugin, np.NetworkPluginMode, np.NetworkPolicy, np.NetworkDataplane
		c.LoadBalancerSKU, c.PodCIDR, c.ServiceCIDR, c.DNSServiceIP = np.LoadBalancerSKU, np.PodCIDR, np.ServiceCIDR, np.DNSServiceIP
	}
	return c
}

func (r *clusterResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	plan, config, state, ok := readPlanModels[clusterResourceModel](ctx, req, resp)
	if !ok {
		return
	}

	if state == nil {
		resp.Diagnostics.Append(checkAccessAtPlan(ctx, r.client)...)
		if resp.Diagnostics.HasError() {
			return
		}
		resp.Diagnostics.Append(r.checkCreateLive(ctx, plan)...)
		// Pools created with the cluster run the control plane's version.
		if config.DefaultNodePool != nil {
			resp.Diagnostics.Append(rules.CheckPoolVersionAtCreation(path.Root("default_node_pool").AtName("orchestrator_version"),
				config.DefaultNodePool.OrchestratorVersion, config.KubernetesVersion)...)
			resp.Diagnostics.Append(rules.CheckAutoscalerCountAtCreation(path.Root("default_node_pool"), config.DefaultNodePool.rulesPool())...)
		}
	} else {
		if r.client != nil && known(state.ID) {
			// The state holds this cluster: if the plan replaces it, the create's plan that
			// follows must not call its name taken (see checkCreateLive).
			r.client.MarkInState(state.ID.ValueString())
		}
		// Even an unchanged configuration may plan an update: a newer node image for
		// node_image_version = "latest".
		resp.Diagnostics.Append(r.planUpdate(ctx, *state, &plan, config)...)
	}
	if !resp.Diagnostics.HasError() && plan.DefaultNodePool != nil && r.client != nil {
		resp.Diagnostics.Append(r.checkDefaultPoolLive(ctx, state, plan)...)
	}
	if state != nil && !resp.Diagnostics.HasError() && r.client != nil {
		resp.Diagnostics.Append(r.planDefaultPoolRepair(ctx, *state, &plan)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// planUpdate fills in what an update will compute and checks what only the change tells: the
// control plane upgrade, the OIDC issuer staying on, and the default pool's change (in place,
// following the control plane, or a rotation).
func (r *clusterResource) planUpdate(ctx context.Context, state clusterResourceModel, plan *clusterResourceModel, config clusterResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(rules.CheckOIDCIssuerNotDisabled(state.OIDCIssuerEnabled, plan.OIDCIssuerEnabled)...)

	versionChanges := changed(state.KubernetesVersion, plan.KubernetesVersion)
	if versionChanges {
		diags.Append(rules.CheckControlPlaneUpgrade(state.CurrentKubernetesVersion.ValueString(), plan.KubernetesVersion)...)
		plan.CurrentKubernetesVersion = types.StringUnknown()
		if v, err := rules.ParseVersion(plan.KubernetesVersion.ValueString()); err == nil && v.HasPatch {
			plan.CurrentKubernetesVersion = plan.KubernetesVersion
		}
		if plan.DefaultNodePool != nil && config.DefaultNodePool != nil && config.DefaultNodePool.OrchestratorVersion.IsNull() {
			// The default pool follows the control plane: the same version, after it.
			plan.DefaultNodePool.OrchestratorVersion = plan.KubernetesVersion
		}
		follows := plan.DefaultNodePool != nil && state.DefaultNodePool != nil && changed(state.DefaultNodePool.OrchestratorVersion, plan.DefaultNodePool.OrchestratorVersion)
		detail := fmt.Sprintf("kubernetes_version changes from %s to %s. Apply upgrades the control plane first (one managedClusters PUT changing only the version)", state.KubernetesVersion.ValueString(), plan.KubernetesVersion.ValueString())
		if follows {
			detail += fmt.Sprintf(", then the default node pool %s to %s (its nodes are surged, drained and replaced per upgrade_settings)", plan.DefaultNodePool.Name.ValueString(), plan.DefaultNodePool.OrchestratorVersion.ValueString())
		}
		detail += ". Other node pools keep their version until their own orchestrator_version changes; each may be at most three minor versions behind the control plane."
		diags.AddAttributeWarning(path.Root("kubernetes_version"), "The cluster will be upgraded", detail)
	}
	if changed(state.OIDCIssuerEnabled, plan.OIDCIssuerEnabled) {
		plan.OIDCIssuerURL = types.StringUnknown()
	}
	if changed(state.Identity, plan.Identity) {
		if id, _ := objectAs[clusterIdentityModel](ctx, plan.Identity); id != nil {
			if old, _ := objectAs[clusterIdentityModel](ctx, state.Identity); old == nil || changed(old.Type, id.Type) || changed(old.IdentityIDs, id.IdentityIDs) {
				id.PrincipalID, id.TenantID = types.StringUnknown(), types.StringUnknown()
				obj, d := types.ObjectValueFrom(ctx, clusterIdentityAttrTypes, id)
				diags.Append(d...)
				plan.Identity = obj
			}
		}
	}
	if plan.DefaultNodePool != nil && state.DefaultNodePool != nil && config.DefaultNodePool != nil {
		diags.Append(r.planDefaultPool(ctx, state, plan, *config.DefaultNodePool)...)
	}
	return diags
}

// checkDefaultPoolLive runs the default pool's rules with the live VM size facts of the cluster's
// location and, for an existing cluster, against its other pools and the planned control plane
// version. Warnings that validation already gave with the embedded facts are not repeated.
func (r *clusterResource) checkDefaultPoolLive(ctx context.Context, state *clusterResourceModel, plan clusterResourceModel) diag.Diagnostics {
	base := path.Root("default_node_pool")
	location := plan.Location.ValueString()
	pool := plan.DefaultNodePool.rulesPool()
	diags := checkPoolLive(ctx, base, pool, r.client.VMSizes, location)
	diags.Append(checkDefaultPoolSnapshot(ctx, r.client.AKS, state, plan, pool)...)
	if state == nil || state.DefaultNodePool == nil {
		return diags
	}
	id, err := aksapi.ParseClusterID(state.ID.ValueString())
	if err != nil {
		return diags
	}
	mc, err := r.client.AKS.CachedCluster(ctx, id)
	if aksapi.IsNotFound(err) {
		return diags // a refresh that found the cluster gone plans a create instead
	}
	if err != nil {
		diags.AddAttributeError(base, "Could not read the cluster to check the default node pool", err.Error())
		return diags
	}
	pools, err := r.client.AKS.CachedPools(ctx, id)
	if err != nil {
		diags.AddAttributeError(base, "Could not list the cluster's node pools", err.Error())
		return diags
	}
	cluster := rulesCluster(mc, pools)
	if known(plan.KubernetesVersion) {
		cluster.KubernetesVersion = plan.KubernetesVersion.ValueString()
	}
	current := rules.ExistingPool{
		Name:                state.DefaultNodePool.Name.ValueString(),
		Mode:                rules.ModeSystem,
		OSType:              rules.OSTypeLinux,
		VMSetType:           string(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets),
		VnetSubnetID:        state.DefaultNodePool.VnetSubnetID.ValueString(),
		PodSubnetID:         state.DefaultNodePool.PodSubnetID.ValueString(),
		OrchestratorVersion: state.DefaultNodePool.CurrentOrchestratorVersion.ValueString(),
	}
	diags.Append(rules.CheckPoolInCluster(ctx, base, pool, &current, cluster, r.client.VMSizes, location)...)
	return diags
}
