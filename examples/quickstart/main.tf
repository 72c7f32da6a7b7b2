# The quickstart: what `make demo` applies against the local Azure emulator.
#
# Credentials and the cloud come from the environment (ARM_METADATA_HOSTNAME, ARM_TENANT_ID,
# ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID and SSL_CERT_FILE), exactly as for a
# private or sovereign Azure cloud.
terraform {
  required_providers {
    aks = {
      source = "aksforge/aks"
    }
  }
}

provider "aks" {}

variable "location" {
  description = "The Azure region the cluster lives in."
  type        = string
  default     = "eastus"
}

# The versions AKS offers in the region: the cluster below uses the default one.
data "aks_kubernetes_versions" "current" {
  location = var.location
}

output "kubernetes_versions" {
  description = "Kubernetes minor versions offered in the region, newest last."
  value       = [for v in data.aks_kubernetes_versions.current.versions : v.version]
}

output "default_kubernetes_version" {
  value = data.aks_kubernetes_versions.current.default_version
}
