# Every cluster of the provider's subscription, with its full configuration: run
#   terraform query -generate-config-out=clusters.tf
# to write an import block and a resource block for each.
list "aks_cluster" "all" {
  provider         = aks
  include_resource = true
}

# Only the clusters of one resource group (names and identities only).
list "aks_cluster" "demo" {
  provider = aks

  config {
    resource_group_name = "rg-aks-demo"
  }
}
