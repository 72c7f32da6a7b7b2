# Microsoft's example "Create Agent Pool with VirtualMachines pool type"
# (AgentPoolsCreate_TypeVirtualMachines.json): a pool of individual VMs instead of a scale set,
# which can mix VM sizes: three Standard_D2_v2 and two Standard_D2_v3 nodes. Microsoft's request
# names Kubernetes 1.9.6, long unsupported; here it is a version AKS offers.
resource "aks_node_pool" "virtual_machines" {
  cluster_id           = aks_cluster.example.id
  name                 = "vmpool"
  type                 = "VirtualMachines"
  orchestrator_version = "1.33"

  virtual_machines_profile = {
    manual_scale = [
      { vm_size = "Standard_D2_v2", node_count = 3 },
      { vm_size = "Standard_D2_v3", node_count = 2 },
    ]
  }

  node_labels = { key1 = "val1" }
  node_taints = ["Key1=Value1:NoSchedule"]
  tags        = { name1 = "val1" }
}
