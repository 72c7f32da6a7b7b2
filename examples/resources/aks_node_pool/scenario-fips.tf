# A FIPS-enabled node pool: its nodes run a FIPS 140-2 enabled OS image. Turning FIPS on or off
# later is an in-place update that reimages the nodes.
resource "aks_node_pool" "fips" {
  cluster_id   = aks_cluster.example.id
  name         = "fipspool"
  fips_enabled = true
}
