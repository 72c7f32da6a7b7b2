package rules

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// checkUltraSSDRegional: AKS documents that Ultra disks "require node pools deployed in
// availability zones", and AKS has been seen to answer "Availability zone is required for
// UltraSSD setting" (ErrorCodeEnableUltraSSD). Microsoft's own agentPools example
// (AgentPoolsCreate_EnableUltraSSD, Standard_DS2_v2 without zones) contradicts it, and Compute
// offers Ultra disks without zones in some regions, so a pool without zones is only warned.
func checkUltraSSDRegional(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !isTrue(p.UltraSSDEnabled) || p.HardwareZones.IsUnknown() {
		return nil
	}
	if n, _ := setLen(p.HardwareZones); n > 0 {
		return nil
	}
	at := base.AtName("ultra_ssd_enabled")
	offered := "is not listed as offering Ultra disks without availability zones"
	switch size.UltraSSDRegional {
	case vmsizes.Yes:
		offered = "is listed as offering Ultra disks without availability zones in some regions"
	case vmsizes.Unknown:
		offered = "has no recorded Ultra disk availability without availability zones"
	}
	return diag.Diagnostics{ruleWarning(at, "Ultra disks without availability zones",
		explain(fmt.Sprintf("%s = true without zones; %s %s, according to %s.", shown(at), size.Name, offered, size.Source),
			"AKS documents that Ultra disks require node pools deployed in availability zones; Compute offers them without zones only in select regions", sourceUltraDisks,
			fmt.Sprintf("set zones to availability zones where %s offers Ultra disks (az vm list-skus --location <location> --size %s shows locationInfo.zoneDetails), unless this region offers them without zones.", size.Name, size.Name)))}
}

// checkUltraSSDZones: every zone of the pool must offer Ultra disks for the size in the cluster's
// location (Resource SKUs locationInfo.zoneDetails UltraSSDAvailable). Only judged where zone
// details name at least one zone for the location: a size answered without any (as an emulator
// or a partial capture may) is not refused for it.
func checkUltraSSDZones(base path.Path, p Pool, size vmsizes.Size, location string) diag.Diagnostics {
	if !isTrue(p.UltraSSDEnabled) || location == "" || !isSet(p.HardwareZones) {
		return nil
	}
	var zones []string
	if diags := p.HardwareZones.ElementsAs(context.Background(), &zones, false); diags.HasError() || len(zones) == 0 {
		return nil
	}
	sort.Strings(zones)
	offered := size.UltraSSDZones[skudata.NormalizeLocation(location)]
	if len(offered) == 0 {
		return nil
	}
	var missing []string
	for _, z := range zones {
		if size.UltraSSD(location, z) == vmsizes.No {
			missing = append(missing, z)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	at := base.AtName("ultra_ssd_enabled")
	fix := fmt.Sprintf("set zones to zones that offer them (%s), or set %s = false.", strings.Join(offered, ", "), shown(at))
	return diag.Diagnostics{ruleError(at, "Ultra disks are not offered in these zones",
		explain(fmt.Sprintf("%s = true with zones %s, but %s offers no Ultra disks in zone %s of %s, according to %s.",
			shown(at), strings.Join(zones, ", "), size.Name, strings.Join(missing, ", "), location, size.Source),
			"Ultra disks require node pools deployed in availability zones that support these disks for the VM size", sourceUltraDisks, fix))}
}
