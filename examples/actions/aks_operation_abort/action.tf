# Abort the operation running on a node pool (az aks nodepool operation-abort):
#   terraform apply -invoke=action.aks_operation_abort.user
action "aks_operation_abort" "user" {
  config {
    node_pool_id = aks_node_pool.user.id
  }
}

# Abort the operation running on the cluster itself (az aks operation-abort):
#   terraform apply -invoke=action.aks_operation_abort.cluster
action "aks_operation_abort" "cluster" {
  config {
    cluster_id = aks_cluster.example.id
  }
}
