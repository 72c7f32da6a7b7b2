# Microsoft's example "Create Windows Agent Pool with disabling OutboundNAT"
# (AgentPoolsCreate_WindowsDisableOutboundNAT.json): Windows Server 2022 nodes without Windows'
# OutboundNAT, so that pods' outbound traffic keeps their own IP addresses and doesn't exhaust the
# node's ports. The cluster must have been created with a Windows profile, and its outbound type
# must be a NAT gateway or user-defined routing, not the load balancer. Microsoft's request names
# Kubernetes 1.23.8, long unsupported; here it is a version AKS offers.
resource "aks_node_pool" "windows_no_outbound_nat" {
  cluster_id           = aks_cluster.example.id
  name                 = "wnat"
  node_count           = 3
  vm_size              = "Standard_D4s_v3"
  os_type              = "Windows"
  os_sku               = "Windows2022"
  orchestrator_version = "1.33"

  windows_profile = {
    outbound_nat_enabled = false
  }
}
