package aksapi

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestCreateSendsIfNoneMatchAndWaits(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")

	result, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(3), CreateOnly)
	if err != nil {
		t.Fatalf("CreateOrUpdate: %v", err)
	}
	if !result.Accepted || result.Pool == nil {
		t.Fatalf("result = %+v, want accepted with the pool", result)
	}
	if ps := result.Pool.Properties.ProvisioningState; ps == nil || *ps != "Succeeded" {
		t.Fatalf("provisioningState = %v, want Succeeded after the wait", result.Pool.Properties.ProvisioningState)
	}
	if got := *result.Pool.Properties.Count; got != 3 {
		t.Fatalf("count = %d, want 3", got)
	}

	puts := env.calls(http.MethodPut, "/agentPools/mynodepool")
	if len(puts) != 1 {
		t.Fatalf("PUTs = %d, want 1: %+v", len(puts), puts)
	}
	if puts[0].IfNoneMatch != "*" || puts[0].IfMatch != "" {
		t.Fatalf("PUT preconditions If-None-Match=%q If-Match=%q, want * and none", puts[0].IfNoneMatch, puts[0].IfMatch)
	}
	// Read-only fields are never sent back.
	var body map[string]any
	if err := json.Unmarshal(puts[0].RequestBody, &body); err != nil {
		t.Fatal(err)
	}
	props, _ := body["properties"].(map[string]any)
	for _, readOnly := range []string{"eTag", "provisioningState", "nodeImageVersion", "currentOrchestratorVersion"} {
		if _, ok := props[readOnly]; ok {
			t.Errorf("PUT body carries read-only %s", readOnly)
		}
	}

	// A second create of the same pool is refused by the precondition, not applied.
	again, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(5), CreateOnly)
	if !IsPreconditionFailed(err) {
		t.Fatalf("second create error = %v, want 412", err)
	}
	if again.Accepted {
		t.Fatalf("a refused PUT must not be reported as accepted")
	}
	got, err := env.coord.GetPool(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if *got.Properties.Count != 3 {
		t.Fatalf("count after refused create = %d, want 3", *got.Properties.Count)
	}
}

func TestGetReturnsETagAndNotFound(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	if _, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("mynodepool"), userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	pool, err := env.coord.GetPool(ctx, env.cluster.Pool("mynodepool"))
	if err != nil {
		t.Fatal(err)
	}
	if pool.Properties.ETag == nil || *pool.Properties.ETag == "" {
		t.Fatalf("Get returned no ETag")
	}
	_, err = env.coord.GetPool(ctx, env.cluster.Pool("absent"))
	if !IsNotFound(err) {
		t.Fatalf("Get(absent) error = %v, want not found", err)
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusNotFound || apiErr.Code == "" {
		t.Fatalf("error %v is not an APIError with AKS's code", err)
	}
}

func TestUpdateAppliesChangesWithIfMatch(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	if _, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(3), CreateOnly); err != nil {
		t.Fatal(err)
	}
	before, err := env.coord.GetPool(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()

	result, err := env.coord.UpdatePool(ctx, id, func(p *armcontainerservice.AgentPool) error {
		p.Properties.NodeLabels = map[string]*string{"team": to.Ptr("payments")}
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got := result.Pool.Properties.NodeLabels["team"]; got == nil || *got != "payments" {
		t.Fatalf("labels after update = %v", result.Pool.Properties.NodeLabels)
	}
	if *result.Pool.Properties.Count != 3 {
		t.Fatalf("count changed to %d by a labels-only update", *result.Pool.Properties.Count)
	}
	puts := env.calls(http.MethodPut, "/agentPools/mynodepool")
	if len(puts) != 1 {
		t.Fatalf("PUTs = %d, want 1", len(puts))
	}
	if puts[0].IfMatch != *before.Properties.ETag {
		t.Fatalf("If-Match = %q, want the ETag read %q", puts[0].IfMatch, *before.Properties.ETag)
	}
}

func TestUpdateStartsAgainWhenThePoolChangedUnderIt(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	if _, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(3), CreateOnly); err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()

	first := true
	result, err := env.coord.UpdatePool(ctx, id, func(p *armcontainerservice.AgentPool) error {
		if first {
			// Someone (the autoscaler) scales the pool between our read and our write.
			first = false
			if err := env.srv.Mutate(emulator.Mutation{Kind: emulator.MutateScalePool, ID: id.String(), Count: 7}); err != nil {
				return err
			}
		}
		p.Properties.Tags = map[string]*string{"env": to.Ptr("prod")}
		return nil
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got := *result.Pool.Properties.Count; got != 7 {
		t.Fatalf("count = %d: the update overwrote the out-of-band scale to 7", got)
	}
	if got := result.Pool.Properties.Tags["env"]; got == nil || *got != "prod" {
		t.Fatalf("tags = %v, want env=prod", result.Pool.Properties.Tags)
	}
	puts := env.calls(http.MethodPut, "/agentPools/mynodepool")
	if len(puts) != 2 || puts[0].Status != http.StatusPreconditionFailed {
		t.Fatalf("PUTs = %+v, want a 412 then a successful retry", puts)
	}
	if gets := env.calls(http.MethodGet, "/agentPools/mynodepool"); len(gets) < 2 {
		t.Fatalf("GETs = %d, want the pool read again after the 412", len(gets))
	}
}

func TestFailedOperationIsReportedAsAccepted(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	env.srv.AddFault(emulator.Fault{
		Method: http.MethodPut, Path: "/agentPools/broken$", FailOperation: true, Count: 1,
		Code: "ReconcileVMSSAgentPoolFailed", Message: "Code=\"AllocationFailed\": allocation failed for VM size Standard_DS2_v2",
	})
	result, err := env.coord.CreateOrUpdatePool(ctx, env.cluster.Pool("broken"), userPool(2), CreateOnly)
	if err == nil {
		t.Fatal("a Failed operation was reported as success")
	}
	if !result.Accepted {
		t.Fatal("the PUT was accepted: the result must say so, so the caller records the pool")
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "ReconcileVMSSAgentPoolFailed" || !strings.Contains(apiErr.Message, "allocation failed") {
		t.Fatalf("error = %v, want AKS's code and message", err)
	}
	if !strings.Contains(err.Error(), "ReconcileVMSSAgentPoolFailed") || strings.Contains(err.Error(), "RESPONSE") {
		t.Fatalf("error text %q should carry AKS's code without azcore's raw dump", err.Error())
	}
	pool, err := env.coord.GetPool(ctx, env.cluster.Pool("broken"))
	if err != nil {
		t.Fatalf("the failed pool should exist: %v", err)
	}
	if *pool.Properties.ProvisioningState != "Failed" {
		t.Fatalf("provisioningState = %s, want Failed", *pool.Properties.ProvisioningState)
	}
}

func TestRefusedCreateCarriesAKSError(t *testing.T) {
	env := newTestEnv(t)
	pool := userPool(1)
	pool.Properties.Mode = to.Ptr(armcontainerservice.AgentPoolModeSystem)
	pool.Properties.OSType = to.Ptr(armcontainerservice.OSTypeWindows)
	pool.Properties.VMSize = to.Ptr("Standard_D4s_v3")
	result, err := env.coord.CreateOrUpdatePool(context.Background(), env.cluster.Pool("win"), pool, CreateOnly)
	if err == nil {
		t.Fatal("a Windows System pool was accepted")
	}
	if result.Accepted {
		t.Fatal("a 400 must not be reported as accepted")
	}
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusBadRequest || apiErr.Message == "" {
		t.Fatalf("error = %v, want a 400 APIError with AKS's message", err)
	}
}

func TestDeleteSendsIgnorePDBAndToleratesAbsence(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	if _, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(1), CreateOnly); err != nil {
		t.Fatal(err)
	}
	env.srv.ResetJournal()
	if err := env.coord.DeletePool(ctx, id, DeleteOptions{IgnorePodDisruptionBudget: true}); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	deletes := env.calls(http.MethodDelete, "/agentPools/mynodepool")
	if len(deletes) != 1 || !strings.Contains(deletes[0].Query, "ignore-pod-disruption-budget=true") {
		t.Fatalf("DELETEs = %+v, want one with ignore-pod-disruption-budget=true", deletes)
	}
	if _, err := env.coord.GetPool(ctx, id); !IsNotFound(err) {
		t.Fatalf("pool still there after Delete: %v", err)
	}
	if _, err := env.coord.CachedPool(ctx, id); !IsNotFound(err) {
		t.Fatalf("cached list still has the deleted pool: %v", err)
	}
	// Deleting what is already gone is success.
	if err := env.coord.DeletePool(ctx, id, DeleteOptions{}); err != nil {
		t.Fatalf("Delete of an absent pool: %v", err)
	}
	deletes = env.calls(http.MethodDelete, "/agentPools/mynodepool")
	if !strings.Contains(deletes[len(deletes)-1].Query, "ignore-pod-disruption-budget=false") {
		t.Fatalf("DELETE query = %q, want ignore-pod-disruption-budget=false", deletes[len(deletes)-1].Query)
	}
}

func TestUpgradeNodeImageToLatest(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	id := env.cluster.Pool("mynodepool")
	created, err := env.coord.CreateOrUpdatePool(ctx, id, userPool(1), CreateOnly)
	if err != nil {
		t.Fatal(err)
	}
	running := *created.Pool.Properties.NodeImageVersion
	profile, err := env.coord.GetPoolUpgradeProfile(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if profile.Properties == nil || profile.Properties.LatestNodeImageVersion == nil || *profile.Properties.LatestNodeImageVersion != running {
		t.Fatalf("latest node image = %v, want the running %s before a release", profile.Properties, running)
	}

	const released = "AKSUbuntu-2204gen2containerd-209912.01.0"
	osSKU := "Ubuntu"
	if created.Pool.Properties.OSSKU != nil {
		osSKU = string(*created.Pool.Properties.OSSKU)
	}
	if err := env.srv.Mutate(emulator.Mutation{Kind: emulator.MutateReleaseNodeImage, OSSKU: osSKU, Version: released}); err != nil {
		t.Fatal(err)
	}
	profile, err = env.coord.GetPoolUpgradeProfile(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := *profile.Properties.LatestNodeImageVersion; got != released {
		t.Fatalf("latest node image after release = %s, want %s", got, released)
	}
	env.srv.ResetJournal()
	upgraded, err := env.coord.UpgradePoolNodeImage(ctx, id)
	if err != nil {
		t.Fatalf("UpgradeNodeImage: %v", err)
	}
	if got := *upgraded.Properties.NodeImageVersion; got != released {
		t.Fatalf("node image after upgrade = %s, want %s", got, released)
	}
	if n := len(env.calls(http.MethodPost, "/agentPools/mynodepool/upgradeNodeImageVersion")); n != 1 {
		t.Fatalf("upgradeNodeImageVersion calls = %d, want 1", n)
	}
}
