package aks_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// seededID is the ARM ID of a resource the emulator seeds in rg-aks-demo (issue 9's plan).
func seededID(resourceType, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/%s/%s", emulator.DefaultSubscriptionID, testResourceGroup, resourceType, name)
}

var (
	seededCRG       = seededID("Microsoft.Compute/capacityReservationGroups", "crg1")
	seededHostGroup = seededID("Microsoft.Compute/hostGroups", "hostgroup1")
	seededPPG       = seededID("Microsoft.Compute/proximityPlacementGroups", "ppg1")
	seededSnapshot  = seededID("Microsoft.ContainerService/snapshots", "snapshot1")
)

// Each placement attribute's change is planned as its documentation says: scale_down_mode and
// upgrade_settings.undrainable_node_behavior in place (one agentPools PUT, no DELETE), the others
// replace the pool (one DELETE and one PUT). Every step ends with an empty plan.
func TestAccPlacement_eachAttributeUpdateOrReplace(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{SubnetID: subnetID("vnet-aks-demo", "snet-system")})
	type change struct {
		what   string
		set    poolArguments
		action plancheck.ResourceActionType
		calls  string
		state  map[string]knownvalue.Check
	}
	base := poolArguments{
		"cluster_id":     fmt.Sprintf("%q", cluster),
		"name":           `"placed"`,
		"node_count":     "1",
		"vm_size":        `"Standard_DS2_v2"`,
		"os_disk_type":   `"Managed"`,
		"vnet_subnet_id": fmt.Sprintf("%q", subnetID("vnet-aks-demo", "snet-user")),
	}
	str := knownvalue.StringExact
	changes := []change{
		{what: "scale_down_mode Deallocate", set: poolArguments{"scale_down_mode": `"Deallocate"`}, action: plancheck.ResourceActionUpdate, calls: "put",
			state: map[string]knownvalue.Check{"scale_down_mode": str("Deallocate")}},
		{what: "scale_down_mode Delete", set: poolArguments{"scale_down_mode": `"Delete"`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "undrainable_node_behavior Cordon", set: poolArguments{"upgrade_settings": `{
    undrainable_node_behavior = "Cordon"
  }`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "undrainable_node_behavior Schedule", set: poolArguments{"upgrade_settings": `{
    undrainable_node_behavior = "Schedule"
  }`}, action: plancheck.ResourceActionUpdate, calls: "put"},
		{what: "message_of_the_day", set: poolArguments{"message_of_the_day": `"foo\n"`}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: map[string]knownvalue.Check{"message_of_the_day": str("foo\n")}},
		{what: "message_of_the_day changed", set: poolArguments{"message_of_the_day": `"Authorized use only.\n"`}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "capacity_reservation_group_id", set: poolArguments{"capacity_reservation_group_id": fmt.Sprintf("%q", seededCRG)}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: map[string]knownvalue.Check{"capacity_reservation_group_id": str(seededCRG)}},
		{what: "proximity_placement_group_id", set: poolArguments{"proximity_placement_group_id": fmt.Sprintf("%q", seededPPG)}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "host_group_id", set: poolArguments{"host_group_id": fmt.Sprintf("%q", seededHostGroup)}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "pod_subnet_id for the allocation mode", set: poolArguments{"pod_subnet_id": fmt.Sprintf("%q", subnetID("vnet-aks-demo", "snet-pods"))}, action: plancheck.ResourceActionReplace, calls: "replace"},
		{what: "pod_ip_allocation_mode", set: poolArguments{"pod_ip_allocation_mode": `"StaticBlock"`}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: map[string]knownvalue.Check{"pod_ip_allocation_mode": str("StaticBlock")}},
		{what: "snapshot_id", set: poolArguments{"snapshot_id": fmt.Sprintf("%q", seededSnapshot)}, action: plancheck.ResourceActionReplace, calls: "replace",
			state: map[string]knownvalue.Check{"snapshot_id": str(seededSnapshot)}},
	}
	steps := []resource.TestStep{{Config: base.hcl(), ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionCreate)}}
	current := base
	for _, c := range changes {
		current = current.with(c.set)
		checks := []statecheck.StateCheck{changeCalls(srv, c.what, c.calls)}
		for attr, want := range c.state {
			checks = append(checks, statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New(attr), want))
		}
		steps = append(steps, resource.TestStep{
			PreConfig:         srv.ResetJournal,
			Config:            current.hcl(),
			ConfigPlanChecks:  expectPlan(poolAddress, c.action),
			ConfigStateChecks: checks,
		})
	}
	acctest.Test(t, steps)
}

// The bodies carry AKS's shapes: the message of the day base64-encoded, the snapshot as
// creationData.sourceResourceId, the placement IDs as written; state shows the message as plain
// text; the data sources show the same values.
func TestAccPlacement_bodiesStateAndDataSources(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "motd", fmt.Sprintf(`
  node_count                    = 1
  vm_size                       = "Standard_DS2_v2"
  os_disk_type                  = "Managed"
  message_of_the_day            = "foo\n"
  scale_down_mode               = "Deallocate"
  capacity_reservation_group_id = %q
  proximity_placement_group_id  = %q
  upgrade_settings {
    undrainable_node_behavior = "Cordon"
  }`, seededCRG, seededPPG))
	put := acctest.ARMCall(http.MethodPut, `/agentPools/motd$`)
	dataSources := config + fmt.Sprintf(`
data "aks_node_pool" "one" {
  cluster_id = %[1]q
  name       = aks_node_pool.test.name
}

data "aks_node_pools" "all" {
  cluster_id = %[1]q
  depends_on = [aks_node_pool.test]
}
`, cluster)
	acctest.Test(t, []resource.TestStep{{
		Config: config,
		ConfigStateChecks: []statecheck.StateCheck{
			acctest.ExpectOne(srv, put,
				acctest.BodyValue(properties("messageOfTheDay"), knownvalue.StringExact("Zm9vCg==")),
				acctest.BodyValue(properties("scaleDownMode"), knownvalue.StringExact("Deallocate")),
				acctest.BodyValue(properties("capacityReservationGroupID"), knownvalue.StringExact(seededCRG)),
				acctest.BodyValue(properties("proximityPlacementGroupID"), knownvalue.StringExact(seededPPG)),
				acctest.BodyValue(properties("upgradeSettings").AtMapKey("undrainableNodeBehavior"), knownvalue.StringExact("Cordon")),
			),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("message_of_the_day"), knownvalue.StringExact("foo\n")),
			statecheck.ExpectKnownValue(poolAddress, tfjsonpath.New("upgrade_settings").AtMapKey("undrainable_node_behavior"), knownvalue.StringExact("Cordon")),
		},
	}, {
		Config: dataSources,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("data.aks_node_pool.one", tfjsonpath.New("message_of_the_day"), knownvalue.StringExact("foo\n")),
			statecheck.ExpectKnownValue("data.aks_node_pool.one", tfjsonpath.New("scale_down_mode"), knownvalue.StringExact("Deallocate")),
			statecheck.ExpectKnownValue("data.aks_node_pool.one", tfjsonpath.New("capacity_reservation_group_id"), knownvalue.StringExact(seededCRG)),
			statecheck.ExpectKnownValue("data.aks_node_pool.one", tfjsonpath.New("proximity_placement_group_id"), knownvalue.StringExact(seededPPG)),
			statecheck.ExpectKnownValue("data.aks_node_pool.one", tfjsonpath.New("upgrade_settings").AtMapKey("undrainable_node_behavior"), knownvalue.StringExact("Cordon")),
			statecheck.ExpectKnownValue("data.aks_node_pools.all", tfjsonpath.New("node_pools"), knownvalue.ListPartial(map[int]knownvalue.Check{
				0: knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name":               knownvalue.StringExact("motd"),
					"message_of_the_day": knownvalue.StringExact("foo\n"),
					"scale_down_mode":    knownvalue.StringExact("Deallocate"),
				}),
			})),
		},
	}, {
		// An import of the pool plans no change.
		Config:          config,
		ResourceName:    poolAddress,
		ImportState:     true,
		ImportStateKind: resource.ImportBlockWithID,
		ImportStateId:   poolID("motd"),
		ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionNoop),
		}},
	}})
}

// default_node_pool: the placement settings are sent inline at cluster creation; scale_down_mode
// changes in place (one agentPools PUT, no cluster PUT, no DELETE); a message of the day change
// rotates the pool.
func TestAccPlacement_defaultNodePool(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	sameID := keepsClusterID()
	pool := func(mode, motd string) string {
		return guidePool + fmt.Sprintf(`
    os_disk_type       = "Managed"
    scale_down_mode    = %q
    message_of_the_day = %q`, mode, motd)
	}
	cluster := func(p string) string { return clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, p) }
	acctest.Test(t, []resource.TestStep{{
		Config: cluster(pool("Deallocate", "hello\n")),
		ConfigStateChecks: []statecheck.StateCheck{
			sameID(),
			acctest.ExpectOne(srv, clusterPut,
				acctest.BodyValue(poolProfile("scaleDownMode"), knownvalue.StringExact("Deallocate")),
				acctest.BodyValue(poolProfile("messageOfTheDay"), knownvalue.StringExact("aGVsbG8K")),
			),
			statecheck.ExpectKnownValue(clusterAddress, defaultPool("message_of_the_day"), knownvalue.StringExact("hello\n")),
		},
	}, {
		PreConfig:        srv.ResetJournal,
		Config:           cluster(pool("Delete", "hello\n")),
		ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
		ConfigStateChecks: []statecheck.StateCheck{
			sameID(),
			statecheck.ExpectKnownValue(clusterAddress, defaultPool("scale_down_mode"), knownvalue.StringExact("Delete")),
			acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`),
				acctest.BodyValue(properties("scaleDownMode"), knownvalue.StringExact("Delete"))),
			acctest.ExpectCalls(srv, acctest.Writes(), 1),
			acctest.ExpectCalls(srv, clusterPut, 0),
		},
	}, {
		PreConfig:        srv.ResetJournal,
		Config:           cluster(pool("Delete", "bye\n")),
		ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
		ConfigStateChecks: []statecheck.StateCheck{
			sameID(),
			statecheck.ExpectKnownValue(clusterAddress, defaultPool("message_of_the_day"), knownvalue.StringExact("bye\n")),
			// The rotation: a temporary pool, the pool deleted and created again, the temporary one deleted.
			acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodDelete, `/agentPools/nodepool1$`), 1),
			acctest.ExpectCalls(srv, clusterPut, 0),
		},
	}})
}
