# A small AKS module: a cluster with its System pool, and any number of user pools.

# The versions AKS offers in the region: the cluster runs the default one.
data "aks_kubernetes_versions" "current" {
  location = var.location
}

resource "aks_cluster" "this" {
  name                = var.name
  resource_group_name = var.resource_group_name
  location            = var.location
  dns_prefix          = var.name
  kubernetes_version  = data.aks_kubernetes_versions.current.default_version

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_DS2_v2"
    node_count = var.system_node_count
  }
}

resource "aks_node_pool" "user" {
  for_each = var.user_pools

  cluster_id  = aks_cluster.this.id
  name        = each.key
  vm_size     = each.value.vm_size
  node_count  = each.value.node_count
  node_labels = each.value.node_labels
}
