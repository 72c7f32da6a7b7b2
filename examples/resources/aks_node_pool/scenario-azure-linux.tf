# An Azure Linux node pool: the guide's
#   az aks nodepool add ... --name azlinuxpool --os-sku AzureLinux
resource "aks_node_pool" "azure_linux" {
  cluster_id = aks_cluster.example.id
  name       = "azlinuxpool"
  os_sku     = "AzureLinux"
}
