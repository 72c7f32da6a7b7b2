package aks

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestFlattenClusterKeepsConfiguredSpellings(t *testing.T) {
	ctx := context.Background()
	prior := guidePlan(t)
	mc := &armcontainerservice.ManagedCluster{
		ID:       to.Ptr("/subscriptions/00000000-0000-4000-8000-000000000002/resourcegroups/RG-AKS-DEMO/providers/Microsoft.ContainerService/managedClusters/aks-demo"),
		Location: to.Ptr("eastus"),
		Properties: &armcontainerservice.ManagedClusterProperties{
			KubernetesVersion:        to.Ptr("1.33.3"),
			CurrentKubernetesVersion: to.Ptr("1.33.3"),
			DNSPrefix:                to.Ptr("aks-demo"),
			WindowsProfile:           &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to.Ptr("azureuser")},
			LinuxProfile: &armcontainerservice.LinuxProfile{AdminUsername: to.Ptr("azureuser"), SSH: &armcontainerservice.SSHConfiguration{
				PublicKeys: []*armcontainerservice.SSHPublicKey{{KeyData: to.Ptr("ssh-ed25519 AAAA")}}}},
		},
	}
	got, diags := flattenCluster(ctx, mc, clusterFlattenOptions{prior: &prior.clusterAttributes})
	requireNoErrors(t, diags)
	if got.Location.ValueString() != "East US" {
		t.Errorf("location = %s, want the configured East US", got.Location)
	}
	if got.KubernetesVersion.ValueString() != "1.33" {
		t.Errorf("kubernetes_version = %s, want the configured alias 1.33", got.KubernetesVersion)
	}
	if got.ResourceGroupName.ValueString() != "rg-aks-demo" {
		t.Errorf("resource_group_name = %s", got.ResourceGroupName)
	}
	if got.LinuxProfile != nil || got.MicrosoftDefender != nil {
		t.Errorf("blocks the configuration doesn't have must stay absent")
	}
	if got.SKUTier.ValueString() != "Free" || got.AutomaticUpgradeChannel.ValueString() != "none" {
		t.Errorf("AKS's defaults for unset values: sku %s channel %s", got.SKUTier, got.AutomaticUpgradeChannel)
	}

	// On import every block AKS has is recorded; the Windows password, never returned, stays null.
	imported, diags := flattenCluster(ctx, mc, clusterFlattenOptions{importing: true})
	requireNoErrors(t, diags)
	if imported.LinuxProfile == nil || imported.LinuxProfile.SSHPublicKey.ValueString() != "ssh-ed25519 AAAA" {
		t.Errorf("imported linux_profile = %+v", imported.LinuxProfile)
	}
	wp := flattenWindowsProfile(mc.Properties.WindowsProfile, nil, true)
	if wp == nil || !wp.AdminPassword.IsNull() || wp.AdminUsername.ValueString() != "azureuser" {
		t.Errorf("imported windows_profile = %+v", wp)
	}
	prior.WindowsProfile = &windowsProfileModel{AdminUsername: types.StringValue("azureuser"), AdminPassword: types.StringValue("kept"), AdminPasswordWOVersion: types.Int64Null()}
	if wp := flattenWindowsProfile(mc.Properties.WindowsProfile, prior.WindowsProfile, false); wp.AdminPassword.ValueString() != "kept" {
		t.Errorf("refresh lost the configured password: %+v", wp)
	}
}
