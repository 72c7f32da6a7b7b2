package aksapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestUpdateClusterSendsProfilesAsReadWithIfMatch(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	before, err := env.coord.GetCluster(ctx, env.cluster)
	if err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()

	result, err := env.coord.UpdateCluster(ctx, env.cluster, func(mc *armcontainerservice.ManagedCluster) error {
		mc.SKU.Tier = to.Ptr(armcontainerservice.ManagedClusterSKUTierStandard)
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateCluster: %v", err)
	}
	if got := *result.Cluster.SKU.Tier; got != armcontainerservice.ManagedClusterSKUTierStandard {
		t.Errorf("sku tier after the update = %s, want Standard", got)
	}
	puts := env.calls(http.MethodPut, "/managedClusters/aks-test")
	if len(puts) != 1 {
		t.Fatalf("want 1 managedClusters PUT, got %d", len(puts))
	}
	if puts[0].IfMatch != *before.ETag {
		t.Errorf("If-Match = %q, want the ETag read before the write %q", puts[0].IfMatch, *before.ETag)
	}
	var body struct {
		Properties struct {
			AgentPoolProfiles []map[string]any `json:"agentPoolProfiles"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(puts[0].RequestBody, &body); err != nil {
		t.Fatal(err)
	}
	if len(body.Properties.AgentPoolProfiles) != 1 {
		t.Fatalf("want the one pool profile sent back, got %d", len(body.Properties.AgentPoolProfiles))
	}
	profile := body.Properties.AgentPoolProfiles[0]
	if profile["orchestratorVersion"] == nil {
		t.Errorf("the profile lost its orchestratorVersion: %v", profile)
	}
	for _, readOnly := range []string{"nodeImageVersion", "eTag", "provisioningState", "currentOrchestratorVersion"} {
		if _, ok := profile[readOnly]; ok {
			t.Errorf("the profile carries the read-only field %s: %v", readOnly, profile)
		}
	}
	if n := len(env.calls(http.MethodPut, "/agentPools/nodepool1")); n != 0 {
		t.Errorf("a cluster update must not write the pool through the agentPools API, saw %d PUTs", n)
	}
}

func TestUpdateClusterRereadsAfterPreconditionFailed(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: "/managedClusters/aks-test$", Count: 1,
		Status: http.StatusPreconditionFailed, Code: "PreconditionFailed", Message: "The eTag does not match."})

	if _, err := env.coord.UpdateCluster(ctx, env.cluster, func(mc *armcontainerservice.ManagedCluster) error {
		mc.Tags = map[string]*string{"team": to.Ptr("platform")}
		return nil
	}); err != nil {
		t.Fatalf("UpdateCluster: %v", err)
	}
	// Each PUT follows a fresh read: the refused one and the one sent again.
	var sequence []string
	for _, e := range env.srv.Journal() {
		if strings.HasSuffix(strings.ToLower(e.Path), "/managedclusters/aks-test") {
			sequence = append(sequence, e.Method)
		}
	}
	puts := 0
	for i, method := range sequence {
		if method != http.MethodPut {
			continue
		}
		puts++
		if i == 0 || sequence[i-1] != http.MethodGet {
			t.Errorf("PUT %d was not preceded by a read of the cluster: %v", puts, sequence)
		}
	}
	if puts != 2 {
		t.Errorf("want 2 PUTs (refused, then accepted), got %d: %v", puts, sequence)
	}
}

func TestUpdateClusterWaitsOutAnotherOperation(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: "/managedClusters/aks-test$", Count: 1,
		Status: http.StatusConflict, Code: "OperationNotAllowed", Message: "Operation is not allowed: Another operation (Updating) is in progress, please wait for it to finish before starting a new operation."})

	if _, err := env.coord.UpdateCluster(ctx, env.cluster, func(mc *armcontainerservice.ManagedCluster) error {
		mc.SKU.Tier = to.Ptr(armcontainerservice.ManagedClusterSKUTierStandard)
		return nil
	}); err != nil {
		t.Fatalf("UpdateCluster: %v", err)
	}
	puts := env.calls(http.MethodPut, "/managedClusters/aks-test")
	if len(puts) != 2 || puts[0].Status != http.StatusConflict {
		t.Fatalf("want a refused PUT then an accepted one, got %v", puts)
	}
}

func TestUpdateClusterTagsPatches(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	mc, err := env.coord.UpdateClusterTags(ctx, env.cluster, map[string]*string{"env": to.Ptr("demo")})
	if err != nil {
		t.Fatalf("UpdateClusterTags: %v", err)
	}
	if mc.Tags["env"] == nil || *mc.Tags["env"] != "demo" {
		t.Errorf("tags after the PATCH = %v", mc.Tags)
	}
	if n := len(env.calls(http.MethodPatch, "/managedClusters/aks-test")); n != 1 {
		t.Errorf("want 1 PATCH, got %d", n)
	}
	if n := len(env.calls(http.MethodPut, "/managedClusters/aks-test")); n != 0 {
		t.Errorf("a tags change must not PUT the cluster, got %d PUTs", n)
	}
	// No tags at all is an empty object, which clears them.
	mc, err = env.coord.UpdateClusterTags(ctx, env.cluster, nil)
	if err != nil {
		t.Fatalf("UpdateClusterTags(nil): %v", err)
	}
	if len(mc.Tags) != 0 {
		t.Errorf("tags after clearing = %v", mc.Tags)
	}
}

func TestCreateAndDeleteCluster(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	other := ClusterID{SubscriptionID: env.cluster.SubscriptionID, ResourceGroup: env.cluster.ResourceGroup, Name: "aks-second"}
	mc := armcontainerservice.ManagedCluster{
		Location: to.Ptr("eastus"),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix: to.Ptr("aks-second"),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{
				Name: to.Ptr("system"), Count: to.Ptr[int32](1), Mode: to.Ptr(armcontainerservice.AgentPoolModeSystem),
			}},
		},
	}
	result, err := env.coord.CreateOrUpdateCluster(ctx, other, mc, CreateOnly)
	if err != nil || !result.Accepted || result.Cluster == nil {
		t.Fatalf("CreateOrUpdateCluster: accepted=%v err=%v", result.Accepted, err)
	}
	// A second create of the same name is refused by If-None-Match: *.
	if _, err := env.coord.CreateOrUpdateCluster(ctx, other, mc, CreateOnly); !IsPreconditionFailed(err) {
		t.Errorf("a second create must fail its precondition, got %v", err)
	}

	if err := env.coord.DeleteCluster(ctx, other); err != nil {
		t.Fatalf("DeleteCluster: %v", err)
	}
	if _, err := env.coord.GetCluster(ctx, other); !IsNotFound(err) {
		t.Errorf("the cluster must be gone, GET answered %v", err)
	}
	if err := env.coord.DeleteCluster(ctx, other); err != nil {
		t.Errorf("deleting a cluster that does not exist must succeed, got %v", err)
	}
}
