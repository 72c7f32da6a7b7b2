# Microsoft's example "Create Agent Pool with Ephemeral OS Disk" (AgentPoolsCreate_Ephemeral.json):
# the OS disk lives on the VM's local storage, which is faster to read and reimage and costs
# nothing extra. Standard_DS2_v2's 86 GiB cache holds a 64 GB OS disk (not the default 128 GB).
resource "aks_node_pool" "ephemeral" {
  cluster_id      = aks_cluster.example.id
  name            = "ephemeral64"
  node_count      = 3
  vm_size         = "Standard_DS2_v2"
  os_disk_type    = "Ephemeral"
  os_disk_size_gb = 64
}
