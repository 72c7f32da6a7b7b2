# The Kubernetes versions AKS offers in a region, as `az aks get-versions` shows them.
data "aks_kubernetes_versions" "eastus" {
  location = "eastus"
}

output "default_kubernetes_version" {
  value = data.aks_kubernetes_versions.eastus.default_version
}

output "latest_kubernetes_version" {
  value = data.aks_kubernetes_versions.eastus.latest_version
}
