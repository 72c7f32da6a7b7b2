package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

type poolEdit = func(*armcontainerservice.ManagedClusterAgentPoolProfileProperties)

// createPool defaults and checks a new agentPools pool in a world without cluster.
func createPool(name string, edit poolEdit) *Error {
	ap := newPool(name, edit)
	w := testWorld()
	DefaultAgentPool(w, nil, ap)
	return CheckAgentPoolCreate(w, ap)
}

func TestCheckGPUInstanceProfile(t *testing.T) {
	mig := func(size string, profile armcontainerservice.GPUInstanceProfile) poolEdit {
		return func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.VMSize, p.GpuInstanceProfile = to(size), to(profile)
		}
	}
	// Microsoft's AgentPoolsCreate_GPUMIG: Standard_ND96asr_v4 with MIG2g.
	wantError(t, createPool("gpumig", mig("Standard_ND96asr_v4", armcontainerservice.GPUInstanceProfileMIG2G)), "", "")
	wantError(t, createPool("a100", mig("Standard_NC24ads_A100_v4", armcontainerservice.GPUInstanceProfileMIG7G)), "", "")
	wantError(t, createPool("t4", mig("Standard_NC6s_v3", armcontainerservice.GPUInstanceProfileMIG1G)),
		codeInvalidParameter, "GPU instance profile MIG1g is not supported on VM size Standard_NC6s_v3")
	wantError(t, createPool("cpu", mig("Standard_DS2_v2", armcontainerservice.GPUInstanceProfileMIG1G)),
		codeInvalidParameter, "not supported on VM size Standard_DS2_v2")
	// A size whose MIG support the data doesn't settle is accepted.
	sku := mustSKU(t, "Standard_DS2_v2")
	sku.Capabilities = append(sku.Capabilities, capability(capGPUs, "1"))
	sku.Features = nil
	wantError(t, checkGPUInstanceProfile(sku, &armcontainerservice.ManagedClusterAgentPoolProfileProperties{GpuInstanceProfile: to(armcontainerservice.GPUInstanceProfileMIG1G)}), "", "")
}

func TestCheckGPUDriver(t *testing.T) {
	driver := func(size string, d armcontainerservice.GPUDriver) poolEdit {
		return func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.VMSize, p.GpuProfile = to(size), &armcontainerservice.GPUProfile{Driver: to(d)}
		}
	}
	wantError(t, createPool("gpunone", driver("Standard_NC6s_v3", armcontainerservice.GPUDriverNone)), "", "")
	wantError(t, createPool("gpuinst", driver("Standard_NC6s_v3", armcontainerservice.GPUDriverInstall)), "", "")
	wantError(t, createPool("cpunone", driver("Standard_DS2_v2", armcontainerservice.GPUDriverNone)), "", "")
	wantError(t, createPool("cpuinst", driver("Standard_DS2_v2", armcontainerservice.GPUDriverInstall)),
		codeInvalidParameter, "VM size Standard_DS2_v2 has none")
}

func capability(name, value string) skudata.Capability {
	return skudata.Capability{Name: name, Value: value}
}
