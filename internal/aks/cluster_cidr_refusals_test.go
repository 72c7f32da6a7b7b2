package aks_test

import (
	"fmt"
	"net/http"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// cidrCluster is a new Azure CNI Overlay cluster whose nodes are in the seed's snet-system
// (10.10.0.0/22 of vnet-aks-demo, 10.10.0.0/16), with the given service and pod ranges.
func cidrCluster(serviceCIDR, dnsServiceIP, podCIDR string) string {
	network := fmt.Sprintf(`  network_profile = {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    load_balancer_sku   = "standard"
    service_cidr        = %q
    dns_service_ip      = %q
    pod_cidr            = %q
  }`, serviceCIDR, dnsServiceIP, podCIDR)
	pool := fmt.Sprintf("%s\n    vnet_subnet_id = %q", guidePool, subnetID("vnet-aks-demo", "snet-system"))
	return clusterHCL("aks-cidr", network, pool)
}

// A service_cidr overlapping a subnet of the cluster's virtual network, or a pod_cidr overlapping
// the nodes' subnet, fails at plan naming the attribute, the rule and the fix, after one read of
// the virtual network and without a write; ranges outside it plan a create.
func TestAccClusterCIDRs_overlapRefusedAtPlan(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig:   srv.ResetJournal,
			Config:      cidrCluster("10.10.8.0/24", "10.10.8.10", "192.168.0.0/16"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Service CIDR overlaps a subnet of the cluster's virtual network.*network_profile.service_cidr = "10.10.8.0/24" overlaps subnet snet-pods.*Rule:.*ServiceCidrOverlapExistingSubnetsCidr.*Fix:`),
		},
		{
			Config:      cidrCluster("172.16.0.0/16", "172.16.0.10", "10.10.0.0/16"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Pod CIDR overlaps the cluster's subnet.*network_profile.pod_cidr = "10.10.0.0/16" overlaps the nodes' subnet\s+snet-system.*Rule:.*azure-cni-overlay.*Fix:`),
		},
		{
			PreConfig: func() {
				acctest.ExpectNoWrites(srv).Require(t)
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/virtualNetworks/vnet-aks-demo$`), 2).Require(t)
			},
			Config:             cidrCluster("172.16.0.0/16", "172.16.0.10", "192.168.0.0/16"),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		},
	})
}

// A credential that may not read the virtual network (403) gets a warning, not an error: the
// plan goes on and AKS decides at apply.
func TestAccClusterCIDRs_forbiddenReadOnlyWarns(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig: func() {
				srv.AddFault(emulator.Fault{Method: http.MethodGet, Path: `/virtualNetworks/vnet-aks-demo$`, Count: 100, Status: http.StatusForbidden})
				srv.ResetJournal()
			},
			Config:             cidrCluster("10.10.8.0/24", "10.10.8.10", "192.168.0.0/16"),
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
			Check:              acctest.ExpectNoWrites(srv).TestCheck,
		},
	})
}
