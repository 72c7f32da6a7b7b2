# An ARM64 node pool on a Dpsv5-series size: the guide's
#   az aks nodepool add ... --name armpool --node-count 3 --node-vm-size Standard_D2pds_v5
resource "aks_node_pool" "arm64" {
  cluster_id = aks_cluster.example.id
  name       = "armpool"
  node_count = 3
  vm_size    = "Standard_D2pds_v5"
}
