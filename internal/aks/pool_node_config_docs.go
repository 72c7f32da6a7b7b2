package aks

import (
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

const sourceNodeConfigDoc = "[Customize the node configuration for AKS node pools](https://learn.microsoft.com/azure/aks/custom-node-configuration)"

// nodeConfigDocs documents kubelet_config and linux_os_config (without the sentence on changes,
// which nodeConfigChange adds for the kind of pool). Ranges are Microsoft's table of supported
// parameters.
var nodeConfigDocs = map[string]string{
	"kubelet_config": "Custom kubelet configuration of the pool's nodes (AKS `kubeletConfig`, see " + sourceNodeConfigDoc + "). " +
		"Settings left unset get AKS's defaults, and whatever AKS reports is recorded. Windows pools take only `image_gc_high_threshold`, `image_gc_low_threshold`, " +
		"`container_log_max_size_mb` and `container_log_max_files`. AKS sets it only when the pool is created (`az aks nodepool update` has no `--kubelet-config`); " +
		"removing a setting from the configuration keeps the pool's value.",
	"kubelet_config.cpu_manager_policy":        "The CPU manager policy: " + rules.MarkdownOneOf(rules.CPUManagerPolicies...) + " (AKS's default `none`). `static` gives containers of Guaranteed pods with integer CPU requests exclusive CPUs. Linux only.",
	"kubelet_config.cpu_cfs_quota_enabled":     "Whether CPU CFS quotas are enforced for containers with CPU limits (AKS's default true). Linux only.",
	"kubelet_config.cpu_cfs_quota_period":      "The CPU CFS quota period, a duration with a unit (`ns`, `us`, `ms`, `s`, `m`, `h`), such as `200ms` (AKS's default `100ms`). Linux only.",
	"kubelet_config.image_gc_high_threshold":   "The disk usage percentage (0-100) above which image garbage collection always runs; 100 disables it (AKS's default 85).",
	"kubelet_config.image_gc_low_threshold":    "The disk usage percentage (0-100) below which image garbage collection never runs; no higher than `image_gc_high_threshold` (AKS's default 80).",
	"kubelet_config.topology_manager_policy":   "The topology manager policy, for NUMA alignment: " + rules.MarkdownOneOf(rules.TopologyManagerPolicies...) + " (AKS's default `none`). Linux only.",
	"kubelet_config.allowed_unsafe_sysctls":    "Unsafe sysctls (or patterns ending in `*`) pods may set, within " + rules.MarkdownList(rules.UnsafeSysctlPatterns...) + ". Linux only.",
	"kubelet_config.container_log_max_size_mb": "The size in MB a container log file reaches before it is rotated (AKS's default 50 on Linux, 10 on Windows).",
	"kubelet_config.container_log_max_files":   "The most log files kept per container, at least 2 (AKS's default 5).",
	"kubelet_config.pod_max_pid":               "The most process IDs a pod may use, -1 (unlimited, AKS's default) up to the kernel's PID limit. Linux only (API `podMaxPids`).",
	"kubelet_config.fail_swap_on":              "Whether the kubelet fails to start on a node with swap. Must be false for `linux_os_config.swap_file_size_mb`. Linux only.",
	"linux_os_config": "Custom OS configuration of the pool's Linux nodes (AKS `linuxOSConfig`, see " + sourceNodeConfigDoc + "): transparent huge pages, a swap file and kernel sysctls. " +
		"Not supported on Windows pools. AKS sets it only when the pool is created (`az aks nodepool update` has no `--linux-os-config`); removing a setting from the configuration keeps the pool's value.",
	"linux_os_config.swap_file_size_mb":                     "The size in MB of a swap file created on each node's temporary disk: from 1 to the temporary disk's size. Needs `kubelet_config.fail_swap_on = false`.",
	"linux_os_config.transparent_huge_page":                 "Transparent huge pages (API `transparentHugePageEnabled`): " + rules.MarkdownOneOf(rules.TransparentHugePageValues...) + " (AKS's default depends on the OS: `always` on Ubuntu, `madvise` on Azure Linux 3).",
	"linux_os_config.transparent_huge_page_defrag":          "Whether the kernel compacts memory aggressively to make huge pages available: " + rules.MarkdownOneOf(rules.TransparentHugePageDefragValues...) + " (AKS's default `madvise`).",
	"linux_os_config.sysctl_config":                         "Kernel sysctls of every node, each named after the API's field (`netCoreSomaxconn` is `net_core_somaxconn`). Unset ones keep the OS image's default.",
	"linux_os_config.sysctl_config." + sysctlTCPTwReuse:     "The kernel setting `net.ipv4.tcp_tw_reuse`: whether TIME-WAIT sockets are reused for new connections.",
	"linux_os_config.sysctl_config." + sysctlLocalPortRange: "The kernel setting `net.ipv4.ip_local_port_range`, two ports separated by a space such as `\"32768 60999\"` (the default): the first 1024-60999, the last 32768-65535.",
}

// nodeConfigChange says what a change does, for the kind of pool.
func nodeConfigChange(k poolKind) string {
	if k == defaultPoolKind {
		return "AKS can't change it on an existing pool: a change rotates the default node pool."
	}
	return "AKS can't change it on an existing pool: a change replaces the node pool."
}

func nodeConfigDoc(k poolKind, key string) string {
	return nodeConfigDocs[key] + " " + nodeConfigChange(k)
}

// nodeConfigNodePoolDocs are the docs merged into nodePoolDocs (poolDocGroups).
func nodeConfigNodePoolDocs() map[string]string {
	out := map[string]string{}
	for key := range nodeConfigDocs {
		out[key] = nodeConfigDoc(nodePoolKind, key)
	}
	return out
}
