package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// Arm64 limits (use-arm64-vms.md; create-node-pools.md; enable-fips-nodes.md).
var (
	// FIPS on Arm64 needs Azure Linux 3 and Kubernetes 1.31 or later.
	arm64FIPSMinVersion = kubeVersion{major: 1, minor: 31}
	// Defender-enabled clusters take Arm64 pools from Kubernetes 1.29.0.
	arm64DefenderMinVersion = kubeVersion{major: 1, minor: 29, patch: 0, hasPatch: true}
)

// checkArm64Windows: Arm64 sizes don't run Windows. Unverified text and code.
func checkArm64Windows(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isArm64(sku) || !isWindows(p) {
		return nil
	}
	return badRequest(codeInvalidParameter, "vmSize",
		"The VM size %s uses the Arm64 architecture, which is not supported for Windows agent pools.", sku.Name)
}

// checkArm64FIPS: FIPS on Arm64 only with osSKU AzureLinux/AzureLinux3 and a
// pool Kubernetes version of 1.31 or later. Unverified text and code.
func checkArm64FIPS(sku skudata.SKU, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, poolVersion kubeVersion) *Error {
	if !isArm64(sku) || !deref(p.EnableFIPS) {
		return nil
	}
	azureLinux := equalFoldPtr(p.OSSKU, armcontainerservice.OSSKUAzureLinux) || equalFoldPtr(p.OSSKU, armcontainerservice.OSSKUAzureLinux3)
	if azureLinux && poolVersion.major > 0 && compareVersions(poolVersion, arm64FIPSMinVersion) >= 0 {
		return nil
	}
	return badRequest(codeInvalidParameter, "enableFIPS",
		"FIPS-enabled agent pools on Arm64 VM sizes (%s) require osSKU AzureLinux or AzureLinux3 and Kubernetes version %s or later; got osSKU '%s' and Kubernetes version %s.",
		sku.Name, arm64FIPSMinVersion, deref(p.OSSKU), poolVersion)
}

// checkArm64Defender: Arm64 pools are refused on clusters with Microsoft
// Defender enabled below Kubernetes 1.29.0. Unverified text and code.
func checkArm64Defender(sku skudata.SKU, mc *armcontainerservice.ManagedCluster, controlPlane kubeVersion) *Error {
	if !isArm64(sku) || !defenderEnabled(mc) || controlPlane.major == 0 || compareVersions(controlPlane, arm64DefenderMinVersion) >= 0 {
		return nil
	}
	return badRequest(codeInvalidParameter, "vmSize",
		"Arm64 VM size %s is not supported on clusters with Microsoft Defender enabled and a Kubernetes version lower than %s (the cluster runs %s).",
		sku.Name, arm64DefenderMinVersion, controlPlane)
}

func defenderEnabled(mc *armcontainerservice.ManagedCluster) bool {
	if mc == nil || mc.Properties == nil || mc.Properties.SecurityProfile == nil {
		return false
	}
	d := mc.Properties.SecurityProfile.Defender
	return d != nil && d.SecurityMonitoring != nil && deref(d.SecurityMonitoring.Enabled)
}
