# Every node pool of one cluster, from one read of the cluster (its answer holds every pool).
# With include_resource,
#   terraform query -generate-config-out=pools.tf
# writes an import block and a resource block for each pool. Leave out the cluster's default
# (System) pool if the cluster is managed by aks_cluster: its default_node_pool block manages it.
list "aks_node_pool" "demo" {
  provider         = aks
  include_resource = true

  config {
    cluster_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
  }
}
