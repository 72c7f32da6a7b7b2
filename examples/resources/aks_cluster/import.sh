# A managed cluster is imported by its Azure Resource Manager ID, as `az aks show --query id` prints it.
terraform import aks_cluster.example /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo
