package aks

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/agentpools"
)

const testPoolID = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo/agentPools/mynodepool"

func apiPool(mutate func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)) *armcontainerservice.AgentPool {
	p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Count:                      to.Ptr[int32](3),
		Mode:                       to.Ptr(armcontainerservice.AgentPoolModeUser),
		OSType:                     to.Ptr(armcontainerservice.OSTypeLinux),
		OSSKU:                      to.Ptr(armcontainerservice.OSSKUUbuntu),
		VMSize:                     to.Ptr("Standard_DS2_v2"),
		OrchestratorVersion:        to.Ptr("1.33"),
		CurrentOrchestratorVersion: to.Ptr("1.33.3"),
		NodeImageVersion:           to.Ptr("AKSUbuntu-2204gen2containerd-202509.01.0"),
		EnableAutoScaling:          to.Ptr(false),
		OSDiskType:                 to.Ptr(armcontainerservice.OSDiskTypeManaged),
		OSDiskSizeGB:               to.Ptr[int32](128),
		KubeletDiskType:            to.Ptr(armcontainerservice.KubeletDiskTypeOS),
		MaxPods:                    to.Ptr[int32](250),
		ScaleSetPriority:           to.Ptr(armcontainerservice.ScaleSetPriorityRegular),
		ProvisioningState:          to.Ptr("Succeeded"),
		UpgradeSettings:            &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to.Ptr("10%")},
	}
	if mutate != nil {
		mutate(p)
	}
	return &armcontainerservice.AgentPool{ID: to.Ptr(testPoolID), Name: to.Ptr("mynodepool"), Properties: p}
}

func TestFlattenKeepsCreateCountWhileAutoscaling(t *testing.T) {
	ctx := context.Background()
	pool := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.EnableAutoScaling = to.Ptr(true)
		p.MinCount = to.Ptr[int32](1)
		p.MaxCount = to.Ptr[int32](5)
		p.Count = to.Ptr[int32](4) // the autoscaler's choice
	})
	prior := nodePoolSettings{poolSettings: poolSettings{NodeCount: types.Int64Value(2)}}
	s, _, diags := flattenNodePool(ctx, pool, flattenOptions{prior: &prior})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if s.NodeCount.ValueInt64() != 2 {
		t.Errorf("node_count = %v, want the configured 2 kept while autoscaling", s.NodeCount)
	}
	if s.CurrentNodeCount.ValueInt64() != 4 {
		t.Errorf("current_node_count = %v, want the live 4", s.CurrentNodeCount)
	}
	if s.MinCount.ValueInt64() != 1 || s.MaxCount.ValueInt64() != 5 {
		t.Errorf("min/max = %v/%v", s.MinCount, s.MaxCount)
	}

	// Without autoscaling the live count is node_count: an out-of-band scale is drift.
	pool.Properties.EnableAutoScaling = to.Ptr(false)
	s, _, _ = flattenNodePool(ctx, pool, flattenOptions{prior: &prior})
	if s.NodeCount.ValueInt64() != 4 || !s.MinCount.IsNull() || !s.MaxCount.IsNull() {
		t.Errorf("without autoscaling: node_count %v min %v max %v, want 4 and nulls", s.NodeCount, s.MinCount, s.MaxCount)
	}
}

func TestFlattenNodeImageLatestStays(t *testing.T) {
	ctx := context.Background()
	prior := nodePoolSettings{poolSettings: poolSettings{NodeImageVersion: types.StringValue(nodeImageLatest)}}
	s, _, _ := flattenNodePool(ctx, apiPool(nil), flattenOptions{prior: &prior})
	if s.NodeImageVersion.ValueString() != nodeImageLatest {
		t.Errorf("node_image_version = %v, want latest kept", s.NodeImageVersion)
	}
	if s.CurrentNodeImageVersion.ValueString() != "AKSUbuntu-2204gen2containerd-202509.01.0" {
		t.Errorf("current_node_image_version = %v", s.CurrentNodeImageVersion)
	}
	s, _, _ = flattenNodePool(ctx, apiPool(nil), flattenOptions{prior: &nodePoolSettings{}})
	if s.NodeImageVersion.ValueString() != "AKSUbuntu-2204gen2containerd-202509.01.0" {
		t.Errorf("unset node_image_version = %v, want the running image", s.NodeImageVersion)
	}
}

func TestFlattenHidesAKSSpotLabelAndTaint(t *testing.T) {
	ctx := context.Background()
	pool := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.ScaleSetPriority = to.Ptr(armcontainerservice.ScaleSetPrioritySpot)
		p.ScaleSetEvictionPolicy = to.Ptr(armcontainerservice.ScaleSetEvictionPolicyDelete)
		p.SpotMaxPrice = to.Ptr(float32(0.05))
		p.NodeLabels = map[string]*string{spotLabelKey: to.Ptr(spotLabelValue), "team": to.Ptr("batch")}
		p.NodeTaints = []*string{to.Ptr(spotTaint)}
	})
	s, _, diags := flattenNodePool(ctx, pool, flattenOptions{prior: &nodePoolSettings{}})
	if diags.HasError() {
		t.Fatal(diags)
	}
	if !s.NodeTaints.IsNull() {
		t.Errorf("node_taints = %v, want null: AKS's own Spot taint is hidden", s.NodeTaints)
	}
	if len(s.NodeLabels.Elements()) != 1 {
		t.Errorf("node_labels = %v, want only team", s.NodeLabels)
	}
	if s.SpotMaxPrice.ValueFloat64() != 0.05 {
		t.Errorf("spot_max_price = %v, want exactly 0.05 (no float32 noise)", s.SpotMaxPrice.ValueFloat64())
	}
	if s.EvictionPolicy.ValueString() != "Delete" {
		t.Errorf("eviction_policy = %v", s.EvictionPolicy)
	}
}

func TestFlattenEmptyCollectionsFollowPrior(t *testing.T) {
	ctx := context.Background()
	s, _, _ := flattenNodePool(ctx, apiPool(nil), flattenOptions{prior: &nodePoolSettings{poolSettings: poolSettings{
		Tags: types.MapValueMust(types.StringType, map[string]attr.Value{}),
	}}})
	if !s.NodeLabels.IsNull() || !s.NodeTaints.IsNull() || !s.Zones.IsNull() {
		t.Errorf("unset collections should read null: labels %v taints %v zones %v", s.NodeLabels, s.NodeTaints, s.Zones)
	}
	if s.Tags.IsNull() || len(s.Tags.Elements()) != 0 {
		t.Errorf("tags = %v, want the configured empty map kept", s.Tags)
	}
}

func TestFlattenUpgradeSettingsOnlyWhenManagedOrNonDefault(t *testing.T) {
	ctx := context.Background()
	_, upgrade, _ := flattenNodePool(ctx, apiPool(nil), flattenOptions{prior: &nodePoolSettings{}, priorUpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes), importing: true})
	if !upgrade.IsNull() {
		t.Errorf("import of AKS's default upgrade settings should read as no block, got %v", upgrade)
	}
	custom := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to.Ptr("33%"), DrainTimeoutInMinutes: to.Ptr[int32](45)}
	})
	_, upgrade, _ = flattenNodePool(ctx, custom, flattenOptions{prior: &nodePoolSettings{}, priorUpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes), importing: true})
	if surge, ok := upgrade.Attributes()["max_surge"].(types.String); upgrade.IsNull() || !ok || surge.ValueString() != "33%" {
		t.Errorf("import of custom upgrade settings should fill the block, got %v", upgrade)
	}
	_, upgrade, _ = flattenNodePool(ctx, custom, flattenOptions{prior: &nodePoolSettings{}, priorUpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes)})
	if !upgrade.IsNull() {
		t.Errorf("an unmanaged block must stay null on refresh, got %v", upgrade)
	}
}

func TestPoolIDsKeepPriorSpelling(t *testing.T) {
	id, err := agentpools.ParsePoolID(testPoolID)
	if err != nil {
		t.Fatal(err)
	}
	priorCluster := types.StringValue("/subscriptions/00000000-0000-4000-8000-000000000002/resourcegroups/RG-AKS-DEMO/providers/Microsoft.ContainerService/managedClusters/aks-demo")
	gotID, gotCluster := poolIDs(apiPool(nil), id, types.StringNull(), priorCluster)
	if gotCluster != priorCluster {
		t.Errorf("cluster_id = %v, want the prior spelling kept", gotCluster)
	}
	if gotID.ValueString() != testPoolID {
		t.Errorf("id = %v", gotID)
	}
	otherCluster := types.StringValue("/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/other")
	_, gotCluster = poolIDs(apiPool(nil), id, types.StringNull(), otherCluster)
	if gotCluster == otherCluster {
		t.Errorf("a different cluster must not be hidden as a spelling difference")
	}
}

func settingsFrom(t *testing.T, pool *armcontainerservice.AgentPool) nodePoolSettings {
	t.Helper()
	s, _, diags := flattenNodePool(context.Background(), pool, flattenOptions{prior: &nodePoolSettings{}})
	if diags.HasError() {
		t.Fatal(diags)
	}
	return s
}

func applyChanges(t *testing.T, state, plan nodePoolSettings, onto *armcontainerservice.AgentPool) []string {
	t.Helper()
	changes, diags := nodePoolChanges(context.Background(), state, plan, types.ObjectNull(upgradeSettingsAttrTypes), types.ObjectNull(upgradeSettingsAttrTypes))
	if diags.HasError() {
		t.Fatal(diags)
	}
	var names []string
	for _, c := range changes {
		c.apply(onto.Properties)
		names = append(names, c.attribute)
	}
	return names
}

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

func TestReplacementPaths(t *testing.T) {
	base := nodePoolResourceModel{
		ID:               types.StringValue(testPoolID),
		ClusterID:        types.StringValue("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"),
		Name:             types.StringValue("mynodepool"),
		nodePoolSettings: settingsFrom(t, apiPool(nil)),
	}
	tests := []struct {
		name   string
		change func(m *nodePoolResourceModel)
		want   []string
	}{
		{"nothing", func(*nodePoolResourceModel) {}, nil},
		{"Ubuntu to Azure Linux is in place", func(m *nodePoolResourceModel) { m.OSSKU = types.StringValue("AzureLinux") }, nil},
		{"Linux to a Windows SKU replaces", func(m *nodePoolResourceModel) { m.OSSKU = types.StringValue("Windows2022") }, []string{"os_sku"}},
		{"cluster ID spelling is not a change", func(m *nodePoolResourceModel) {
			m.ClusterID = types.StringValue("/SUBSCRIPTIONS/s/resourcegroups/RG/providers/microsoft.containerservice/managedclusters/AKS")
		}, nil},
		{"another cluster replaces", func(m *nodePoolResourceModel) {
			m.ClusterID = types.StringValue("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/other")
		}, []string{"cluster_id"}},
		{"VM size replaces", func(m *nodePoolResourceModel) { m.VMSize = types.StringValue("Standard_DS3_v2") }, []string{"vm_size"}},
		{"VM size spelling does not", func(m *nodePoolResourceModel) { m.VMSize = types.StringValue("standard_ds2_v2") }, nil},
		{"an unknown subnet may change: replaces", func(m *nodePoolResourceModel) { m.VnetSubnetID = types.StringUnknown() }, []string{"vnet_subnet_id"}},
		{"node count is in place", func(m *nodePoolResourceModel) { m.NodeCount = types.Int64Value(9) }, nil},
		{"FIPS is in place", func(m *nodePoolResourceModel) { m.FIPSEnabled = types.BoolValue(true) }, nil},
		{"max pods replaces", func(m *nodePoolResourceModel) { m.MaxPods = types.Int64Value(30) }, []string{"max_pods"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := base
			tt.change(&plan)
			got := replacementPaths(base, plan)
			var want []path.Path
			for _, w := range tt.want {
				want = append(want, path.Root(w))
			}
			if len(got) != len(want) {
				t.Fatalf("replacement paths = %v, want %v", got, want)
			}
			for i := range want {
				if !got[i].Equal(want[i]) {
					t.Fatalf("replacement paths = %v, want %v", got, want)
				}
			}
		})
	}
}

func TestPlanWarnsAboutChangesThatRollNodes(t *testing.T) {
	state := nodePoolResourceModel{
		ID:               types.StringValue(testPoolID),
		ClusterID:        types.StringValue("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"),
		Name:             types.StringValue("mynodepool"),
		nodePoolSettings: settingsFrom(t, apiPool(nil)),
		UpgradeSettings:  types.ObjectNull(upgradeSettingsAttrTypes),
	}
	tests := []struct {
		name      string
		change    func(m *nodePoolResourceModel)
		warningAt string
		reimages  bool
	}{
		{"OS SKU migration", func(m *nodePoolResourceModel) { m.OSSKU = types.StringValue("AzureLinux") }, "os_sku", true},
		{"FIPS", func(m *nodePoolResourceModel) { m.FIPSEnabled = types.BoolValue(true) }, "fips_enabled", true},
		{"version upgrade", func(m *nodePoolResourceModel) { m.OrchestratorVersion = types.StringValue("1.34") }, "orchestrator_version", true},
		{"labels", func(m *nodePoolResourceModel) {
			m.NodeLabels = types.MapValueMust(types.StringType, map[string]attr.Value{"a": types.StringValue("b")})
		}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := state
			tt.change(&plan)
			config := plan
			config.NodeImageVersion = types.StringNull()
			diags := (&nodePoolResource{}).planInPlaceChanges(context.Background(), state, &plan, config)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if tt.warningAt == "" {
				if diags.WarningsCount() != 0 {
					t.Fatalf("unexpected warnings: %v", diags)
				}
			} else {
				if diags.WarningsCount() != 1 {
					t.Fatalf("warnings = %v, want one at %s", diags, tt.warningAt)
				}
				withPath, ok := diags.Warnings()[0].(interface{ Path() path.Path })
				if !ok || !withPath.Path().Equal(path.Root(tt.warningAt)) {
					t.Fatalf("warning %v is not at %s", diags.Warnings()[0], tt.warningAt)
				}
			}
			if got := plan.CurrentNodeImageVersion.IsUnknown(); got != tt.reimages {
				t.Fatalf("current_node_image_version unknown = %v, want %v", got, tt.reimages)
			}
			if tt.reimages && !plan.NodeImageVersion.IsUnknown() {
				t.Fatalf("an unset node_image_version must be unknown when the nodes are reimaged")
			}
		})
	}
}
