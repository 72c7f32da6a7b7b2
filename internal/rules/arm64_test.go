package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

func TestCheckArm64(t *testing.T) {
	arm := embeddedSize(t, "Standard_D2pds_v5")
	x64 := embeddedSize(t, "Standard_D4s_v3")
	windows := with(userPool(), func(p *Pool) { p.OSType = str("Windows") })
	expectDiags(t, checkArm64(path.Empty(), userPool(), arm))
	expectDiags(t, checkArm64(path.Empty(), windows, x64))
	expectDiags(t, checkArm64(path.Empty(), windows, arm),
		errAt("vm_size", "ARM64 VM sizes don't run Windows node pools", `"Standard_D2pds_v5" is an Arm64 size`, "Standard_D4s_v3"))
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
