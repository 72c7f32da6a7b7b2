package aks_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// lifecycleInvalid are the lifecycle group's invalid configurations: each fails at plan with
// the attribute, the rule and the fix.
var lifecycleInvalid = []struct {
	name, pool, args, want string
}{
	{"stopped System pool", "sysstop", "mode = \"System\"\n  power_state = \"Stopped\"", `(?s)System node pools can't be stopped.*power_state.*Fix: set mode = "User"`},
	{"unknown power state", "paused", `power_state = "Paused"`, `(?s)power_state.*Running.*Stopped`},
	{"AvailabilitySet type", "avset", `type = "AvailabilitySet"`, `(?s)type.*VirtualMachineScaleSets.*VirtualMachines`},
	{"manual scale on a scale set pool", "vmssvm", `virtual_machines_profile = { manual_scale = [{ vm_size = "Standard_D2s_v3", node_count = 1 }] }`,
		`(?s)virtual_machines_profile needs a VirtualMachines pool.*Rule:.*Fix: set type = "VirtualMachines"`},
	{"VirtualMachines pool without sizes", "vmnone", "type = \"VirtualMachines\"\n  virtual_machines_profile = { manual_scale = [] }",
		`(?s)A VirtualMachines pool needs a manual scale profile.*manual_scale.*Fix: add`},
	{"VirtualMachines pool with six sizes", "vmsix", "type = \"VirtualMachines\"\n  virtual_machines_profile = { manual_scale = [" +
		`{ vm_size = "Standard_D2s_v3", node_count = 1 }, { vm_size = "Standard_D4s_v3", node_count = 1 }, { vm_size = "Standard_D8s_v3", node_count = 1 }, ` +
		`{ vm_size = "Standard_D16s_v3", node_count = 1 }, { vm_size = "Standard_D32s_v3", node_count = 1 }, { vm_size = "Standard_D2_v3", node_count = 1 }] }`,
		`(?s)Too many VM sizes.*manual_scale.*up to 5.*Fix: keep at most 5`},
	{"VirtualMachines pool with a size twice", "vmtwice", "type = \"VirtualMachines\"\n  virtual_machines_profile = { manual_scale = [" +
		`{ vm_size = "Standard_D2s_v3", node_count = 1 }, { vm_size = "Standard_D2s_v3", node_count = 2 }] }`,
		`(?s)VM size listed twice.*manual_scale\[1\]\.vm_size.*Fix: merge`},
	{"VirtualMachines pool with the autoscaler", "vmauto", "type = \"VirtualMachines\"\n  auto_scaling_enabled = true\n  min_count = 1\n  max_count = 3\n" +
		`  virtual_machines_profile = { manual_scale = [{ vm_size = "Standard_D2s_v3", node_count = 1 }] }`,
		`(?s)VirtualMachines pools have no cluster autoscaler.*auto_scaling_enabled.*Fix: remove`},
	{"VirtualMachines pool with vm_size", "vmsize", "type = \"VirtualMachines\"\n  vm_size = \"Standard_D2s_v3\"\n" +
		`  virtual_machines_profile = { manual_scale = [{ vm_size = "Standard_D2s_v3", node_count = 1 }] }`,
		`(?s)vm_size is not used by VirtualMachines pools.*Fix: remove vm_size`},
	{"Ubuntu2404 below Kubernetes 1.32", "u2404old", "os_sku = \"Ubuntu2404\"\n  orchestrator_version = \"1.31\"",
		`(?s)OS SKU not offered for this Kubernetes version.*os_sku.*1\.32 to 1\.38.*Fix: use Kubernetes 1\.32`},
	{"gateway_profile on a User pool", "gwuser", `gateway_profile = { public_ip_prefix_size = 30 }`, `(?s)gateway_profile needs a Gateway pool.*Fix: set mode = "Gateway"`},
	{"Gateway pool without the static egress gateway", "egress", "mode = \"Gateway\"\n  node_count = 2", `(?s)Gateway pools need the cluster's Static Egress Gateway.*Fix: enable it`},
	{"Ubuntu2404 with FIPS", "u2404fips", "os_sku = \"Ubuntu2404\"\n  fips_enabled = true", `(?s)FIPS is not supported on Ubuntu 24\.04.*fips_enabled.*Fix: use os_sku = "Ubuntu2204"`},
}

// The lifecycle group's invalid configurations fail at plan, with no write.
func TestAccLifecycle_invalidConfigurationsFailAtPlan(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	srv.ResetJournal()
	if len(lifecycleInvalid) < 8 {
		t.Fatalf("only %d invalid configurations", len(lifecycleInvalid))
	}
	var steps []resource.TestStep
	for i, c := range lifecycleInvalid {
		previous := ""
		if i > 0 {
			previous = lifecycleInvalid[i-1].name
		}
		steps = append(steps, resource.TestStep{
			PreConfig: func() {
				if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
					t.Fatalf("after %q: %v", previous, err)
				}
			},
			Config:      poolConfig(cluster, c.pool, "  "+c.args),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`)),
		})
	}
	acctest.Test(t, steps)
	if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
		t.Fatalf("after %q: %v", lifecycleInvalid[len(lifecycleInvalid)-1].name, err)
	}
}

// The same requests sent straight to the emulator with the SDK get AKS's error (the rules of
// internal/emulator/aksrules, written independently of the provider's).
func TestAccLifecycle_invalidRequestsRefusedByAKS(t *testing.T) {
	srv, _ := newEmulatorWithCluster(t, testCluster{})
	client := sdkFactory(t, srv).NewAgentPoolsClient()
	manual := func(sizes ...string) *armcontainerservice.VirtualMachinesProfile {
		var m []*armcontainerservice.ManualScaleProfile
		for _, s := range sizes {
			m = append(m, &armcontainerservice.ManualScaleProfile{Size: to.Ptr(s), Count: to.Ptr[int32](1)})
		}
		return &armcontainerservice.VirtualMachinesProfile{Scale: &armcontainerservice.ScaleProfile{Manual: m}}
	}
	vm := to.Ptr(armcontainerservice.AgentPoolTypeVirtualMachines)
	type props = armcontainerservice.ManagedClusterAgentPoolProfileProperties
	cases := []struct {
		name, pool string
		p          props
		code, text string
	}{
		{"stopped System pool", "sysstop", props{Mode: to.Ptr(armcontainerservice.AgentPoolModeSystem), Count: to.Ptr[int32](1),
			PowerState: &armcontainerservice.PowerState{Code: to.Ptr(armcontainerservice.CodeStopped)}}, "OperationNotAllowed", "can't be stopped"},
		{"manual scale on a scale set pool", "vmssvm", props{VMSize: to.Ptr("Standard_DS2_v2"), VirtualMachinesProfile: manual("Standard_D2s_v3")}, "InvalidParameter", "only allowed for agent pools of type VirtualMachines"},
		{"VirtualMachines pool without sizes", "vmnone", props{Type: vm, VirtualMachinesProfile: manual()}, "InvalidParameter", "at least one manual scale profile"},
		{"VirtualMachines pool with six sizes", "vmsix", props{Type: vm, VirtualMachinesProfile: manual("Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3", "Standard_D16s_v3", "Standard_D32s_v3", "Standard_D2_v3")}, "InvalidParameter", "at most 5 VM sizes"},
		{"VirtualMachines pool with a size twice", "vmtwice", props{Type: vm, VirtualMachinesProfile: manual("Standard_D2s_v3", "Standard_D2s_v3")}, "InvalidParameter", "listed only once"},
		{"VirtualMachines pool with the autoscaler", "vmauto", props{Type: vm, VirtualMachinesProfile: manual("Standard_D2s_v3"),
			EnableAutoScaling: to.Ptr(true), MinCount: to.Ptr[int32](1), MaxCount: to.Ptr[int32](3)}, "InvalidParameter", "autoscaler is not supported"},
		{"Ubuntu2404 below Kubernetes 1.32", "u2404old", props{OSSKU: to.Ptr(armcontainerservice.OSSKUUbuntu2404), OrchestratorVersion: to.Ptr("1.31.10")}, "InvalidParameter", "1.32 to 1.38"},
		{"Ubuntu2404 with FIPS", "u2404fips", props{OSSKU: to.Ptr(armcontainerservice.OSSKUUbuntu2404), EnableFIPS: to.Ptr(true)}, "InvalidParameter", "FIPS is not supported"},
		{"Gateway pool without the static egress gateway", "egress", props{Mode: to.Ptr(armcontainerservice.AgentPoolModeGateway), Count: to.Ptr[int32](2)}, "InvalidParameter", "static egress gateway enabled"},
		{"gateway_profile on a User pool", "gwuser", props{GatewayProfile: &armcontainerservice.AgentPoolGatewayProfile{PublicIPPrefixSize: to.Ptr[int32](30)}}, "InvalidParameter", "mode is not Gateway"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			_, err := client.BeginCreateOrUpdate(context.Background(), testResourceGroup, "aks-demo", c.pool, armcontainerservice.AgentPool{Properties: &p}, nil)
			var respErr *azcore.ResponseError
			if !errors.As(err, &respErr) {
				t.Fatalf("want AKS's %s error, got %v", c.code, err)
			}
			if respErr.ErrorCode != c.code || !strings.Contains(respErr.Error(), c.text) {
				t.Errorf("want %s containing %q, got %s: %v", c.code, c.text, respErr.ErrorCode, fmt.Sprint(err))
			}
		})
	}
}
