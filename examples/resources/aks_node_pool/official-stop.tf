# Microsoft's example "Stop Agent Pool" (AgentPools_Stop.json), as `az aks nodepool stop` does: the
# pool's VMs are deallocated (no compute charges; disks and configuration are kept) while the pool
# stays defined. Change power_state from "Running" to "Stopped" and apply: one in-place update.
# Only User pools can be stopped; a stopped pool's cluster autoscaler pauses until it starts again.
# node_count is left out: AKS reports a stopped pool as 0 nodes and keeps the count it had for the
# start, so leaving it out makes an import of the stopped pool plan no change.
resource "aks_node_pool" "stoppable" {
  cluster_id  = aks_cluster.example.id
  name        = "stoppable"
  vm_size     = "Standard_DS2_v2"
  power_state = "Stopped" # was "Running"
}
