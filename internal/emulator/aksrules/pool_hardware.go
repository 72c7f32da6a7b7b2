package aksrules

import (
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// The hardware rules of an agent pool: GPU instance profiles and driver (gpu.go), workload
// runtimes (workload_runtime.go), Ultra SSD (ultra_ssd.go), Trusted Launch (trusted_launch.go)
// and SSH access (ssh_access.go). Each reads the VM size's SKU as the Resource SKUs API and
// Microsoft's documentation describe it, and accepts what the data doesn't settle.

// Capability names and values of the Resource SKUs API the hardware rules read.
const (
	capGPUs                  = "GPUs"
	capHyperVGenerations     = "HyperVGenerations"
	capTrustedLaunchDisabled = "TrustedLaunchDisabled"
	capUltraSSDAvailable     = "UltraSSDAvailable"
	capabilityValueTrue      = "True"
	hyperVGen2               = "V2"
)

// checkNewPoolHardware runs the hardware rules for a new pool.
func checkNewPoolHardware(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if err := firstError(
		checkWasmWasi(name, p),
		checkKataOSSKU(p),
		checkTrustedLaunchPool(p),
		checkSSHAccessType(p),
		checkHardwareVersion(w, p),
	); err != nil {
		return err
	}
	sku, known := lookupSKU(w, deref(p.VMSize))
	if !known {
		return nil
	}
	return firstError(
		checkGPUInstanceProfile(sku, p),
		checkGPUDriver(sku, p),
		checkKataSize(sku, p),
		checkUltraSSDZones(w, sku, p),
		checkTrustedLaunchSize(sku, p),
		checkSecureBootGPUDriver(sku, p),
	)
}

// checkUpdatedPoolHardware runs the hardware rules an update can break: SSH access on the pool's
// type, and Trusted Launch when it is being turned on (the pool must meet its requirements).
func checkUpdatedPoolHardware(w World, _ string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if err := checkSSHAccessType(p); err != nil {
		return err
	}
	if !trustedLaunchOn(p) || (secureBoot(old) == secureBoot(p) && vTPM(old) == vTPM(p)) {
		return nil
	}
	if err := firstError(checkTrustedLaunchPool(p), checkHardwareVersion(w, p)); err != nil {
		return err
	}
	sku, known := lookupSKU(w, deref(p.VMSize))
	if !known {
		return nil
	}
	return firstError(checkTrustedLaunchSize(sku, p), checkSecureBootGPUDriver(sku, p))
}

// tristate is a fact of a SKU that the data may not settle.
type tristate int8

const (
	unsettled tristate = iota
	offered
	notOffered
)

// gpuCount reads the GPUs capability: absent means none (the API lists it only for GPU sizes).
func gpuCount(sku skudata.SKU) (int64, bool) {
	if capabilityUnknown(sku, capGPUs) {
		return 0, false
	}
	if _, present := sku.Capability(capGPUs); !present {
		return 0, true
	}
	return capabilityInt(sku, capGPUs)
}

// generation2 reads HyperVGenerations.
func generation2(sku skudata.SKU) tristate {
	v, ok := sku.Capability(capHyperVGenerations)
	if !ok || capabilityUnknown(sku, capHyperVGenerations) || strings.TrimSpace(v) == "" {
		return unsettled
	}
	if slices.ContainsFunc(strings.Split(v, ","), func(g string) bool { return strings.EqualFold(strings.TrimSpace(g), hyperVGen2) }) {
		return offered
	}
	return notOffered
}

func isAzureLinuxOSSKU(sku armcontainerservice.OSSKU) bool {
	return strings.EqualFold(string(sku), string(armcontainerservice.OSSKUAzureLinux)) ||
		strings.EqualFold(string(sku), string(armcontainerservice.OSSKUAzureLinux3)) ||
		strings.EqualFold(string(sku), string(armcontainerservice.OSSKUCBLMariner))
}
