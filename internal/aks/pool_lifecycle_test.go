package aks

import (
	"context"
	"slices"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// vmPoolAPI is the official TypeVirtualMachines example's response: no vmSize, no count.
func vmPoolAPI() *armcontainerservice.AgentPool {
	return apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.Type = to.Ptr(armcontainerservice.AgentPoolTypeVirtualMachines)
		p.VMSize, p.Count, p.EnableAutoScaling = nil, nil, nil
		p.VirtualMachinesProfile = &armcontainerservice.VirtualMachinesProfile{Scale: &armcontainerservice.ScaleProfile{Manual: []*armcontainerservice.ManualScaleProfile{
			{Count: to.Ptr[int32](3), Size: to.Ptr("Standard_D2_v2")}, {Count: to.Ptr[int32](2), Size: to.Ptr("Standard_D2_v3")},
		}}}
		p.VirtualMachineNodesStatus = []*armcontainerservice.VirtualMachineNodes{
			{Count: to.Ptr[int32](3), Size: to.Ptr("Standard_D2_v2")}, {Count: to.Ptr[int32](2), Size: to.Ptr("Standard_D2_v3")},
		}
	})
}

func TestFlattenLifecycleVirtualMachines(t *testing.T) {
	s := settingsFrom(t, vmPoolAPI())
	if s.Type.ValueString() != rules.PoolTypeVirtualMachines || !s.VMSize.IsNull() || !s.NodeCount.IsNull() {
		t.Fatalf("type %s, vm_size %s, node_count %s; want VirtualMachines, null, null", s.Type, s.VMSize, s.NodeCount)
	}
	if s.CurrentNodeCount.ValueInt64() != 5 {
		t.Errorf("current_node_count = %s, want 5", s.CurrentNodeCount)
	}
	scales, ok, diags := manualScales(context.Background(), s.VirtualMachinesProfile)
	requireNoErrors(t, diags)
	if !ok || len(scales) != 2 || scales[1].VMSize.ValueString() != "Standard_D2_v3" || scales[0].NodeCount.ValueInt64() != 3 {
		t.Errorf("manual_scale = %v", scales)
	}
	// AKS may echo a count: it is not the pool's node_count.
	echo := vmPoolAPI()
	echo.Properties.Count = to.Ptr[int32](1)
	if s := settingsFrom(t, echo); !s.NodeCount.IsNull() {
		t.Errorf("node_count = %s with an echoed count, want null", s.NodeCount)
	}
	if s.PowerState.ValueString() != rules.PowerStateRunning {
		t.Errorf("power_state = %s without powerState, want Running", s.PowerState)
	}
}

func TestExpandLifecycle(t *testing.T) {
	s := settingsFrom(t, vmPoolAPI())
	body, diags := expandNodePool(context.Background(), s, types.ObjectNull(upgradeSettingsAttrTypes))
	requireNoErrors(t, diags)
	p := body.Properties
	if deref(p.Type) != rules.PoolTypeVirtualMachines || p.VMSize != nil || p.Count != nil || p.EnableAutoScaling != nil || p.PowerState != nil {
		t.Errorf("body type %v vmSize %v count %v autoscaling %v powerState %v", deref(p.Type), p.VMSize, p.Count, p.EnableAutoScaling, p.PowerState)
	}
	if m := p.VirtualMachinesProfile.Scale.Manual; len(m) != 2 || *m[0].Size != "Standard_D2_v2" || *m[1].Count != 2 {
		t.Errorf("manual = %v", m)
	}
	vmss := settingsFrom(t, apiPool(nil))
	body, _ = expandNodePool(context.Background(), vmss, types.ObjectNull(upgradeSettingsAttrTypes))
	if deref(body.Properties.Type) != rules.PoolTypeVirtualMachineScaleSets || body.Properties.VirtualMachinesProfile != nil {
		t.Errorf("scale set body: type %v profile %v", deref(body.Properties.Type), body.Properties.VirtualMachinesProfile)
	}
}

func TestFlattenStoppedPoolKeepsNodeCount(t *testing.T) {
	stopped := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.Count = to.Ptr[int32](0) // AgentPools_Stop's response
		p.PowerState = &armcontainerservice.PowerState{Code: to.Ptr(armcontainerservice.CodeStopped)}
	})
	prior := settingsFrom(t, apiPool(nil))
	s, _, diags := flattenNodePool(context.Background(), stopped, flattenOptions{prior: &prior})
	requireNoErrors(t, diags)
	if s.PowerState.ValueString() != rules.PowerStateStopped || s.NodeCount.ValueInt64() != 3 || s.CurrentNodeCount.ValueInt64() != 0 {
		t.Errorf("power_state %s node_count %s current_node_count %s; want Stopped, 3, 0", s.PowerState, s.NodeCount, s.CurrentNodeCount)
	}
}

func TestLifecycleChangesAndOrder(t *testing.T) {
	state := settingsFrom(t, apiPool(nil))
	plan := state
	plan.PowerState = types.StringValue(rules.PowerStateStopped)
	plan.Tags = types.MapValueMust(types.StringType, map[string]attr.Value{"env": types.StringValue("dev")})
	names := applyChanges(t, state, plan, apiPool(nil))
	if !slices.Equal(names, []string{"tags", powerStateAttribute}) {
		t.Fatalf("changes = %v", names)
	}
	noBlock := types.ObjectNull(upgradeSettingsAttrTypes)
	changes, _ := nodePoolChanges(context.Background(), poolValues{state, noBlock}, poolValues{plan, noBlock})
	power, rest := splitPowerChange(changes)
	if power == nil || *power != armcontainerservice.CodeStopped || len(rest) != 1 {
		t.Fatalf("split: %v, %d others", power, len(rest))
	}
	pool := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) { p.ETag = to.Ptr("etag1") })
	if err := powerOnly(armcontainerservice.CodeRunning)(pool); err != nil {
		t.Fatal(err)
	}
	p := pool.Properties
	if deref(p.ETag) != "etag1" || p.Count != nil || p.VMSize != nil || *p.PowerState.Code != armcontainerservice.CodeRunning {
		t.Errorf("start body: %+v", p)
	}
}

func TestLifecycleReplacements(t *testing.T) {
	state := settingsFrom(t, apiPool(nil))
	plan := state
	if got := lifecycleReplacements(state, plan); got != nil {
		t.Errorf("no change: %v", got)
	}
	plan.Type = types.StringValue(rules.PoolTypeVirtualMachines)
	if got := lifecycleReplacements(state, plan); !slices.Equal(got, []string{"type"}) {
		t.Errorf("type change: %v", got)
	}
	plan.Type = types.StringUnknown()
	if got := lifecycleReplacements(state, plan); !slices.Equal(got, []string{"type"}) {
		t.Errorf("unknown type: %v", got)
	}
	// The default pool has no type: never a rotation for it.
	if got := lifecycleReplacements(nodePoolSettings{}, nodePoolSettings{}); got != nil {
		t.Errorf("default pool: %v", got)
	}
}

func TestPlanLifecycleCounts(t *testing.T) {
	state := poolValues{nodePoolSettings: settingsFrom(t, apiPool(nil)), UpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes)}
	plan := state
	plan.PowerState = types.StringValue(rules.PowerStateStopped)
	diags := planLifecycle(path.Empty(), state, &plan, plan)
	if !plan.CurrentNodeCount.IsUnknown() || diags.WarningsCount() != 1 {
		t.Errorf("stop: current_node_count %s, %d warnings", plan.CurrentNodeCount, diags.WarningsCount())
	}
	stopped := plan
	stopped.CurrentNodeCount = types.Int64Value(0)
	again := stopped
	again.CurrentNodeCount = types.Int64Value(3) // as planPoolInPlace sets it from node_count
	planLifecycle(path.Empty(), stopped, &again, again)
	if again.CurrentNodeCount.ValueInt64() != 0 {
		t.Errorf("staying stopped: current_node_count %s, want 0", again.CurrentNodeCount)
	}
}

func TestLifecycleRulesView(t *testing.T) {
	var r rules.Pool
	lifecycleRules(settingsFrom(t, vmPoolAPI()), &r)
	if !r.ManualScaleSet || r.ManualScaleUnknown || len(r.ManualScale) != 2 || r.Type.ValueString() != rules.PoolTypeVirtualMachines {
		t.Errorf("rules pool: %+v", r.PoolLifecycle)
	}
	var none rules.Pool
	lifecycleRules(settingsFrom(t, apiPool(nil)), &none)
	if none.ManualScaleSet || none.ManualScaleUnknown {
		t.Errorf("scale set pool: %+v", none.PoolLifecycle)
	}
}
