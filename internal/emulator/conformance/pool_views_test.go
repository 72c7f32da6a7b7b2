package conformance_test

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// AKS answers every pool of a cluster twice: as an agentPools resource
// (GET and list of .../agentPools) and inline in the cluster's GET
// (properties.agentPoolProfiles). The 2025-10-01 spec
// (specification/containerservice/resource-manager/Microsoft.ContainerService/aks/stable/2025-10-01/managedClusters.json)
// defines both from one schema: ManagedClusterAgentPoolProfile is
// ManagedClusterAgentPoolProfileProperties plus a required name, and
// AgentPool is id/name/type plus properties of
// ManagedClusterAgentPoolProfileProperties. So for the same pool at the same
// moment the profile, name aside, is the resource's properties, in the same
// order as the list. The provider relies on it: a refresh reads its pools
// from the cluster's GET.
func TestClusterProfilesAreThePoolResources(t *testing.T) {
	e := newEnv(t)
	const cluster = "views"
	e.createCluster(t, cluster, func(mc *armcontainerservice.ManagedCluster) {
		p := mc.Properties.AgentPoolProfiles[0]
		p.AvailabilityZones = []*string{to.Ptr("1"), to.Ptr("2")}
		p.NodeLabels = map[string]*string{"role": to.Ptr("system")}
		p.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to.Ptr("33%")}
	})
	e.createPool(t, cluster, "user", all(vmSize("Standard_D4s_v3"), autoscale(1, 3), func(p *poolProps) {
		p.NodeTaints = []*string{to.Ptr("team=a:NoSchedule")}
		p.Tags = map[string]*string{"env": to.Ptr("test")}
		p.MaxPods = to.Ptr[int32](50)
		p.KubeletConfig = &armcontainerservice.KubeletConfig{CPUManagerPolicy: to.Ptr("static")}
		p.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to.Ptr("1"), DrainTimeoutInMinutes: to.Ptr[int32](15)}
	}))
	e.createPool(t, cluster, "spotty", all(spot, count(1)))
	stopped := poolRequest(count(1))
	stopped.Properties.PowerState = &armcontainerservice.PowerState{Code: to.Ptr(armcontainerservice.CodeStopped)}
	e.createPool(t, cluster, "stopped", count(1))
	if err := e.putPool(t, cluster, "stopped", stopped); err != nil {
		t.Fatalf("stopping pool stopped: %v", err)
	}
	comparePoolViews(t, e, cluster, []string{"system", "user", "spotty", "stopped"})

	// While an operation runs on a pool, both views show it (provisioningState, the new
	// bounds). The operation outlasts the test, so no read sees it end midway.
	e.srv.SetLatency(emulator.LatencyUpdate, time.Hour)
	if _, err := e.aks.NewAgentPoolsClient().BeginCreateOrUpdate(t.Context(), rulesRG, cluster, "user",
		*poolRequest(all(vmSize("Standard_D4s_v3"), autoscale(2, 4))), nil); err != nil {
		t.Fatal(err)
	}
	pool, err := e.getPool(t, cluster, "user")
	if err != nil {
		t.Fatal(err)
	}
	if state := *pool.Properties.ProvisioningState; state == "Succeeded" {
		t.Fatalf("the pool's update is not running: provisioningState %s", state)
	}
	comparePoolViews(t, e, cluster, []string{"system", "user", "spotty", "stopped"})
}

// comparePoolViews compares, as raw JSON, the cluster GET's agentPoolProfiles
// with the agentPools list and each pool's GET, which must hold want in order.
func comparePoolViews(t *testing.T, e *env, cluster string, want []string) {
	t.Helper()
	path := clusterPath(e.subID, rulesRG, cluster)
	mc := object(t, e.call(t, http.MethodGet, path, "2025-10-01", nil, nil).json(t))
	clusterID := text(t, mc["id"])
	profiles := array(t, object(t, mc["properties"])["agentPoolProfiles"])
	listed := array(t, object(t, e.call(t, http.MethodGet, path+"/agentPools", "2025-10-01", nil, nil).json(t))["value"])
	if len(profiles) != len(want) || len(listed) != len(want) {
		t.Fatalf("%d profiles and %d listed pools, want %d (%v)", len(profiles), len(listed), len(want), want)
	}
	for i, name := range want {
		profile := object(t, profiles[i])
		if got := text(t, profile["name"]); got != name {
			t.Fatalf("agentPoolProfiles[%d] is %s, want %s (the list's order)", i, got, name)
		}
		got := e.call(t, http.MethodGet, path+"/agentPools/"+name, "2025-10-01", nil, nil)
		if got.status != http.StatusOK {
			t.Fatalf("GET pool %s: %d %s", name, got.status, got.body)
		}
		pool := object(t, got.json(t))
		if !reflect.DeepEqual(pool, object(t, listed[i])) {
			t.Errorf("pool %s: the list's entry differs from its GET:\nlist %v\nGET  %v", name, listed[i], pool)
		}
		if text(t, pool["name"]) != name || text(t, pool["type"]) != "Microsoft.ContainerService/managedClusters/agentPools" ||
			!strings.EqualFold(text(t, pool["id"]), clusterID+"/agentPools/"+name) {
			t.Errorf("pool %s: name %v, type %v, id %v; want the cluster's id + /agentPools/%s", name, pool["name"], pool["type"], pool["id"], name)
		}
		props := object(t, pool["properties"])
		inline := map[string]any{}
		for k, v := range profile {
			if k != "name" {
				inline[k] = v
			}
		}
		if !reflect.DeepEqual(props, inline) {
			t.Errorf("pool %s: the cluster's profile differs from the pool's properties:\nprofile    %v\nproperties %v", name, inline, props)
		}
		if _, ok := props["eTag"]; !ok {
			t.Errorf("pool %s has no eTag: %v", name, props)
		}
	}
}
