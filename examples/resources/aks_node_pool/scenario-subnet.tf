# A node pool on its own subnet: the guide's
#   az aks nodepool add ... --name subnetpool --node-count 3 --vnet-subnet-id $SUBNET_RESOURCE_ID
# The subnet must be in the same virtual network as the subnets of the cluster's other pools.
resource "aks_node_pool" "own_subnet" {
  cluster_id     = aks_cluster.example.id
  name           = "subnetpool"
  node_count     = 3
  vnet_subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-user"
}
