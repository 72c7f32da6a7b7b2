package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

func TestCheckUltraSSDZones(t *testing.T) {
	ultra := func(size string, zones ...string) poolEdit {
		return func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.VMSize, p.EnableUltraSSD = to(size), to(true)
			for _, z := range zones {
				p.AvailabilityZones = append(p.AvailabilityZones, to(z))
			}
		}
	}
	// Microsoft's AgentPoolsCreate_EnableUltraSSD: Standard_DS2_v2 without zones.
	wantError(t, createPool("ultra", ultra("Standard_DS2_v2")), "", "")
	// The capture has no zone details: not judged.
	wantError(t, createPool("ultraz", ultra("Standard_D4s_v3", "1", "2")), "", "")

	sku := skudata.SKU{Name: "Standard_X", LocationInfo: []skudata.LocationInfo{{
		Location: "eastus", Zones: []string{"1", "2", "3"},
		ZoneDetails: []skudata.ZoneDetails{{Name: []string{"1", "2"}, Capabilities: []skudata.Capability{capability(capUltraSSDAvailable, "True")}}},
	}}}
	p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	ultra("Standard_X", "1", "2")(p)
	w := testWorld()
	wantError(t, checkUltraSSDZones(w, sku, p), "", "")
	p.AvailabilityZones = append(p.AvailabilityZones, to("3"))
	wantError(t, checkUltraSSDZones(w, sku, p), codeEnableUltraSSD, "availability zone 3 of location eastus")
	sku.Unknown = []string{skudata.UnknownZoneDetails}
	wantError(t, checkUltraSSDZones(w, sku, p), "", "")
}
