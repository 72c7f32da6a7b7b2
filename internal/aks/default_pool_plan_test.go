package aks

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestDerivedTemporaryName(t *testing.T) {
	for name, want := range map[string]string{
		"nodepool1":    "nodepool1tmp",
		"sys":          "systmp",
		"systempool12": "systempootmp",
		"abcdefghitmp": "abcdefghirot", // the derived name would be the pool's own
	} {
		if got := derivedTemporaryName(name); got != want {
			t.Errorf("derivedTemporaryName(%q) = %q, want %q", name, got, want)
		}
		if got := derivedTemporaryName(name); len(got) > 12 || got == name {
			t.Errorf("derivedTemporaryName(%q) = %q is not a valid, different pool name", name, got)
		}
	}
	pool := guidePoolModel()
	pool.TemporaryNameForRotation = types.StringValue("rotating")
	if got := temporaryName(pool); got != "rotating" {
		t.Errorf("temporaryName with temporary_name_for_rotation = %q", got)
	}
}

func TestRotationChanges(t *testing.T) {
	current := guidePoolModel()
	current.OSDiskType = types.StringValue("Managed")
	current.OSDiskSizeGB = types.Int64Value(128)
	current.MaxPods = types.Int64Value(250)
	current.KubeletDiskType = types.StringValue("OS")

	tests := []struct {
		name   string
		change func(*defaultNodePoolModel)
		want   []string
	}{
		{"nothing", func(*defaultNodePoolModel) {}, nil},
		{"vm size in other letter case", func(p *defaultNodePoolModel) { p.VMSize = types.StringValue("standard_ds2_v2") }, nil},
		{"bigger vm size", func(p *defaultNodePoolModel) { p.VMSize = types.StringValue("Standard_DS3_v2") }, []string{"vm_size"}},
		{"values left to AKS", func(p *defaultNodePoolModel) {
			p.OSDiskType, p.OSDiskSizeGB, p.MaxPods = types.StringUnknown(), types.Int64Unknown(), types.Int64Unknown()
		}, nil},
		{"in-place changes only", func(p *defaultNodePoolModel) {
			p.NodeCount = types.Int64Value(5)
			p.FIPSEnabled = types.BoolValue(true)
			p.OSSKU = types.StringValue("AzureLinux")
		}, nil},
		{"disk, pods, subnet, zones, host encryption", func(p *defaultNodePoolModel) {
			p.OSDiskSizeGB = types.Int64Value(64)
			p.MaxPods = types.Int64Value(110)
			p.VnetSubnetID = types.StringValue("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-system")
			p.Zones = types.SetValueMust(types.StringType, []attr.Value{types.StringValue("1")})
			p.HostEncryptionEnabled = types.BoolValue(true)
		}, []string{"vnet_subnet_id", "os_disk_size_gb", "max_pods", "zones", "host_encryption_enabled"}},
		{"empty zones equal no zones", func(p *defaultNodePoolModel) { p.Zones = types.SetValueMust(types.StringType, nil) }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			planned := current
			tc.change(&planned)
			got := rotationChanges(current, planned)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("rotationChanges = %v, want %v", got, tc.want)
			}
		})
	}
}
