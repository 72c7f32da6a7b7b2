# Microsoft's example "Create Agent Pool with Windows OSSKU" (AgentPoolsCreate_WindowsOSSKU.json):
# Windows Server 2022 nodes (the default for Windows pools from Kubernetes 1.25). Windows pool names
# have at most 6 characters, and the cluster must have been created with a Windows profile.
# Microsoft's request names Kubernetes 1.23.3, long unsupported; here it is a version AKS offers.
resource "aks_node_pool" "windows2022" {
  cluster_id           = aks_cluster.example.id
  name                 = "wnp2"
  node_count           = 3
  vm_size              = "Standard_D4s_v3"
  os_type              = "Windows"
  os_sku               = "Windows2022"
  orchestrator_version = "1.33"
}
