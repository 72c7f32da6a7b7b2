# Microsoft's example "Create/Update Agent Pool" (AgentPoolsCreate_Update.json): a User pool of
# three Spot VMs with a label, a taint and a tag. Applying the same configuration again changes
# nothing; changing the labels, taints, tags or count later is an in-place update.
resource "aks_node_pool" "create_or_update" {
  cluster_id      = aks_cluster.example.id
  name            = "spotuser"
  mode            = "User"
  node_count      = 3
  vm_size         = "Standard_DS1_v2"
  priority        = "Spot"
  eviction_policy = "Delete"

  node_labels = { key1 = "val1" }
  node_taints = ["Key1=Value1:NoSchedule"]
  tags        = { name1 = "val1" }
}
