# One node pool of a cluster, as `az aks nodepool show` shows it.
data "aks_node_pool" "system" {
  cluster_id = aks_cluster.example.id
  name       = "nodepool1"
}

output "system_pool_node_image" {
  value = data.aks_node_pool.system.current_node_image_version
}
