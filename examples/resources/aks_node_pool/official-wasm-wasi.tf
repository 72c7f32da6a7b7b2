# Microsoft's example "Create Agent Pool with Krustlet and the WASI runtime"
# (AgentPoolsCreate_WasmWasi.json): nodes that run WebAssembly (WASI) modules as pods instead of
# containers. Linux only; the runtime can only be chosen when the pool is created.
resource "aks_node_pool" "wasm_wasi" {
  cluster_id       = aks_cluster.example.id
  name             = "wasmpool"
  mode             = "User"
  node_count       = 3
  vm_size          = "Standard_DS2_v2"
  os_disk_size_gb  = 64
  workload_runtime = "WasmWasi"
}
