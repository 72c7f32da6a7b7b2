package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// lookupVMSize finds the configured vm_size. An unknown size is a warning:
// AKS may know sizes the catalogue doesn't.
func lookupVMSize(ctx context.Context, base path.Path, p Pool, sizes *vmsizes.Catalogue, location string) (vmsizes.Size, bool, diag.Diagnostics) {
	if !isSet(p.VMSize) {
		return vmsizes.Size{}, false, nil
	}
	name := p.VMSize.ValueString()
	if size, ok := sizes.Lookup(ctx, location, name); ok {
		return size, true, nil
	}
	at := base.AtName("vm_size")
	where := "the provider's embedded VM size catalogue"
	live := false // the region's live list was read: it is authoritative
	if sizes.HasLister() && location != "" {
		where += fmt.Sprintf(" nor the sizes the Compute Resource SKUs API lists in %s", location)
		if err := sizes.LiveError(ctx, location); err != nil {
			where += fmt.Sprintf(" (the live list could not be fetched: %s)", err)
		} else {
			live = true
		}
	}
	if live {
		return vmsizes.Size{}, false, diag.Diagnostics{ruleError(at, "VM size not offered in the cluster's region",
			explain(fmt.Sprintf("%s = %q is in neither %s.", shown(at), name, where),
				"AKS accepts the VM sizes the Compute platform offers in the cluster's location",
				"the Compute Resource SKUs API (https://learn.microsoft.com/rest/api/compute/resource-skus/list)",
				fmt.Sprintf(`check the spelling against "az vm list-skus --location %s --resource-type virtualMachines --output table" and choose a size listed there.`, location)))}
	}
	return vmsizes.Size{}, false, diag.Diagnostics{ruleWarning(at, "Unknown VM size",
		explain(fmt.Sprintf("%s = %q is in neither %s, so the rules that depend on the VM size (CPU architecture, ephemeral OS disk, temporary disk, host encryption) were not checked.", shown(at), name, where),
			"AKS accepts the VM sizes the Compute platform offers in the cluster's location",
			"the Compute Resource SKUs API",
			`check the spelling against "az vm list-skus --location <location> --resource-type virtualMachines"; if the size is new, AKS checks it at apply.`))}
}

func lookupSize(ctx context.Context, p Pool, sizes *vmsizes.Catalogue, location string) (vmsizes.Size, bool) {
	if !isSet(p.VMSize) {
		return vmsizes.Size{}, false
	}
	return sizes.Lookup(ctx, location, p.VMSize.ValueString())
}
