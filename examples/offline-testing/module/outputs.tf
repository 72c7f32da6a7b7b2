output "cluster_id" {
  description = "The ARM ID of the managed cluster."
  value       = aks_cluster.this.id
}

output "fqdn" {
  description = "The API server's FQDN."
  value       = aks_cluster.this.fqdn
}

output "kubernetes_version" {
  description = "The exact Kubernetes version the control plane runs."
  value       = aks_cluster.this.current_kubernetes_version
}

output "user_pools" {
  description = "Each user pool's ID, node count, VM size and labels, as AKS reports them."
  value = {
    for name, pool in aks_node_pool.user : name => {
      id          = pool.id
      node_count  = pool.current_node_count
      vm_size     = pool.vm_size
      node_labels = pool.node_labels
    }
  }
}
