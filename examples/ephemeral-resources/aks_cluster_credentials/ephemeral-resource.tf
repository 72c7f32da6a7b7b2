# The guide's `az aks get-credentials`, without writing the kubeconfig to the plan or the state:
# the credentials are fetched whenever Terraform needs them and fed straight to the kubernetes
# and helm providers.
ephemeral "aks_cluster_credentials" "this" {
  cluster_id = aks_cluster.example.id
}

provider "kubernetes" {
  host                   = ephemeral.aks_cluster_credentials.this.host
  cluster_ca_certificate = ephemeral.aks_cluster_credentials.this.cluster_ca_certificate
  client_certificate     = ephemeral.aks_cluster_credentials.this.client_certificate
  client_key             = ephemeral.aks_cluster_credentials.this.client_key
}

provider "helm" {
  kubernetes = {
    host                   = ephemeral.aks_cluster_credentials.this.host
    cluster_ca_certificate = ephemeral.aks_cluster_credentials.this.cluster_ca_certificate
    client_certificate     = ephemeral.aks_cluster_credentials.this.client_certificate
    client_key             = ephemeral.aks_cluster_credentials.this.client_key
  }
}

# On a cluster with Microsoft Entra ID integration and local accounts disabled, the user
# credentials carry no certificate: authenticate with kubelogin instead.
#
# provider "kubernetes" {
#   host                   = ephemeral.aks_cluster_credentials.this.host
#   cluster_ca_certificate = ephemeral.aks_cluster_credentials.this.cluster_ca_certificate
#   exec {
#     api_version = "client.authentication.k8s.io/v1beta1"
#     command     = "kubelogin"
#     args        = ["get-token", "--login", "azurecli", "--server-id", "6dae42f8-4368-4678-94ff-3960e28e3630"]
#   }
# }
