# Terraform 1.5 and later: name the cluster by its ARM ID, as `az aks show --query id` prints it.
import {
  to = aks_cluster.example
  id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
}
