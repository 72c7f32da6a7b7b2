package aks

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

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
