package aks

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestClusterChanges(t *testing.T) {
	ctx := context.Background()
	state := guidePlan(t)
	state.SKUTier = types.StringValue("Free")
	state.AutomaticUpgradeChannel = types.StringValue("none")
	state.NodeOSUpgradeChannel = types.StringValue("NodeImage")
	plan := state

	mc := &armcontainerservice.ManagedCluster{Properties: &armcontainerservice.ManagedClusterProperties{}}
	changes, diags := clusterChanges(ctx, state, plan, nil)
	requireNoErrors(t, diags)
	if len(changes) != 0 {
		t.Errorf("no change must need no PUT, got %v", clusterChangeNames(changes))
	}

	plan.SKUTier = types.StringValue("Standard")
	plan.Tags = types.MapValueMust(types.StringType, map[string]attr.Value{"env": types.StringValue("demo")})
	plan.KubernetesVersion = types.StringValue("1.34")
	plan.APIServerAuthorizedIPRanges = types.SetValueMust(types.StringType, []attr.Value{types.StringValue("203.0.113.0/24")})
	pw := "New-Passw0rd!"
	plan.WindowsProfile = &windowsProfileModel{AdminUsername: types.StringValue("azureuser")}
	changes, diags = clusterChanges(ctx, state, plan, &pw)
	requireNoErrors(t, diags)
	applyClusterChanges(mc, changes)
	if got := clusterChangeNames(changes); got != "sku_tier, windows_profile.admin_password, api_server_authorized_ip_ranges" {
		t.Errorf("changes = %v (tags and the version have their own calls)", got)
	}
	if *mc.SKU.Tier != armcontainerservice.ManagedClusterSKUTierStandard || mc.Properties.KubernetesVersion != nil || mc.Tags != nil {
		t.Errorf("applied: sku %v version %v tags %v", mc.SKU, mc.Properties.KubernetesVersion, mc.Tags)
	}
	if *mc.Properties.WindowsProfile.AdminPassword != pw {
		t.Errorf("the new password was not applied")
	}
}
