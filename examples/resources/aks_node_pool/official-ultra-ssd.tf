# Microsoft's example "Create Agent Pool with UltraSSD enabled" (AgentPoolsCreate_EnableUltraSSD.json):
# nodes that can attach Azure Ultra Disks (persistent volumes of the UltraSSD_LRS storage class), for
# the lowest-latency block storage. Ultra Disks are offered only on some VM sizes and in some
# zones of some regions; the setting can only be chosen when the pool is created.
resource "aks_node_pool" "ultra_ssd" {
  cluster_id        = aks_cluster.example.id
  name              = "ultrassd"
  node_count        = 3
  vm_size           = "Standard_DS2_v2"
  ultra_ssd_enabled = true
}
