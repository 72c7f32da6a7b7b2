package aks_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// enableStaticEgressGateway turns on the cluster's Static Egress Gateway with the SDK, as
// `az aks update --enable-static-egress-gateway` does, and empties the journal.
func enableStaticEgressGateway(t *testing.T, srv *emulator.Server, name string) {
	t.Helper()
	client := sdkFactory(t, srv).NewManagedClustersClient()
	mc, err := client.Get(context.Background(), testResourceGroup, name, nil)
	if err != nil {
		t.Fatal(err)
	}
	mc.Properties.NetworkProfile.StaticEgressGatewayProfile = &armcontainerservice.ManagedClusterStaticEgressGatewayProfile{Enabled: to.Ptr(true)}
	poller, err := client.BeginCreateOrUpdate(context.Background(), testResourceGroup, name, mc.ManagedCluster, nil)
	if err == nil {
		_, err = poller.PollUntilDone(context.Background(), &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond})
	}
	if err != nil {
		t.Fatalf("enabling the static egress gateway: %v", err)
	}
	srv.ResetJournal()
}

// A Gateway pool on a cluster with the Static Egress Gateway: created with its prefix size; a
// prefix too small for the nodes, or a cluster without the gateway, is refused at plan.
func TestAccLifecycle_gatewayPool(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	plain := createCluster(t, srv, testCluster{Name: "aks-plain"})
	enableStaticEgressGateway(t, srv, "aks-demo")
	gateway := "  mode       = \"Gateway\"\n  node_count = 4\n  gateway_profile = { public_ip_prefix_size = 30 }"
	acctest.Test(t, []resource.TestStep{
		{
			Config:      poolConfig(plain, "egress", gateway),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Gateway pools need the cluster's Static Egress Gateway.*mode.*Fix: enable it`),
		},
		{
			Config:      poolConfig(cluster, "egress", "  mode       = \"Gateway\"\n  node_count = 4"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)More Gateway nodes than the public IP prefix has addresses.*node_count.*/31`),
		},
		{
			PreConfig: func() {
				if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
					t.Fatal(err)
				}
			},
			Config: poolConfig(cluster, "egress", gateway),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectOne(srv, poolPut,
					acctest.BodyValue(properties("mode"), knownvalue.StringExact("Gateway")),
					acctest.BodyValue(properties("gatewayProfile").AtMapKey("publicIPPrefixSize"), knownvalue.Int64Exact(30))),
				stateValue("mode", knownvalue.StringExact("Gateway")),
				stateValue("current_node_count", knownvalue.Int64Exact(4)),
			},
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "egress", "  mode       = \"Gateway\"\n  node_count = 8\n  gateway_profile = { public_ip_prefix_size = 29 }"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionReplace),
		},
		{
			PreConfig:        srv.ResetJournal,
			Config:           poolConfig(cluster, "egress", "  node_count = 2"),
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionReplace),
			ConfigStateChecks: []statecheck.StateCheck{
				stateValue("mode", knownvalue.StringExact("User")),
				stateValue("gateway_profile", knownvalue.Null()),
			},
		},
	})
}
