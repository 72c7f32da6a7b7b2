package aks

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

const (
	testCRGID      = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/capacityReservationGroups/crg1"
	testSnapshotID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/snapshots/snapshot1"
)

func TestExpandPlacement(t *testing.T) {
	s := nodePoolSettings{}
	s.CapacityReservationGroupID = types.StringValue(testCRGID)
	s.HostGroupID = types.StringNull()
	s.ProximityPlacementGroupID = types.StringUnknown()
	s.SnapshotID = types.StringValue(testSnapshotID)
	s.MessageOfTheDay = types.StringValue("foo\n")
	s.ScaleDownMode = types.StringValue("Deallocate")
	s.PodIPAllocationMode = types.StringNull()
	p := &poolProperties{}
	if d := expandPlacement(context.Background(), s, p); d.HasError() {
		t.Fatal(d)
	}
	// Microsoft's AgentPoolsCreate_MessageOfTheDay.json sends "foo\n" as "Zm9vCg==".
	check := func(what string, got *string, want string) {
		t.Helper()
		if (want == "") != (got == nil) || (got != nil && *got != want) {
			t.Errorf("%s = %v, want %q", what, got, want)
		}
	}
	check("messageOfTheDay", p.MessageOfTheDay, "Zm9vCg==")
	check("capacityReservationGroupID", p.CapacityReservationGroupID, testCRGID)
	check("hostGroupID", p.HostGroupID, "")
	check("proximityPlacementGroupID", p.ProximityPlacementGroupID, "")
	check("creationData.sourceResourceId", p.CreationData.SourceResourceID, testSnapshotID)
	check("scaleDownMode", enumString(p.ScaleDownMode), "Deallocate")
	check("podIPAllocationMode", enumString(p.PodIPAllocationMode), "")
}

func TestFlattenPlacement(t *testing.T) {
	pool := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.MessageOfTheDay = to.Ptr("Zm9vCg==")
		p.CapacityReservationGroupID = to.Ptr(strings.ToLower(testCRGID))
		p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to.Ptr(testSnapshotID)}
		p.ScaleDownMode = to.Ptr(armcontainerservice.ScaleDownModeDelete)
		p.PodIPAllocationMode = to.Ptr(armcontainerservice.PodIPAllocationModeDynamicIndividual)
		p.UpgradeSettings.UndrainableNodeBehavior = to.Ptr(armcontainerservice.UndrainableNodeBehaviorCordon)
	})
	prior := nodePoolSettings{}
	prior.CapacityReservationGroupID = types.StringValue(testCRGID)
	s, upgrade, d := flattenNodePool(context.Background(), pool, flattenOptions{prior: &prior, importing: true})
	if d.HasError() {
		t.Fatal(d)
	}
	want := map[string]types.String{
		"message_of_the_day":            types.StringValue("foo\n"),
		"capacity_reservation_group_id": types.StringValue(testCRGID), // the prior spelling
		"snapshot_id":                   types.StringValue(testSnapshotID),
		"host_group_id":                 types.StringNull(),
		"scale_down_mode":               types.StringNull(), // AKS's default, not configured
		"pod_ip_allocation_mode":        types.StringNull(),
	}
	got := map[string]types.String{
		"message_of_the_day": s.MessageOfTheDay, "capacity_reservation_group_id": s.CapacityReservationGroupID,
		"snapshot_id": s.SnapshotID, "host_group_id": s.HostGroupID, "scale_down_mode": s.ScaleDownMode,
		"pod_ip_allocation_mode": s.PodIPAllocationMode,
	}
	for k, w := range want {
		if !got[k].Equal(w) {
			t.Errorf("%s = %s, want %s", k, got[k], w)
		}
	}
	// On import, a non-default undrainable node behavior shows the block.
	if v := upgrade.Attributes()["undrainable_node_behavior"]; !v.Equal(types.StringValue("Cordon")) {
		t.Errorf("undrainable_node_behavior = %v, want Cordon", v)
	}

	// An explicitly configured default reads back as configured; data sources show AKS's value.
	prior.ScaleDownMode = types.StringValue("Delete")
	s, _, _ = flattenNodePool(context.Background(), apiPool(nil), flattenOptions{prior: &prior})
	if !s.ScaleDownMode.Equal(types.StringValue("Delete")) {
		t.Errorf("scale_down_mode with AKS silent = %s, want the configured Delete", s.ScaleDownMode)
	}
	s, _, _ = flattenNodePool(context.Background(), pool, flattenOptions{showUpgradeSettings: true})
	if !s.ScaleDownMode.Equal(types.StringValue("Delete")) || !s.PodIPAllocationMode.Equal(types.StringValue("DynamicIndividual")) {
		t.Errorf("data source: scale_down_mode %s, pod_ip_allocation_mode %s", s.ScaleDownMode, s.PodIPAllocationMode)
	}
	// A message AKS holds that isn't base64 is shown as it is.
	if v := decodeMessageOfTheDay(to.Ptr("not base64!")); !v.Equal(types.StringValue("not base64!")) {
		t.Errorf("decodeMessageOfTheDay = %s", v)
	}
}

func TestPlacementChangesAndReplacements(t *testing.T) {
	state := settingsFrom(t, apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.ScaleDownMode = to.Ptr(armcontainerservice.ScaleDownModeDeallocate)
		p.CapacityReservationGroupID = to.Ptr(testCRGID)
	}))
	if !state.ScaleDownMode.Equal(types.StringValue("Deallocate")) {
		t.Fatalf("state scale_down_mode = %s", state.ScaleDownMode)
	}
	// Removing scale_down_mode goes back to AKS's default, Delete, in one change.
	plan := state
	plan.ScaleDownMode = types.StringNull()
	onto := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.ScaleDownMode = to.Ptr(armcontainerservice.ScaleDownModeDeallocate)
	})
	if names := applyChanges(t, state, plan, onto); !slices.Equal(names, []string{"scale_down_mode"}) {
		t.Fatalf("changes = %v", names)
	}
	if got := deref(onto.Properties.ScaleDownMode); got != "Delete" {
		t.Errorf("scaleDownMode sent = %q, want Delete", got)
	}
	// An explicit default over an unset one changes nothing AKS holds.
	state.ScaleDownMode = types.StringNull()
	plan.ScaleDownMode = types.StringValue("Delete")
	if names := applyChanges(t, state, plan, apiPool(nil)); len(names) != 0 {
		t.Errorf("changes = %v, want none", names)
	}

	// Replacements: IDs compare ignoring case; an unset pod IP allocation mode is DynamicIndividual.
	plan = state
	plan.CapacityReservationGroupID = types.StringValue(strings.ToUpper(testCRGID))
	plan.PodIPAllocationMode = types.StringValue("DynamicIndividual")
	if got := placementReplacements(state, plan); len(got) != 0 {
		t.Errorf("replacements = %v, want none", got)
	}
	plan.MessageOfTheDay = types.StringValue("hi")
	plan.PodIPAllocationMode = types.StringValue("StaticBlock")
	plan.SnapshotID = types.StringUnknown()
	plan.HostGroupID = types.StringValue("x")
	want := []string{"host_group_id", "snapshot_id", "message_of_the_day", "pod_ip_allocation_mode"}
	if got := placementReplacements(state, plan); !slices.Equal(got, want) {
		t.Errorf("replacements = %v, want %v", got, want)
	}
}

func TestUpgradeSettingsUndrainableNodeBehavior(t *testing.T) {
	block, d := types.ObjectValue(upgradeSettingsAttrTypes, map[string]attr.Value{
		"max_surge": types.StringNull(), "max_unavailable": types.StringNull(),
		"drain_timeout_in_minutes": types.Int64Null(), "node_soak_duration_in_minutes": types.Int64Null(),
		"undrainable_node_behavior": types.StringValue("Cordon"),
	})
	if d.HasError() {
		t.Fatal(d)
	}
	current := &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to.Ptr("10%")}
	u, d := expandUpgradeSettings(context.Background(), block, current)
	if d.HasError() || deref(u.UndrainableNodeBehavior) != "Cordon" || deref(u.MaxSurge) != "10%" {
		t.Errorf("expanded %+v (%v)", u, d)
	}
	if upgradeSettingsNonDefault(&armcontainerservice.AgentPoolUpgradeSettings{UndrainableNodeBehavior: to.Ptr(armcontainerservice.UndrainableNodeBehaviorSchedule)}) {
		t.Error("Schedule, AKS's default, counted as a setting")
	}
}

// fakeSnapshots answers GetSnapshot with a snapshot or an AKS error.
type fakeSnapshots struct {
	snapshot *armcontainerservice.Snapshot
	status   int
	calls    int
}

func (f *fakeSnapshots) GetSnapshot(context.Context, string) (*armcontainerservice.Snapshot, error) {
	f.calls++
	if f.status != 0 {
		return nil, fmt.Errorf("reading: %w", &aksapi.APIError{StatusCode: f.status, Code: http.StatusText(f.status), Message: "refused"})
	}
	return f.snapshot, nil
}

func TestCheckSnapshotLive(t *testing.T) {
	snap := &armcontainerservice.Snapshot{Properties: &armcontainerservice.SnapshotProperties{
		OSType: to.Ptr(armcontainerservice.OSTypeLinux), OSSKU: to.Ptr(armcontainerservice.OSSKUUbuntu), KubernetesVersion: to.Ptr("1.33.3"),
	}}
	pool := rules.Pool{OSSKU: types.StringValue("AzureLinux")}
	pool.SnapshotID = types.StringValue(testSnapshotID)
	summaries := func(d diag.Diagnostics) []string {
		var out []string
		for _, x := range d {
			out = append(out, x.Summary())
		}
		return out
	}
	base := path.Empty()
	if got := summaries(checkSnapshotLive(context.Background(), &fakeSnapshots{snapshot: snap}, base, pool)); !slices.Equal(got, []string{"Node pool snapshot does not fit the pool"}) {
		t.Errorf("misfit: %v", got)
	}
	pool.OSSKU = types.StringNull()
	if got := checkSnapshotLive(context.Background(), &fakeSnapshots{snapshot: snap}, base, pool); len(got) != 0 {
		t.Errorf("fit: %v", got)
	}
	if got := checkSnapshotLive(context.Background(), &fakeSnapshots{status: 404}, base, pool); !got.HasError() || got[0].Summary() != "Node pool snapshot not found" {
		t.Errorf("404: %v", got)
	}
	if got := checkSnapshotLive(context.Background(), &fakeSnapshots{status: 403}, base, pool); got.HasError() || got.WarningsCount() != 1 {
		t.Errorf("403: %v", got)
	}
	unset := &fakeSnapshots{}
	pool.SnapshotID = types.StringNull()
	if got := checkSnapshotLive(context.Background(), unset, base, pool); len(got) != 0 || unset.calls != 0 {
		t.Errorf("unset snapshot_id read the snapshot: %v", got)
	}
}
