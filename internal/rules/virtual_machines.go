package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The rules of VirtualMachines node pools (type = "VirtualMachines" with virtual_machines_profile).
const sourceVMPools = `the AKS docs "Use Virtual Machines node pools in AKS", How it works and Limitations (https://learn.microsoft.com/azure/aks/virtual-machines-node-pools)`

// MaxManualScaleProfiles is the most VM sizes (manual scale profiles) a VirtualMachines pool has.
const MaxManualScaleProfiles = 5

// checkVirtualMachinesPool: virtual_machines_profile belongs to VirtualMachines pools, which
// take their sizes and counts from it (at least one, each size once, at most five) and have no
// autoscaler in API 2025-10-01.
func checkVirtualMachinesPool(_ context.Context, base path.Path, p Pool, _ *vmsizes.Size) diag.Diagnostics {
	if anyUnknown(p.Type) {
		return nil
	}
	vm := stringOr(p.Type, PoolTypeVirtualMachineScaleSets) == PoolTypeVirtualMachines
	profile := base.AtName("virtual_machines_profile")
	if !vm {
		if p.ManualScaleSet {
			return diag.Diagnostics{ruleError(profile, "virtual_machines_profile needs a VirtualMachines pool",
				explain(fmt.Sprintf("%s is set, but type is %q.", shown(profile), stringOr(p.Type, PoolTypeVirtualMachineScaleSets)),
					"the manual scale profiles of virtualMachinesProfile describe the nodes of a VirtualMachines node pool; a scale set pool takes vm_size and node_count",
					sourceVMPools,
					fmt.Sprintf(`set type = %q, or remove %s and use vm_size and node_count.`, PoolTypeVirtualMachines, shown(profile))))}
		}
		return nil
	}
	var diags diag.Diagnostics
	diags.Append(checkVirtualMachinesScaleSetArguments(base, p)...)
	if isSet(p.SnapshotID) {
		at := base.AtName("snapshot_id")
		diags.Append(ruleError(at, "VirtualMachines pools can't be created from a snapshot",
			explain(fmt.Sprintf("%s is set, but type is %q.", shown(at), PoolTypeVirtualMachines),
				"node pool snapshots aren't supported for Virtual Machines node pools", sourceVMPools,
				fmt.Sprintf(`remove %s, or use type = %q.`, shown(at), PoolTypeVirtualMachineScaleSets))))
	}
	diags.Append(checkVirtualMachinesAutoscaler(base, p)...)
	if p.ManualScaleUnknown {
		return diags
	}
	diags.Append(checkManualScaleProfiles(base, p)...)
	return diags
}

// checkVirtualMachinesScaleSetArguments: a VirtualMachines pool's sizes and counts are its
// manual scale profiles; vm_size and node_count would say the same thing twice, and AKS reports
// neither for such a pool (the official TypeVirtualMachines example's response).
func checkVirtualMachinesScaleSetArguments(base path.Path, p Pool) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, a := range []struct {
		name string
		set  bool
	}{{"vm_size", isSet(p.VMSize)}, {"node_count", isSet(p.NodeCount)}} {
		if !a.set {
			continue
		}
		at := base.AtName(a.name)
		diags.Append(ruleError(at, a.name+" is not used by VirtualMachines pools",
			explain(fmt.Sprintf("%s is set, but type is %q.", shown(at), PoolTypeVirtualMachines),
				"a VirtualMachines node pool takes its VM sizes and node counts from virtualMachinesProfile.scale.manual, one size and count per manual scale profile",
				sourceVMPools,
				fmt.Sprintf("remove %s and list the size and count in virtual_machines_profile.manual_scale.", shown(at)))))
	}
	return diags
}

// checkVirtualMachinesAutoscaler: the cluster autoscaler is not supported on VirtualMachines pools.
func checkVirtualMachinesAutoscaler(base path.Path, p Pool) diag.Diagnostics {
	if !isTrue(p.AutoScalingEnabled) {
		return nil
	}
	at := base.AtName("auto_scaling_enabled")
	return diag.Diagnostics{ruleError(at, "VirtualMachines pools have no cluster autoscaler",
		explain(fmt.Sprintf("%s = true, but type is %q.", shown(at), PoolTypeVirtualMachines),
			"the cluster autoscaler is not supported on Virtual Machines node pools",
			sourceVMPools,
			fmt.Sprintf(`remove %s (set the counts in virtual_machines_profile.manual_scale), or use type = %q.`, shown(at), PoolTypeVirtualMachineScaleSets)))}
}

// checkManualScaleProfiles: at least one profile, at most five, each VM size once.
func checkManualScaleProfiles(base path.Path, p Pool) diag.Diagnostics {
	at := base.AtName("virtual_machines_profile").AtName("manual_scale")
	switch n := len(p.ManualScale); {
	case n == 0:
		return diag.Diagnostics{ruleError(at, "A VirtualMachines pool needs a manual scale profile",
			explain(fmt.Sprintf("type is %q, but %s lists no VM size.", PoolTypeVirtualMachines, shown(at)),
				"a new Virtual Machines node pool needs at least one ManualScaleProfile in its ScaleProfile",
				sourceVMPools,
				fmt.Sprintf(`add %s = [{ vm_size = "Standard_D4s_v3", node_count = 3 }] (your size and count).`, shown(at))))}
	case n > MaxManualScaleProfiles:
		return diag.Diagnostics{ruleError(at, "Too many VM sizes in a VirtualMachines pool",
			explain(fmt.Sprintf("%s lists %d VM sizes.", shown(at), n),
				fmt.Sprintf("a Virtual Machines node pool allows up to %d different VM sizes (manual scale profiles)", MaxManualScaleProfiles),
				sourceVMPools,
				fmt.Sprintf("keep at most %d sizes, or put the others in another node pool.", MaxManualScaleProfiles)))}
	}
	seen := map[string]int{}
	var diags diag.Diagnostics
	for i, m := range p.ManualScale {
		if !isSet(m.VMSize) {
			continue
		}
		key := strings.ToLower(m.VMSize.ValueString())
		if first, dup := seen[key]; dup {
			el := at.AtListIndex(i).AtName("vm_size")
			diags.Append(ruleError(el, "VM size listed twice in a VirtualMachines pool",
				explain(fmt.Sprintf("%s = %q is also the size of manual_scale[%d].", shown(el), m.VMSize.ValueString(), first),
					"only one VM size is allowed in a manual scale profile, and each size has one profile (its count is the profile's node_count)",
					sourceVMPools,
					fmt.Sprintf("merge the two entries into one with the sum of their node_count values, or remove manual_scale[%d].", i))))
			continue
		}
		seen[key] = i
	}
	return diags
}
