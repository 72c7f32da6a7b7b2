package functions

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

var _ function.Function = (*ephemeralOSDiskFitsFunction)(nil)

// NewEphemeralOSDiskFitsFunction returns provider::aks::ephemeral_os_disk_fits.
func NewEphemeralOSDiskFitsFunction() function.Function {
	return &ephemeralOSDiskFitsFunction{catalogue: vmsizes.Embedded()}
}

// ephemeralOSDiskFitsFunction answers from the embedded catalogue only: a function has no
// provider configuration, so no live Resource SKUs, and its answer must not change between plan
// and apply.
type ephemeralOSDiskFitsFunction struct {
	catalogue *vmsizes.Catalogue
}

var ephemeralFitAttributes = map[string]attr.Type{
	"vm_size":         types.StringType,
	"os_disk_size_gb": types.Int64Type,
	"required_bytes":  types.Int64Type,
	"supported":       types.BoolType,
	"placement":       types.StringType,
	"capacity_bytes":  types.Int64Type,
	"fits":            types.BoolType,
}

func (f *ephemeralOSDiskFitsFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "ephemeral_os_disk_fits"
}

func (f *ephemeralOSDiskFitsFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Whether an ephemeral OS disk of a given size fits a VM size",
		MarkdownDescription: "Looks `vm_size` up in the provider's embedded VM size catalogue and tells where AKS would place an ephemeral OS disk on it and whether a disk of `os_disk_size_gb` fits there, " +
			"by the rule `aks_node_pool` checks at plan time: the NVMe disk when the size has one and lists the `NvmeDisk` placement, else the cache disk, else the temporary (resource) disk; " +
			"AKS compares bytes, `os_disk_size_gb` × 2^30, and the platform allows at most 2,040 GiB " +
			"([AKS storage concepts](https://learn.microsoft.com/azure/aks/concepts-storage#ephemeral-os-disk), [the AKS guide](https://learn.microsoft.com/azure/aks/create-node-pools#node-pools-with-ephemeral-os-disks)).\n\n" +
			"Returns an object: `vm_size` (the catalogue's spelling), `os_disk_size_gb` (the size checked: the argument, or AKS's default of 128 when it is null), `required_bytes`, " +
			"`supported` (whether the size supports ephemeral OS disks at all), `placement` (`NvmeDisk`, `CacheDisk` or `ResourceDisk`; null when the size has no ephemeral placement), " +
			"`capacity_bytes` (the space of that placement) and `fits`. " +
			"`supported`, `placement`, `capacity_bytes` and `fits` are null when the catalogue's facts for the size do not settle them (some sizes are documented without every disk figure). " +
			"The embedded catalogue is the one shipped with this provider version; the resources also consult the live Resource SKUs API, so a size newer than the provider is known to them but an error here.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "vm_size",
				MarkdownDescription: "The VM size, such as `Standard_D8ds_v5` (matched case-insensitively).",
			},
			function.Int64Parameter{
				Name:                "os_disk_size_gb",
				AllowNullValue:      true,
				MarkdownDescription: fmt.Sprintf("The OS disk size in GB (%d-%d, as `os_disk_size_gb` of a node pool); null means AKS's default of %d (Terraform only: OpenTofu 1.12 cannot pass null to a provider function).", rules.MinOSDiskSizeGB, rules.MaxOSDiskSizeGB, vmsizes.DefaultOSDiskSizeGB),
			},
		},
		Return: function.ObjectReturn{AttributeTypes: ephemeralFitAttributes},
	}
}

func (f *ephemeralOSDiskFitsFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var name string
	var sizeGB types.Int64
	resp.Error = req.Arguments.Get(ctx, &name, &sizeGB)
	if resp.Error != nil {
		return
	}
	requestedGB := vmsizes.DefaultOSDiskSizeGB
	if !sizeGB.IsNull() {
		requestedGB = sizeGB.ValueInt64()
	}
	if requestedGB < rules.MinOSDiskSizeGB || requestedGB > rules.MaxOSDiskSizeGB {
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("os_disk_size_gb = %d is outside the %d-%d GB AKS accepts for an OS disk", requestedGB, rules.MinOSDiskSizeGB, rules.MaxOSDiskSizeGB))
		return
	}
	size, ok := f.catalogue.Lookup(ctx, "", name)
	if !ok {
		resp.Error = function.NewArgumentFuncError(0, fmt.Sprintf("vm_size %q is not in the provider's embedded VM size catalogue; check the spelling (such as \"Standard_D8ds_v5\"), or use the aks_vm_size data source, which also reads the live Resource SKUs API", name))
		return
	}
	result, diags := types.ObjectValue(ephemeralFitAttributes, ephemeralFit(size, requestedGB))
	resp.Error = function.FuncErrorFromDiags(ctx, diags)
	if resp.Error != nil {
		return
	}
	resp.Error = resp.Result.Set(ctx, result)
}

// ephemeralFit computes the function's answer from the catalogue's placement order
// (vmsizes.Size.MaxEphemeralOSDisk), the rule internal/rules checks for os_disk_type = "Ephemeral".
func ephemeralFit(size vmsizes.Size, requestedGB int64) map[string]attr.Value {
	need := requestedGB * vmsizes.GiB
	out := map[string]attr.Value{
		"vm_size":         types.StringValue(size.Name),
		"os_disk_size_gb": types.Int64Value(requestedGB),
		"required_bytes":  types.Int64Value(need),
		"supported":       types.BoolNull(),
		"placement":       types.StringNull(),
		"capacity_bytes":  types.Int64Null(),
		"fits":            types.BoolNull(),
	}
	switch size.EphemeralOSDisk {
	case vmsizes.Yes:
		out["supported"] = types.BoolValue(true)
	case vmsizes.No:
		out["supported"] = types.BoolValue(false)
		out["fits"] = types.BoolValue(false)
		return out
	}
	capacity, placement, known := size.MaxEphemeralOSDisk()
	if !known {
		return out
	}
	if placement != "" {
		out["placement"] = types.StringValue(placement)
	}
	out["capacity_bytes"] = types.Int64Value(capacity)
	out["fits"] = types.BoolValue(need <= capacity && requestedGB <= vmsizes.MaxEphemeralOSDiskGB)
	return out
}
