# Microsoft's example "Create Spot Agent Pool" (AgentPoolsCreate_Spot.json): three Spot VMs, Azure's
# spare capacity at a deep discount, which Azure can evict at any time; for interruptible batch or
# test workloads. AKS adds the label and taint kubernetes.azure.com/scalesetpriority=spot, so only
# pods that tolerate it are scheduled there. Evicted nodes are deleted.
resource "aks_node_pool" "spot" {
  cluster_id      = aks_cluster.example.id
  name            = "spotpool"
  node_count      = 3
  vm_size         = "Standard_DS1_v2"
  priority        = "Spot"
  eviction_policy = "Delete"

  node_labels = { key1 = "val1" }
  node_taints = ["Key1=Value1:NoSchedule"]
  tags        = { name1 = "val1" }
}
