variable "windows_pool_name" {
  type    = string
  default = "win1"

  validation {
    condition     = provider::aks::node_pool_name_valid(var.windows_pool_name, "Windows")
    error_message = "A Windows node pool name has 1-6 lowercase letters and digits and starts with a letter."
  }
}
