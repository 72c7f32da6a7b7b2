package rules

import (
	"testing"
)

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
