package aks

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

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
	id, err := aksapi.ParsePoolID(testPoolID)
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
