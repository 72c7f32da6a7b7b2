variable "vm_size" {
  type    = string
  default = "Standard_D8ds_v5"
}

locals {
  # null: AKS's default OS disk size (128 GB).
  ephemeral = provider::aks::ephemeral_os_disk_fits(var.vm_size, null)
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
