package aks_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

type poolProps = armcontainerservice.ManagedClusterAgentPoolProfileProperties

// hardwareInvalid is one invalid hardware configuration: its HCL, the plan error it gets, and the
// same pool as an agentPools request with AKS's answer (code "" when only the provider's schema
// refuses it, such as a value outside the API's enum).
type hardwareInvalid struct {
	name    string
	pool    string
	args    string
	want    string
	request func(p *poolProps)
	code    string
	message string
}

func secure(boot, vtpm bool) *armcontainerservice.AgentPoolSecurityProfile {
	return &armcontainerservice.AgentPoolSecurityProfile{EnableSecureBoot: to.Ptr(boot), EnableVTPM: to.Ptr(vtpm)}
}

var hardwareInvalids = []hardwareInvalid{
	{"MIG profile on a size without GPU", "migcpu", "vm_size = \"Standard_DS2_v2\"\n  gpu_instance_profile = \"MIG1g\"",
		`(?s)gpu_instance_profile.*Standard_DS2_v2 does not support multi-instance GPU.*Rule: GPU instance profiles.*Fix: use a MIG-capable size`,
		func(p *poolProps) {
			p.VMSize, p.GpuInstanceProfile = to.Ptr("Standard_DS2_v2"), to.Ptr(armcontainerservice.GPUInstanceProfileMIG1G)
		},
		"InvalidParameter", "GPU instance profile MIG1g is not supported on VM size Standard_DS2_v2"},
	{"MIG profile on a GPU size without MIG", "migv100", "vm_size = \"Standard_NC6s_v3\"\n  gpu_instance_profile = \"MIG3g\"",
		`(?s)gpu_instance_profile.*Standard_NC6s_v3 does not support multi-instance GPU.*Fix:`,
		func(p *poolProps) {
			p.VMSize, p.GpuInstanceProfile = to.Ptr("Standard_NC6s_v3"), to.Ptr(armcontainerservice.GPUInstanceProfileMIG3G)
		},
		"InvalidParameter", "not supported on VM size Standard_NC6s_v3"},
	{"MIG profile outside the API", "mig5", "vm_size = \"Standard_ND96asr_v4\"\n  gpu_instance_profile = \"MIG5g\"",
		`(?s)gpu_instance_profile.*value must be one of.*MIG7g`, nil, "", ""},
	{"GPU driver installation on a size without GPU", "drvcpu", "vm_size = \"Standard_DS2_v2\"\n  gpu_driver = \"Install\"",
		`(?s)gpu_driver.*Standard_DS2_v2 has no GPU.*Rule: GPU driver installation.*Fix: pick a GPU size`,
		func(p *poolProps) {
			p.VMSize, p.GpuProfile = to.Ptr("Standard_DS2_v2"), &armcontainerservice.GPUProfile{Driver: to.Ptr(armcontainerservice.GPUDriverInstall)}
		},
		"InvalidParameter", "VM size Standard_DS2_v2 has none"},
	{"Kata on Ubuntu", "kataub", "vm_size = \"Standard_D4s_v3\"\n  os_sku = \"Ubuntu\"\n  workload_runtime = \"KataVmIsolation\"",
		`(?s)os_sku.*KataVmIsolation.*Rule: KataVmIsolation \(Pod Sandboxing\) is only supported on the Azure Linux.*Fix: set os_sku = "AzureLinux"`,
		func(p *poolProps) {
			p.VMSize, p.OSSKU, p.WorkloadRuntime = to.Ptr("Standard_D4s_v3"), to.Ptr(armcontainerservice.OSSKUUbuntu), to.Ptr(armcontainerservice.WorkloadRuntimeKataVMIsolation)
		},
		"InvalidParameter", "only supported with osSKU AzureLinux or AzureLinux3"},
	{"Kata on a size without nested virtualization", "katads", "vm_size = \"Standard_DS2_v2\"\n  os_sku = \"AzureLinux\"\n  workload_runtime = \"KataVmIsolation\"",
		`(?s)vm_size.*Standard_DS2_v2 does not support nested virtualization.*Fix: pick such a size`,
		func(p *poolProps) {
			p.VMSize, p.OSSKU, p.WorkloadRuntime = to.Ptr("Standard_DS2_v2"), to.Ptr(armcontainerservice.OSSKUAzureLinux), to.Ptr(armcontainerservice.WorkloadRuntimeKataVMIsolation)
		},
		"InvalidParameter", "supports nested virtualization; VM size Standard_DS2_v2 does not"},
	{"Kata on a generation 1 size", "katag1", "vm_size = \"Standard_D2_v2\"\n  os_sku = \"AzureLinux3\"\n  workload_runtime = \"KataVmIsolation\"",
		`(?s)vm_size.*Standard_D2_v2 is not a generation 2 VM size.*Fix:`,
		func(p *poolProps) {
			p.VMSize, p.OSSKU, p.WorkloadRuntime = to.Ptr("Standard_D2_v2"), to.Ptr(armcontainerservice.OSSKUAzureLinux3), to.Ptr(armcontainerservice.WorkloadRuntimeKataVMIsolation)
		},
		"InvalidParameter", "requires a generation 2 VM size; VM size Standard_D2_v2 is not"},
	{"WASI System pool", "wasisys", "mode = \"System\"\n  workload_runtime = \"WasmWasi\"",
		`(?s)workload_runtime.*System pool.*Rule: Wasm/WASI node pools can't be used for the system node pool.*Fix: put the WASI workloads on a User pool`,
		func(p *poolProps) {
			p.Mode, p.WorkloadRuntime = to.Ptr(armcontainerservice.AgentPoolModeSystem), to.Ptr(armcontainerservice.WorkloadRuntimeWasmWasi)
		},
		"InvalidParameter", "can't be used for system agent pools"},
	{"secure boot on a generation 1 size", "tlgen1", "vm_size = \"Standard_D2_v2\"\n  security_profile = { secure_boot_enabled = true }",
		`(?s)security_profile\.secure_boot_enabled.*Standard_D2_v2 does not support Trusted Launch: it is not a generation 2.*Fix: pick a generation 2 size`,
		func(p *poolProps) { p.VMSize, p.SecurityProfile = to.Ptr("Standard_D2_v2"), secure(true, false) },
		"InvalidParameter", "requires a generation 2 VM size; VM size Standard_D2_v2 is not"},
	{"vTPM on an Arm64 size", "tlarm", "vm_size = \"Standard_D16plds_v5\"\n  security_profile = { vtpm_enabled = true }",
		`(?s)security_profile\.vtpm_enabled.*Standard_D16plds_v5 is an Arm64 size.*Fix: pick an x64`,
		func(p *poolProps) { p.VMSize, p.SecurityProfile = to.Ptr("Standard_D16plds_v5"), secure(false, true) },
		"InvalidParameter", "not supported for Arm64 VM size Standard_D16plds_v5"},
	{"Trusted Launch on a size that disables it", "tloff", "vm_size = \"Standard_M8-2ms\"\n  security_profile = { vtpm_enabled = true }",
		`(?s)security_profile\.vtpm_enabled.*Standard_M8-2ms does not support Trusted Launch: its SKU disables.*Fix:`,
		func(p *poolProps) { p.VMSize, p.SecurityProfile = to.Ptr("Standard_M8-2ms"), secure(false, true) },
		"InvalidParameter", "not supported for VM size Standard_M8-2ms"},
	{"Trusted Launch with Pod Sandboxing", "tlkata", "vm_size = \"Standard_D4s_v3\"\n  os_sku = \"AzureLinux\"\n  workload_runtime = \"KataVmIsolation\"\n  security_profile = { secure_boot_enabled = true }",
		`(?s)security_profile\.secure_boot_enabled.*KataVmIsolation.*Rule: Trusted Launch can't be enabled in the same node pool as Arm64, Pod Sandboxing.*Fix:`,
		func(p *poolProps) {
			p.VMSize, p.OSSKU, p.WorkloadRuntime, p.SecurityProfile = to.Ptr("Standard_D4s_v3"), to.Ptr(armcontainerservice.OSSKUAzureLinux), to.Ptr(armcontainerservice.WorkloadRuntimeKataVMIsolation), secure(true, false)
		},
		"InvalidParameter", "not supported with workload runtime KataVmIsolation"},
	{"Trusted Launch with FIPS on Azure Linux", "tlfips", "vm_size = \"Standard_D4s_v3\"\n  os_sku = \"AzureLinux\"\n  fips_enabled = true\n  security_profile = { vtpm_enabled = true }",
		`(?s)security_profile\.vtpm_enabled.*fips_enabled = true.*Rule: Trusted Launch can only be enabled in the same node pool as FIPS with Ubuntu 22.04.*Fix: use os_sku = "Ubuntu2204"`,
		func(p *poolProps) {
			p.VMSize, p.OSSKU, p.EnableFIPS, p.SecurityProfile = to.Ptr("Standard_D4s_v3"), to.Ptr(armcontainerservice.OSSKUAzureLinux), to.Ptr(true), secure(false, true)
		},
		"InvalidParameter", "FIPS is only supported with osSKU Ubuntu2204"},
	{"secure boot on an Ubuntu GPU pool installing the driver", "tlgpu", "vm_size = \"Standard_NC6s_v3\"\n  security_profile = { secure_boot_enabled = true }",
		`(?s)security_profile\.secure_boot_enabled.*Standard_NC6s_v3 \(a GPU size\).*Fix: set gpu_driver = "None"`,
		func(p *poolProps) { p.VMSize, p.SecurityProfile = to.Ptr("Standard_NC6s_v3"), secure(true, false) },
		"InvalidParameter", "requires gpuProfile.driver None"},
	{"SSH access outside the API version", "sshentra", `security_profile = { ssh_access = "EntraID" }`,
		`(?s)security_profile\.ssh_access.*value must be one of.*LocalUser.*Disabled`, nil, "", ""},
}

// Invalid hardware configurations fail at plan with the attribute, the rule and the fix, and
// the emulator sees no write.
func TestAccPoolHardware_invalidConfigurationsFailAtPlan(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	if len(hardwareInvalids) < 8 {
		t.Fatalf("only %d invalid configurations", len(hardwareInvalids))
	}
	var steps []resource.TestStep
	for i, c := range hardwareInvalids {
		previous := ""
		if i > 0 {
			previous = hardwareInvalids[i-1].name
		}
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
					t.Fatalf("after %q: %v", previous, err)
				}
			},
			Config:      poolConfig(cluster, c.pool, "  node_count = 1\n  "+c.args),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`)), // terraform wraps messages
		})
	}
	acctest.Test(t, steps)
	if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
		t.Fatalf("after %q: %v", hardwareInvalids[len(hardwareInvalids)-1].name, err)
	}
}

// The same pools sent straight to the emulator with the SDK get AKS's error.
func TestAccPoolHardware_invalidRequestsRefusedByEmulator(t *testing.T) {
	srv, _ := newEmulatorWithCluster(t, testCluster{})
	client := sdkFactory(t, srv).NewAgentPoolsClient()
	for _, c := range hardwareInvalids {
		if c.request == nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			p := &poolProps{Count: to.Ptr[int32](1)}
			c.request(p)
			_, err := client.BeginCreateOrUpdate(context.Background(), testResourceGroup, "aks-demo", c.pool, armcontainerservice.AgentPool{Properties: p}, nil)
			var respErr *azcore.ResponseError
			if !errors.As(err, &respErr) {
				t.Fatalf("want AKS's %s error, got %v", c.code, err)
			}
			if respErr.StatusCode != 400 || respErr.ErrorCode != c.code || !strings.Contains(err.Error(), c.message) {
				t.Fatalf("want 400 %s containing %q, got %d %s: %v", c.code, c.message, respErr.StatusCode, respErr.ErrorCode, err)
			}
			if _, err := getPool(t, srv, "aks-demo", c.pool); err == nil {
				t.Fatalf("pool %s exists after the refused create", c.pool)
			}
		})
	}
}
