package conformance_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

func azurermCluster() map[string]any {
	pool := map[string]any{"name": "default", "mode": "System", "count": 1, "vmSize": "Standard_DS2_v2", "type": "VirtualMachineScaleSets",
		"kubeletDiskType": "", "upgradeSettings": map[string]any{"maxSurge": "10%"}, "nodeTaints": []any{}, "tags": map[string]any{}, "nodeLabels": map[string]any{},
		"osDiskType": "Managed", "osType": "Linux", "enableAutoScaling": false, "availabilityZones": []any{}, "orchestratorVersion": "", "scaleDownMode": "Delete",
		"enableFIPS": false, "enableNodePublicIP": false, "enableEncryptionAtHost": false, "enableUltraSSD": false, "osSKU": "", "workloadRuntime": "", "maxPods": nil, "osDiskSizeGB": nil,
		"vnetSubnetID": nil, "podSubnetID": nil}
	return map[string]any{
		"location": "eastus", "identity": map[string]any{"type": "SystemAssigned"}, "sku": map[string]any{"name": "Base", "tier": "Free"}, "tags": map[string]any{},
		"properties": map[string]any{
			"dnsPrefix": "azrm", "kubernetesVersion": "", "enableRBAC": true, "disableLocalAccounts": false, "nodeResourceGroup": "",
			"agentPoolProfiles": []any{pool},
			"networkProfile": map[string]any{"networkPlugin": "kubenet", "loadBalancerSku": "standard", "outboundType": "loadBalancer", "ipFamilies": []any{"IPv4"},
				"loadBalancerProfile": map[string]any{"managedOutboundIPs": map[string]any{"count": 1}, "idleTimeoutInMinutes": 0, "allocatedOutboundPorts": 0}},
			"apiServerAccessProfile": map[string]any{"enablePrivateCluster": false, "authorizedIPRanges": []any{}, "disableRunCommand": false},
			"autoUpgradeProfile":     map[string]any{"upgradeChannel": "none", "nodeOSUpgradeChannel": "NodeImage"},
			"addonProfiles":          map[string]any{}, "securityProfile": map[string]any{}, "workloadAutoScalerProfile": map[string]any{},
			"storageProfile": map[string]any{"diskCSIDriver": map[string]any{"enabled": true}, "fileCSIDriver": map[string]any{"enabled": true}, "snapshotController": map[string]any{"enabled": true}},
			"supportPlan":    "KubernetesOfficial", "oidcIssuerProfile": map[string]any{"enabled": false}, "azureMonitorProfile": map[string]any{},
			"metricsProfile": map[string]any{"costAnalysis": map[string]any{"enabled": false}}, "linuxProfile": nil, "windowsProfile": nil, "aadProfile": nil,
			"servicePrincipalProfile": nil, "httpProxyConfig": nil, "identityProfile": nil,
		},
	}
}

// azurerm_kubernetes_cluster's calls: a create with the body azurerm
// builds (empty strings, empty objects and lists, explicit nulls, the
// default pool inline), an update with the GET model, the credentials and
// upgrade profile reads, and the delete with ARM's long-running headers.
func TestAzurermClusterLifecycle(t *testing.T) {
	e := newEnv(t)
	path := clusterPath(e.subID, e.baseRG, "azrm")
	first, _, err := e.callLRO(t, http.MethodPut, path, "2025-10-01", azurermCluster())
	if err != nil {
		t.Fatalf("create: %d %s %v", first.status, first.body, err)
	}
	if first.status != http.StatusCreated || first.header.Get("Azure-AsyncOperation") == "" {
		t.Errorf("create answered %d, Azure-AsyncOperation %q", first.status, first.header.Get("Azure-AsyncOperation"))
	}
	body := object(t, e.call(t, http.MethodGet, path, "2025-10-01", nil, nil).json(t))
	props := object(t, body["properties"])
	if props["kubernetesVersion"] == "" || props["nodeResourceGroup"] == "" || props["provisioningState"] != "Succeeded" {
		t.Errorf("defaults not filled: kubernetesVersion %v, nodeResourceGroup %v, provisioningState %v", props["kubernetesVersion"], props["nodeResourceGroup"], props["provisioningState"])
	}
	pool := object(t, array(t, props["agentPoolProfiles"])[0])
	// "" is no value: AKS's defaults (workloadRuntime OCIContainer, as az aks nodepool show answers it)
	if pool["workloadRuntime"] != "OCIContainer" || pool["kubeletDiskType"] != "OS" {
		t.Errorf("inline pool: workloadRuntime %v, kubeletDiskType %v", pool["workloadRuntime"], pool["kubeletDiskType"])
	}
	props["kubernetesVersion"], props["nodeResourceGroup"] = "", ""
	if first, _, err := e.callLRO(t, http.MethodPut, path, "2025-10-01", body); err != nil || first.status != http.StatusOK {
		t.Fatalf("update with the GET model: %d %s %v", first.status, first.body, err)
	}
	for _, action := range []string{"/listClusterUserCredential", "/listClusterAdminCredential"} {
		got := e.call(t, http.MethodPost, path+action, "2025-10-01", nil, nil)
		if got.status != http.StatusOK || len(array(t, object(t, got.json(t))["kubeconfigs"])) == 0 {
			t.Errorf("%s: %d %s", action, got.status, got.body)
		}
	}
	if got := e.call(t, http.MethodGet, path+"/upgradeProfiles/default", "2025-10-01", nil, nil); got.status != http.StatusOK {
		t.Errorf("upgrade profile: %d %s", got.status, got.body)
	}
	// azurerm deletes with ignore-pod-disruption-budget=true; a non-boolean is refused
	if got := e.call(t, http.MethodDelete, path, "2025-10-01", nil, url.Values{"ignore-pod-disruption-budget": {"yes"}}); got.status != http.StatusBadRequest {
		t.Errorf("ignore-pod-disruption-budget=yes: %d %s", got.status, got.body)
	}
	resp, err := e.send(t.Context(), http.MethodDelete, path, url.Values{"api-version": {"2025-10-01"}, "ignore-pod-disruption-budget": {"true"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	poller, err := runtime.NewPoller[any](resp, e.raw.Pipeline(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := poller.PollUntilDone(t.Context(), pollFast); err != nil {
		t.Fatalf("delete: %v", err)
	}
	first = rawResponse{status: resp.StatusCode, header: resp.Header}
	if first.status != http.StatusAccepted || first.header.Get("Azure-AsyncOperation") == "" || first.header.Get("Location") == "" {
		t.Fatalf("delete: %d %v", first.status, first.header)
	}
	if got := e.call(t, http.MethodGet, path, "2025-10-01", nil, nil); got.status != http.StatusNotFound {
		t.Errorf("GET after delete: %d", got.status)
	}
}
