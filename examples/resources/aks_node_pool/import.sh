# A node pool is imported by its Azure Resource Manager ID, as `az aks nodepool show --query id` prints it.
terraform import aks_node_pool.mynodepool /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo/agentPools/mynodepool
