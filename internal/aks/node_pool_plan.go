package aks

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

func (r *nodePoolResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config nodePoolResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The provider may not be configured yet (terraform validate): the embedded VM size facts
	// serve until ModifyPlan can use the live ones of the cluster's location.
	resp.Diagnostics.Append(checkPoolConfig(ctx, config, nil, "")...)
}

func (r *nodePoolResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy: the last-System-pool check runs in Delete, when it is known the cluster stays
	}
	plan, config, state, ok := readPlanModels[nodePoolResourceModel](ctx, req, resp)
	if !ok {
		return
	}
	if state == nil {
		resp.Diagnostics.Append(checkAccessAtPlan(ctx, r.client)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}

	if state != nil {
		if replace := replacementPaths(*state, plan); len(replace) > 0 {
			resp.RequiresReplace.Append(replace...)
			resetForReplacement(&plan, config)
			state = nil // from here on, plan as for a new pool
		}
	}
	if state == nil {
		resp.Diagnostics.Append(rules.CheckAutoscalerCountAtCreation(path.Empty(), rulesPool(config))...)
	}
	if state != nil && !req.Plan.Raw.Equal(req.State.Raw) {
		planned := plan.values()
		resp.Diagnostics.Append(planPoolInPlace(path.Empty(), state.values(), &planned, config.values())...)
		plan.setValues(planned)
	}
	if state != nil {
		resp.Diagnostics.Append(planReconcile(path.Empty(), plan.Name.ValueString(), &plan.ProvisioningState)...)
		resp.Diagnostics.Append(r.planNodeImage(ctx, *state, &plan, config)...)
	} else if known(config.NodeImageVersion) && config.NodeImageVersion.ValueString() != nodeImageLatest {
		resp.Diagnostics.AddAttributeError(path.Root("node_image_version"), "A node pool is created with the latest node image",
			fmt.Sprintf("node_image_version = %q can't be honoured when the pool is created: AKS always installs the newest node image for the OS SKU on new nodes.\n\n"+
				"Fix: remove node_image_version (the running image is then recorded) or set it to \"latest\"; pin a version after creation, once it is the running one.",
				config.NodeImageVersion.ValueString()))
	}
	if resp.Diagnostics.HasError() {
		return
	}

	// Checks against the live cluster, when it is known and exists; it is read once per run.
	if r.client != nil && known(plan.ClusterID) && known(plan.Name) {
		if id, ok := poolIDOfAttributes(plan.ClusterID, plan.Name, &resp.Diagnostics); ok {
			var current *rules.ExistingPool
			if state != nil {
				e := existingPool(*state)
				current = &e
			}
			resp.Diagnostics.Append(r.checkAgainstCluster(ctx, id, rulesPoolFor(config, plan), current, false)...)
			if state == nil {
				r.planInheritedSubnet(ctx, id, &plan, config)
			}
		}
	}
	if state == nil && !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(checkSubnetsExist(ctx, r.client, path.Empty(),
			map[string]types.String{"vnet_subnet_id": plan.VnetSubnetID, "pod_subnet_id": plan.PodSubnetID})...)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// replacementPaths lists the attributes whose planned change AKS can't make in place.
func replacementPaths(state, plan nodePoolResourceModel) path.Paths {
	var out path.Paths
	differs := func(name string, s, p attr.Value) {
		if p.IsUnknown() || !p.Equal(s) {
			out = append(out, path.Root(name))
		}
	}
	differsIgnoringCase := func(name string, s, p types.String) {
		if p.IsUnknown() || s.IsNull() != p.IsNull() || !strings.EqualFold(s.ValueString(), p.ValueString()) {
			out = append(out, path.Root(name))
		}
	}
	differsIgnoringCase("cluster_id", state.ClusterID, plan.ClusterID)
	differs("name", state.Name, plan.Name)
	differs("os_type", state.OSType, plan.OSType)
	if !plan.OSSKU.Equal(state.OSSKU) && (!isLinuxOSSKU(state.OSSKU.ValueString()) || !isLinuxOSSKU(plan.OSSKU.ValueString())) {
		out = append(out, path.Root("os_sku"))
	}
	differsIgnoringCase("vm_size", state.VMSize, plan.VMSize)
	differsIgnoringCase("vnet_subnet_id", state.VnetSubnetID, plan.VnetSubnetID)
	differsIgnoringCase("pod_subnet_id", state.PodSubnetID, plan.PodSubnetID)
	differs("os_disk_type", state.OSDiskType, plan.OSDiskType)
	differs("os_disk_size_gb", state.OSDiskSizeGB, plan.OSDiskSizeGB)
	differs("kubelet_disk_type", state.KubeletDiskType, plan.KubeletDiskType)
	differs("max_pods", state.MaxPods, plan.MaxPods)
	differs("zones", state.Zones, plan.Zones)
	differs("priority", state.Priority, plan.Priority)
	differs("eviction_policy", state.EvictionPolicy, plan.EvictionPolicy)
	differs("spot_max_price", state.SpotMaxPrice, plan.SpotMaxPrice)
	differs("host_encryption_enabled", state.HostEncryptionEnabled, plan.HostEncryptionEnabled)
	for _, name := range groupReplacements(state.nodePoolSettings, plan.nodePoolSettings) {
		out = append(out, path.Root(name))
	}
	return out
}

// resetForReplacement plans a replacement as a new pool: what AKS computes is unknown again
// unless configured (the framework's UseStateForUnknown would otherwise carry the old pool's
// values over).
func resetForReplacement(plan *nodePoolResourceModel, config nodePoolResourceModel) {
	plan.ID = types.StringUnknown()
	unknownUnconfiguredGroupValues(context.Background(), nodePoolKind, &plan.nodePoolSettings, config.nodePoolSettings)
	unknownIfNotConfigured(&plan.OSSKU, config.OSSKU, types.StringUnknown())
	unknownIfNotConfigured(&plan.VMSize, config.VMSize, types.StringUnknown())
	unknownIfNotConfigured(&plan.OrchestratorVersion, config.OrchestratorVersion, types.StringUnknown())
	unknownIfNotConfigured(&plan.NodeImageVersion, config.NodeImageVersion, types.StringUnknown())
	unknownIfNotConfigured(&plan.OSDiskType, config.OSDiskType, types.StringUnknown())
	unknownIfNotConfigured(&plan.KubeletDiskType, config.KubeletDiskType, types.StringUnknown())
	unknownIfNotConfigured(&plan.EvictionPolicy, config.EvictionPolicy, types.StringUnknown())
	unknownIfNotConfigured(&plan.NodeCount, config.NodeCount, types.Int64Unknown())
	unknownIfNotConfigured(&plan.OSDiskSizeGB, config.OSDiskSizeGB, types.Int64Unknown())
	unknownIfNotConfigured(&plan.MaxPods, config.MaxPods, types.Int64Unknown())
	unknownIfNotConfigured(&plan.SpotMaxPrice, config.SpotMaxPrice, types.Float64Unknown())
	unknownIfNotConfigured(&plan.PowerState, config.PowerState, types.StringUnknown())
	unknownIfNotConfigured(&plan.VnetSubnetID, config.VnetSubnetID, types.StringUnknown())
	plan.CurrentNodeCount = types.Int64Unknown()
	plan.CurrentOrchestratorVersion = types.StringUnknown()
	plan.CurrentNodeImageVersion = types.StringUnknown()
	plan.ProvisioningState = types.StringUnknown()
	if !plan.UpgradeSettings.IsNull() {
		plan.UpgradeSettings = resetUpgradeSettings(plan.UpgradeSettings, config.UpgradeSettings)
	}
}

func resetUpgradeSettings(planned, configured types.Object) types.Object {
	attrs := planned.Attributes()
	configuredAttrs := map[string]attr.Value{}
	if !configured.IsNull() && !configured.IsUnknown() {
		configuredAttrs = configured.Attributes()
	}
	out := map[string]attr.Value{}
	for name, v := range attrs {
		c, ok := configuredAttrs[name]
		switch {
		case ok && !c.IsNull():
			out[name] = v
		case upgradeSettingsAttrTypes[name] == types.Int64Type:
			out[name] = types.Int64Unknown()
		default:
			out[name] = types.StringUnknown()
		}
	}
	obj, diags := types.ObjectValue(upgradeSettingsAttrTypes, out)
	if diags.HasError() {
		return planned
	}
	return obj
}

// planNodeImage is the shared node image planning for this pool.
func (r *nodePoolResource) planNodeImage(ctx context.Context, state nodePoolResourceModel, plan *nodePoolResourceModel, config nodePoolResourceModel) diag.Diagnostics {
	id, err := aksapi.ParsePoolID(state.ID.ValueString())
	if r.client == nil || err != nil {
		return nil
	}
	planned := plan.values()
	diags := planPoolNodeImage(ctx, r.client.AKS, path.Empty(), id, state.values(), &planned, config.values())
	plan.setValues(planned)
	return diags
}
