# Microsoft's example "Start Agent Pool" (AgentPools_Start.json), as `az aks nodepool start` does:
# the stopped pool's VMs are started again with the same node count. Change power_state from
# "Stopped" to "Running" (the default) and apply: one in-place update.
resource "aks_node_pool" "stoppable" {
  cluster_id  = aks_cluster.example.id
  name        = "stoppable"
  node_count  = 3
  vm_size     = "Standard_DS2_v2"
  power_state = "Running" # was "Stopped"
}
