package conformance_test

import (
	"fmt"
	"net/http"
	"sort"
	"testing"
)

// Values azurerm (hashicorp/terraform-provider-azurerm, through go-azure-sdk)
// sends for attributes its user left unset: empty strings for enums and IDs,
// empty objects and lists, 0 for osDiskSizeGB, explicit nulls. Azure reads
// them as unset: on create they take AKS's default, on an update they keep
// the pool's value (so a PUT of the GET model with them is no change of an
// immutable property).
var azurermUnsetValues = map[string]any{
	"kubeletDiskType": "", "upgradeSettings": map[string]any{}, "nodeTaints": []any{}, "nodeLabels": map[string]any{},
	"tags": map[string]any{}, "availabilityZones": []any{}, "osSKU": "", "osDiskType": "", "scaleDownMode": "",
	"workloadRuntime": "", "gpuInstanceProfile": "", "scaleSetPriority": "", "scaleSetEvictionPolicy": "",
	"podSubnetID": "", "vnetSubnetID": "", "orchestratorVersion": "", "osDiskSizeGB": 0, "minCount": nil, "maxCount": nil,
	"spotMaxPrice": nil, "nodePublicIPPrefixID": "", "proximityPlacementGroupID": "", "kubeletConfig": map[string]any{},
	"linuxOSConfig": map[string]any{}, "networkProfile": map[string]any{}, "osType": "", "type": "", "mode": "",
	"nodeInitializationTaints": []any{}, "messageOfTheDay": "",
}

func TestAzurermUnsetValuesAreAccepted(t *testing.T) {
	e := newEnv(t)
	e.createCluster(t, "azrm", nil)
	base := clusterPath(e.subID, e.baseRG, "azrm") + "/agentPools/"
	keys := make([]string, 0, len(azurermUnsetValues))
	for k := range azurermUnsetValues {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		v := azurermUnsetValues[k]
		name := fmt.Sprintf("p%d", i)
		t.Run(k, func(t *testing.T) {
			props := map[string]any{"mode": "User", "count": 1, "vmSize": "Standard_DS2_v2", k: v}
			if first, _, err := e.callLRO(t, http.MethodPut, base+name, "2025-10-01", map[string]any{"properties": props}); err != nil {
				t.Fatalf("create with %s=%#v: %d %s %v", k, v, first.status, first.body, err)
			}
			before := object(t, e.call(t, http.MethodGet, base+name, "2025-10-01", nil, nil).json(t))
			// azurerm's update: the GET model with its own rendering of the unset attribute
			body := object(t, e.call(t, http.MethodGet, base+name, "2025-10-01", nil, nil).json(t))
			object(t, body["properties"])[k] = v
			if first, _, err := e.callLRO(t, http.MethodPut, base+name, "2025-10-01", body); err != nil {
				t.Fatalf("update with %s=%#v: %d %s %v", k, v, first.status, first.body, err)
			}
			after := object(t, e.call(t, http.MethodGet, base+name, "2025-10-01", nil, nil).json(t))
			for _, answer := range []map[string]any{before, after} {
				if got, ok := object(t, answer["properties"])[k].(string); ok && got == "" {
					t.Errorf("%s answered as \"\": AKS answers its default or nothing", k)
				}
			}
			for _, kept := range []string{"kubeletDiskType", "osDiskSizeGB", "osDiskType", "osSKU", "osType", "type", "mode", "scaleSetPriority", "upgradeSettings"} {
				b, a := object(t, before["properties"])[kept], object(t, after["properties"])[kept]
				if fmt.Sprint(b) != fmt.Sprint(a) {
					t.Errorf("%s changed from %v to %v", kept, b, a)
				}
			}
		})
	}
}
