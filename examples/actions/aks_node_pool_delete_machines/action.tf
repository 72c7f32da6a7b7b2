# Delete two named nodes of an autoscaled pool (az aks nodepool delete-machines), after draining
# them with kubectl:
#   terraform apply -invoke=action.aks_node_pool_delete_machines.unhealthy
action "aks_node_pool_delete_machines" "unhealthy" {
  config {
    node_pool_id = aks_node_pool.user.id
    machine_names = [
      "aks-user-12345678-vmss000002",
      "aks-user-12345678-vmss000005",
    ]
  }
}
