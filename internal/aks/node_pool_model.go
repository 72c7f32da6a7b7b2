package aks

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/aksforge/terraform-provider-aks/internal/agentpools"
)

// This file holds the node pool settings shared by aks_node_pool, the aks_node_pool(s) data
// sources and (later) aks_cluster's default_node_pool: the Terraform model, and the conversions
// between it and armcontainerservice.AgentPool.

// nodeImageLatest is the node_image_version value that asks for the newest node image.
const nodeImageLatest = "latest"

// AKS's own labels and taints on Spot pools. AKS adds them whatever the request says, so they
// are neither shown as drift nor removed by an update.
const (
	spotLabelKey   = "kubernetes.azure.com/scalesetpriority"
	spotLabelValue = "spot"
	spotTaint      = "kubernetes.azure.com/scalesetpriority=spot:NoSchedule"
)

// nodePoolSettings are an agent pool's settings, the attributes every node pool schema shares:
// poolSettings plus what only aks_node_pool sets (the default pool is always a Regular Linux
// System pool).
type nodePoolSettings struct {
	Mode   types.String `tfsdk:"mode"`
	OSType types.String `tfsdk:"os_type"`
	poolSettings
	Priority       types.String  `tfsdk:"priority"`
	EvictionPolicy types.String  `tfsdk:"eviction_policy"`
	SpotMaxPrice   types.Float64 `tfsdk:"spot_max_price"`
}

// poolSettings are the settings aks_node_pool and aks_cluster's default_node_pool have in common.
type poolSettings struct {
	OSSKU                      types.String `tfsdk:"os_sku"`
	VMSize                     types.String `tfsdk:"vm_size"`
	NodeCount                  types.Int64  `tfsdk:"node_count"`
	CurrentNodeCount           types.Int64  `tfsdk:"current_node_count"`
	AutoScalingEnabled         types.Bool   `tfsdk:"auto_scaling_enabled"`
	MinCount                   types.Int64  `tfsdk:"min_count"`
	MaxCount                   types.Int64  `tfsdk:"max_count"`
	OrchestratorVersion        types.String `tfsdk:"orchestrator_version"`
	CurrentOrchestratorVersion types.String `tfsdk:"current_orchestrator_version"`
	NodeImageVersion           types.String `tfsdk:"node_image_version"`
	CurrentNodeImageVersion    types.String `tfsdk:"current_node_image_version"`
	VnetSubnetID               types.String `tfsdk:"vnet_subnet_id"`
	PodSubnetID                types.String `tfsdk:"pod_subnet_id"`
	FIPSEnabled                types.Bool   `tfsdk:"fips_enabled"`
	OSDiskType                 types.String `tfsdk:"os_disk_type"`
	OSDiskSizeGB               types.Int64  `tfsdk:"os_disk_size_gb"`
	KubeletDiskType            types.String `tfsdk:"kubelet_disk_type"`
	MaxPods                    types.Int64  `tfsdk:"max_pods"`
	Zones                      types.Set    `tfsdk:"zones"`
	NodeLabels                 types.Map    `tfsdk:"node_labels"`
	NodeTaints                 types.List   `tfsdk:"node_taints"`
	Tags                       types.Map    `tfsdk:"tags"`
	HostEncryptionEnabled      types.Bool   `tfsdk:"host_encryption_enabled"`
	ProvisioningState          types.String `tfsdk:"provisioning_state"`
}

// upgradeSettingsModel is the upgrade_settings block.
type upgradeSettingsModel struct {
	MaxSurge                  types.String `tfsdk:"max_surge"`
	MaxUnavailable            types.String `tfsdk:"max_unavailable"`
	DrainTimeoutInMinutes     types.Int64  `tfsdk:"drain_timeout_in_minutes"`
	NodeSoakDurationInMinutes types.Int64  `tfsdk:"node_soak_duration_in_minutes"`
}

var upgradeSettingsAttrTypes = map[string]attr.Type{
	"max_surge":                     types.StringType,
	"max_unavailable":               types.StringType,
	"drain_timeout_in_minutes":      types.Int64Type,
	"node_soak_duration_in_minutes": types.Int64Type,
}

// AKS's defaults for upgradeSettings on a new pool: a pool imported with exactly these is shown
// without an upgrade_settings block, the way it was most likely written.
const (
	defaultMaxSurge              = "10%"
	defaultDrainTimeoutInMinutes = 30
)

// flattenOptions says how to reconcile AKS's answer with what Terraform holds.
type flattenOptions struct {
	// prior is the state (or, during import, a state with only the ID) the values are refreshed
	// over; nil in data sources.
	prior *nodePoolSettings
	// priorUpgradeSettings is the prior upgrade_settings block (null when not managed).
	priorUpgradeSettings types.Object
	// importing is true when there is no prior configuration to honour.
	importing bool
	// showUpgradeSettings fills upgrade_settings whatever the prior state (data sources).
	showUpgradeSettings bool
}

// flattenNodePool sets s from the pool AKS returned. Rules that keep plans empty:
//   - with autoscaling on, node_count keeps the prior value (the count at create or last set by
//     the user); the live count is current_node_count, so the autoscaler never shows as drift;
//   - node_image_version "latest" stays "latest"; current_node_image_version is what runs;
//   - IDs keep the prior spelling when they are equal ignoring case (ARM IDs are
//     case-insensitive); a real change is still shown;
//   - empty maps and lists read as null unless the prior value was an empty one;
//   - AKS's own Spot label and taint are not shown.
func flattenNodePool(ctx context.Context, pool *armcontainerservice.AgentPool, opts flattenOptions) (nodePoolSettings, types.Object, diag.Diagnostics) {
	var diags diag.Diagnostics
	p := pool.Properties
	if p == nil {
		p = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	}
	prior := opts.prior
	if prior == nil {
		prior = &nodePoolSettings{}
	}
	var s nodePoolSettings

	s.Mode = stringFromEnum(p.Mode)
	s.OSType = stringFromEnum(p.OSType)
	if s.OSType.IsNull() {
		s.OSType = types.StringValue(string(armcontainerservice.OSTypeLinux))
	}
	s.OSSKU = stringFromEnum(p.OSSKU)
	s.VMSize = keepSpelling(prior.VMSize, p.VMSize)

	autoscaling := p.EnableAutoScaling != nil && *p.EnableAutoScaling
	s.AutoScalingEnabled = types.BoolValue(autoscaling)
	s.CurrentNodeCount = int64FromInt32(p.Count)
	s.NodeCount = s.CurrentNodeCount
	if autoscaling && !prior.NodeCount.IsNull() && !prior.NodeCount.IsUnknown() {
		s.NodeCount = prior.NodeCount
	}
	s.MinCount = types.Int64Null()
	s.MaxCount = types.Int64Null()
	if autoscaling {
		s.MinCount = int64FromInt32(p.MinCount)
		s.MaxCount = int64FromInt32(p.MaxCount)
	}

	s.OrchestratorVersion = types.StringPointerValue(p.OrchestratorVersion)
	s.CurrentOrchestratorVersion = types.StringPointerValue(p.CurrentOrchestratorVersion)
	if s.CurrentOrchestratorVersion.IsNull() {
		s.CurrentOrchestratorVersion = s.OrchestratorVersion
	}
	s.CurrentNodeImageVersion = types.StringPointerValue(p.NodeImageVersion)
	s.NodeImageVersion = s.CurrentNodeImageVersion
	if prior.NodeImageVersion.ValueString() == nodeImageLatest {
		s.NodeImageVersion = types.StringValue(nodeImageLatest)
	}

	s.VnetSubnetID = keepSpelling(prior.VnetSubnetID, p.VnetSubnetID)
	s.PodSubnetID = keepSpelling(prior.PodSubnetID, p.PodSubnetID)
	s.FIPSEnabled = types.BoolValue(p.EnableFIPS != nil && *p.EnableFIPS)
	s.HostEncryptionEnabled = types.BoolValue(p.EnableEncryptionAtHost != nil && *p.EnableEncryptionAtHost)
	s.OSDiskType = stringFromEnum(p.OSDiskType)
	s.OSDiskSizeGB = int64FromInt32(p.OSDiskSizeGB)
	s.KubeletDiskType = stringFromEnum(p.KubeletDiskType)
	s.MaxPods = int64FromInt32(p.MaxPods)

	s.Priority = stringFromEnum(p.ScaleSetPriority)
	if s.Priority.IsNull() {
		s.Priority = types.StringValue(string(armcontainerservice.ScaleSetPriorityRegular))
	}
	spot := s.Priority.ValueString() == string(armcontainerservice.ScaleSetPrioritySpot)
	s.EvictionPolicy = stringFromEnum(p.ScaleSetEvictionPolicy)
	if !spot {
		// AKS may echo an eviction policy or price for a Regular pool; they mean nothing there.
		s.EvictionPolicy = types.StringNull()
	}
	s.SpotMaxPrice = types.Float64Null()
	if spot && p.SpotMaxPrice != nil {
		s.SpotMaxPrice = types.Float64Value(float64FromFloat32(*p.SpotMaxPrice))
	}

	var d diag.Diagnostics
	zones := make([]string, 0, len(p.AvailabilityZones))
	for _, z := range p.AvailabilityZones {
		if z != nil {
			zones = append(zones, *z)
		}
	}
	sort.Strings(zones)
	s.Zones, d = stringSetOrNull(ctx, zones, prior.Zones)
	diags.Append(d...)

	labels := map[string]string{}
	for k, v := range p.NodeLabels {
		if v == nil || (spot && k == spotLabelKey && *v == spotLabelValue) {
			continue
		}
		labels[k] = *v
	}
	s.NodeLabels, d = stringMapOrNull(ctx, labels, prior.NodeLabels)
	diags.Append(d...)

	var taints []string
	for _, t := range p.NodeTaints {
		if t == nil || (spot && *t == spotTaint) {
			continue
		}
		taints = append(taints, *t)
	}
	s.NodeTaints, d = stringListOrNull(ctx, taints, prior.NodeTaints)
	diags.Append(d...)

	tags := map[string]string{}
	for k, v := range p.Tags {
		if v != nil {
			tags[k] = *v
		}
	}
	s.Tags, d = stringMapOrNull(ctx, tags, prior.Tags)
	diags.Append(d...)

	s.ProvisioningState = types.StringPointerValue(p.ProvisioningState)

	upgrade, d := flattenUpgradeSettings(p.UpgradeSettings, opts)
	diags.Append(d...)
	return s, upgrade, diags
}

// flattenUpgradeSettings returns the upgrade_settings block: filled when the prior state manages
// it, or, on import, when AKS holds settings other than its defaults; null otherwise, so a
// configuration without the block plans cleanly.
func flattenUpgradeSettings(u *armcontainerservice.AgentPoolUpgradeSettings, opts flattenOptions) (types.Object, diag.Diagnostics) {
	managed := !opts.priorUpgradeSettings.IsNull() && !opts.priorUpgradeSettings.IsUnknown()
	if !managed && !opts.showUpgradeSettings && (!opts.importing || !upgradeSettingsNonDefault(u)) {
		return types.ObjectNull(upgradeSettingsAttrTypes), nil
	}
	if u == nil {
		u = &armcontainerservice.AgentPoolUpgradeSettings{}
	}
	return types.ObjectValue(upgradeSettingsAttrTypes, map[string]attr.Value{
		"max_surge":                     types.StringPointerValue(u.MaxSurge),
		"max_unavailable":               types.StringPointerValue(u.MaxUnavailable),
		"drain_timeout_in_minutes":      int64FromInt32(u.DrainTimeoutInMinutes),
		"node_soak_duration_in_minutes": int64FromInt32(u.NodeSoakDurationInMinutes),
	})
}

func upgradeSettingsNonDefault(u *armcontainerservice.AgentPoolUpgradeSettings) bool {
	if u == nil {
		return false
	}
	switch {
	case u.MaxSurge != nil && *u.MaxSurge != "" && *u.MaxSurge != defaultMaxSurge:
		return true
	case u.MaxUnavailable != nil && *u.MaxUnavailable != "" && *u.MaxUnavailable != "0":
		return true
	case u.DrainTimeoutInMinutes != nil && *u.DrainTimeoutInMinutes != defaultDrainTimeoutInMinutes:
		return true
	case u.NodeSoakDurationInMinutes != nil && *u.NodeSoakDurationInMinutes != 0:
		return true
	}
	return false
}

// expandNodePool builds the body of a create from the planned settings. Unknown and null values
// are left out, so AKS applies its defaults, which Read then records.
func expandNodePool(ctx context.Context, s nodePoolSettings, upgrade types.Object) (armcontainerservice.AgentPool, diag.Diagnostics) {
	var diags diag.Diagnostics
	p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Type:   to.Ptr(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets),
		Mode:   enumPointer[armcontainerservice.AgentPoolMode](s.Mode),
		OSType: enumPointer[armcontainerservice.OSType](s.OSType),
		OSSKU:  enumPointer[armcontainerservice.OSSKU](s.OSSKU),
		VMSize: stringPointer(s.VMSize),

		OrchestratorVersion: stringPointer(s.OrchestratorVersion),
		VnetSubnetID:        stringPointer(s.VnetSubnetID),
		PodSubnetID:         stringPointer(s.PodSubnetID),
		EnableFIPS:          boolPointer(s.FIPSEnabled),
		OSDiskType:          enumPointer[armcontainerservice.OSDiskType](s.OSDiskType),
		OSDiskSizeGB:        int32Pointer(s.OSDiskSizeGB),
		KubeletDiskType:     enumPointer[armcontainerservice.KubeletDiskType](s.KubeletDiskType),
		MaxPods:             int32Pointer(s.MaxPods),

		ScaleSetPriority:       enumPointer[armcontainerservice.ScaleSetPriority](s.Priority),
		ScaleSetEvictionPolicy: enumPointer[armcontainerservice.ScaleSetEvictionPolicy](s.EvictionPolicy),
		EnableEncryptionAtHost: boolPointer(s.HostEncryptionEnabled),
	}
	if known(s.SpotMaxPrice) {
		p.SpotMaxPrice = to.Ptr(float32(s.SpotMaxPrice.ValueFloat64()))
	}

	autoscaling := s.AutoScalingEnabled.ValueBool()
	p.EnableAutoScaling = to.Ptr(autoscaling)
	p.Count = int32Pointer(s.NodeCount)
	if autoscaling {
		p.MinCount = int32Pointer(s.MinCount)
		p.MaxCount = int32Pointer(s.MaxCount)
		if p.Count == nil {
			// AKS needs a count within [min, max] to start from.
			p.Count = p.MinCount
		}
	}

	var d diag.Diagnostics
	p.AvailabilityZones, d = stringPointers(ctx, s.Zones)
	diags.Append(d...)
	p.NodeLabels, d = stringPointerMap(ctx, s.NodeLabels)
	diags.Append(d...)
	p.NodeTaints, d = stringPointers(ctx, s.NodeTaints)
	diags.Append(d...)
	p.Tags, d = stringPointerMap(ctx, s.Tags)
	diags.Append(d...)
	p.UpgradeSettings, d = expandUpgradeSettings(ctx, upgrade, nil)
	diags.Append(d...)

	return armcontainerservice.AgentPool{Properties: p}, diags
}

// expandUpgradeSettings applies the known values of the upgrade_settings block onto current (nil
// on create). A null block leaves AKS's settings as they are.
func expandUpgradeSettings(ctx context.Context, block types.Object, current *armcontainerservice.AgentPoolUpgradeSettings) (*armcontainerservice.AgentPoolUpgradeSettings, diag.Diagnostics) {
	if block.IsNull() || block.IsUnknown() {
		return current, nil
	}
	var m upgradeSettingsModel
	diags := block.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() {
		return current, diags
	}
	out := &armcontainerservice.AgentPoolUpgradeSettings{}
	if current != nil {
		copied := *current
		out = &copied
	}
	if known(m.MaxSurge) {
		out.MaxSurge = m.MaxSurge.ValueStringPointer()
	}
	if known(m.MaxUnavailable) {
		out.MaxUnavailable = m.MaxUnavailable.ValueStringPointer()
	}
	if known(m.DrainTimeoutInMinutes) {
		out.DrainTimeoutInMinutes = int32Pointer(m.DrainTimeoutInMinutes)
	}
	if known(m.NodeSoakDurationInMinutes) {
		out.NodeSoakDurationInMinutes = int32Pointer(m.NodeSoakDurationInMinutes)
	}
	return out, diags
}

// poolChange is one in-place change an update applies onto the pool read from AKS.
type poolChange struct {
	attribute string
	apply     func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)
}

// nodePoolChanges lists the in-place changes between state and plan, each applied onto AKS's
// current pool so that nothing else is touched (in particular not the autoscaler's count).
// An empty list means the update needs no PUT.
func nodePoolChanges(ctx context.Context, state, plan nodePoolSettings, stateUpgrade, planUpgrade types.Object) ([]poolChange, diag.Diagnostics) {
	var diags diag.Diagnostics
	var changes []poolChange
	add := func(attribute string, apply func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)) {
		changes = append(changes, poolChange{attribute: attribute, apply: apply})
	}

	if changed(state.Mode, plan.Mode) {
		add("mode", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Mode = enumPointer[armcontainerservice.AgentPoolMode](plan.Mode)
		})
	}
	if changed(state.OSSKU, plan.OSSKU) {
		add("os_sku", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.OSSKU = enumPointer[armcontainerservice.OSSKU](plan.OSSKU)
		})
	}
	if changed(state.OrchestratorVersion, plan.OrchestratorVersion) {
		add("orchestrator_version", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.OrchestratorVersion = stringPointer(plan.OrchestratorVersion)
		})
	}
	if changed(state.FIPSEnabled, plan.FIPSEnabled) {
		add("fips_enabled", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.EnableFIPS = boolPointer(plan.FIPSEnabled)
		})
	}

	autoscaling := plan.AutoScalingEnabled.ValueBool()
	autoscalingChanged := changed(state.AutoScalingEnabled, plan.AutoScalingEnabled)
	if autoscalingChanged || (autoscaling && (changed(state.MinCount, plan.MinCount) || changed(state.MaxCount, plan.MaxCount))) {
		add("auto_scaling_enabled", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.EnableAutoScaling = to.Ptr(autoscaling)
			if autoscaling {
				p.MinCount = int32Pointer(plan.MinCount)
				p.MaxCount = int32Pointer(plan.MaxCount)
				// Keep the live count when it is within the new bounds; AKS refuses one outside.
				if p.Count != nil && p.MinCount != nil && *p.Count < *p.MinCount {
					p.Count = p.MinCount
				}
				if p.Count != nil && p.MaxCount != nil && *p.Count > *p.MaxCount {
					p.Count = p.MaxCount
				}
			} else {
				// AKS wants the bounds cleared when autoscaling is turned off.
				p.MinCount = nil
				p.MaxCount = nil
			}
		})
	}
	// With autoscaling on, the count belongs to the autoscaler: never sent. With it off, the
	// configured count is sent when it changed or when autoscaling was just turned off.
	if !autoscaling && known(plan.NodeCount) && (changed(state.NodeCount, plan.NodeCount) || autoscalingChanged) {
		add("node_count", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.Count = int32Pointer(plan.NodeCount)
		})
	}

	if !plan.NodeLabels.Equal(state.NodeLabels) {
		labels, d := stringPointerMap(ctx, plan.NodeLabels)
		diags.Append(d...)
		add("node_labels", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			if isSpot(p) {
				if labels == nil {
					labels = map[string]*string{}
				}
				labels[spotLabelKey] = to.Ptr(spotLabelValue)
			}
			if labels == nil {
				labels = map[string]*string{}
			}
			p.NodeLabels = labels
		})
	}
	if !plan.NodeTaints.Equal(state.NodeTaints) {
		taints, d := stringPointers(ctx, plan.NodeTaints)
		diags.Append(d...)
		add("node_taints", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			if isSpot(p) && !slices.ContainsFunc(taints, func(t *string) bool { return *t == spotTaint }) {
				taints = append(taints, to.Ptr(spotTaint))
			}
			if taints == nil {
				taints = []*string{}
			}
			p.NodeTaints = taints
		})
	}
	if !plan.Tags.Equal(state.Tags) {
		tags, d := stringPointerMap(ctx, plan.Tags)
		diags.Append(d...)
		add("tags", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			if tags == nil {
				tags = map[string]*string{}
			}
			p.Tags = tags
		})
	}
	if !planUpgrade.IsNull() && !planUpgrade.Equal(stateUpgrade) {
		add("upgrade_settings", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			u, d := expandUpgradeSettings(ctx, planUpgrade, p.UpgradeSettings)
			diags.Append(d...)
			p.UpgradeSettings = u
		})
	}
	return changes, diags
}

func isSpot(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p.ScaleSetPriority != nil && *p.ScaleSetPriority == armcontainerservice.ScaleSetPrioritySpot
}

// changed reports a difference Terraform plans to apply: unknown planned values count as changes
// only when the state had a value.
func changed(state, plan attr.Value) bool {
	if plan.IsUnknown() {
		return false
	}
	return !plan.Equal(state)
}

func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// keepSpelling returns AKS's value, or the prior one when the two differ only in letter case
// (ARM IDs, VM size names): ARM compares them case-insensitively and a case-only difference is
// not drift.
func keepSpelling(prior types.String, api *string) types.String {
	if api == nil || *api == "" {
		return types.StringNull()
	}
	if known(prior) && strings.EqualFold(prior.ValueString(), *api) {
		return prior
	}
	return types.StringValue(*api)
}

func stringFromEnum[T ~string](v *T) types.String {
	if v == nil || *v == "" {
		return types.StringNull()
	}
	return types.StringValue(string(*v))
}

func enumPointer[T ~string](v types.String) *T {
	if !known(v) {
		return nil
	}
	out := T(v.ValueString())
	return &out
}

func stringPointer(v types.String) *string {
	if !known(v) {
		return nil
	}
	return v.ValueStringPointer()
}

func boolPointer(v types.Bool) *bool {
	if !known(v) {
		return nil
	}
	return v.ValueBoolPointer()
}

func int32Pointer(v types.Int64) *int32 {
	if !known(v) {
		return nil
	}
	return to.Ptr(int32(v.ValueInt64()))
}

// float64FromFloat32 widens the SDK's float32 by its shortest decimal form, so that 0.05 stays 0.05
// rather than 0.05000000074505806 (which would plan as a change of the configured 0.05).
func float64FromFloat32(f float32) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(float64(f), 'g', -1, 32), 64)
	if err != nil {
		return float64(f)
	}
	return v
}

func int64FromInt32(v *int32) types.Int64 {
	if v == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*v))
}

func stringPointers[T interface {
	ElementsAs(context.Context, any, bool) diag.Diagnostics
	attr.Value
}](ctx context.Context, v T) ([]*string, diag.Diagnostics) {
	if !known(v) {
		return nil, nil
	}
	var values []string
	diags := v.ElementsAs(ctx, &values, false)
	out := make([]*string, 0, len(values))
	for _, s := range values {
		out = append(out, to.Ptr(s))
	}
	return out, diags
}

func stringPointerMap(ctx context.Context, v types.Map) (map[string]*string, diag.Diagnostics) {
	if !known(v) {
		return nil, nil
	}
	values := map[string]string{}
	diags := v.ElementsAs(ctx, &values, false)
	out := make(map[string]*string, len(values))
	for k, s := range values {
		out[k] = to.Ptr(s)
	}
	return out, diags
}

// stringMapOrNull is values as a map, or null when values is empty and the prior value was not an
// empty map (a configuration without the attribute then plans cleanly).
func stringMapOrNull(ctx context.Context, values map[string]string, prior types.Map) (types.Map, diag.Diagnostics) {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.MapNull(types.StringType), nil
	}
	return types.MapValueFrom(ctx, types.StringType, values)
}

func stringListOrNull(ctx context.Context, values []string, prior types.List) (types.List, diag.Diagnostics) {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.ListNull(types.StringType), nil
	}
	if values == nil {
		values = []string{}
	}
	return types.ListValueFrom(ctx, types.StringType, values)
}

func stringSetOrNull(ctx context.Context, values []string, prior types.Set) (types.Set, diag.Diagnostics) {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.SetNull(types.StringType), nil
	}
	if values == nil {
		values = []string{}
	}
	return types.SetValueFrom(ctx, types.StringType, values)
}

// poolIDs returns the pool's ID and its cluster's ID, keeping the prior spellings when they are
// equal ignoring case.
func poolIDs(pool *armcontainerservice.AgentPool, id agentpools.PoolID, priorID, priorClusterID types.String) (types.String, types.String) {
	apiID := id.String()
	if pool.ID != nil && *pool.ID != "" {
		apiID = *pool.ID
	}
	clusterID := id.Cluster.String()
	if parsed, err := agentpools.ParsePoolID(apiID); err == nil {
		clusterID = parsed.Cluster.String()
	}
	return keepSpelling(priorID, &apiID), keepSpelling(priorClusterID, &clusterID)
}

// nodePoolDocs documents each node pool attribute once, for the resource and the data sources:
// what AKS does with it.
var nodePoolDocs = map[string]string{
	"id":         "The ARM ID of the agent pool, `/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{cluster}/agentPools/{name}`. This is the ID `terraform import` takes.",
	"cluster_id": "The ARM ID of the managed cluster the pool belongs to. Compared ignoring letter case, as ARM does. Changing it replaces the node pool.",
	"name": "The node pool's name, which is also the prefix of its nodes' names. It must start with a lowercase letter and contain only lowercase letters and digits: " +
		"1-12 characters for Linux pools, 1-6 for Windows pools (Windows node names are limited). Changing it replaces the node pool.",
	"mode": "`System` or `User`. System pools host critical system pods such as CoreDNS and konnectivity; they must run Linux, have at least one node and not be Spot. " +
		"A cluster always keeps at least one System pool, so the last one can be neither deleted nor demoted to `User`. Defaults to `User`; changed in place.",
	"os_type": "`Linux` or `Windows`. Windows pools need a cluster created with a Windows profile and a name of at most 6 characters. Defaults to `Linux`. Changing it replaces the node pool.",
	"os_sku": "The node OS image family. Linux: `Ubuntu`, `Ubuntu2204`, `Ubuntu2404`, `AzureLinux`, `AzureLinux3`; Windows: `Windows2019`, `Windows2022`. " +
		"When unset AKS picks the default for the OS type and Kubernetes version (Ubuntu for Linux) and it is recorded here. " +
		"A change between Linux SKUs (such as Ubuntu to Azure Linux) is made in place: AKS migrates the nodes by reimaging them, like a node image upgrade. Any other change replaces the node pool.",
	"vm_size": "The VM size of the pool's nodes, such as `Standard_D2pds_v5` (ARM64) or `Standard_DS3_v2`. When unset AKS picks a size and it is recorded here. " +
		"AKS can't resize the nodes of an existing pool: changing it replaces the node pool.",
	"node_count": "The number of nodes. Without autoscaling AKS scales the pool to this count (in place). " +
		"With `auto_scaling_enabled`, it is only the starting count at creation (defaults to `min_count`): the autoscaler then owns the count, its changes are never shown as drift and never reverted; see `current_node_count`. " +
		"System pools need at least 1 node; user pools may have 0.",
	"current_node_count":   "The number of nodes the pool has now, as AKS reports it (with autoscaling, what the autoscaler chose).",
	"auto_scaling_enabled": "Whether the cluster autoscaler scales this pool between `min_count` and `max_count`. Defaults to false; changed in place.",
	"min_count":            "The fewest nodes the autoscaler keeps. Required with, and only allowed with, `auto_scaling_enabled`. At least 1 for System pools. Changed in place.",
	"max_count":            "The most nodes the autoscaler creates. Required with, and only allowed with, `auto_scaling_enabled`; at least `min_count`. Changed in place.",
	"orchestrator_version": "The pool's Kubernetes version, `major.minor` (AKS then runs that minor's latest patch and keeps the alias) or `major.minor.patch`. " +
		"When unset the pool gets the control plane's version at creation and it is recorded here. A newer version upgrades the pool in place (nodes are surged, drained and replaced per `upgrade_settings`). " +
		"It can't be above the control plane's version, more than three minors behind it, or a downgrade.",
	"current_orchestrator_version": "The exact Kubernetes version the pool's nodes run, such as `1.33.3` (resolves a `major.minor` `orchestrator_version`).",
	"node_image_version": "The node OS image. Unset: the running image is recorded here and newer images released by AKS are not applied. " +
		"`\"latest\"`: when AKS offers a newer image for the pool, the plan shows it in `current_node_image_version` and apply upgrades the nodes to it " +
		"(as `az aks nodepool upgrade --node-image-only` does, reimaging the nodes). A specific version must be the running one or the newest one offered.",
	"current_node_image_version": "The node image the pool's nodes run, such as `AKSUbuntu-2204gen2containerd-202509.01.0`.",
	"vnet_subnet_id": "The ARM ID of the subnet the nodes join, for a pool on its own subnet. All pools of a cluster must be in the same virtual network, and custom subnets can't be mixed with AKS-managed networking. " +
		"When unset the pool uses the cluster's networking. Changing it replaces the node pool.",
	"pod_subnet_id": "The ARM ID of the subnet pods get their IPs from (Azure CNI with dynamic pod IP allocation). Must be in the same virtual network as `vnet_subnet_id`. Changing it replaces the node pool.",
	"fips_enabled": "Whether nodes use a FIPS 140-2 enabled OS image. Not available with ARM64 sizes except on Azure Linux with Kubernetes 1.31 or later. " +
		"Defaults to false. Changed in place: AKS reimages every node of the pool.",
	"os_disk_type": "`Managed` (a network-attached Azure disk) or `Ephemeral` (on the VM's local cache, temporary or NVMe disk: faster, free, lost on reimage). " +
		"Ephemeral needs a size whose local disk holds the OS disk. When unset AKS uses Ephemeral where the size allows it and it is recorded here. Changing it replaces the node pool.",
	"os_disk_size_gb":   "The OS disk size in GB (GiB, as AKS compares sizes). When unset AKS picks one by VM size (128 GB for small sizes) and it is recorded here. At least 30 GB. Changing it replaces the node pool.",
	"kubelet_disk_type": "Where kubelet data (emptyDir volumes, container images) lives: `OS` (the OS disk) or `Temporary` (the VM's temporary disk). Recorded from AKS when unset. Changing it replaces the node pool.",
	"max_pods":          "The most pods a node runs, 10-250. When unset AKS sets it by network plugin (e.g. 250 for Azure CNI Overlay, 110 for kubenet) and it is recorded here. Changing it replaces the node pool.",
	"zones":             "The availability zones the nodes are spread over, such as `[\"1\", \"2\", \"3\"]`. Changing them replaces the node pool.",
	"node_labels":       "Kubernetes labels on every node of the pool. Keys under `kubernetes.azure.com/` are reserved for AKS. Changed in place.",
	"node_taints":       "Kubernetes taints on every node, each `key=value:Effect` with Effect `NoSchedule`, `PreferNoSchedule` or `NoExecute`. Changed in place (AKS applies them to new and existing nodes).",
	"tags":              "Azure tags on the pool's VM scale set. Changed in place.",
	"priority": "`Regular` or `Spot`. Spot nodes use spare capacity at a discount and can be evicted at any time; AKS adds its own " +
		"`kubernetes.azure.com/scalesetpriority=spot:NoSchedule` taint and label to them (not shown here). Spot pools must be `User` pools. Defaults to `Regular`. Changing it replaces the node pool.",
	"eviction_policy":         "What happens to evicted Spot nodes: `Delete` (AKS's default) or `Deallocate`. Only for Spot pools. Changing it replaces the node pool.",
	"spot_max_price":          "The most you pay per Spot node hour in US dollars, or `-1` (AKS's default) for up to the on-demand price. Only for Spot pools. Changing it replaces the node pool.",
	"host_encryption_enabled": "Whether the nodes' disks and caches are encrypted at the VM host (the size and the subscription feature must support it). Defaults to false. Changing it replaces the node pool.",
	"provisioning_state":      "AKS's provisioning state of the pool, such as `Succeeded` or `Failed`.",
	"upgrade_settings": "How AKS rolls nodes during upgrades and reimages (version upgrades, node image upgrades, OS SKU migration, FIPS changes). " +
		"Without the block AKS's settings are left as they are. Changed in place.",
	"max_surge":                     "Extra nodes created during an upgrade, a count (`1`) or a percentage of the pool (`33%`). AKS defaults to `10%`.",
	"max_unavailable":               "Nodes that may be unavailable during an upgrade, a count or a percentage. Typically `0` with a surge.",
	"drain_timeout_in_minutes":      "How long AKS waits to evict a node's pods (respecting PodDisruptionBudgets) before failing the upgrade. AKS defaults to 30.",
	"node_soak_duration_in_minutes": "How long AKS waits after reimaging a node before moving to the next one, 0-30 minutes.",
	"ignore_pod_disruption_budget_on_delete": "Whether deleting the pool evicts its pods without honouring their PodDisruptionBudgets (the `ignore-pod-disruption-budget` parameter of the delete call), " +
		"so a blocking budget can't stall the deletion. Only affects deletion; no API call is made when it changes. Defaults to false.",
}
