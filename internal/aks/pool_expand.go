package aks

// Building agentPools request bodies from the shared pool model: the body of a create, and the
// in-place changes an update applies onto the pool read from AKS.

import (
	"context"
	"slices"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

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
	diags.Append(expandGroups(ctx, s, p)...)

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
	if known(m.UndrainableNodeBehavior) {
		out.UndrainableNodeBehavior = enumPointer[armcontainerservice.UndrainableNodeBehavior](m.UndrainableNodeBehavior)
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
func nodePoolChanges(ctx context.Context, state, plan poolValues) ([]poolChange, diag.Diagnostics) {
	l := &poolChangeList{}
	l.settings(state, plan)
	l.scale(state, plan)
	l.collections(ctx, state, plan)
	l.upgradeSettings(ctx, state, plan)
	l.groups(ctx, state, plan)
	return l.changes, l.diags
}

// poolChangeList collects the changes of an update.
type poolChangeList struct {
	changes []poolChange
	diags   diag.Diagnostics
}

func (l *poolChangeList) add(attribute string, apply func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)) {
	l.changes = append(l.changes, poolChange{attribute: attribute, apply: apply})
}

// settings: the mode, the OS SKU, the Kubernetes version and FIPS.
func (l *poolChangeList) settings(state, plan poolValues) {
	add := l.add
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
}

// scale: autoscaling and its bounds, and the node count.
func (l *poolChangeList) scale(state, plan poolValues) {
	add := l.add
	autoscaling := plan.AutoScalingEnabled.ValueBool()
	autoscalingChanged := changed(state.AutoScalingEnabled, plan.AutoScalingEnabled)
	if autoscalingChanged || (autoscaling && (changed(state.MinCount, plan.MinCount) || changed(state.MaxCount, plan.MaxCount))) {
		add("auto_scaling_enabled", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.EnableAutoScaling = to.Ptr(autoscaling)
			if autoscaling {
				p.MinCount = int32Pointer(plan.MinCount)
				p.MaxCount = int32Pointer(plan.MaxCount)
				// The live count stays, even outside the new bounds: AKS refuses a count change in
				// the update that enables the autoscaler (or while it runs), takes the count as it
				// is (Microsoft's AgentPools_Update example: count 3 with minCount = maxCount = 2),
				// and the autoscaler then brings the pool within the bounds.
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
}

// collections: labels, taints and tags, each replaced whole, keeping AKS's own Spot label and taint.
func (l *poolChangeList) collections(ctx context.Context, state, plan poolValues) {
	add, diags := l.add, &l.diags
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
}

// upgradeSettings: the known values of a managed upgrade_settings block.
func (l *poolChangeList) upgradeSettings(ctx context.Context, state, plan poolValues) {
	stateUpgrade, planUpgrade := state.UpgradeSettings, plan.UpgradeSettings
	if !planUpgrade.IsNull() && !planUpgrade.Equal(stateUpgrade) {
		l.add("upgrade_settings", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			u, d := expandUpgradeSettings(ctx, planUpgrade, p.UpgradeSettings)
			l.diags.Append(d...)
			p.UpgradeSettings = u
		})
	}
}

// applyPoolChanges is the change function of an update: each change applied onto the pool AKS holds.
func applyPoolChanges(changes []poolChange) func(*armcontainerservice.AgentPool) error {
	return func(p *armcontainerservice.AgentPool) error {
		if p.Properties == nil {
			p.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
		}
		for _, c := range changes {
			c.apply(p.Properties)
		}
		return nil
	}
}

func isSpot(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p.ScaleSetPriority != nil && *p.ScaleSetPriority == armcontainerservice.ScaleSetPrioritySpot
}
