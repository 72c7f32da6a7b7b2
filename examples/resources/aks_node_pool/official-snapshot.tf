# Microsoft's example "Create Agent Pool using an agent pool snapshot" (AgentPoolsCreate_Snapshot.json):
# a pool created from snapshot1, a snapshot of another pool, so that its nodes run that pool's node
# image and Kubernetes version (for example to test an upgrade on the configuration already in
# production). The snapshot's OS type, OS SKU and version must fit the pool; snapshot1 is of a FIPS
# Ubuntu pool.
resource "aks_node_pool" "from_snapshot" {
  cluster_id   = aks_cluster.example.id
  name         = "snappool"
  node_count   = 3
  vm_size      = "Standard_DS2_v2"
  fips_enabled = true
  snapshot_id  = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/snapshots/snapshot1"
}
