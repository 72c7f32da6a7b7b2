# Terraform 1.12 and later: name the pool by its identity instead of its ARM ID.
import {
  to = aks_node_pool.mynodepool
  identity = {
    subscription_id     = "00000000-0000-0000-0000-000000000000"
    resource_group_name = "rg-aks-demo"
    cluster_name        = "aks-demo"
    name                = "mynodepool"
  }
}
