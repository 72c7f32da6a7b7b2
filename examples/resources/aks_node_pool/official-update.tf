# Microsoft's example "Update Agent Pool" (AgentPools_Update.json): the Spot pool of the
# create-or-update example, its labels and tags removed, gets the cluster autoscaler, fixed at two
# nodes. Turning the autoscaler on is an in-place update; from then on the autoscaler owns the count,
# so node_count is only the pool's starting size and changes of the live count are never drift.
resource "aks_node_pool" "autoscaled_spot" {
  cluster_id      = aks_cluster.example.id
  name            = "spotscale"
  node_count      = 3
  vm_size         = "Standard_DS1_v2"
  priority        = "Spot"
  eviction_policy = "Delete"
  node_taints     = ["Key1=Value1:NoSchedule"]

  auto_scaling_enabled = true
  min_count            = 2
  max_count            = 2
}
