# The same lifecycle with hashicorp/azurerm, unchanged, against the local Azure emulator: a cluster
# with a user pool and an ARM64 pool. Start the emulator and source its environment first:
#
#   ARM_METADATA_HOSTNAME  makes azurerm read the cloud from https://<host>/metadata/endpoints
#   ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID  the emulator's service principal
#   SSL_CERT_FILE          the system CA bundle plus the emulator's CA
terraform {
  required_providers {
    azurerm = {
      source = "hashicorp/azurerm"
    }
  }
}

provider "azurerm" {
  features {}

  # metadata_host = "127.0.0.1:8443" # or ARM_METADATA_HOSTNAME; no `environment` with it

  # No resource provider registration at start: the emulator serves the few namespaces AKS needs,
  # already registered. This is azurerm 5.x's default; 4.x's default (`legacy`) registers dozens.
  resource_provider_registrations = "none"
}

# In the emulator's built-in seed.
data "azurerm_resource_group" "test" {
  name = "rg-aks-test"
}

resource "azurerm_kubernetes_cluster" "test" {
  name                = "aks-azurerm"
  location            = data.azurerm_resource_group.test.location
  resource_group_name = data.azurerm_resource_group.test.name
  dns_prefix          = "aks-azurerm"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_DS2_v2"
    node_count = 2

    # AKS's own default, declared so that azurerm doesn't plan to remove it after every apply
    # (hashicorp/terraform-provider-azurerm#24020). Likewise in each node pool below.
    upgrade_settings {
      max_surge = "10%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  # Required since azurerm 5.0: AKS creates and scales the pools declared here (Manual).
  node_provisioning_profile {
    mode = "Manual"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.test.id
  vm_size               = "Standard_DS2_v2"
  node_count            = 3
  node_labels           = { team = "payments" }

  upgrade_settings {
    max_surge = "10%"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "arm64" {
  name                  = "arm64"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.test.id
  vm_size               = "Standard_D4ps_v5"
  node_count            = 1

  upgrade_settings {
    max_surge = "10%"
  }
}
