# An existing cluster, as `az aks show` shows it (no credentials are read: a Reader can use it).
data "aks_cluster" "existing" {
  name                = "aks-demo"
  resource_group_name = "rg-aks-demo"
}

output "api_server" {
  value = data.aks_cluster.existing.fqdn
}

output "default_pool" {
  value = {
    name    = data.aks_cluster.existing.default_node_pool.name
    vm_size = data.aks_cluster.existing.default_node_pool.vm_size
    version = data.aks_cluster.existing.default_node_pool.current_orchestrator_version
  }
}
