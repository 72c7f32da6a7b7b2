variable "node_pool_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo/agentPools/userpool"
}

locals {
  pool = provider::aks::parse_node_pool_id(var.node_pool_id)
}

# "aks-demo" and "userpool"; local.pool.cluster_id is the ID of the pool's cluster.
output "pool" {
  value = "${local.pool.cluster_name}/${local.pool.name}"
}
