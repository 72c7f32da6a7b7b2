package aks

// VirtualMachines pools: virtual_machines_profile.manual_scale to and from the API's
// virtualMachinesProfile.scale.manual.

import (
	"context"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// isVirtualMachinesPool reports whether the settings describe a VirtualMachines pool.
func isVirtualMachinesPool(s nodePoolSettings) bool {
	return s.Type.ValueString() == rules.PoolTypeVirtualMachines
}

// manualScales reads virtual_machines_profile.manual_scale; ok is false when the profile is
// null or unknown.
func manualScales(ctx context.Context, profile types.Object) ([]manualScaleModel, bool, diag.Diagnostics) {
	if profile.IsNull() || profile.IsUnknown() {
		return nil, false, nil
	}
	var m struct {
		ManualScale types.List `tfsdk:"manual_scale"`
	}
	diags := profile.As(ctx, &m, basetypes.ObjectAsOptions{})
	if diags.HasError() || m.ManualScale.IsUnknown() {
		return nil, false, diags
	}
	var out []manualScaleModel
	diags.Append(m.ManualScale.ElementsAs(ctx, &out, false)...)
	return out, !diags.HasError(), diags
}

// expandVirtualMachinesProfile builds virtualMachinesProfile from the known profile.
func expandVirtualMachinesProfile(ctx context.Context, profile types.Object) (*armcontainerservice.VirtualMachinesProfile, diag.Diagnostics) {
	scales, ok, diags := manualScales(ctx, profile)
	if !ok {
		return nil, diags
	}
	manual := make([]*armcontainerservice.ManualScaleProfile, 0, len(scales))
	for _, m := range scales {
		manual = append(manual, &armcontainerservice.ManualScaleProfile{Size: stringPointer(m.VMSize), Count: int32Pointer(m.NodeCount)})
	}
	return &armcontainerservice.VirtualMachinesProfile{Scale: &armcontainerservice.ScaleProfile{Manual: manual}}, diags
}

// flattenVirtualMachinesProfile reads AKS's profile, keeping the prior spelling of each size (AKS
// compares sizes ignoring case) and null when AKS has none.
func flattenVirtualMachinesProfile(ctx context.Context, p *armcontainerservice.VirtualMachinesProfile, prior types.Object) (types.Object, diag.Diagnostics) {
	if p == nil || p.Scale == nil || p.Scale.Manual == nil {
		return types.ObjectNull(vmProfileAttrTypes), nil
	}
	priorScales, _, diags := manualScales(ctx, prior)
	elems := make([]attr.Value, 0, len(p.Scale.Manual))
	for _, m := range p.Scale.Manual {
		if m == nil {
			continue
		}
		size := types.StringPointerValue(m.Size)
		for _, ps := range priorScales {
			if m.Size != nil && known(ps.VMSize) && strings.EqualFold(ps.VMSize.ValueString(), *m.Size) {
				size = ps.VMSize
			}
		}
		obj, d := types.ObjectValue(manualScaleAttrTypes, map[string]attr.Value{"vm_size": size, "node_count": int64FromInt32(m.Count)})
		diags.Append(d...)
		elems = append(elems, obj)
	}
	list, d := types.ListValue(manualScaleType, elems)
	diags.Append(d...)
	obj, d := types.ObjectValue(vmProfileAttrTypes, map[string]attr.Value{"manual_scale": list})
	diags.Append(d...)
	return obj, diags
}

// virtualMachinesNodeCount is the number of nodes a VirtualMachines pool has: the counts of its
// virtualMachineNodesStatus, else of its manual scale profiles.
func virtualMachinesNodeCount(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) types.Int64 {
	var total int64
	counted := false
	for _, n := range p.VirtualMachineNodesStatus {
		if n != nil && n.Count != nil {
			total, counted = total+int64(*n.Count), true
		}
	}
	if !counted && p.VirtualMachinesProfile != nil && p.VirtualMachinesProfile.Scale != nil {
		for _, m := range p.VirtualMachinesProfile.Scale.Manual {
			if m != nil && m.Count != nil {
				total, counted = total+int64(*m.Count), true
			}
		}
	}
	if !counted {
		return types.Int64Null()
	}
	return types.Int64Value(total)
}

// virtualMachinesRules copies the manual scale profiles into the pool the rules read.
func virtualMachinesRules(s nodePoolSettings, r *rules.Pool) {
	profile := s.VirtualMachinesProfile
	r.ManualScaleSet = !profile.IsNull()
	r.ManualScaleUnknown = profile.IsUnknown()
	scales, ok, _ := manualScales(context.Background(), profile)
	if profile.IsUnknown() || (!profile.IsNull() && !ok) {
		r.ManualScaleUnknown = true
	}
	for _, m := range scales {
		r.ManualScale = append(r.ManualScale, rules.ManualScale{VMSize: m.VMSize, NodeCount: m.NodeCount})
	}
}
