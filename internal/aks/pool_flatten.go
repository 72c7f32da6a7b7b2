package aks

// Reading an agent pool AKS returned into the shared pool model.

import (
	"context"
	"sort"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
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
		s.OSType = types.StringValue(rules.OSTypeLinux)
	}
	s.OSSKU = stringFromEnum(p.OSSKU)
	s.VMSize = keepSpelling(prior.VMSize, p.VMSize)
	flattenPoolScale(&s, p, *prior)
	flattenPoolVersions(&s, p, *prior)

	s.VnetSubnetID = keepSpelling(prior.VnetSubnetID, p.VnetSubnetID)
	s.PodSubnetID = keepSpelling(prior.PodSubnetID, p.PodSubnetID)
	s.FIPSEnabled = types.BoolValue(p.EnableFIPS != nil && *p.EnableFIPS)
	s.HostEncryptionEnabled = types.BoolValue(p.EnableEncryptionAtHost != nil && *p.EnableEncryptionAtHost)
	s.OSDiskType = stringFromEnum(p.OSDiskType)
	s.OSDiskSizeGB = int64FromInt32(p.OSDiskSizeGB)
	s.KubeletDiskType = stringFromEnum(p.KubeletDiskType)
	s.MaxPods = int64FromInt32(p.MaxPods)
	flattenPoolPriority(&s, p)

	diags := flattenPoolCollections(ctx, &s, p, *prior)
	s.ProvisioningState = types.StringPointerValue(p.ProvisioningState)

	upgrade, d := flattenUpgradeSettings(p.UpgradeSettings, opts)
	diags.Append(d...)
	diags.Append(flattenGroups(ctx, &s, p, opts)...)
	return s, upgrade, diags
}

// flattenPoolScale: with autoscaling on, node_count keeps the prior value and the bounds are
// recorded; without, node_count is the live count and the bounds are null.
func flattenPoolScale(s *nodePoolSettings, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, prior nodePoolSettings) {
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
}

// flattenPoolVersions: the Kubernetes version as configured and as running, and the node image,
// where "latest" stays "latest".
func flattenPoolVersions(s *nodePoolSettings, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, prior nodePoolSettings) {
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
}

// flattenPoolPriority: the priority, and the Spot settings only for Spot pools.
func flattenPoolPriority(s *nodePoolSettings, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	s.Priority = stringFromEnum(p.ScaleSetPriority)
	if s.Priority.IsNull() {
		s.Priority = types.StringValue(rules.PriorityRegular)
	}
	spot := s.Priority.ValueString() == rules.PrioritySpot
	s.EvictionPolicy = stringFromEnum(p.ScaleSetEvictionPolicy)
	if !spot {
		// AKS may echo an eviction policy or price for a Regular pool; they mean nothing there.
		s.EvictionPolicy = types.StringNull()
	}
	s.SpotMaxPrice = types.Float64Null()
	if spot && p.SpotMaxPrice != nil {
		s.SpotMaxPrice = types.Float64Value(float64FromFloat32(*p.SpotMaxPrice))
	}
}

// flattenPoolCollections: zones, labels, taints and tags, without AKS's own Spot label and taint.
// s.Priority must be set already.
func flattenPoolCollections(ctx context.Context, s *nodePoolSettings, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, prior nodePoolSettings) diag.Diagnostics {
	var diags, d diag.Diagnostics
	spot := s.Priority.ValueString() == rules.PrioritySpot
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
	return diags
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
		"undrainable_node_behavior":     stringFromEnum(u.UndrainableNodeBehavior),
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
	case u.UndrainableNodeBehavior != nil && *u.UndrainableNodeBehavior != "" && *u.UndrainableNodeBehavior != armcontainerservice.UndrainableNodeBehaviorSchedule:
		return true
	}
	return false
}

// poolIDs returns the pool's ID and its cluster's ID, keeping the prior spellings when they are
// equal ignoring case.
func poolIDs(pool *armcontainerservice.AgentPool, id aksapi.PoolID, priorID, priorClusterID types.String) (types.String, types.String) {
	apiID := id.String()
	if pool.ID != nil && *pool.ID != "" {
		apiID = *pool.ID
	}
	clusterID := id.Cluster.String()
	if parsed, err := aksapi.ParsePoolID(apiID); err == nil {
		clusterID = parsed.Cluster.String()
	}
	return keepSpelling(priorID, &apiID), keepSpelling(priorClusterID, &clusterID)
}
