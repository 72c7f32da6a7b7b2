# Add a second node pool of three nodes to an existing cluster: the guide's
#   az aks nodepool add --resource-group rg-aks-demo --cluster-name aks-demo \
#     --name mynodepool --node-count 3
resource "aks_node_pool" "mynodepool" {
  cluster_id = aks_cluster.example.id
  name       = "mynodepool"
  node_count = 3
}
