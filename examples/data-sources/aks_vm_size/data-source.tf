# What a VM size offers, to compute valid node pool settings instead of guessing: here, an
# Ephemeral OS disk only when the default 128 GB OS disk fits the size's local disk (the guide:
# Standard_DS2_v2's 86 GB cache is too small, Standard_DS3_v2's 172 GB is large enough).
variable "vm_size" {
  type    = string
  default = "Standard_DS3_v2"
}

data "aks_vm_size" "pool" {
  location = "eastus"
  name     = var.vm_size
}

resource "aks_node_pool" "workers" {
  cluster_id   = aks_cluster.example.id
  name         = "workers"
  vm_size      = var.vm_size
  node_count   = 3
  os_disk_type = coalesce(data.aks_vm_size.pool.max_ephemeral_os_disk_size_gb, 0) >= 128 ? "Ephemeral" : "Managed"
}

output "is_arm64" {
  value = data.aks_vm_size.pool.cpu_architecture == "Arm64"
}
