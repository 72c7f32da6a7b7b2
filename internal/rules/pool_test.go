package rules

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func str(v string) types.String { return types.StringValue(v) }
func num(v int64) types.Int64   { return types.Int64Value(v) }
func flag(v bool) types.Bool    { return types.BoolValue(v) }

var (
	subnetUser  = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-user"
	subnetPods  = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-pods"
	subnetOther = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-other/subnets/snet-other"
)

// userPool is a valid Linux user pool with nothing else set (every other field null).
func userPool() Pool {
	return Pool{Name: str("userpool"), VMSize: str("Standard_DS2_v2"), NodeCount: num(3)}
}

func with(p Pool, change func(*Pool)) Pool {
	change(&p)
	return p
}

func TestCheckNameLength(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"linux 12", with(userPool(), func(p *Pool) { p.Name = str("userpool1234") }), nil},
		{"linux 13", with(userPool(), func(p *Pool) { p.Name = str("userpool12345") }),
			[]want{errAt("name", "Node pool name too long for a Linux pool", `name = "userpool12345" is 13 characters`, "at most 12", `os_type is "Linux"`, `"userpool1234"`)}},
		{"windows 6", with(userPool(), func(p *Pool) { p.Name, p.OSType = str("win123"), str("Windows") }), nil},
		{"windows 7", with(userPool(), func(p *Pool) { p.Name, p.OSType = str("windows"), str("Windows") }),
			[]want{errAt("name", "Node pool name too long for a Windows pool", "7 characters", "at most 6", "the Windows rule applied", `"window"`)}},
		{"unknown os_type", with(userPool(), func(p *Pool) { p.Name, p.OSType = str("windows"), types.StringUnknown() }), nil},
		{"unknown name", with(userPool(), func(p *Pool) { p.Name = types.StringUnknown() }), nil},
		{"empty is the charset validator's", with(userPool(), func(p *Pool) { p.Name = str("") }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkNameLength(path.Empty(), tt.pool), tt.wants...) })
	}
}

func TestCheckOSSKUMatchesOSType(t *testing.T) {
	tests := []struct {
		name        string
		osType, sku types.String
		wants       []want
	}{
		{"azure linux", types.StringNull(), str("AzureLinux"), nil},
		{"ubuntu2404 on linux", str("Linux"), str("Ubuntu2404"), nil},
		{"windows2022", str("Windows"), str("Windows2022"), nil},
		{"no sku", str("Windows"), types.StringNull(), nil},
		{"windows sku on default linux", types.StringNull(), str("Windows2022"),
			[]want{errAt("os_sku", "OS SKU does not match the OS type", `os_sku = "Windows2022" is not a Linux OS SKU`, "Ubuntu, Ubuntu2204")}},
		{"linux sku on windows", str("Windows"), str("Ubuntu"),
			[]want{errAt("os_sku", "OS SKU does not match the OS type", `"Ubuntu" is not a Windows OS SKU`, "Windows2019, Windows2022")}},
		{"not an OS SKU at all (schema's)", str("Linux"), str("Flatcar"), nil},
		{"unknown sku", str("Windows"), types.StringUnknown(), nil},
		{"odd os type (schema's)", str("Plan9"), str("Ubuntu"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := with(userPool(), func(p *Pool) { p.OSType, p.OSSKU = tt.osType, tt.sku })
			expectDiags(t, checkOSSKUMatchesOSType(path.Empty(), p), tt.wants...)
		})
	}
}

func TestCheckWindowsOSSKUVersion(t *testing.T) {
	win2019 := with(userPool(), func(p *Pool) { p.OSType, p.OSSKU = str("Windows"), str("Windows2019") })
	expectDiags(t, checkWindowsOSSKUVersion(path.Empty(), win2019, MustParseVersion("1.32.7"), "orchestrator_version"))
	expectDiags(t, checkWindowsOSSKUVersion(path.Empty(), win2019, MustParseVersion("1.33"), "orchestrator_version"),
		errAt("os_sku", "Windows Server 2019 is not supported on this Kubernetes version", "Kubernetes 1.33 (orchestrator_version)", `os_sku = "Windows2022"`, "1.32 or earlier"))
	win2022 := with(win2019, func(p *Pool) { p.OSSKU = str("Windows2022") })
	expectDiags(t, checkWindowsOSSKUVersion(path.Empty(), win2022, MustParseVersion("1.34.0"), "orchestrator_version"))
}

func TestCheckSystemPool(t *testing.T) {
	system := with(userPool(), func(p *Pool) { p.Mode = str("System") })
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"linux system pool", system, nil},
		{"user pool may be windows, empty and spot", with(userPool(), func(p *Pool) {
			p.OSType, p.NodeCount, p.Priority = str("Windows"), num(0), str("Spot")
		}), nil},
		{"windows system pool", with(system, func(p *Pool) { p.OSType = str("Windows") }),
			[]want{errAt("os_type", "System node pools must run Linux", `os_type = "Windows"`, `mode = "User"`)}},
		{"no nodes", with(system, func(p *Pool) { p.NodeCount = num(0) }),
			[]want{errAt("node_count", "System node pools need at least one node", "node_count = 0", "1 or more")}},
		{"autoscaler minimum 0", with(system, func(p *Pool) { p.MinCount = num(0) }),
			[]want{errAt("min_count", "System node pools need at least one node", "min_count = 0")}},
		{"spot", with(system, func(p *Pool) { p.Priority = str("Spot") }),
			[]want{errAt("priority", "System node pools can't use Spot VMs", `priority = "Spot"`)}},
		{"unknown mode", with(system, func(p *Pool) { p.Mode, p.OSType = types.StringUnknown(), str("Windows") }), nil},
		{"unknown os and priority", with(system, func(p *Pool) { p.OSType, p.Priority = types.StringUnknown(), types.StringUnknown() }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkSystemPool(path.Empty(), tt.pool), tt.wants...) })
	}
}

func TestCheckAutoscaler(t *testing.T) {
	auto := with(userPool(), func(p *Pool) {
		p.AutoScalingEnabled, p.MinCount, p.MaxCount, p.NodeCount = flag(true), num(1), num(5), types.Int64Null()
	})
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"autoscaler", auto, nil},
		{"count within limits", with(auto, func(p *Pool) { p.NodeCount = num(5) }), nil},
		{"no autoscaler", userPool(), nil},
		{"min without autoscaler", with(userPool(), func(p *Pool) { p.MinCount = num(1) }),
			[]want{errAt("min_count", "Autoscaler limits without the autoscaler", "auto_scaling_enabled is not true", "auto_scaling_enabled = true")}},
		{"both with autoscaler off", with(userPool(), func(p *Pool) { p.AutoScalingEnabled, p.MinCount, p.MaxCount = flag(false), num(1), num(3) }),
			[]want{errAt("min_count", "Autoscaler limits without the autoscaler"), errAt("max_count", "Autoscaler limits without the autoscaler")}},
		{"max missing", with(auto, func(p *Pool) { p.MaxCount = types.Int64Null() }),
			[]want{errAt("max_count", "Autoscaler needs min_count and max_count", "max_count is not set")}},
		{"both missing", with(auto, func(p *Pool) { p.MinCount, p.MaxCount = types.Int64Null(), types.Int64Null() }),
			[]want{errAt("min_count", "Autoscaler needs min_count and max_count"), errAt("max_count", "Autoscaler needs min_count and max_count")}},
		{"min above max", with(auto, func(p *Pool) { p.MinCount = num(6) }),
			[]want{errAt("min_count", "Autoscaler minimum above maximum", "min_count = 6 is greater than max_count = 5")}},
		{"count below min", with(auto, func(p *Pool) { p.NodeCount = num(0) }),
			[]want{errAt("node_count", "Node count outside the autoscaler's limits", "node_count = 0 is outside min_count = 1 and max_count = 5", "between 1 and 5")}},
		{"count above max", with(auto, func(p *Pool) { p.NodeCount = num(9) }),
			[]want{errAt("node_count", "Node count outside the autoscaler's limits")}},
		{"unknown switch", with(userPool(), func(p *Pool) { p.AutoScalingEnabled, p.MinCount = types.BoolUnknown(), num(3) }), nil},
		{"unknown limits", with(auto, func(p *Pool) { p.MinCount, p.NodeCount = types.Int64Unknown(), num(99) }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkAutoscaler(path.Empty(), tt.pool), tt.wants...) })
	}
}

func TestCheckSpotOnlyArguments(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"spot with both", with(userPool(), func(p *Pool) {
			p.Priority, p.EvictionPolicy, p.SpotMaxPrice = str("Spot"), str("Delete"), types.Float64Value(-1)
		}), nil},
		{"regular with eviction policy", with(userPool(), func(p *Pool) { p.EvictionPolicy = str("Deallocate") }),
			[]want{errAt("eviction_policy", "Spot-only argument on a non-Spot pool", `priority is "Regular"`, `priority = "Spot"`)}},
		{"explicit regular with price", with(userPool(), func(p *Pool) { p.Priority, p.SpotMaxPrice = str("Regular"), types.Float64Value(0.5) }),
			[]want{errAt("spot_max_price", "Spot-only argument on a non-Spot pool")}},
		{"unknown priority", with(userPool(), func(p *Pool) { p.Priority, p.EvictionPolicy = types.StringUnknown(), str("Delete") }), nil},
		{"unknown price value still counts as set", with(userPool(), func(p *Pool) { p.SpotMaxPrice = types.Float64Unknown() }),
			[]want{errAt("spot_max_price", "Spot-only argument on a non-Spot pool")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkSpotOnlyArguments(path.Empty(), tt.pool), tt.wants...) })
	}
}

func TestCheckPodSubnetVNet(t *testing.T) {
	tests := []struct {
		name      string
		node, pod types.String
		wants     []want
	}{
		{"same vnet", str(subnetUser), str(subnetPods), nil},
		{"same vnet, other casing", str(subnetUser), str(strings.ToUpper(subnetPods)), nil},
		{"pod subnet alone", types.StringNull(), str(subnetOther), nil},
		{"other vnet", str(subnetUser), str(subnetOther),
			[]want{errAt("pod_subnet_id", "Pod subnet in another virtual network", "rg-aks-demo/vnet-other", "rg-aks-demo/vnet-aks-demo")}},
		{"bad id is the validator's", str(subnetUser), str("nonsense"), nil},
		{"unknown", types.StringUnknown(), str(subnetOther), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := with(userPool(), func(p *Pool) { p.VnetSubnetID, p.PodSubnetID = tt.node, tt.pod })
			expectDiags(t, checkPodSubnetVNet(path.Empty(), p), tt.wants...)
		})
	}
}

func TestCheckOSDiskSizeRange(t *testing.T) {
	for _, ok := range []int64{30, 128, 2048} {
		expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = num(ok) })))
	}
	expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = num(29) })),
		errAt("os_disk_size_gb", "OS disk smaller than the AKS image", "os_disk_size_gb = 29", "30 GB", "30 or more"))
	expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = num(2049) })),
		errAt("os_disk_size_gb", "OS disk larger than AKS allows", "2048"))
	expectDiags(t, checkOSDiskSizeRange(path.Empty(), with(userPool(), func(p *Pool) { p.OSDiskSizeGB = types.Int64Unknown() })))
}

func embeddedSize(t *testing.T, name string) vmsizes.Size {
	t.Helper()
	s, ok := vmsizes.Embedded().Lookup(context.Background(), "eastus", name)
	if !ok {
		t.Fatalf("%s not in the catalogue", name)
	}
	return s
}

func TestCheckArm64(t *testing.T) {
	arm := embeddedSize(t, "Standard_D2pds_v5")
	x64 := embeddedSize(t, "Standard_D4s_v3")
	windows := with(userPool(), func(p *Pool) { p.OSType = str("Windows") })
	expectDiags(t, checkArm64(path.Empty(), userPool(), arm))
	expectDiags(t, checkArm64(path.Empty(), windows, x64))
	expectDiags(t, checkArm64(path.Empty(), windows, arm),
		errAt("vm_size", "ARM64 VM sizes don't run Windows node pools", `"Standard_D2pds_v5" is an Arm64 size`, "Standard_D4s_v3"))
}

func TestCheckArm64FIPS(t *testing.T) {
	arm := embeddedSize(t, "Standard_D2pds_v5")
	x64 := embeddedSize(t, "Standard_DS2_v2")
	fips := with(userPool(), func(p *Pool) { p.FIPSEnabled = flag(true) })
	azl := func(sku, version string) Pool {
		return with(fips, func(p *Pool) {
			p.OSSKU = str(sku)
			if version != "" {
				p.OrchestratorVersion = str(version)
			}
		})
	}
	v130, v132 := MustParseVersion("1.30.14"), MustParseVersion("1.32.7")
	tests := []struct {
		name        string
		pool        Pool
		size        vmsizes.Size
		running     *Version
		runningFrom string
		wants       []want
	}{
		{"x64 with fips", fips, x64, nil, "", nil},
		{"arm64 without fips", userPool(), arm, nil, "", nil},
		{"arm64 fips on default ubuntu", fips, arm, nil, "",
			[]want{errAt("fips_enabled", "FIPS is not supported on ARM64 with this OS SKU", `os_sku "Ubuntu"`, "Azure Linux (os_sku AzureLinux or AzureLinux3) on Kubernetes 1.31 or later", "enable-fips-nodes", `os_sku = "AzureLinux3"`)}},
		{"arm64 fips on ubuntu2204", azl("Ubuntu2204", "1.32"), arm, nil, "",
			[]want{errAt("fips_enabled", "FIPS is not supported on ARM64 with this OS SKU", `os_sku "Ubuntu2204"`)}},
		{"arm64 fips azure linux 1.31", azl("AzureLinux", "1.31"), arm, nil, "", nil},
		{"arm64 fips azure linux 3 1.33.3", azl("AzureLinux3", "1.33.3"), arm, nil, "", nil},
		{"arm64 fips azure linux 1.30", azl("AzureLinux3", "1.30.14"), arm, nil, "",
			[]want{errAt("fips_enabled", "FIPS on ARM64 needs Kubernetes 1.31 or later", "Kubernetes 1.30.14 (orchestrator_version)", "create-node-pools#arm64-node-pools")}},
		{"version unset, none known yet", azl("AzureLinux3", ""), arm, nil, "", nil},
		{"version unset, running 1.30", azl("AzureLinux3", ""), arm, &v130, "the control plane's version",
			[]want{errAt("fips_enabled", "FIPS on ARM64 needs Kubernetes 1.31 or later", "Kubernetes 1.30.14 (the control plane's version)")}},
		{"version unset, running 1.32", azl("AzureLinux3", ""), arm, &v132, "the control plane's version", nil},
		{"version unknown", with(azl("AzureLinux3", ""), func(p *Pool) { p.OrchestratorVersion = types.StringUnknown() }), arm, &v130, "x", nil},
		{"fips unknown", with(fips, func(p *Pool) { p.FIPSEnabled = types.BoolUnknown() }), arm, nil, "", nil},
		{"windows is checkArm64's", with(fips, func(p *Pool) { p.OSType = str("Windows") }), arm, nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkArm64FIPS(path.Empty(), tt.pool, tt.size, tt.running, tt.runningFrom), tt.wants...)
		})
	}
}

func TestCheckHostEncryption(t *testing.T) {
	on := with(userPool(), func(p *Pool) { p.HostEncryptionEnabled = flag(true) })
	expectDiags(t, checkHostEncryption(path.Empty(), on, embeddedSize(t, "Standard_DS2_v2")))
	expectDiags(t, checkHostEncryption(path.Empty(), on, embeddedSize(t, "Standard_D2pds_v5"))) // unknown: not refused
	expectDiags(t, checkHostEncryption(path.Empty(), userPool(), embeddedSize(t, "Standard_A0")))
	expectDiags(t, checkHostEncryption(path.Empty(), on, embeddedSize(t, "Standard_A0")),
		errAt("host_encryption_enabled", "VM size does not support encryption at host", "Standard_A0 does not support encryption at host", "host_encryption_enabled = false"))
}

// failingLister makes a live catalogue whose fetch fails.
type failingLister struct{}

func (failingLister) ListSKUs(context.Context, string) ([]skudata.SKU, error) {
	return nil, errors.New("AuthorizationFailed")
}

func TestLookupVMSize(t *testing.T) {
	ctx := context.Background()
	size, found, d := lookupVMSize(ctx, path.Empty(), userPool(), vmsizes.Embedded(), "eastus")
	expectDiags(t, d)
	if !found || size.Name != "Standard_DS2_v2" {
		t.Errorf("found=%v size=%s", found, size.Name)
	}
	_, found, d = lookupVMSize(ctx, path.Empty(), with(userPool(), func(p *Pool) { p.VMSize = types.StringNull() }), vmsizes.Embedded(), "eastus")
	expectDiags(t, d)
	if found {
		t.Error("no vm_size: nothing to find")
	}
	unknownSize := with(userPool(), func(p *Pool) { p.VMSize = str("Standard_Z9_v99") })
	_, found, d = lookupVMSize(ctx, path.Empty(), unknownSize, vmsizes.Embedded(), "eastus")
	if found {
		t.Error("an unknown size must not be found")
	}
	expectDiags(t, d, warnAt("vm_size", "Unknown VM size", `vm_size = "Standard_Z9_v99"`, "embedded VM size catalogue", "were not checked", "az vm list-skus"))
	_, _, d = lookupVMSize(ctx, path.Empty(), unknownSize, vmsizes.New(failingLister{}), "eastus")
	expectDiags(t, d, warnAt("vm_size", "Unknown VM size", "Compute Resource SKUs API lists in eastus", "could not be fetched: AuthorizationFailed"))
}

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
