# A node pool with Ephemeral OS disks: the guide's
#   az aks nodepool add ... --name ephemeral -s Standard_DS3_v2 --node-osdisk-type Ephemeral
# Standard_DS3_v2 has a 172 GiB cache, which holds the default 128 GB OS disk.
resource "aks_node_pool" "ephemeral" {
  cluster_id   = aks_cluster.example.id
  name         = "ephemeral"
  vm_size      = "Standard_DS3_v2"
  os_disk_type = "Ephemeral"
}

# Standard_DS2_v2 has an 86 GiB cache: an Ephemeral OS disk fits only with a smaller disk.
resource "aks_node_pool" "ephemeral_small" {
  cluster_id      = aks_cluster.example.id
  name            = "ephsmall"
  vm_size         = "Standard_DS2_v2"
  os_disk_type    = "Ephemeral"
  os_disk_size_gb = 60
}
