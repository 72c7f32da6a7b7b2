variable "vm_size" {
  type    = string
  default = "Standard_D8ds_v5"
}

locals {
  # 128 GB is AKS's default OS disk size (Terraform also takes null for it; OpenTofu 1.12 does not).
  ephemeral = provider::aks::ephemeral_os_disk_fits(var.vm_size, 128)
}

# Ephemeral where the OS disk fits the VM's local storage, managed elsewhere. fits is null when
# the catalogue does not know the size's disks: coalesce treats that as "does not fit".
output "os_disk_type" {
  value = coalesce(local.ephemeral.fits, false) ? "Ephemeral" : "Managed"
}

# "ResourceDisk" for Standard_D8ds_v5: it has no cache disk, so the temporary disk holds it.
output "ephemeral_placement" {
  value = local.ephemeral.placement
}
