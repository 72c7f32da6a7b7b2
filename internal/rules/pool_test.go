package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func TestCheckPoolValidPoolsPass(t *testing.T) {
	ctx := context.Background()
	pools := map[string]Pool{
		"the guide's 3-node pool":       {Name: str("mynodepool"), NodeCount: num(3)},
		"arm64":                         {Name: str("armpool"), NodeCount: num(3), VMSize: str("Standard_D2pds_v5")},
		"azure linux":                   {Name: str("azlpool"), OSSKU: str("AzureLinux")},
		"own subnet":                    {Name: str("subnetpool"), NodeCount: num(3), VnetSubnetID: str(subnetUser), PodSubnetID: str(subnetPods)},
		"fips":                          {Name: str("fipspool"), FIPSEnabled: flag(true)},
		"windows":                       {Name: str("npwin"), OSType: str("Windows"), VMSize: str("Standard_D4s_v3"), OrchestratorVersion: str("1.33")},
		"ephemeral DS3_v2 default size": {Name: str("ephpool"), VMSize: str("Standard_DS3_v2"), OSDiskType: str("Ephemeral")},
		"ephemeral DS2_v2 60 GB":        {Name: str("ephpool"), VMSize: str("Standard_DS2_v2"), OSDiskType: str("Ephemeral"), OSDiskSizeGB: num(60)},
		"spot autoscaled": {Name: str("spot"), Priority: str("Spot"), EvictionPolicy: str("Delete"), SpotMaxPrice: types.Float64Value(-1),
			AutoScalingEnabled: flag(true), MinCount: num(0), MaxCount: num(3)},
		"system": {Name: str("system"), Mode: str("System"), NodeCount: num(1), VMSize: str("Standard_D4ds_v5"), KubeletDiskType: str("Temporary")},
		"everything unknown": {Name: types.StringUnknown(), Mode: types.StringUnknown(), OSType: types.StringUnknown(), OSSKU: types.StringUnknown(),
			VMSize: types.StringUnknown(), NodeCount: types.Int64Unknown(), AutoScalingEnabled: types.BoolUnknown(), MinCount: types.Int64Unknown(),
			MaxCount: types.Int64Unknown(), OrchestratorVersion: types.StringUnknown(), VnetSubnetID: types.StringUnknown(), PodSubnetID: types.StringUnknown(),
			FIPSEnabled: types.BoolUnknown(), OSDiskType: types.StringUnknown(), OSDiskSizeGB: types.Int64Unknown(), KubeletDiskType: types.StringUnknown(),
			Priority: types.StringUnknown(), EvictionPolicy: types.StringUnknown(), SpotMaxPrice: types.Float64Unknown(), HostEncryptionEnabled: types.BoolUnknown()},
	}
	for name, p := range pools {
		t.Run(name, func(t *testing.T) { expectDiags(t, CheckPool(ctx, path.Empty(), p, nil, "eastus")) })
	}
}

func TestCheckPoolRunsEveryRuleUnderItsBase(t *testing.T) {
	base := path.Root("default_node_pool")
	p := Pool{
		Name:                  str("windowspool"),
		Mode:                  str("System"),
		OSType:                str("Windows"),
		OSSKU:                 str("Windows2019"),
		VMSize:                str("Standard_D2pds_v5"),
		OrchestratorVersion:   str("1.33"),
		AutoScalingEnabled:    flag(false),
		MinCount:              num(2),
		EvictionPolicy:        str("Delete"),
		VnetSubnetID:          str(subnetUser),
		PodSubnetID:           str(subnetOther),
		OSDiskType:            str("Ephemeral"),
		KubeletDiskType:       str("Temporary"),
		HostEncryptionEnabled: flag(true),
	}
	expectDiags(t, CheckPool(context.Background(), base, p, vmsizes.Embedded(), "eastus"),
		errAt("default_node_pool.name", "Node pool name too long for a Windows pool", `default_node_pool.name = "windowspool"`),
		errAt("default_node_pool.os_type", "System node pools must run Linux"),
		errAt("default_node_pool.os_sku", "Windows Server 2019 is not supported on this Kubernetes version"),
		errAt("default_node_pool.min_count", "Autoscaler limits without the autoscaler"),
		errAt("default_node_pool.eviction_policy", "Spot-only argument on a non-Spot pool"),
		errAt("default_node_pool.pod_subnet_id", "Pod subnet in another virtual network"),
		errAt("default_node_pool.vm_size", "ARM64 VM sizes don't run Windows node pools"),
		errAt("default_node_pool.os_disk_type", "Ephemeral OS disk does not fit the VM size", "the default OS disk of 128 GB", "default_node_pool.os_disk_size_gb to 75 or less"),
	)
}

func TestCheckPoolWithUnknownSizeOnlyWarns(t *testing.T) {
	p := Pool{Name: str("newpool"), VMSize: str("Standard_D4pds_v9"), OSDiskType: str("Ephemeral"), FIPSEnabled: flag(true)}
	expectDiags(t, CheckPool(context.Background(), path.Empty(), p, nil, "eastus"), warnAt("vm_size", "Unknown VM size"))
}

func BenchmarkCheckPool(b *testing.B) {
	ctx := context.Background()
	sizes := vmsizes.Embedded()
	valid := Pool{Name: str("userpool"), VMSize: str("Standard_DS3_v2"), OSDiskType: str("Ephemeral"), NodeCount: num(3),
		VnetSubnetID: str(subnetUser), PodSubnetID: str(subnetPods), OrchestratorVersion: str("1.33")}
	refused := with(valid, func(p *Pool) { p.VMSize = str("Standard_DS2_v2") }) // computes suggestions
	b.Run("valid", func(b *testing.B) {
		for b.Loop() {
			CheckPool(ctx, path.Empty(), valid, sizes, "eastus")
		}
	})
	b.Run("ephemeral refused", func(b *testing.B) {
		for b.Loop() {
			CheckPool(ctx, path.Empty(), refused, sizes, "eastus")
		}
	})
}
