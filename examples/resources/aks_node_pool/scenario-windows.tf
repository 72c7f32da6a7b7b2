# A Windows Server node pool with containerd (the only runtime since Kubernetes 1.23): the guide's
#   az aks nodepool add ... --os-type Windows --name npwin --node-vm-size Standard_D4s_v3 --node-count 1
# Windows pool names have at most 6 characters. Raising orchestrator_version later upgrades the
# pool in place.
resource "aks_node_pool" "windows" {
  cluster_id           = aks_cluster.example.id
  name                 = "npwin"
  os_type              = "Windows"
  vm_size              = "Standard_D4s_v3"
  node_count           = 1
  orchestrator_version = "1.33"

  node_taints = ["os=windows:NoSchedule"]
}
