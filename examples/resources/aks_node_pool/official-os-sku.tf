# Microsoft's example "Create Agent Pool with OSSKU" (AgentPoolsCreate_OSSKU.json): an Azure Linux
# pool with the kubelet and kernel settings of the custom node configuration example.
resource "aks_node_pool" "azure_linux_tuned" {
  cluster_id = aks_cluster.example.id
  name       = "azlinuxcfg"
  node_count = 3
  vm_size    = "Standard_DS2_v2"
  os_sku     = "AzureLinux"

  kubelet_config = {
    cpu_manager_policy      = "static"
    cpu_cfs_quota_enabled   = true
    cpu_cfs_quota_period    = "200ms"
    image_gc_high_threshold = 90
    image_gc_low_threshold  = 70
    topology_manager_policy = "best-effort"
    allowed_unsafe_sysctls  = ["kernel.msg*", "net.core.somaxconn"]
    fail_swap_on            = false
  }

  linux_os_config = {
    transparent_huge_page        = "always"
    transparent_huge_page_defrag = "madvise"
    swap_file_size_mb            = 1500

    sysctl_config = {
      net_core_wmem_default        = 12345
      net_ipv4_tcp_tw_reuse        = true
      net_ipv4_ip_local_port_range = "20000 60000"
      kernel_threads_max           = 99999
    }
  }
}
