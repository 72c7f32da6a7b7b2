# Every node pool of a cluster, as `az aks nodepool list` shows them.
data "aks_node_pools" "all" {
  cluster_id = aks_cluster.example.id
}

output "node_pools" {
  value = {
    for pool in data.aks_node_pools.all.node_pools : pool.name => {
      mode                 = pool.mode
      count                = pool.current_node_count
      vm_size              = pool.vm_size
      os_type              = pool.os_type
      os_sku               = pool.os_sku
      orchestrator_version = pool.current_orchestrator_version
      provisioning_state   = pool.provisioning_state
    }
  }
}
