package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func zoneSet(zones ...string) types.Set {
	values := make([]attr.Value, len(zones))
	for i, z := range zones {
		values[i] = types.StringValue(z)
	}
	return types.SetValueMust(types.StringType, values)
}

func TestCheckUltraSSDRegional(t *testing.T) {
	ultra := with(userPool(), func(p *Pool) { p.UltraSSDEnabled = flag(true) })
	// Microsoft's EnableUltraSSD example (Standard_DS2_v2, no zones) is warned, not refused.
	expectDiags(t, checkUltraSSDRegional(path.Empty(), ultra, embeddedSize(t, "Standard_DS2_v2")),
		warnAt("ultra_ssd_enabled", "Ultra disks without availability zones", "require node pools deployed in availability zones", "zoneDetails"))
	expectDiags(t, checkUltraSSDRegional(path.Empty(), with(ultra, func(p *Pool) { p.HardwareZones = zoneSet("1") }), embeddedSize(t, "Standard_DS2_v2")))
	expectDiags(t, checkUltraSSDRegional(path.Empty(), with(ultra, func(p *Pool) { p.HardwareZones = types.SetUnknown(types.StringType) }), embeddedSize(t, "Standard_DS2_v2")))
	expectDiags(t, checkUltraSSDRegional(path.Empty(), userPool(), embeddedSize(t, "Standard_DS2_v2")))
}

func TestCheckUltraSSDZones(t *testing.T) {
	ultra := with(userPool(), func(p *Pool) { p.UltraSSDEnabled = flag(true); p.HardwareZones = zoneSet("1", "3") })
	size := vmsizes.Size{Name: "Standard_X", Source: "the test's SKU"}
	size.UltraSSDZones = map[string][]string{"eastus": {"1", "2"}, "westus": {}}
	expectDiags(t, checkUltraSSDZones(path.Empty(), ultra, size, "East US"),
		errAt("ultra_ssd_enabled", "Ultra disks are not offered in these zones", "zone 3 of East US", "zones that offer them (1, 2)"))
	expectDiags(t, checkUltraSSDZones(path.Empty(), ultra, size, "westus")) // no zone offers them: the data may be partial
	expectDiags(t, checkUltraSSDZones(path.Empty(), with(ultra, func(p *Pool) { p.HardwareZones = zoneSet("2", "1") }), size, "eastus"))
	expectDiags(t, checkUltraSSDZones(path.Empty(), ultra, size, "northeurope")) // not recorded: not judged
	expectDiags(t, checkUltraSSDZones(path.Empty(), ultra, size, ""))
	expectDiags(t, checkUltraSSDZones(path.Empty(), with(ultra, func(p *Pool) { p.UltraSSDEnabled = flag(false) }), size, "eastus"))
	expectDiags(t, checkUltraSSDZones(path.Empty(), ultra, embeddedSize(t, "Standard_D4s_v3"), "eastus")) // capture without zone details
}
