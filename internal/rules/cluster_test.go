package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// demoCluster is a cluster as the emulator seeds it: one System pool in the managed VNet.
func demoCluster() Cluster {
	return Cluster{
		KubernetesVersion: "1.33.3",
		LoadBalancerSKU:   "standard",
		NetworkPlugin:     "azure",
		Pools: []ExistingPool{
			{Name: "nodepool1", Mode: "System", OSType: "Linux", VMSetType: VMSetTypeScaleSets, OrchestratorVersion: "1.33.3"},
		},
	}
}

// customVNetCluster has its System pool on a custom subnet of vnet-aks-demo.
func customVNetCluster() Cluster {
	c := demoCluster()
	c.Pools[0].VnetSubnetID = subnetUser
	return c
}

func checkInCluster(p Pool, current *ExistingPool, c Cluster) diag.Diagnostics {
	return CheckPoolInCluster(context.Background(), path.Empty(), p, current, c, nil, "eastus")
}

func TestCheckPoolInClusterAcceptsTheGuidesPools(t *testing.T) {
	expectDiags(t, checkInCluster(userPool(), nil, demoCluster()))
	expectDiags(t, checkInCluster(Pool{Name: str("armpool"), VMSize: str("Standard_D2pds_v5"), NodeCount: num(3)}, nil, demoCluster()))
	expectDiags(t, checkInCluster(Pool{Name: str("subnetpool"), VnetSubnetID: str(subnetPods)}, nil, customVNetCluster()))
	win := demoCluster()
	win.HasWindowsProfile = true
	expectDiags(t, checkInCluster(Pool{Name: str("npwin"), OSType: str("Windows"), VMSize: str("Standard_D4s_v3")}, nil, win))
	// An update of the only pool compares it with nobody.
	current := demoCluster().Pools[0]
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1"), Mode: str("System"), VnetSubnetID: str(subnetOther)}, &current, demoCluster()))
}

func TestCheckSubnetsOneVNet(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		c     Cluster
		wants []want
	}{
		{"same vnet", Pool{Name: str("p"), VnetSubnetID: str(subnetPods)}, customVNetCluster(), nil},
		{"node subnet in another vnet", Pool{Name: str("p"), VnetSubnetID: str(subnetOther)}, customVNetCluster(),
			[]want{errAt("vnet_subnet_id", "Subnet in another virtual network than the cluster's pools",
				"rg-aks-demo/vnet-other", `node pool "nodepool1" uses rg-aks-demo/vnet-aks-demo`, "choose a subnet of rg-aks-demo/vnet-aks-demo")}},
		{"pod subnet in another vnet", Pool{Name: str("p"), VnetSubnetID: str(subnetUser), PodSubnetID: str(subnetOther)}, customVNetCluster(),
			[]want{errAt("pod_subnet_id", "Subnet in another virtual network than the cluster's pools")}},
		{"others' pod subnets count too", Pool{Name: str("p"), VnetSubnetID: str(subnetOther)}, func() Cluster {
			c := demoCluster()
			c.Pools[0].PodSubnetID = subnetPods
			return c
		}(), []want{errAt("vnet_subnet_id", "Subnet in another virtual network than the cluster's pools")}},
		{"no custom subnets anywhere", userPool(), demoCluster(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkSubnetsOneVNet(path.Empty(), tt.pool, otherPools(tt.pool, nil, tt.c)), tt.wants...)
		})
	}
}

func TestCheckSubnetMixing(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		c     Cluster
		wants []want
	}{
		{"custom subnet joining managed pools", Pool{Name: str("p"), VnetSubnetID: str(subnetUser)}, demoCluster(),
			[]want{errAt("vnet_subnet_id", "Custom subnet in a cluster that uses the managed virtual network", `node pool "nodepool1" uses the virtual network AKS manages`, "remove vnet_subnet_id")}},
		{"managed pool joining custom subnets", Pool{Name: str("p")}, customVNetCluster(),
			[]want{errAt("vnet_subnet_id", "Managed virtual network in a cluster that uses custom subnets", `node pool "nodepool1" uses the subnet`, "set vnet_subnet_id to a subnet of rg-aks-demo/vnet-aks-demo")}},
		{"managed with managed", Pool{Name: str("p")}, demoCluster(), nil},
		{"custom with custom", Pool{Name: str("p"), VnetSubnetID: str(subnetPods)}, customVNetCluster(), nil},
		{"unknown subnet", Pool{Name: str("p"), VnetSubnetID: types.StringUnknown()}, customVNetCluster(), nil},
		{"first pool", Pool{Name: str("p"), VnetSubnetID: str(subnetUser)}, Cluster{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkSubnetMixing(path.Empty(), tt.pool, otherPools(tt.pool, nil, tt.c)), tt.wants...)
		})
	}
}

func TestCheckWindowsCluster(t *testing.T) {
	win := Pool{Name: str("npwin"), OSType: str("Windows")}
	expectDiags(t, checkWindowsCluster(path.Empty(), win, demoCluster()),
		errAt("os_type", "Cluster has no Windows profile", "created without a Windows profile", "windows_profile"))
	c := demoCluster()
	c.HasWindowsProfile, c.NetworkPlugin = true, "kubenet"
	expectDiags(t, checkWindowsCluster(path.Empty(), win, c),
		errAt("os_type", "Windows node pools need Azure CNI", "kubenet"))
	c.NetworkPlugin = "azure"
	expectDiags(t, checkWindowsCluster(path.Empty(), win, c))
	expectDiags(t, checkWindowsCluster(path.Empty(), userPool(), demoCluster()))
	expectDiags(t, checkWindowsCluster(path.Empty(), Pool{OSType: types.StringUnknown()}, demoCluster()))
}

func TestCheckPodSubnetNetworkPlugin(t *testing.T) {
	p := Pool{Name: str("p"), VnetSubnetID: str(subnetUser), PodSubnetID: str(subnetPods)}
	c := customVNetCluster()
	expectDiags(t, checkPodSubnetNetworkPlugin(path.Empty(), p, c))
	c.NetworkPlugin = "Kubenet"
	expectDiags(t, checkPodSubnetNetworkPlugin(path.Empty(), p, c), errAt("pod_subnet_id", "Pod subnets need Azure CNI", "kubenet"))
	expectDiags(t, checkPodSubnetNetworkPlugin(path.Empty(), Pool{Name: str("p")}, c))
}

func TestCheckArm64Defender(t *testing.T) {
	arm, x64 := embeddedSize(t, "Standard_D2pds_v5"), embeddedSize(t, "Standard_DS2_v2")
	c := demoCluster()
	c.DefenderEnabled, c.KubernetesVersion = true, "1.28.15"
	expectDiags(t, checkArm64Defender(path.Empty(), arm, c),
		errAt("vm_size", "ARM64 pools need Kubernetes 1.29.0 or later on Defender-enabled clusters", "Kubernetes 1.28.15", "less than 1.29.0", "create-node-pools#arm64-node-pools"))
	expectDiags(t, checkArm64Defender(path.Empty(), x64, c))
	c.KubernetesVersion = "1.29.0"
	expectDiags(t, checkArm64Defender(path.Empty(), arm, c))
	c.KubernetesVersion, c.DefenderEnabled = "1.28.15", false
	expectDiags(t, checkArm64Defender(path.Empty(), arm, c))
	c.DefenderEnabled, c.KubernetesVersion = true, ""
	expectDiags(t, checkArm64Defender(path.Empty(), arm, c))

	// Through CheckPoolInCluster, with the size from the catalogue.
	c.KubernetesVersion = "1.28"
	expectDiags(t, checkInCluster(Pool{Name: str("armpool"), VMSize: str("Standard_D2pds_v5")}, nil, c),
		errAt("vm_size", "ARM64 pools need Kubernetes 1.29.0 or later on Defender-enabled clusters"))
}

func TestCheckOrchestratorVersion(t *testing.T) {
	at := func(v string) Pool { return Pool{Name: str("p"), OrchestratorVersion: str(v)} }
	running := &ExistingPool{Name: "p", Mode: "User", OrchestratorVersion: "1.31.11"}
	tests := []struct {
		name    string
		pool    Pool
		current *ExistingPool
		wants   []want
	}{
		{"same as control plane", at("1.33.3"), nil, nil},
		{"alias of the control plane's minor", at("1.33"), nil, nil},
		{"three minors behind", at("1.30.14"), nil, nil},
		{"unset", Pool{Name: str("p")}, nil, nil},
		{"invalid is the validator's", at("latest"), nil, nil},
		{"above the control plane", at("1.34.0"), nil,
			[]want{errAt("orchestrator_version", "Node pool version above the control plane", `"1.34.0" is newer than the control plane's 1.33.3`, "upgrade the cluster's control plane first")}},
		{"patch above the control plane", at("1.33.4"), nil,
			[]want{errAt("orchestrator_version", "Node pool version above the control plane")}},
		{"four minors behind", at("1.29.15"), nil,
			[]want{errAt("orchestrator_version", "Node pool version too far behind the control plane", "4 minor versions behind", "1.30 or later")}},
		{"other major", at("2.0"), nil,
			[]want{errAt("orchestrator_version", "Node pool and control plane majors differ", "1.x")}},
		{"upgrade", at("1.32.7"), running, nil},
		{"same minor alias is no downgrade", at("1.31"), running, nil},
		{"downgrade", at("1.30.14"), running,
			[]want{errAt("orchestrator_version", "Node pool downgrade", `"1.30.14" is lower than the version the pool runs, 1.31.11`, "create a new pool")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkOrchestratorVersion(path.Empty(), tt.pool, tt.current, demoCluster()), tt.wants...)
		})
	}
	// Without a known control plane version, only the downgrade rule runs.
	expectDiags(t, checkOrchestratorVersion(path.Empty(), at("1.40"), nil, Cluster{}))
	expectDiags(t, checkOrchestratorVersion(path.Empty(), at("1.30"), running, Cluster{KubernetesVersion: "bad"}),
		errAt("orchestrator_version", "Node pool downgrade"))
}

func TestCheckMultiplePools(t *testing.T) {
	basic := demoCluster()
	basic.LoadBalancerSKU = "Basic"
	expectDiags(t, checkInCluster(userPool(), nil, basic),
		errAt("cluster_id", "Multiple node pools need the Standard load balancer", "Basic load balancer", "already has 1 node pool(s)"))
	avset := demoCluster()
	avset.Pools[0].VMSetType = "AvailabilitySet"
	expectDiags(t, checkInCluster(userPool(), nil, avset),
		errAt("cluster_id", "Multiple node pools need Virtual Machine Scale Sets", `"nodepool1"`, "AvailabilitySet"))
	// The first pool, and updates, are not "adding a pool".
	expectDiags(t, checkMultiplePools(path.Empty(), nil, basic))
	current := avset.Pools[0]
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1"), Mode: str("System")}, &current, avset))
	// Unknown load balancer: not judged.
	unknownLB := demoCluster()
	unknownLB.LoadBalancerSKU = ""
	expectDiags(t, checkInCluster(userPool(), nil, unknownLB))
}

func TestCheckDemoteLastSystemPool(t *testing.T) {
	c := demoCluster()
	current := c.Pools[0]
	demote := Pool{Name: str("nodepool1"), Mode: str("User")}
	expectDiags(t, checkInCluster(demote, &current, c),
		errAt("mode", "Can't demote the last System node pool", `"nodepool1" is the cluster's only System node pool`, `set mode = "System" on another Linux pool`))
	// Mode unset means User: still a demotion.
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1")}, &current, c), errAt("mode", "Can't demote the last System node pool"))
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1"), Mode: types.StringUnknown()}, &current, c))
	expectDiags(t, checkInCluster(Pool{Name: str("nodepool1"), Mode: str("System")}, &current, c))
	c.Pools = append(c.Pools, ExistingPool{Name: "system2", Mode: "System", OSType: "Linux", VMSetType: VMSetTypeScaleSets})
	expectDiags(t, checkInCluster(demote, &current, c))
}

func TestCheckPoolInClusterUsesTheRunningVersion(t *testing.T) {
	win := demoCluster()
	win.HasWindowsProfile = true
	win2019 := Pool{Name: str("npwin"), OSType: str("Windows"), OSSKU: str("Windows2019"), VMSize: str("Standard_D4s_v3")}
	// New pool, no orchestrator_version: it gets the control plane's 1.33.3.
	expectDiags(t, checkInCluster(win2019, nil, win),
		errAt("os_sku", "Windows Server 2019 is not supported on this Kubernetes version", "Kubernetes 1.33.3 (the control plane's version, as orchestrator_version is unset)"))
	// Existing pool still on 1.32: fine.
	current := &ExistingPool{Name: "npwin", Mode: "User", OSType: "Windows", VMSetType: VMSetTypeScaleSets, OrchestratorVersion: "1.32.7"}
	expectDiags(t, checkInCluster(win2019, current, win))
	// orchestrator_version set: CheckPool's job, not repeated here.
	expectDiags(t, checkInCluster(with(win2019, func(p *Pool) { p.OrchestratorVersion = str("1.33.3") }), nil, win))

	old := demoCluster()
	old.KubernetesVersion = "1.30.14"
	armFIPS := Pool{Name: str("armfips"), VMSize: str("Standard_D2pds_v5"), OSSKU: str("AzureLinux3"), FIPSEnabled: flag(true)}
	expectDiags(t, checkInCluster(armFIPS, nil, old),
		errAt("fips_enabled", "FIPS on ARM64 needs Kubernetes 1.31 or later", "Kubernetes 1.30.14 (the control plane's version"))
	expectDiags(t, checkInCluster(armFIPS, nil, demoCluster()))
	unknownCP := demoCluster()
	unknownCP.KubernetesVersion = ""
	expectDiags(t, checkInCluster(armFIPS, nil, unknownCP))
}

func TestCheckPoolDelete(t *testing.T) {
	c := demoCluster()
	c.Pools = append(c.Pools, ExistingPool{Name: "userpool", Mode: "User"})
	d := CheckPoolDelete("NodePool1", c)
	expectDiags(t, d, errAt("", "Can't delete the last System node pool", `"nodepool1" is the cluster's only System node pool`, "another System pool takes its place", "delete the whole cluster"))
	expectDiags(t, CheckPoolDelete("userpool", c))
	expectDiags(t, CheckPoolDelete("gone", c))
	c.Pools = append(c.Pools, ExistingPool{Name: "system2", Mode: "System"})
	expectDiags(t, CheckPoolDelete("nodepool1", c))
}
