# Microsoft's example "Create Agent Pool with FIPS enabled OS" (AgentPoolsCreate_EnableFIPS.json):
# nodes running a FIPS 140-2 (140-3 for Azure Linux 3) enabled OS image, for workloads that must
# use validated cryptographic modules.
resource "aks_node_pool" "fips" {
  cluster_id   = aks_cluster.example.id
  name         = "fipsnp"
  node_count   = 3
  vm_size      = "Standard_DS2_v2"
  fips_enabled = true
}
