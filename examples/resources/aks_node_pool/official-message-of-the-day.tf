# Microsoft's example "Create Agent Pool with Message of the Day" (AgentPoolsCreate_MessageOfTheDay.json):
# the text Linux nodes show when someone logs in (/etc/motd), such as a warning that access is
# monitored. Write it as plain text: the provider sends it base64-encoded, as AKS requires
# (here "Zm9vCg==", Microsoft's value). It can only be set when the pool is created.
resource "aks_node_pool" "message_of_the_day" {
  cluster_id      = aks_cluster.example.id
  name            = "motdpool"
  mode            = "User"
  node_count      = 3
  vm_size         = "Standard_DS2_v2"
  os_disk_size_gb = 64

  message_of_the_day = <<-EOT
    foo
  EOT
}
