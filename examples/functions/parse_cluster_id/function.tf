variable "cluster_id" {
  type    = string
  default = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
}

locals {
  cluster = provider::aks::parse_cluster_id(var.cluster_id)
}

# "rg-aks-demo"
output "cluster_resource_group" {
  value = local.cluster.resource_group_name
}
