package aksapi

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// fillEvery sets every pointer, map and slice field of the struct v points at to a non-nil value,
// so that a conversion dropping a field shows.
func fillEvery(t *testing.T, v any) {
	t.Helper()
	s := reflect.ValueOf(v).Elem()
	for i := range s.NumField() {
		f := s.Field(i)
		switch f.Kind() {
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Map:
			f.Set(reflect.MakeMap(f.Type()))
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		default:
			t.Fatalf("unexpected field kind %s for %s", f.Kind(), s.Type().Field(i).Name)
		}
	}
}

// Every property of a profile reaches the pool, whatever fields the SDK has: the two types are one
// schema, and the conversion goes through their JSON.
func TestPoolsOfCarriesEveryProperty(t *testing.T) {
	profile := &armcontainerservice.ManagedClusterAgentPoolProfile{}
	fillEvery(t, profile)
	profile.Name = to.Ptr("pool1")
	cluster := ClusterID{SubscriptionID: "sub", ResourceGroup: "rg", Name: "c1"}
	mc := &armcontainerservice.ManagedCluster{
		ID:         to.Ptr("/subscriptions/sub/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/c1"),
		Properties: &armcontainerservice.ManagedClusterProperties{AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{profile, nil, {}}},
	}
	pools, err := PoolsOf(cluster, mc)
	if err != nil {
		t.Fatal(err)
	}
	if len(pools) != 1 {
		t.Fatalf("pools = %d, want 1 (nil and nameless profiles left out)", len(pools))
	}
	p := pools[0]
	if *p.Name != "pool1" || *p.Type != "Microsoft.ContainerService/managedClusters/agentPools" ||
		*p.ID != "/subscriptions/sub/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/c1/agentPools/pool1" {
		t.Fatalf("identity: name %q type %q id %q", *p.Name, *p.Type, *p.ID)
	}
	props, prof := reflect.ValueOf(p.Properties).Elem(), reflect.ValueOf(profile).Elem()
	for i := range props.NumField() {
		name := props.Type().Field(i).Name
		src := prof.FieldByName(name)
		if !src.IsValid() {
			t.Fatalf("the profile has no field %s", name)
		}
		if props.Field(i).IsNil() || !reflect.DeepEqual(props.Field(i).Interface(), src.Interface()) {
			t.Errorf("field %s not carried to the pool", name)
		}
	}
	for i := range prof.NumField() {
		if name := prof.Type().Field(i).Name; name != "Name" && !props.FieldByName(name).IsValid() {
			t.Errorf("the profile's field %s has no place in the pool's properties", name)
		}
	}
	// The pool shares nothing with the cluster it came from.
	*profile.Count = 42
	if *p.Properties.Count == 42 {
		t.Fatal("the pool shares its count with the cluster's profile")
	}
}

// Microsoft's example answer of a cluster GET converts to the pool its agentPools GET would answer.
func TestPoolsOfTheOfficialExample(t *testing.T) {
	raw, err := os.ReadFile("../emulator/conformance/testdata/ManagedClustersGet.json")
	if err != nil {
		t.Fatal(err)
	}
	var example struct {
		Responses map[string]struct {
			Body json.RawMessage `json:"body"`
		} `json:"responses"`
	}
	if err := json.Unmarshal(raw, &example); err != nil {
		t.Fatal(err)
	}
	var mc armcontainerservice.ManagedCluster
	if err := json.Unmarshal(example.Responses["200"].Body, &mc); err != nil {
		t.Fatal(err)
	}
	cluster, err := ParseClusterID(*mc.ID)
	if err != nil {
		t.Fatal(err)
	}
	pools, err := PoolsOf(cluster, &mc)
	if err != nil {
		t.Fatal(err)
	}
	if len(pools) != 1 {
		t.Fatalf("pools = %d, want the example's 1", len(pools))
	}
	p := pools[0].Properties
	if *pools[0].Name != "nodepool1" || *pools[0].ID != *mc.ID+"/agentPools/nodepool1" ||
		*p.ETag != "nvewbvoi" || *p.ProvisioningState != "Succeeded" || *p.CurrentOrchestratorVersion != "1.9.6" ||
		*p.NodeImageVersion != "AKSUbuntu:1604:2020.03.11" || *p.Count != 3 || *p.MaxPods != 110 ||
		len(p.AvailabilityZones) != 3 || *p.UpgradeSettings.MaxSurge != "33%" {
		t.Fatalf("converted pool: %s", rawJSON(t, pools[0]))
	}
}

func TestPoolsOfWithoutAnID(t *testing.T) {
	cluster := ClusterID{SubscriptionID: "sub", ResourceGroup: "rg", Name: "c1"}
	pools, err := PoolsOf(cluster, &armcontainerservice.ManagedCluster{Properties: &armcontainerservice.ManagedClusterProperties{
		AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{Name: to.Ptr("a")}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(pools) != 1 || *pools[0].ID != cluster.Pool("a").String() || pools[0].Properties == nil {
		t.Fatalf("pools = %s", rawJSON(t, pools))
	}
	if pools, err := PoolsOf(cluster, &armcontainerservice.ManagedCluster{}); err != nil || len(pools) != 0 {
		t.Fatalf("a cluster without properties: %v, %v", pools, err)
	}
}
