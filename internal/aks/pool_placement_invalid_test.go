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

// placementInvalid is one invalid placement configuration: the HCL of an aks_node_pool, the
// error the plan must give (attribute, rule, fix), and the same pool as an agentPools request
// with AKS's answer (code, message), or nil where only the provider's schema judges it.
type placementInvalid struct {
	name    string
	pool    string
	args    string
	want    string
	request func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties)
	code    string
	message string
}

func placementInvalidCases() []placementInvalid {
	hostGroupAsCRG := seededHostGroup
	crgAsPPG := seededCRG
	diskSnapshot := seededID("Microsoft.Compute/snapshots", "disk1")
	podSubnet := subnetID("vnet-aks-demo", "snet-pods")
	return []placementInvalid{
		{"capacity reservation group ID of a host group", "crgtype", fmt.Sprintf("capacity_reservation_group_id = %q", hostGroupAsCRG),
			`(?s)capacity_reservation_group_id.*Microsoft\.Compute/hostGroups, not a Microsoft\.Compute/capacityReservationGroups.*Fix: use the resource's id`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.CapacityReservationGroupID = to.Ptr(hostGroupAsCRG)
			},
			"InvalidParameter", "of properties.capacityReservationGroupID is not a valid resource ID"},
		{"host group name instead of its ID", "hgname", `host_group_id = "hostgroup1"`,
			`(?s)host_group_id.*not an ARM resource ID.*Fix:.*hostGroups/hostgroup1`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.HostGroupID = to.Ptr("hostgroup1")
			},
			"InvalidParameter", "of properties.hostGroupID is not a valid resource ID"},
		{"proximity placement group ID of a CRG", "ppgtype", fmt.Sprintf("proximity_placement_group_id = %q", crgAsPPG),
			`(?s)proximity_placement_group_id.*not a Microsoft\.Compute/proximityPlacementGroups`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.ProximityPlacementGroupID = to.Ptr(crgAsPPG)
			},
			"InvalidParameter", "of properties.proximityPlacementGroupID is not a valid resource ID"},
		{"snapshot ID of a disk snapshot", "disksnap", fmt.Sprintf("snapshot_id = %q", diskSnapshot),
			`(?s)snapshot_id.*Microsoft\.Compute/snapshots, not a Microsoft\.ContainerService/snapshots`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to.Ptr(diskSnapshot)}
			},
			"InvalidParameter", "of properties.creationData.sourceResourceId is not a valid resource ID"},
		{"proximity placement group across three zones", "ppgzones", fmt.Sprintf("proximity_placement_group_id = %q\n  zones = [\"1\", \"2\", \"3\"]", seededPPG),
			`(?s)proximity_placement_group_id.*3 availability zones.*Rule: a proximity placement group maps to only one availability zone.*Fix: keep one zone in zones`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.ProximityPlacementGroupID = to.Ptr(seededPPG)
				p.AvailabilityZones = []*string{to.Ptr("1"), to.Ptr("2"), to.Ptr("3")}
			},
			"InvalidParameter", "only one availability zone"},
		{"message of the day on a Windows pool", "motdw", "os_type = \"Windows\"\n  vm_size = \"Standard_D4s_v3\"\n  message_of_the_day = \"hello\"",
			`(?s)message_of_the_day.*os_type = "Windows".*must not be specified for Windows nodes.*Fix: remove message_of_the_day`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.OSType = to.Ptr(armcontainerservice.OSTypeWindows)
				p.VMSize = to.Ptr("Standard_D4s_v3")
				p.MessageOfTheDay = to.Ptr("aGVsbG8=")
			},
			"InvalidParameter", "must not be specified for Windows nodes"},
		{"Deallocate with an Ephemeral OS disk", "dealleph", "vm_size = \"Standard_D4s_v3\"\n  os_disk_type = \"Ephemeral\"\n  os_disk_size_gb = 60\n  scale_down_mode = \"Deallocate\"",
			`(?s)scale_down_mode.*os_disk_type = "Ephemeral".*Rule: Scale-down Mode Deallocate doesn't support Ephemeral OS disks.*Fix: set os_disk_type = "Managed"`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.VMSize = to.Ptr("Standard_D4s_v3")
				p.OSDiskType = to.Ptr(armcontainerservice.OSDiskTypeEphemeral)
				p.OSDiskSizeGB = to.Ptr[int32](60)
				p.ScaleDownMode = to.Ptr(armcontainerservice.ScaleDownModeDeallocate)
			},
			"InvalidParameter", "Ephemeral OS disks"},
		{"pod IP allocation mode without a pod subnet", "staticnp", `pod_ip_allocation_mode = "StaticBlock"`,
			`(?s)pod_ip_allocation_mode.*pod_subnet_id is unset.*Rule: the pod IP allocation mode.*Fix: set pod_subnet_id`,
			func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
				p.PodIPAllocationMode = to.Ptr(armcontainerservice.PodIPAllocationModeStaticBlock)
			},
			"InvalidParameter", "must be used with podSubnetID"},
		{"Static Block below Kubernetes 1.28", "static127", fmt.Sprintf("vnet_subnet_id = %q\n  pod_subnet_id = %q\n  pod_ip_allocation_mode = \"StaticBlock\"\n  orchestrator_version = \"1.27\"", subnetID("vnet-aks-demo", "snet-user"), podSubnet),
			`(?s)pod_ip_allocation_mode.*orchestrator_version = "1\.27".*Kubernetes 1\.28 or later.*Fix: set orchestrator_version to 1\.28 or later`,
			nil, "", ""},
		{"unknown scale-down mode", "sdmode", `scale_down_mode = "Stop"`, `(?s)scale_down_mode.*"Delete".*"Deallocate"`, nil, "", ""},
		{"unknown undrainable node behavior", "undrain", "upgrade_settings {\n    undrainable_node_behavior = \"Evict\"\n  }",
			`(?s)undrainable_node_behavior.*"Cordon".*"Schedule"`, nil, "", ""},
		{"message of the day that is empty", "motdempty", `message_of_the_day = ""`, `(?s)message_of_the_day.*at least 1`, nil, "", ""},
		{"snapshot that does not exist", "nosnap", fmt.Sprintf("snapshot_id = %q", seededID("Microsoft.ContainerService/snapshots", "nosuchsnapshot")),
			`(?s)Node pool snapshot not found.*snapshot_id.*nosuchsnapshot.*Fix: create the snapshot first`, nil, "", ""},
	}
}

// Invalid placement configurations fail at plan with the attribute, the rule and the fix, and
// the emulator sees no write.
func TestAccPlacement_invalidConfigurationsFailAtPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	cluster := createCluster(t, srv, testCluster{Name: "aks-demo", Windows: true})
	srv.ResetJournal()
	cases := placementInvalidCases()
	if len(cases) < 8 {
		t.Fatalf("only %d invalid configurations", len(cases))
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      poolConfig(cluster, c.pool, "  "+c.args),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(strings.ReplaceAll(c.want, " ", `\s+`)),
		})
	}
	// The default pool takes the same rules.
	steps = append(steps, resource.TestStep{
		Config:      clusterHCL("aks-new", guideVersion+"\n"+guideNetwork, guidePool+"\n    pod_ip_allocation_mode = \"DynamicIndividual\""),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)default_node_pool\.pod_ip_allocation_mode.*default_node_pool\.pod_subnet_id\s+is\s+unset`),
	}, resource.TestStep{
		Config:      clusterHCL("aks-new", guideVersion+"\n"+guideNetwork, guidePool+fmt.Sprintf("\n    proximity_placement_group_id = %q\n    zones = [\"1\", \"2\"]", seededPPG)),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)default_node_pool\.proximity_placement_group_id.*2\s+availability\s+zones`),
	})
	acctest.Test(t, steps)
	acctest.ExpectNoWrites(srv).Require(t)
}

// The same pools sent straight to the emulator with the SDK get AKS's error.
func TestAccPlacement_invalidRequestsRefusedByAKS(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	createCluster(t, srv, testCluster{Name: "aks-demo", Windows: true})
	client := sdkFactory(t, srv).NewAgentPoolsClient()
	for _, c := range placementInvalidCases() {
		if c.request == nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
				Count:  to.Ptr[int32](1),
				VMSize: to.Ptr("Standard_DS2_v2"),
				Type:   to.Ptr(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets),
			}
			c.request(p)
			poller, err := client.BeginCreateOrUpdate(context.Background(), testResourceGroup, "aks-demo", c.pool[:min(len(c.pool), 6)], armcontainerservice.AgentPool{Properties: p}, nil)
			if err == nil {
				_, err = poller.PollUntilDone(context.Background(), nil)
			}
			var respErr *azcore.ResponseError
			if !errors.As(err, &respErr) {
				t.Fatalf("want AKS's %s, got %v", c.code, err)
			}
			if respErr.ErrorCode != c.code || !strings.Contains(err.Error(), c.message) {
				t.Fatalf("want %s containing %q, got %s: %v", c.code, c.message, respErr.ErrorCode, err)
			}
		})
	}
}

// A snapshot that doesn't fit the pool (the seeded snapshot1 is Linux/Ubuntu at the emulator's
// default version) fails at plan, read live, with no write; a fitting one plans.
func TestAccPlacement_snapshotFitAtPlan(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{Windows: true})
	snapshot := fmt.Sprintf("snapshot_id = %q", seededSnapshot)
	acctest.Test(t, []resource.TestStep{{
		Config:      poolConfig(cluster, "snapsku", "  "+snapshot+"\n  os_sku = \"AzureLinux\""),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)snapshot_id.*os_sku = "AzureLinux".*os_sku\s+"Ubuntu".*Fix:`),
	}, {
		Config:      poolConfig(cluster, "snapver", "  "+snapshot+"\n  orchestrator_version = \"1.32\""),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)Node pool snapshot does not fit the pool.*orchestrator_version = "1\.32"`),
	}, {
		Config:      poolConfig(cluster, "snapw", "  "+snapshot+"\n  os_type = \"Windows\"\n  vm_size = \"Standard_D4s_v3\""),
		PlanOnly:    true,
		ExpectError: regexp.MustCompile(`(?s)snapshot_id.*os_type = "Windows".*os_type\s+"Linux"`),
	}, {
		Config:             poolConfig(cluster, "snapok", "  "+snapshot+"\n  os_sku = \"Ubuntu\"\n  fips_enabled = true"),
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	}})
	acctest.ExpectNoWrites(srv).Require(t)
}
