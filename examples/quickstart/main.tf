# The quickstart: Microsoft's guide "Create node pools for a cluster in AKS", top to bottom, as
# Terraform. `make demo` applies it against the local Azure emulator, prints the outputs, shows
# that a second plan is empty, and destroys it.
#
# Credentials and the cloud come from the environment (ARM_METADATA_HOSTNAME, ARM_TENANT_ID,
# ARM_CLIENT_ID, ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID and SSL_CERT_FILE), exactly as for a
# private or sovereign Azure cloud. Terraform 1.11 or later (write-only and ephemeral values).
terraform {
  required_version = ">= 1.11"
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

# The provider manages clusters and node pools, not resource groups or networks: the guide's
# `az group create` and the virtual network are taken as given (the emulator has them).
variable "resource_group_name" {
  description = "The existing resource group of the cluster (the guide's $RESOURCE_GROUP_NAME)."
  type        = string
  default     = "rg-aks-demo"
}

variable "virtual_network_id" {
  description = "The existing virtual network all node pools use: the guide's limitation \"All node pools must reside in the same virtual network\"."
  type        = string
  default     = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo"
}

variable "windows_admin_password" {
  description = "The Windows nodes' administrator password. Write-only: it never reaches the plan or the state. The default only suits the emulator."
  type        = string
  sensitive   = true
  ephemeral   = true
  default     = "Emulator-Only-Passw0rd!"
}

# Every pool names its subnet: the cluster's pools all use vnet-aks-demo, and the provider refuses
# a pool left on AKS's managed network next to pools on custom subnets.
locals {
  system_subnet_id = "${var.virtual_network_id}/subnets/snet-system"
  user_subnet_id   = "${var.virtual_network_id}/subnets/snet-user"
}

# The versions AKS offers in the region: the cluster runs the default one.
data "aks_kubernetes_versions" "current" {
  location = var.location
}

# ---------------------------------------------------------------------------------------------
# Create an AKS cluster:
#   az aks create --resource-group $RESOURCE_GROUP_NAME --name $CLUSTER_NAME \
#     --vm-set-type VirtualMachineScaleSets --node-count 2 --load-balancer-sku standard
# Its System pool nodepool1 sits on snet-system, so that every pool uses vnet-aks-demo. The
# Windows profile can only be given at creation; without it the Windows pool below is refused.
resource "aks_cluster" "demo" {
  name                = "aks-demo"
  resource_group_name = var.resource_group_name
  location            = var.location
  dns_prefix          = "aks-demo"
  kubernetes_version  = data.aks_kubernetes_versions.current.default_version

  default_node_pool {
    name           = "nodepool1"
    vm_size        = "Standard_DS2_v2"
    node_count     = 2
    vnet_subnet_id = local.system_subnet_id
  }

  network_profile = {
    network_plugin    = "azure"
    load_balancer_sku = "standard"
  }

  windows_profile {
    admin_username            = "azureuser"
    admin_password_wo         = var.windows_admin_password
    admin_password_wo_version = 1
  }
}

# ---------------------------------------------------------------------------------------------
# Get the cluster's credentials (az aks get-credentials), kept out of the plan and the state.
# Feed them to the kubernetes and helm providers:
#
#   provider "kubernetes" {
#     host                   = ephemeral.aks_cluster_credentials.demo.host
#     cluster_ca_certificate = ephemeral.aks_cluster_credentials.demo.cluster_ca_certificate
#     client_certificate     = ephemeral.aks_cluster_credentials.demo.client_certificate
#     client_key             = ephemeral.aks_cluster_credentials.demo.client_key
#   }
#
# (Not configured here: `make demo` runs offline, with the aks provider only.)
ephemeral "aks_cluster_credentials" "demo" {
  cluster_id = aks_cluster.demo.id
}

# ---------------------------------------------------------------------------------------------
# Add a node pool: az aks nodepool add ... --name mynodepool --node-count 3
resource "aks_node_pool" "mynodepool" {
  cluster_id     = aks_cluster.demo.id
  name           = "mynodepool"
  node_count     = 3
  vnet_subnet_id = local.system_subnet_id
}

# ARM64 node pools: az aks nodepool add ... --node-count 3 --node-vm-size Standard_D2pds_v5
resource "aks_node_pool" "arm64" {
  cluster_id     = aks_cluster.demo.id
  name           = "armpool"
  node_count     = 3
  vm_size        = "Standard_D2pds_v5"
  vnet_subnet_id = local.system_subnet_id
}

# Azure Linux node pools: az aks nodepool add ... --os-sku AzureLinux
resource "aks_node_pool" "azure_linux" {
  cluster_id     = aks_cluster.demo.id
  name           = "azlinuxpool"
  os_sku         = "AzureLinux"
  vnet_subnet_id = local.system_subnet_id
}

# Node pools with unique subnets: az aks nodepool add ... --node-count 3 --vnet-subnet-id $SUBNET_RESOURCE_ID
resource "aks_node_pool" "own_subnet" {
  cluster_id     = aks_cluster.demo.id
  name           = "subnetpool"
  node_count     = 3
  vnet_subnet_id = local.user_subnet_id
}

# FIPS-enabled node pools: az aks nodepool add ... --enable-fips-image
resource "aks_node_pool" "fips" {
  cluster_id     = aks_cluster.demo.id
  name           = "fipspool"
  fips_enabled   = true
  vnet_subnet_id = local.system_subnet_id
}

# Windows Server node pools with containerd:
#   az aks nodepool add ... --os-type Windows --name npwin --node-vm-size Standard_D4s_v3 --node-count 1
resource "aks_node_pool" "windows" {
  cluster_id     = aks_cluster.demo.id
  name           = "npwin"
  os_type        = "Windows"
  vm_size        = "Standard_D4s_v3"
  node_count     = 1
  vnet_subnet_id = local.system_subnet_id
}

# Node pools with Ephemeral OS disks:
#   az aks nodepool add ... -s Standard_DS3_v2 --node-osdisk-type Ephemeral
# Standard_DS3_v2's 172 GB cache holds the default 128 GB OS disk.
resource "aks_node_pool" "ephemeral" {
  cluster_id     = aks_cluster.demo.id
  name           = "ephemeral"
  vm_size        = "Standard_DS3_v2"
  os_disk_type   = "Ephemeral"
  vnet_subnet_id = local.system_subnet_id
}

# ---------------------------------------------------------------------------------------------
# Check the status of the node pools: az aks nodepool list
data "aks_node_pools" "all" {
  cluster_id = aks_cluster.demo.id
  depends_on = [
    aks_node_pool.mynodepool,
    aks_node_pool.arm64,
    aks_node_pool.azure_linux,
    aks_node_pool.own_subnet,
    aks_node_pool.fips,
    aks_node_pool.windows,
    aks_node_pool.ephemeral,
  ]
}

output "node_pools" {
  description = "The cluster's node pools, as `az aks nodepool list` shows them."
  value = [
    for pool in data.aks_node_pools.all.node_pools : {
      name                = pool.name
      mode                = pool.mode
      count               = pool.current_node_count
      vmSize              = pool.vm_size
      osType              = pool.os_type
      osSku               = pool.os_sku
      orchestratorVersion = pool.current_orchestrator_version
      provisioningState   = pool.provisioning_state
    }
  ]
}

output "cluster" {
  description = "What module authors compose with: IDs, endpoints and identities (no credentials)."
  value = {
    id                  = aks_cluster.demo.id
    fqdn                = aks_cluster.demo.fqdn
    kubernetes_version  = aks_cluster.demo.current_kubernetes_version
    node_resource_group = aks_cluster.demo.node_resource_group
    kubelet_object_id   = aks_cluster.demo.kubelet_identity.object_id
  }
}

output "kubernetes_versions" {
  description = "Kubernetes minor versions offered in the region, newest last."
  value       = [for v in data.aks_kubernetes_versions.current.versions : v.version]
}

output "default_kubernetes_version" {
  value = data.aks_kubernetes_versions.current.default_version
}
