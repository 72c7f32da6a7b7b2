# Microsoft's example "Create Agent Pool with EncryptionAtHost enabled"
# (AgentPoolsCreate_EnableEncryptionAtHost.json): the nodes' temporary disks, OS and data disk caches
# are encrypted on the VM host. The subscription must have the Microsoft.Compute
# EncryptionAtHost feature registered, and the VM size must support it.
resource "aks_node_pool" "encryption_at_host" {
  cluster_id              = aks_cluster.example.id
  name                    = "encathost"
  node_count              = 3
  vm_size                 = "Standard_DS2_v2"
  host_encryption_enabled = true
}
