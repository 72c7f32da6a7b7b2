# Microsoft's example "Create Agent Pool with Kata VM isolation" (AgentPoolsCreate_KataVmIsolation.json):
# Pod Sandboxing, where pods of the kata-vm-isolation runtime class run each in their own lightweight
# VM for kernel-level isolation of untrusted workloads. It needs Azure Linux and a VM size with nested
# virtualisation (Standard_D4s_v3 has it). Microsoft's request writes the OS as osType "AzureLinux";
# here that is os_sku = "AzureLinux" on the default os_type, Linux.
resource "aks_node_pool" "kata" {
  cluster_id       = aks_cluster.example.id
  name             = "katapool"
  mode             = "User"
  node_count       = 3
  vm_size          = "Standard_D4s_v3"
  os_sku           = "AzureLinux"
  os_disk_size_gb  = 64
  workload_runtime = "KataVmIsolation"
}
