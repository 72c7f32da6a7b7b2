# The guide's cluster:
#   az aks create --resource-group rg-aks-demo --name aks-demo \
#     --vm-set-type VirtualMachineScaleSets --node-count 2 --load-balancer-sku standard
# with its System pool on a subnet of an existing virtual network, and a Windows profile so that
# Windows node pools can be added later (it can only be given at creation).
resource "aks_cluster" "example" {
  name                = "aks-demo"
  resource_group_name = "rg-aks-demo"
  location            = "eastus"
  dns_prefix          = "aks-demo"
  kubernetes_version  = "1.33"

  default_node_pool {
    name           = "nodepool1"
    vm_size        = "Standard_DS2_v2"
    node_count     = 2
    vnet_subnet_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-system"

    # Changing vm_size (or another setting AKS can't change in place) rotates this pool through
    # a temporary System pool instead of replacing the cluster.
    temporary_name_for_rotation = "nodepool1tmp"
  }

  network_profile = {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    load_balancer_sku   = "standard"
  }

  windows_profile {
    admin_username = "azureuser"
    # Write-only (Terraform 1.11+): sent to AKS, never stored in the plan or the state.
    # Increase admin_password_wo_version to send a new password.
    admin_password_wo         = var.windows_admin_password
    admin_password_wo_version = 1
  }

  oidc_issuer_enabled       = true
  workload_identity_enabled = true

  tags = {
    environment = "demo"
  }
}

variable "windows_admin_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

# For module authors: what other resources need from the cluster.
output "kubelet_object_id" {
  description = "Grant this identity AcrPull on a container registry."
  value       = aks_cluster.example.kubelet_identity.object_id
}

output "oidc_issuer_url" {
  description = "The issuer to trust in federated identity credentials."
  value       = aks_cluster.example.oidc_issuer_url
}
