package aks

import (
	"context"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
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
	noBlock := types.ObjectNull(upgradeSettingsAttrTypes)
	changes, diags := nodePoolChanges(context.Background(), poolValues{state, noBlock}, poolValues{plan, noBlock})
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

// guidePoolModel is the guide's nodepool1 as the plan of a create holds it.
func guidePoolModel() defaultNodePoolModel {
	return defaultNodePoolModel{
		Name:                      types.StringValue("nodepool1"),
		TemporaryNameForRotation:  types.StringNull(),
		OnlyCriticalAddonsEnabled: types.BoolValue(false),
		poolSettings: poolSettings{
			OSSKU:                      types.StringUnknown(),
			VMSize:                     types.StringValue("Standard_DS2_v2"),
			NodeCount:                  types.Int64Value(2),
			CurrentNodeCount:           types.Int64Unknown(),
			AutoScalingEnabled:         types.BoolValue(false),
			MinCount:                   types.Int64Null(),
			MaxCount:                   types.Int64Null(),
			OrchestratorVersion:        types.StringUnknown(),
			CurrentOrchestratorVersion: types.StringUnknown(),
			NodeImageVersion:           types.StringUnknown(),
			CurrentNodeImageVersion:    types.StringUnknown(),
			VnetSubnetID:               types.StringNull(),
			PodSubnetID:                types.StringNull(),
			FIPSEnabled:                types.BoolValue(false),
			OSDiskType:                 types.StringUnknown(),
			OSDiskSizeGB:               types.Int64Unknown(),
			KubeletDiskType:            types.StringUnknown(),
			MaxPods:                    types.Int64Unknown(),
			Zones:                      types.SetNull(types.StringType),
			NodeLabels:                 types.MapNull(types.StringType),
			NodeTaints:                 types.ListNull(types.StringType),
			Tags:                       types.MapNull(types.StringType),
			HostEncryptionEnabled:      types.BoolValue(false),
			ProvisioningState:          types.StringUnknown(),
		},
		UpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes),
	}
}

func stringList(t *testing.T, values ...string) types.List {
	t.Helper()
	l, diags := types.ListValueFrom(context.Background(), types.StringType, values)
	requireNoErrors(t, diags)
	return l
}

func requireNoErrors(t *testing.T, diags diag.Diagnostics) {
	t.Helper()
	if diags.HasError() {
		t.Fatalf("unexpected errors: %v", diags)
	}
}

func guidePlan(t *testing.T) clusterResourceModel {
	t.Helper()
	pool := guidePoolModel()
	return clusterResourceModel{
		clusterAttributes: clusterAttributes{
			Name:                        types.StringValue("aks-demo"),
			ResourceGroupName:           types.StringValue("rg-aks-demo"),
			Location:                    types.StringValue("East US"),
			DNSPrefix:                   types.StringValue("aks-demo"),
			KubernetesVersion:           types.StringValue("1.33"),
			SKUTier:                     types.StringUnknown(),
			NodeResourceGroup:           types.StringUnknown(),
			OIDCIssuerEnabled:           types.BoolValue(false),
			WorkloadIdentityEnabled:     types.BoolValue(false),
			LocalAccountDisabled:        types.BoolValue(false),
			AzureRBACEnabled:            types.BoolValue(false),
			AdminGroupObjectIDs:         types.SetNull(types.StringType),
			PrivateClusterEnabled:       types.BoolValue(false),
			APIServerAuthorizedIPRanges: types.SetNull(types.StringType),
			AutomaticUpgradeChannel:     types.StringUnknown(),
			NodeOSUpgradeChannel:        types.StringUnknown(),
			Tags:                        types.MapNull(types.StringType),
			Identity:                    types.ObjectUnknown(clusterIdentityAttrTypes),
			NetworkProfile:              types.ObjectUnknown(networkProfileAttrTypes),
			KubeletIdentity:             types.ObjectUnknown(kubeletIdentityAttrTypes),
		},
		DefaultNodePool: &pool,
	}
}
