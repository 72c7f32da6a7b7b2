# Terraform 1.5 and later: name the pool by its ARM ID, as `az aks nodepool show --query id` prints it.
import {
  to = aks_node_pool.mynodepool
  id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo/agentPools/mynodepool"
}
