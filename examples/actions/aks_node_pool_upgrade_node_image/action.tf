# Upgrade one pool's nodes to the latest node image, on demand:
#   terraform apply -invoke=action.aks_node_pool_upgrade_node_image.user
action "aks_node_pool_upgrade_node_image" "user" {
  config {
    node_pool_id = aks_node_pool.user.id
  }
}

# Every pool of the cluster, one after the other (az aks upgrade --node-image-only):
#   terraform apply -invoke=action.aks_node_pool_upgrade_node_image.cluster
action "aks_node_pool_upgrade_node_image" "cluster" {
  config {
    cluster_id = aks_cluster.example.id
    timeout    = "3h"
  }
}
