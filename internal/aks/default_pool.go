package aks

// aks_cluster's default_node_pool: its model and its conversions to and from the shared pool model.
// It is an agent pool like any other once created, so it reuses the shared pool code.

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// criticalAddonsTaint is the taint only_critical_addons_enabled puts on the default pool's nodes,
// so that only pods tolerating it (AKS's critical add-ons) are scheduled there.
const criticalAddonsTaint = "CriticalAddonsOnly=true:NoSchedule"

// defaultNodePoolModel is the default_node_pool block: the settings of aks_node_pool minus mode
// (always System), os_type (always Linux) and the Spot settings, plus
// only_critical_addons_enabled and temporary_name_for_rotation.
type defaultNodePoolModel struct {
	Name                      types.String `tfsdk:"name"`
	TemporaryNameForRotation  types.String `tfsdk:"temporary_name_for_rotation"`
	OnlyCriticalAddonsEnabled types.Bool   `tfsdk:"only_critical_addons_enabled"`
	poolSettings
	UpgradeSettings types.Object `tfsdk:"upgrade_settings"`
}

// settings is the pool as the shared node pool code reads it: a Linux System pool with Regular
// priority, whose taints include the critical add-ons taint when only_critical_addons_enabled.
func (d defaultNodePoolModel) settings(ctx context.Context) (nodePoolSettings, diag.Diagnostics) {
	var diags diag.Diagnostics
	s := nodePoolSettings{
		Mode:           types.StringValue(rules.ModeSystem),
		OSType:         types.StringValue(rules.OSTypeLinux),
		poolSettings:   d.poolSettings,
		Priority:       types.StringValue(rules.PriorityRegular),
		EvictionPolicy: types.StringNull(),
		SpotMaxPrice:   types.Float64Null(),
	}
	if d.OnlyCriticalAddonsEnabled.IsUnknown() || d.NodeTaints.IsUnknown() {
		s.NodeTaints = types.ListUnknown(types.StringType)
		return s, diags
	}
	if !d.OnlyCriticalAddonsEnabled.ValueBool() {
		return s, diags
	}
	var taints []string
	if !d.NodeTaints.IsNull() {
		diags.Append(d.NodeTaints.ElementsAs(ctx, &taints, false)...)
	}
	if !slices.Contains(taints, criticalAddonsTaint) {
		taints = append(taints, criticalAddonsTaint)
	}
	list, dd := types.ListValueFrom(ctx, types.StringType, taints)
	diags.Append(dd...)
	s.NodeTaints = list
	return s, diags
}

// fromSettings sets the pool's attributes from the shared model read back from AKS, keeping the
// provider-side ones (name, temporary_name_for_rotation) of prior. The critical add-ons taint
// becomes only_critical_addons_enabled; without other taints, node_taints stays as prior had it
// (null or empty).
func (d defaultNodePoolModel) fromSettings(ctx context.Context, s nodePoolSettings, upgrade types.Object) (defaultNodePoolModel, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := defaultNodePoolModel{
		Name:                      d.Name,
		TemporaryNameForRotation:  d.TemporaryNameForRotation,
		OnlyCriticalAddonsEnabled: types.BoolValue(false),
		poolSettings:              s.poolSettings,
		UpgradeSettings:           upgrade,
	}
	if d.TemporaryNameForRotation.IsUnknown() {
		out.TemporaryNameForRotation = types.StringNull()
	}
	var taints []string
	if !s.NodeTaints.IsNull() && !s.NodeTaints.IsUnknown() {
		diags.Append(s.NodeTaints.ElementsAs(ctx, &taints, false)...)
	}
	if !slices.Contains(taints, criticalAddonsTaint) {
		return out, diags
	}
	out.OnlyCriticalAddonsEnabled = types.BoolValue(true)
	taints = slices.DeleteFunc(taints, func(t string) bool { return t == criticalAddonsTaint })
	if len(taints) == 0 && (d.NodeTaints.IsNull() || d.NodeTaints.IsUnknown()) {
		out.NodeTaints = types.ListNull(types.StringType)
		return out, diags
	}
	list, dd := types.ListValueFrom(ctx, types.StringType, append([]string{}, taints...))
	diags.Append(dd...)
	out.NodeTaints = list
	return out, diags
}

// values is the default pool as the shared pool code reads it (a Linux System pool with Regular
// priority, see settings).
func (d defaultNodePoolModel) values(ctx context.Context) (poolValues, diag.Diagnostics) {
	s, diags := d.settings(ctx)
	return poolValues{nodePoolSettings: s, UpgradeSettings: d.UpgradeSettings}, diags
}

// rulesPool is the default pool as the rules read it.
func (d defaultNodePoolModel) rulesPool() rules.Pool {
	r := rules.Pool{
		Name:                  d.Name,
		Mode:                  types.StringValue(rules.ModeSystem),
		OSType:                types.StringValue(rules.OSTypeLinux),
		OSSKU:                 d.OSSKU,
		VMSize:                d.VMSize,
		NodeCount:             d.NodeCount,
		AutoScalingEnabled:    d.AutoScalingEnabled,
		MinCount:              d.MinCount,
		MaxCount:              d.MaxCount,
		OrchestratorVersion:   d.OrchestratorVersion,
		VnetSubnetID:          d.VnetSubnetID,
		PodSubnetID:           d.PodSubnetID,
		FIPSEnabled:           d.FIPSEnabled,
		OSDiskType:            d.OSDiskType,
		OSDiskSizeGB:          d.OSDiskSizeGB,
		KubeletDiskType:       d.KubeletDiskType,
		Priority:              types.StringValue(rules.PriorityRegular),
		EvictionPolicy:        types.StringNull(),
		SpotMaxPrice:          types.Float64Null(),
		HostEncryptionEnabled: d.HostEncryptionEnabled,
		MaxPods:               d.MaxPods,
	}
	rulesGroups(nodePoolSettings{Mode: r.Mode, OSType: r.OSType, poolSettings: d.poolSettings, Priority: r.Priority}, &r)
	return r
}

// poolProfile turns an agent pool body into the profile a managedClusters PUT carries inline. The
// two SDK types have the same JSON shape (the profile adds the name), so a JSON round trip copies
// every field, including ones added by later SDK versions.
func poolProfile(name string, pool armcontainerservice.AgentPool) (*armcontainerservice.ManagedClusterAgentPoolProfile, error) {
	profile := &armcontainerservice.ManagedClusterAgentPoolProfile{}
	if pool.Properties != nil {
		raw, err := json.Marshal(pool.Properties)
		if err != nil {
			return nil, fmt.Errorf("encoding the default node pool: %w", err)
		}
		if err := json.Unmarshal(raw, profile); err != nil {
			return nil, fmt.Errorf("encoding the default node pool: %w", err)
		}
	}
	profile.Name = to.Ptr(name)
	return profile, nil
}
