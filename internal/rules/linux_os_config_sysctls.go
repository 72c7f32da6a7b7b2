package rules

// Sysctl is one kernel setting of linux_os_config.sysctl_config whose value is a number.
type Sysctl struct {
	// Kernel is the setting's kernel name, such as "net.core.somaxconn".
	Kernel string
	// Min and Max bound it (Microsoft's allowed interval, else the API's int32); Ranged is false
	// when Microsoft documents no interval, so that only the API's bounds apply.
	Min, Max int64
	Ranged   bool
}

func ranged(kernel string, minimum, maximum int64) Sysctl {
	return Sysctl{Kernel: kernel, Min: minimum, Max: maximum, Ranged: true}
}

func unranged(kernel string) Sysctl { return Sysctl{Kernel: kernel, Min: 0, Max: MaxInt32} }

// Sysctls are the numeric sysctls of the API's SysctlConfig, keyed by attribute name (snake
// case of the API's JSON name), with the intervals of Microsoft's tables (Linux file handle
// limits, socket and network tuning, worker limits, virtual memory). fs.file-max goes to 2^63-1
// in the docs but the API holds an int32. Settings the tables list without an interval
// (kernel.threads-max, vm.max_map_count) or not at all (net.core.rmem_default,
// net.core.wmem_default) are bounded only by the API's type.
var Sysctls = map[string]Sysctl{
	"fs_aio_max_nr":                      ranged("fs.aio-max-nr", 65536, 6553500),
	"fs_file_max":                        ranged("fs.file-max", 8192, MaxInt32),
	"fs_inotify_max_user_watches":        ranged("fs.inotify.max_user_watches", 781250, 2097152),
	"fs_nr_open":                         ranged("fs.nr_open", 8192, 20000500),
	"kernel_threads_max":                 unranged("kernel.threads-max"),
	"net_core_netdev_max_backlog":        ranged("net.core.netdev_max_backlog", 1000, 3240000),
	"net_core_optmem_max":                ranged("net.core.optmem_max", 20480, 4194304),
	"net_core_rmem_default":              unranged("net.core.rmem_default"),
	"net_core_rmem_max":                  ranged("net.core.rmem_max", 212992, 134217728),
	"net_core_somaxconn":                 ranged("net.core.somaxconn", 4096, 3240000),
	"net_core_wmem_default":              unranged("net.core.wmem_default"),
	"net_core_wmem_max":                  ranged("net.core.wmem_max", 212992, 134217728),
	"net_ipv4_neigh_default_gc_thresh1":  ranged("net.ipv4.neigh.default.gc_thresh1", 128, 80000),
	"net_ipv4_neigh_default_gc_thresh2":  ranged("net.ipv4.neigh.default.gc_thresh2", 512, 90000),
	"net_ipv4_neigh_default_gc_thresh3":  ranged("net.ipv4.neigh.default.gc_thresh3", 1024, 100000),
	"net_ipv4_tcp_fin_timeout":           ranged("net.ipv4.tcp_fin_timeout", 5, 120),
	"net_ipv4_tcp_keepalive_probes":      ranged("net.ipv4.tcp_keepalive_probes", 1, 15),
	"net_ipv4_tcp_keepalive_time":        ranged("net.ipv4.tcp_keepalive_time", 30, 432000),
	"net_ipv4_tcp_max_syn_backlog":       ranged("net.ipv4.tcp_max_syn_backlog", 128, 3240000),
	"net_ipv4_tcp_max_tw_buckets":        ranged("net.ipv4.tcp_max_tw_buckets", 8000, 1440000),
	"net_ipv4_tcpkeepalive_intvl":        ranged("net.ipv4.tcp_keepalive_intvl", 10, 90),
	"net_netfilter_nf_conntrack_buckets": ranged("net.netfilter.nf_conntrack_buckets", 65536, 524288),
	"net_netfilter_nf_conntrack_max":     ranged("net.netfilter.nf_conntrack_max", 131072, 2097152),
	"vm_max_map_count":                   unranged("vm.max_map_count"),
	"vm_swappiness":                      ranged("vm.swappiness", 0, 100),
	"vm_vfs_cache_pressure":              ranged("vm.vfs_cache_pressure", 1, 100),
}
