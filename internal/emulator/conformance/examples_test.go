package conformance_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// example is one of Microsoft's request/response examples (testdata/).
type example struct {
	Parameters map[string]any `json:"parameters"`
	Responses  map[string]struct {
		Body any `json:"body"`
	} `json:"responses"`
}

// notApplicable lists the examples that can't be replayed, and why. The test
// fails if this list and the examples on disk disagree.
var notApplicable = map[string]string{}

// fieldExceptions are example fields the emulator's answers don't carry (or
// carry with another type), and why. Keys are "file path". The test fails on
// a mismatch not listed here and on an entry that no longer mismatches, so
// the list can neither grow nor go stale silently.
//
// Entries marked "emulator gap" are fixable differences of the emulator's
// core (internal/emulator); remove them when it is fixed.
var fieldExceptions = map[string]string{
	"AgentPoolsCreate_CustomNodeConfig.json /properties/kubeletConfig/podMaxPids":                                 "only the example's 201 answer has podMaxPids, its 200 answer for the same request doesn't: AKS shows no default the emulator could mirror consistently.",
	"AgentPoolsCreate_OSSKU.json /properties/kubeletConfig/podMaxPids":                                            "as for AgentPoolsCreate_CustomNodeConfig: podMaxPids is in the 201 answer only.",
	"AgentPoolsCreate_GPUMIG.json /properties/kubeletConfig/podMaxPids":                                           "as for AgentPoolsCreate_CustomNodeConfig: podMaxPids is in the 201 answer only.",
	"ManagedClustersCreate_Premium.json /properties/privateFQDN":                                                  "the example answers a privateFQDN for a cluster that isn't private (no apiServerAccessProfile.enablePrivateCluster); the emulator gives private clusters only a privateFQDN.",
	"ListAvailableResourceSkusForARegion.json /value[]/locationInfo[]/zoneDetails":                                "the SKU catalogue (internal/skudata, captured by Karpenter's generator) records no zoneDetails.",
	"VirtualNetworkGet.json /properties/subnets[]/properties/ipConfigurations":                                    "a subnet's ipConfigurations are the NICs and load balancer frontends attached to it; the emulator has no NICs or load balancers.",
	"ManagedClustersGetUpgradeProfile.json /properties/agentPoolProfiles[]/upgrades[]/isPreview":                  "a pool can't upgrade past its control plane and the seed's only preview version (1.34.0) is above every GA control plane, so no pool upgrade is a preview.",
	"MaintenanceConfigurationsCreate_Update_MaintenanceWindow.json /properties/maintenanceWindow/schedule/weekly": "the example's request sets a relativeMonthly schedule and its answers show a weekly one (an error of the example); the emulator answers the schedule it was sent.",
	"SnapshotsUpdateTags.json /tags/key1":                                                                         "the example's answer shows the tags from before the update (key1, key2), not the ones it sends (key2, key3); the emulator answers the tags it was sent, as the operation's description says.",
}

// The substitutions that adapt an example request to the emulator: the
// examples' placeholder subscriptions become the emulator's, and their
// placeholder Kubernetes versions (1.7 … 1.26, none offered today) become ""
// (the control plane's version, or the default version for a cluster).
var placeholderSubscriptions = []string{"00000000-0000-0000-0000-000000000000", "/subscriptions/subid/"}

func adapt(v any, sub string) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			if (k == "orchestratorVersion" || k == "kubernetesVersion") && jsonType(val) == "string" {
				out[k] = ""
				continue
			}
			out[adaptString(k, sub)] = adapt(val, sub)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = adapt(val, sub)
		}
		return out
	case string:
		return adaptString(x, sub)
	}
	return v
}

// placeholderLocation is the examples' made-up region; the emulator, like ARM, refuses a location
// it doesn't offer, so the examples run in the seed's eastus.
const placeholderLocation = "location1"

func adaptString(s, sub string) string {
	if s == placeholderLocation {
		return "eastus"
	}
	s = strings.ReplaceAll(s, placeholderSubscriptions[0], sub)
	return strings.ReplaceAll(s, placeholderSubscriptions[1], "/subscriptions/"+sub+"/")
}

// replay holds one example's run: the emulator, the example and the shape
// checks collected for it.
type replay struct {
	t    *testing.T
	e    *env
	file string
	ex   example
	api  string
	seen []string // mismatches as "file path problem"
}

func (r *replay) param(name string) string {
	s, _ := r.ex.Parameters[name].(string)
	if s == placeholderLocation {
		return "eastus"
	}
	return s
}

func (r *replay) body() any { return adapt(r.ex.Parameters["parameters"], r.e.subID) }

// response is the example's answer body for a status code, with the
// emulator's subscription in place of the placeholder one (IDs are also map
// keys, e.g. of userAssignedIdentities).
func (r *replay) response(code string) any {
	resp, ok := r.ex.Responses[code]
	if !ok {
		r.t.Fatalf("%s has no %s response", r.file, code)
	}
	return substituteSubscription(resp.Body, r.e.subID)
}

func substituteSubscription(v any, sub string) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, val := range x {
			out[adaptString(k, sub)] = substituteSubscription(val, sub)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, val := range x {
			out[i] = substituteSubscription(val, sub)
		}
		return out
	case string:
		return adaptString(x, sub)
	}
	return v
}

// asCreateRequest turns a cluster as an example answer shows it into a create
// request: the answers omit the pools' mode, and a cluster needs a System
// pool, so the first pool becomes one. Read-only fields stay: the emulator
// ignores them.
func (r *replay) asCreateRequest(cluster any) any {
	body := object(r.t, adapt(cluster, r.e.subID))
	props := object(r.t, body["properties"])
	profiles, _ := props["agentPoolProfiles"].([]any)
	for _, p := range profiles {
		if object(r.t, p)["mode"] == "System" {
			return body
		}
	}
	if len(profiles) > 0 {
		object(r.t, profiles[0])["mode"] = "System"
	}
	return body
}

// compare checks that actual carries the example's fields for code.
func (r *replay) compare(code string, actual any) {
	r.t.Helper()
	compareShape("", r.response(code), actual, func(m shapeMismatch) {
		r.seen = append(r.seen, r.file+" "+m.path+" "+m.problem)
	})
}

func (r *replay) wantStatus(got rawResponse, codes ...int) {
	r.t.Helper()
	if !slices.Contains(codes, got.status) {
		r.t.Fatalf("want status %v, got %d: %s", codes, got.status, got.body)
	}
	if _, ok := r.ex.Responses[fmt.Sprint(got.status)]; !ok {
		r.t.Fatalf("status %d is not one the example documents", got.status)
	}
}

func (r *replay) clusterPath() string {
	return clusterPath(r.e.subID, r.param("resourceGroupName"), r.param("resourceName"))
}

func (r *replay) poolPath(name string) string { return r.clusterPath() + "/agentPools/" + name }

// put sends a PUT and completes its operation, failing on any error.
func (r *replay) put(path string, body any) (rawResponse, any) {
	r.t.Helper()
	first, final, err := r.e.callLRO(r.t, http.MethodPut, path, r.api, body)
	if err != nil {
		r.t.Fatalf("PUT %s: %v", path, err)
	}
	return first, final
}

// prerequisiteCluster creates the example's cluster, with a Windows profile
// so that Windows pool examples apply.
func (r *replay) prerequisiteCluster(version string) {
	r.t.Helper()
	r.e.createResourceGroup(r.t, r.param("resourceGroupName"))
	props := map[string]any{
		"kubernetesVersion": version,
		"dnsPrefix":         r.param("resourceName"),
		"agentPoolProfiles": []any{map[string]any{"name": "nodepool1", "mode": "System", "count": 1, "vmSize": "Standard_DS2_v2"}},
		"windowsProfile":    map[string]any{"adminUsername": "azureuser", "adminPassword": "replacePassword1234$"},
	}
	if strings.HasPrefix(r.file, "AgentPoolsCreate_WindowsDisableOutboundNAT") {
		// Windows OutboundNAT can be disabled only when the outbound type isn't loadBalancer
		// (nat-gateway.md, "Disable OutboundNAT for Windows").
		props["networkProfile"] = map[string]any{"outboundType": "managedNATGateway"}
	}
	r.put(r.clusterPath(), map[string]any{"location": "eastus", "identity": map[string]any{"type": "SystemAssigned"}, "properties": props})
}

func (r *replay) prerequisitePool(name string, body any) {
	r.t.Helper()
	r.put(r.poolPath(name), body)
}

func userPool(count int) map[string]any {
	return map[string]any{"properties": map[string]any{"mode": "User", "count": count, "vmSize": "Standard_DS2_v2"}}
}

// replayPut replays a create example (201, then the same request again as an
// update, 200); update examples (only the 200 applies) use update=true.
func (r *replay) replayPut(path string, update bool) {
	first, final := r.put(path, r.body())
	if update {
		r.wantStatus(first, http.StatusOK)
		r.compare("200", first.json(r.t))
		r.compare("200", final)
		return
	}
	r.wantStatus(first, http.StatusCreated)
	r.compare("201", first.json(r.t))
	r.compare("200", final)
	again, final := r.put(path, r.body())
	r.wantStatus(again, http.StatusOK)
	r.compare("200", again.json(r.t))
	r.compare("200", final)
}

func (r *replay) get(path string, query url.Values) any {
	r.t.Helper()
	got := r.e.call(r.t, http.MethodGet, path, r.api, nil, query)
	r.wantStatus(got, http.StatusOK)
	return got.json(r.t)
}

// slowUpdates makes updates last long enough to be aborted.
func (r *replay) slowUpdates() {
	r.e.srv.SetLatency(emulator.LatencyUpdate, 5*time.Second)
	r.t.Cleanup(func() { r.e.srv.SetLatency(emulator.LatencyUpdate, -1) })
}

// abort starts an update with target, then replays the abort example.
func (r *replay) abort(path string, start func()) {
	r.slowUpdates()
	start()
	first, _, err := r.e.callLROWith(r.t, http.MethodPost, path+"/abort", r.api, nil, &runtime.NewPollerOptions[any]{FinalStateVia: runtime.FinalStateViaLocation})
	if err != nil {
		r.t.Fatalf("abort: %v", err)
	}
	r.wantStatus(first, http.StatusAccepted)
}

// replays says how each example is replayed.
var replays = map[string]func(r *replay){
	"AgentPoolsAbortOperation.json": func(r *replay) {
		r.prerequisiteCluster("")
		r.prerequisitePool("agentpool1", userPool(1))
		r.abort(r.poolPath("agentpool1"), func() {
			if got := r.e.call(r.t, http.MethodPut, r.poolPath("agentpool1"), r.api, userPool(2), nil); got.status != http.StatusOK {
				r.t.Fatalf("scaling: %d %s", got.status, got.body)
			}
		})
	},
	"AgentPoolsDelete.json": func(r *replay) {
		r.prerequisiteCluster("")
		r.prerequisitePool("agentpool1", userPool(1))
		first, _, err := r.e.callLRO(r.t, http.MethodDelete, r.poolPath("agentpool1"), r.api, nil)
		if err != nil {
			r.t.Fatal(err)
		}
		r.wantStatus(first, http.StatusAccepted)
		r.wantStatus(r.e.call(r.t, http.MethodDelete, r.poolPath("agentpool1"), r.api, nil, nil), http.StatusNoContent)
	},
	"AgentPoolsGet.json": func(r *replay) {
		r.prerequisiteCluster("")
		r.prerequisitePool("agentpool1", adapt(r.response("200"), r.e.subID))
		r.compare("200", r.get(r.poolPath("agentpool1"), nil))
	},
	"AgentPoolsList.json": func(r *replay) {
		r.prerequisiteCluster("")
		for _, item := range array(r.t, object(r.t, r.response("200"))["value"]) {
			r.prerequisitePool(text(r.t, object(r.t, item)["name"]), adapt(item, r.e.subID))
		}
		r.compare("200", r.get(r.clusterPath()+"/agentPools", nil))
	},
	"AgentPoolsGetAgentPoolAvailableVersions.json": func(r *replay) {
		// The example's default version, the control plane's, is a preview
		// one: a cluster on the seed's preview version (1.34.0).
		r.prerequisiteCluster("1.34.0")
		r.compare("200", r.get(r.clusterPath()+"/availableAgentPoolVersions", nil))
	},
	"AgentPoolsGetUpgradeProfile.json": func(r *replay) {
		r.prerequisiteCluster("1.33.3")
		r.prerequisitePool("agentpool1", map[string]any{"properties": map[string]any{"mode": "User", "orchestratorVersion": "1.32.7"}})
		r.compare("200", r.get(r.poolPath("agentpool1")+"/upgradeProfiles/default", nil))
	},
	"AgentPoolsUpgradeNodeImageVersion.json": func(r *replay) {
		r.prerequisiteCluster("")
		r.prerequisitePool("agentpool1", userPool(1))
		first, final, err := r.e.callLROWith(r.t, http.MethodPost, r.poolPath("agentpool1")+"/upgradeNodeImageVersion", r.api, nil,
			&runtime.NewPollerOptions[any]{FinalStateVia: runtime.FinalStateViaLocation})
		if err != nil {
			r.t.Fatal(err)
		}
		r.wantStatus(first, http.StatusAccepted, http.StatusOK)
		if first.status == http.StatusAccepted {
			r.compare("202", first.json(r.t))
			r.compare("202", final)
		}
	},
	"AgentPools_Start.json": func(r *replay) {
		r.prerequisiteCluster("")
		// A stopped pool with the autoscaler the example answer shows.
		r.prerequisitePool("agentpool1", map[string]any{"properties": map[string]any{
			"mode": "User", "count": 2, "enableAutoScaling": true, "minCount": 1, "maxCount": 5,
		}})
		r.prerequisitePool("agentpool1", map[string]any{"properties": map[string]any{"powerState": map[string]any{"code": "Stopped"}}})
		r.replayPut(r.poolPath(r.param("agentPoolName")), true)
	},
	"AgentPools_Stop.json": func(r *replay) {
		r.prerequisiteCluster("")
		r.prerequisitePool("agentpool1", userPool(1))
		r.replayPut(r.poolPath(r.param("agentPoolName")), true)
	},
	"AgentPools_Update.json": func(r *replay) {
		r.prerequisiteCluster("")
		// The pool exists before the update: the same pool without the
		// autoscaler the update turns on.
		pool := object(r.t, r.body())
		props := object(r.t, pool["properties"])
		delete(props, "enableAutoScaling")
		delete(props, "minCount")
		delete(props, "maxCount")
		r.prerequisitePool("agentpool1", pool)
		r.replayPut(r.poolPath(r.param("agentPoolName")), true)
	},
	"KubernetesVersions_List.json": func(r *replay) {
		r.compare("200", r.get("/subscriptions/"+r.e.subID+"/providers/Microsoft.ContainerService/locations/"+r.param("location")+"/kubernetesVersions", nil))
	},
	"ListAvailableResourceSkusForARegion.json": func(r *replay) {
		r.compare("200", r.get("/subscriptions/"+r.e.subID+"/providers/Microsoft.Compute/skus", url.Values{"$filter": {r.param("$filter")}}))
	},
	"ManagedClustersAbortOperation.json": func(r *replay) {
		r.prerequisiteCluster("")
		r.abort(r.clusterPath(), func() {
			got := r.e.call(r.t, http.MethodPatch, r.clusterPath(), r.api, map[string]any{"tags": map[string]any{"a": "b"}}, nil)
			if got.status != http.StatusOK && got.status != http.StatusAccepted {
				r.t.Fatalf("tagging: %d %s", got.status, got.body)
			}
		})
	},
	"ManagedClustersGet.json": func(r *replay) {
		r.e.createResourceGroup(r.t, r.param("resourceGroupName"))
		r.put(r.clusterPath(), r.asCreateRequest(r.response("200")))
		r.compare("200", r.get(r.clusterPath(), nil))
	},
	"ManagedClustersGetUpgradeProfile.json": func(r *replay) {
		// A control plane with a preview upgrade (1.34.0) and its pool behind
		// it: created at 1.32.7, then only the control plane upgraded.
		r.prerequisiteCluster("1.32.7")
		r.put(r.clusterPath(), map[string]any{"location": "eastus", "properties": map[string]any{"kubernetesVersion": "1.33.3"}})
		r.compare("200", r.get(r.clusterPath()+"/upgradeProfiles/default", nil))
	},
	"ManagedClustersList.json": func(r *replay) {
		r.putListedClusters()
		r.compare("200", r.get("/subscriptions/"+r.e.subID+"/providers/Microsoft.ContainerService/managedClusters", nil))
	},
	"ManagedClustersListByResourceGroup.json": func(r *replay) {
		r.putListedClusters()
		r.compare("200", r.get("/subscriptions/"+r.e.subID+"/resourceGroups/"+r.param("resourceGroupName")+"/providers/Microsoft.ContainerService/managedClusters", nil))
	},
	"ManagedClustersListClusterUserCredentials.json": func(r *replay) {
		r.prerequisiteCluster("")
		got := r.e.call(r.t, http.MethodPost, r.clusterPath()+"/listClusterUserCredential", r.api, nil, nil)
		r.wantStatus(got, http.StatusOK)
		r.compare("200", got.json(r.t))
	},
	"ManagedClustersUpdateTags.json": func(r *replay) {
		// The cluster is the one the example answer shows, before the tags change.
		r.e.createResourceGroup(r.t, r.param("resourceGroupName"))
		r.put(r.clusterPath(), r.asCreateRequest(r.response("200")))
		first, final, err := r.e.callLRO(r.t, http.MethodPatch, r.clusterPath(), r.api, r.body())
		if err != nil {
			r.t.Fatal(err)
		}
		r.wantStatus(first, http.StatusOK)
		r.compare("200", first.json(r.t))
		r.compare("200", final)
	},
	"SubnetGet.json": func(r *replay) {
		rg, vnet := r.param("resourceGroupName"), r.param("virtualNetworkName")
		r.e.createResourceGroup(r.t, rg)
		vnetPath := "/subscriptions/" + r.e.subID + "/resourceGroups/" + rg + "/providers/Microsoft.Network/virtualNetworks/" + vnet
		r.put(vnetPath, map[string]any{"location": "eastus", "properties": map[string]any{"addressSpace": map[string]any{"addressPrefixes": []any{"10.0.0.0/8"}}}})
		r.put(vnetPath+"/subnets/"+r.param("subnetName"), adapt(r.response("200"), r.e.subID))
		r.compare("200", r.get(vnetPath+"/subnets/"+r.param("subnetName"), nil))
	},
	"VirtualNetworkGet.json": func(r *replay) {
		rg := r.param("resourceGroupName")
		r.e.createResourceGroup(r.t, rg)
		path := "/subscriptions/" + r.e.subID + "/resourceGroups/" + rg + "/providers/Microsoft.Network/virtualNetworks/" + r.param("virtualNetworkName")
		r.put(path, adapt(r.response("200"), r.e.subID))
		r.compare("200", r.get(path, nil))
	},
}

// putListedClusters creates the clusters a list example shows, from their
// bodies there (read-only fields included: the emulator ignores them).
func (r *replay) putListedClusters() {
	for _, item := range array(r.t, object(r.t, r.response("200"))["value"]) {
		body := object(r.t, adapt(item, r.e.subID))
		id, err := arm.ParseResourceID(text(r.t, body["id"]))
		if err != nil {
			r.t.Fatal(err)
		}
		r.e.createResourceGroup(r.t, id.ResourceGroupName)
		r.put(clusterPath(r.e.subID, id.ResourceGroupName, id.Name), r.asCreateRequest(body))
	}
}

func init() {
	// The example sends osType "AzureLinux": a spec error (OSType is Linux or
	// Windows; Azure Linux is an osSKU). It is replayed as osType Linux with
	// osSKU AzureLinux; the answer is compared as published.
	replays["AgentPoolsCreate_KataVmIsolation.json"] = func(r *replay) {
		r.prerequisiteCluster("")
		body := object(r.t, r.body())
		props := object(r.t, body["properties"])
		props["osType"], props["osSKU"] = "Linux", "AzureLinux"
		path := r.poolPath(r.param("agentPoolName"))
		first, final := r.put(path, body)
		r.wantStatus(first, http.StatusCreated)
		r.compare("201", first.json(r.t))
		r.compare("200", final)
	}
	// Every other create example and the cluster creates replay the same way.
	for _, f := range []string{"AgentPoolsCreate_CRG", "AgentPoolsCreate_CustomNodeConfig", "AgentPoolsCreate_DedicatedHostGroup",
		"AgentPoolsCreate_EnableEncryptionAtHost", "AgentPoolsCreate_EnableFIPS", "AgentPoolsCreate_EnableUltraSSD",
		"AgentPoolsCreate_Ephemeral", "AgentPoolsCreate_GPUMIG", "AgentPoolsCreate_LocalDNS",
		"AgentPoolsCreate_MessageOfTheDay", "AgentPoolsCreate_OSSKU", "AgentPoolsCreate_PPG", "AgentPoolsCreate_Snapshot",
		"AgentPoolsCreate_Spot", "AgentPoolsCreate_TypeVirtualMachines", "AgentPoolsCreate_Update", "AgentPoolsCreate_WasmWasi",
		"AgentPoolsCreate_WindowsDisableOutboundNAT", "AgentPoolsCreate_WindowsOSSKU"} {
		replays[f+".json"] = func(r *replay) {
			r.prerequisiteCluster("")
			r.prerequisiteReferences()
			r.replayPut(r.poolPath(r.param("agentPoolName")), false)
		}
	}
	for _, f := range []string{"ManagedClustersCreate_EnabledFIPS", "ManagedClustersCreate_OSSKU", "ManagedClustersCreate_Premium", "ManagedClustersCreate_Update"} {
		replays[f+".json"] = func(r *replay) {
			r.e.createResourceGroup(r.t, r.param("resourceGroupName"))
			r.replayPut(r.clusterPath(), false)
		}
	}
}

func exampleFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no examples in testdata")
	}
	return files
}

// TestExamples replays every example: its request is accepted and every
// answer carries the example answer's fields with the same JSON types.
func TestExamples(t *testing.T) {
	e := newEnv(t)
	var mismatches []string
	for _, path := range exampleFiles(t) {
		file := filepath.Base(path)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var ex example
		if err := json.Unmarshal(raw, &ex); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if _, skip := notApplicable[file]; skip {
			continue
		}
		run, ok := replays[file]
		if !ok {
			t.Errorf("%s: no replay for this example", file)
			continue
		}
		t.Run(strings.TrimSuffix(file, ".json"), func(t *testing.T) {
			if err := e.srv.Reset(); err != nil {
				t.Fatal(err)
			}
			api, _ := ex.Parameters["api-version"].(string)
			r := &replay{t: t, e: e, file: file, ex: ex, api: api}
			run(r)
			mismatches = append(mismatches, r.seen...)
		})
	}
	checkExceptions(t, mismatches)
}

// checkExceptions fails on a mismatch fieldExceptions doesn't explain, and on
// an exception nothing triggered any more.
func checkExceptions(t *testing.T, mismatches []string) {
	t.Helper()
	used := map[string]bool{}
	var unexplained []string
	for _, m := range mismatches {
		file, rest, _ := strings.Cut(m, " ")
		fieldPath, _, _ := strings.Cut(rest, " ")
		key := file + " " + fieldPath
		if _, ok := fieldExceptions[key]; ok {
			used[key] = true
			continue
		}
		unexplained = append(unexplained, m)
	}
	sort.Strings(unexplained)
	unexplained = slices.Compact(unexplained)
	for _, m := range unexplained {
		t.Errorf("answer differs from the example: %s", m)
	}
	for key := range fieldExceptions {
		if !used[key] && !t.Failed() {
			t.Errorf("field exception %q no longer applies: remove it", key)
		}
	}
}

// TestNotApplicableExamplesExist keeps notApplicable honest: every entry is an
// example on disk, and no example lacks a replay or a reason.
func TestNotApplicableExamplesExist(t *testing.T) {
	onDisk := map[string]bool{}
	for _, path := range exampleFiles(t) {
		onDisk[filepath.Base(path)] = true
	}
	for file := range notApplicable {
		if !onDisk[file] {
			t.Errorf("notApplicable lists %s, which is not in testdata", file)
		}
		if _, both := replays[file]; both {
			t.Errorf("%s has a replay and is listed as not applicable", file)
		}
	}
	for file := range onDisk {
		_, replayed := replays[file]
		_, skipped := notApplicable[file]
		if !replayed && !skipped {
			t.Errorf("%s is neither replayed nor listed as not applicable", file)
		}
	}
	const wantNotApplicable = 0
	if len(notApplicable) != wantNotApplicable {
		t.Errorf("%d examples are not applicable, want %d: update the count deliberately", len(notApplicable), wantNotApplicable)
	}
}
