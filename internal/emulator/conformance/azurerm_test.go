package conformance_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
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

// azurerm_kubernetes_cluster_node_pool's lifecycle as azurerm drives it: the
// exists check (404), availableAgentPoolVersions, a create with its body, a
// scale and a relabel as PUTs of the GET model, an ARM64 pool, and deletes
// that honour (and accept) ignore-pod-disruption-budget.
func TestAzurermNodePoolLifecycle(t *testing.T) {
	e := newEnv(t)
	e.createCluster(t, "azrmpools", nil)
	cluster := clusterPath(e.subID, e.baseRG, "azrmpools")
	const api = "2025-10-01"
	if got := e.call(t, http.MethodGet, cluster+"/agentPools/user1", api, nil, nil); got.status != http.StatusNotFound {
		t.Fatalf("exists check: %d %s", got.status, got.body)
	}
	if got := e.call(t, http.MethodGet, cluster+"/availableAgentPoolVersions", api, nil, nil); got.status != http.StatusOK {
		t.Fatalf("availableAgentPoolVersions: %d %s", got.status, got.body)
	}
	pool := func(vmSize string) map[string]any {
		props := map[string]any{"mode": "User", "count": 1, "vmSize": vmSize, "osType": "Linux", "type": "VirtualMachineScaleSets"}
		for k, v := range azurermUnsetValues {
			if _, set := props[k]; !set {
				props[k] = v
			}
		}
		return map[string]any{"properties": props}
	}
	put := func(name string, body any, want int) map[string]any {
		t.Helper()
		first, _, err := e.callLRO(t, http.MethodPut, cluster+"/agentPools/"+name, api, body)
		if err != nil || first.status != want || first.header.Get("Azure-AsyncOperation") == "" {
			t.Fatalf("PUT %s: %d %s %v", name, first.status, first.body, err)
		}
		got := object(t, e.call(t, http.MethodGet, cluster+"/agentPools/"+name, api, nil, nil).json(t))
		if p := object(t, got["properties"]); p["provisioningState"] != "Succeeded" {
			t.Fatalf("%s ended %v", name, p["provisioningState"])
		}
		return got
	}
	got := put("user1", pool("Standard_DS2_v2"), http.StatusCreated)
	object(t, got["properties"])["count"] = 3
	got = put("user1", got, http.StatusOK)
	object(t, got["properties"])["nodeLabels"] = map[string]any{"team": "blue"}
	got = put("user1", got, http.StatusOK)
	if p := object(t, got["properties"]); p["count"] != float64(3) || object(t, p["nodeLabels"])["team"] != "blue" {
		t.Errorf("scaled and relabelled pool: %v", p)
	}
	arm := put("arm1", pool("Standard_D2ps_v5"), http.StatusCreated)
	if p := object(t, arm["properties"]); p["vmSize"] != "Standard_D2ps_v5" || p["osSKU"] != "Ubuntu" {
		t.Errorf("ARM64 pool: %v", p)
	}
	for _, name := range []string{"user1", "arm1"} {
		resp, err := e.send(t.Context(), http.MethodDelete, cluster+"/agentPools/"+name, url.Values{"api-version": {api}, "ignore-pod-disruption-budget": {"true"}}, nil)
		if err != nil || resp.StatusCode != http.StatusAccepted || resp.Header.Get("Location") == "" {
			t.Fatalf("DELETE %s: %v %v", name, resp, err)
		}
		poller, err := runtime.NewPoller[any](resp, e.raw.Pipeline(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := poller.PollUntilDone(t.Context(), pollFast); err != nil {
			t.Fatal(err)
		}
	}
}
