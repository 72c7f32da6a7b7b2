# Microsoft's example "Create Agent Pool with Capacity Reservation Group" (AgentPoolsCreate_CRG.json):
# three nodes whose VMs draw on capacity reserved ahead in the capacity reservation group crg1, so
# that scaling out never meets an allocation failure. The group needs a reservation for this VM
# size in this region, and the cluster a user-assigned identity with the Contributor role on the
# group's resource group (a system-assigned identity doesn't work).
resource "aks_node_pool" "crg" {
  cluster_id                    = aks_cluster.example.id
  name                          = "crgpool"
  node_count                    = 3
  vm_size                       = "Standard_DS2_v2"
  capacity_reservation_group_id = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/capacityReservationGroups/crg1"
}
