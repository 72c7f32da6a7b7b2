# Microsoft's example "Create Agent Pool with LocalDNS Profile" (AgentPoolsCreate_LocalDNS.json):
# every node runs a DNS proxy that answers and caches the pods' lookups locally, so that a busy
# cluster sends fewer queries to CoreDNS and the virtual network's DNS. Queries of cluster.local go
# to CoreDNS, those of example.com to the virtual network's DNS server; stale answers are served
# while the upstream is unreachable.
resource "aks_node_pool" "local_dns" {
  cluster_id = aks_cluster.example.id
  name       = "localdns"
  mode       = "User"
  node_count = 3
  vm_size    = "Standard_DS2_v2"

  local_dns_profile = {
    mode = "Required"

    vnet_dns_overrides = {
      "example.com" = {
        query_logging                   = "Log"
        protocol                        = "PreferUDP"
        forward_destination             = "VnetDNS"
        forward_policy                  = "Sequential"
        max_concurrent                  = 1000
        cache_duration_in_seconds       = 3600
        serve_stale_duration_in_seconds = 3600
        serve_stale                     = "Immediate"
      }
    }

    kube_dns_overrides = {
      "cluster.local" = {
        query_logging                   = "Error"
        protocol                        = "PreferUDP"
        forward_destination             = "ClusterCoreDNS"
        forward_policy                  = "RoundRobin"
        max_concurrent                  = 500
        cache_duration_in_seconds       = 1800
        serve_stale_duration_in_seconds = 1800
        serve_stale                     = "Verify"
      }
    }
  }
}
