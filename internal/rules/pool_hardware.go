package rules

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The hardware settings of a pool: GPU partitioning and driver, the workload runtime (Kata,
// WebAssembly), Ultra SSD and the node security profile (SSH access, Trusted Launch). Their
// rules live in gpu.go, workload_runtime.go, ultra_ssd.go, trusted_launch.go and ssh_access.go.

// PoolHardware is the part of Pool the hardware rules read. Null means unset (AKS's default).
type PoolHardware struct {
	GPUInstanceProfile types.String // null: no MIG partitioning
	GPUDriver          types.String // null: Install (on GPU sizes)
	WorkloadRuntime    types.String // null: OCIContainer
	UltraSSDEnabled    types.Bool   // null: false
	SSHAccess          types.String // null: LocalUser
	SecureBootEnabled  types.Bool   // null: false
	VTPMEnabled        types.Bool   // null: false
	// HardwareZones are the pool's zones (null: none), which decide where Ultra disks must be offered.
	HardwareZones types.Set
}

// Where the hardware rules come from.
const (
	sourceMIG           = `the AKS docs "Create a multi-instance GPU node pool" (https://learn.microsoft.com/azure/aks/gpu-multi-instance)`
	sourceNvidiaGPU     = `the AKS docs "Use NVIDIA GPUs on AKS", Skip GPU driver installation (https://learn.microsoft.com/azure/aks/use-nvidia-gpu#skip-gpu-driver-installation)`
	sourceGPUDriverSpec = `the AKS REST API agentPool gpuProfile ("GPU Driver Installation can only be set true when VM has an associated GPU resource", Azure/azure-rest-api-specs#26072)`
	sourcePodSandboxing = `the AKS docs "Pod Sandboxing with AKS" (https://learn.microsoft.com/azure/aks/use-pod-sandboxing)`
	sourceWASI          = `the AKS docs "Create WebAssembly System Interface (WASI) node pools" (retired; https://github.com/Azure/AKS/issues/4770)`
	sourceUltraDisks    = `the AKS docs "Use Azure Ultra Disks on AKS" (https://learn.microsoft.com/azure/aks/use-ultra-disks) and "Using Azure Ultra Disks", VM size and region availability (https://learn.microsoft.com/azure/virtual-machines/disks-enable-ultra-ssd)`
	sourceTrustedLaunch = `the AKS docs "Trusted Launch for AKS", Limitations (https://learn.microsoft.com/azure/aks/use-trusted-launch)`
	sourceSSHAccess     = `the AKS docs "Manage SSH access on AKS nodes" (https://learn.microsoft.com/azure/aks/manage-ssh-node-access)`
)

// checkPoolHardware runs the hardware rules that need no live cluster; size is nil when the VM
// size is unset, unknown or not in the catalogue. Every fact of the size the rules read may be
// Unknown: a rule refuses only on a known No.
func checkPoolHardware(_ context.Context, base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkWasmWasi(base, p)...)
	diags.Append(checkKataOSSKU(base, p)...)
	diags.Append(checkTrustedLaunchPool(base, p)...)
	if size == nil {
		return diags
	}
	diags.Append(checkGPUInstanceProfile(base, p, *size)...)
	diags.Append(checkGPUDriver(base, p, *size)...)
	diags.Append(checkKataSize(base, p, *size)...)
	diags.Append(checkUltraSSDRegional(base, p, *size)...)
	diags.Append(checkTrustedLaunchSize(base, p, *size)...)
	diags.Append(checkSecureBootGPUDriver(base, p, *size)...)
	return diags
}

// checkPoolHardwareInCluster runs the hardware rules that need the live cluster: the zones of
// its location that offer Ultra disks, the type of the pool being updated, and the Kubernetes
// version Trusted Launch and Pod Sandboxing need.
func checkPoolHardwareInCluster(_ context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, size *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkSSHAccessPoolType(base, p, current)...)
	diags.Append(checkHardwareVersions(base, p, current, c)...)
	if size != nil {
		diags.Append(checkUltraSSDZones(base, p, *size, c.Location)...)
	}
	return diags
}
