variable "name" {
  description = "The cluster's name. This module's convention: it starts with \"aks-\"."
  type        = string

  validation {
    condition     = startswith(var.name, "aks-")
    error_message = "The cluster's name must start with \"aks-\"."
  }
}

variable "resource_group_name" {
  description = "The existing resource group the cluster is created in."
  type        = string
}

variable "location" {
  description = "The Azure region of the cluster."
  type        = string
  default     = "eastus"
}

variable "system_node_count" {
  description = "The number of nodes of the System pool."
  type        = number
  default     = 2
}

variable "user_pools" {
  description = "User node pools by name: VM size, node count and Kubernetes labels."
  type = map(object({
    vm_size     = optional(string, "Standard_DS2_v2")
    node_count  = optional(number, 1)
    node_labels = optional(map(string))
  }))
  default = {}
}
