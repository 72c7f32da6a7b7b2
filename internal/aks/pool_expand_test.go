package aks

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestChangesApplyOnlyWhatChanged(t *testing.T) {
	state := settingsFrom(t, apiPool(nil))
	plan := state
	plan.NodeLabels = types.MapValueMust(types.StringType, map[string]attr.Value{"team": types.StringValue("web")})

	live := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) { p.Count = to.Ptr[int32](7) })
	names := applyChanges(t, state, plan, live)
	if len(names) != 1 || names[0] != "node_labels" {
		t.Fatalf("changes = %v, want only node_labels", names)
	}
	if *live.Properties.Count != 7 {
		t.Errorf("count = %d: an unchanged node_count must not overwrite the live count", *live.Properties.Count)
	}
	if *live.Properties.NodeLabels["team"] != "web" {
		t.Errorf("labels = %v", live.Properties.NodeLabels)
	}
	if names := applyChanges(t, state, state, apiPool(nil)); len(names) != 0 {
		t.Errorf("no difference should need no call, got %v", names)
	}
}

func TestChangesNeverSendCountWhileAutoscaling(t *testing.T) {
	state := settingsFrom(t, apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.EnableAutoScaling = to.Ptr(true)
		p.MinCount = to.Ptr[int32](1)
		p.MaxCount = to.Ptr[int32](5)
	}))
	plan := state
	plan.NodeCount = types.Int64Value(2)
	plan.MaxCount = types.Int64Value(6)
	live := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.EnableAutoScaling = to.Ptr(true)
		p.Count = to.Ptr[int32](4)
	})
	applyChanges(t, state, plan, live)
	if *live.Properties.Count != 4 {
		t.Errorf("count = %d, want the autoscaler's 4 untouched", *live.Properties.Count)
	}
	if *live.Properties.MaxCount != 6 {
		t.Errorf("max_count = %v, want 6", live.Properties.MaxCount)
	}

	// Turning autoscaling off clears the bounds and sends the configured count.
	off := plan
	off.AutoScalingEnabled = types.BoolValue(false)
	off.MinCount, off.MaxCount = types.Int64Null(), types.Int64Null()
	off.NodeCount = types.Int64Value(3)
	applyChanges(t, state, off, live)
	if live.Properties.MinCount != nil || live.Properties.MaxCount != nil || *live.Properties.EnableAutoScaling || *live.Properties.Count != 3 {
		t.Errorf("after turning autoscaling off: min %v max %v enabled %v count %v", live.Properties.MinCount, live.Properties.MaxCount, *live.Properties.EnableAutoScaling, *live.Properties.Count)
	}
}

func TestChangesKeepAKSSpotTaint(t *testing.T) {
	spot := func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.ScaleSetPriority = to.Ptr(armcontainerservice.ScaleSetPrioritySpot)
		p.NodeTaints = []*string{to.Ptr(spotTaint)}
	}
	state := settingsFrom(t, apiPool(spot))
	plan := state
	plan.NodeTaints = types.ListValueMust(types.StringType, []attr.Value{types.StringValue("gpu=true:NoSchedule")})
	live := apiPool(spot)
	applyChanges(t, state, plan, live)
	if len(live.Properties.NodeTaints) != 2 {
		t.Fatalf("taints = %v, want the configured one plus AKS's Spot taint", live.Properties.NodeTaints)
	}
}
