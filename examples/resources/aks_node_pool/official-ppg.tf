# Microsoft's example "Create Agent Pool with PPG" (AgentPoolsCreate_PPG.json): three nodes placed in
# the proximity placement group ppg1, so that they (and the VMs of other pools in the group) sit in
# the same datacenter with the lowest network latency between them. The group must be in the same
# region (and, with zones, the same single zone) as the pool.
resource "aks_node_pool" "ppg" {
  cluster_id                   = aks_cluster.example.id
  name                         = "ppgpool"
  node_count                   = 3
  vm_size                      = "Standard_DS2_v2"
  proximity_placement_group_id = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/proximityPlacementGroups/ppg1"
}
