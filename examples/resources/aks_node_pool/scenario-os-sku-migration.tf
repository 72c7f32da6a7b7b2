# Migrating an Ubuntu pool to Azure Linux in place: change os_sku from "Ubuntu" to "AzureLinux"
# and apply. The plan shows an update (not a replacement) and warns that AKS reimages the nodes.
resource "aks_node_pool" "migrated" {
  cluster_id = aks_cluster.example.id
  name       = "migrated"
  node_count = 3
  os_sku     = "AzureLinux" # was "Ubuntu"

  # How AKS rolls the nodes during the migration.
  upgrade_settings {
    max_surge                = "33%"
    drain_timeout_in_minutes = 30
  }
}
