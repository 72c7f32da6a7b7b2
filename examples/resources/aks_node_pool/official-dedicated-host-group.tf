# Microsoft's example "Create Agent Pool with Dedicated Host Group"
# (AgentPoolsCreate_DedicatedHostGroup.json): three nodes on Azure Dedicated Hosts, physical servers
# no other customer shares, for hardware isolation and control over Azure's maintenance. The host
# group needs automatic placement and hosts of a SKU for this VM size with room for the nodes, and
# the cluster a user-assigned identity with the Contributor role on the group's resource group.
# The host group can only be chosen when the pool is created.
resource "aks_node_pool" "dedicated_host" {
  cluster_id    = aks_cluster.example.id
  name          = "hostpool"
  node_count    = 3
  vm_size       = "Standard_DS2_v2"
  host_group_id = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Compute/hostGroups/hostgroup1"
}
