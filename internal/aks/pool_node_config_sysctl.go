package aks

// linux_os_config.sysctl_config: every field of the API's SysctlConfig, named in snake case of
// its JSON name (netCoreWmemDefault is net_core_wmem_default). The numeric ones are declared
// from rules.Sysctls, with Microsoft's interval for each.

import (
	"fmt"
	"sort"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

type sysctls = armcontainerservice.SysctlConfig

// The sysctls that are not numbers.
const (
	sysctlTCPTwReuse     = "net_ipv4_tcp_tw_reuse"
	sysctlLocalPortRange = "net_ipv4_ip_local_port_range"
)

// sysctlNumbers maps each numeric sysctl attribute to its SDK field.
var sysctlNumbers = map[string]func(s *sysctls) **int32{
	"fs_aio_max_nr":                      func(s *sysctls) **int32 { return &s.FsAioMaxNr },
	"fs_file_max":                        func(s *sysctls) **int32 { return &s.FsFileMax },
	"fs_inotify_max_user_watches":        func(s *sysctls) **int32 { return &s.FsInotifyMaxUserWatches },
	"fs_nr_open":                         func(s *sysctls) **int32 { return &s.FsNrOpen },
	"kernel_threads_max":                 func(s *sysctls) **int32 { return &s.KernelThreadsMax },
	"net_core_netdev_max_backlog":        func(s *sysctls) **int32 { return &s.NetCoreNetdevMaxBacklog },
	"net_core_optmem_max":                func(s *sysctls) **int32 { return &s.NetCoreOptmemMax },
	"net_core_rmem_default":              func(s *sysctls) **int32 { return &s.NetCoreRmemDefault },
	"net_core_rmem_max":                  func(s *sysctls) **int32 { return &s.NetCoreRmemMax },
	"net_core_somaxconn":                 func(s *sysctls) **int32 { return &s.NetCoreSomaxconn },
	"net_core_wmem_default":              func(s *sysctls) **int32 { return &s.NetCoreWmemDefault },
	"net_core_wmem_max":                  func(s *sysctls) **int32 { return &s.NetCoreWmemMax },
	"net_ipv4_neigh_default_gc_thresh1":  func(s *sysctls) **int32 { return &s.NetIPv4NeighDefaultGcThresh1 },
	"net_ipv4_neigh_default_gc_thresh2":  func(s *sysctls) **int32 { return &s.NetIPv4NeighDefaultGcThresh2 },
	"net_ipv4_neigh_default_gc_thresh3":  func(s *sysctls) **int32 { return &s.NetIPv4NeighDefaultGcThresh3 },
	"net_ipv4_tcp_fin_timeout":           func(s *sysctls) **int32 { return &s.NetIPv4TCPFinTimeout },
	"net_ipv4_tcp_keepalive_probes":      func(s *sysctls) **int32 { return &s.NetIPv4TCPKeepaliveProbes },
	"net_ipv4_tcp_keepalive_time":        func(s *sysctls) **int32 { return &s.NetIPv4TCPKeepaliveTime },
	"net_ipv4_tcp_max_syn_backlog":       func(s *sysctls) **int32 { return &s.NetIPv4TCPMaxSynBacklog },
	"net_ipv4_tcp_max_tw_buckets":        func(s *sysctls) **int32 { return &s.NetIPv4TCPMaxTwBuckets },
	"net_ipv4_tcpkeepalive_intvl":        func(s *sysctls) **int32 { return &s.NetIPv4TcpkeepaliveIntvl },
	"net_netfilter_nf_conntrack_buckets": func(s *sysctls) **int32 { return &s.NetNetfilterNfConntrackBuckets },
	"net_netfilter_nf_conntrack_max":     func(s *sysctls) **int32 { return &s.NetNetfilterNfConntrackMax },
	"vm_max_map_count":                   func(s *sysctls) **int32 { return &s.VMMaxMapCount },
	"vm_swappiness":                      func(s *sysctls) **int32 { return &s.VMSwappiness },
	"vm_vfs_cache_pressure":              func(s *sysctls) **int32 { return &s.VMVfsCachePressure },
}

func sysctlAttrTypes() map[string]attr.Type {
	out := map[string]attr.Type{sysctlTCPTwReuse: types.BoolType, sysctlLocalPortRange: types.StringType}
	for name := range sysctlNumbers {
		out[name] = types.Int64Type
	}
	return out
}

// sysctlNames are the numeric sysctl attribute names, sorted.
func sysctlNames() []string {
	names := make([]string, 0, len(sysctlNumbers))
	for name := range sysctlNumbers {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func sysctlAttributes(k poolKind) map[string]schema.Attribute {
	out := map[string]schema.Attribute{
		sysctlTCPTwReuse: schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: nodeConfigDoc(k, "linux_os_config.sysctl_config."+sysctlTCPTwReuse),
			PlanModifiers: []planmodifier.Bool{keepState{}},
		},
		sysctlLocalPortRange: schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: nodeConfigDoc(k, "linux_os_config.sysctl_config."+sysctlLocalPortRange),
			Validators: []validator.String{rules.LocalPortRange()}, PlanModifiers: []planmodifier.String{keepState{}},
		},
	}
	for _, name := range sysctlNames() {
		s := rules.Sysctls[name]
		out[name] = schema.Int64Attribute{
			Optional: true, Computed: true, MarkdownDescription: sysctlDoc(k, s),
			Validators: []validator.Int64{rules.NodeConfigRange(s.Kernel, s.Min, s.Max)}, PlanModifiers: []planmodifier.Int64{keepState{}},
		}
	}
	return out
}

func sysctlDoc(k poolKind, s rules.Sysctl) string {
	interval := fmt.Sprintf("Microsoft documents no interval; the API takes %d to %d.", s.Min, s.Max)
	if s.Ranged {
		interval = fmt.Sprintf("Allowed: %d to %d.", s.Min, s.Max)
	}
	return fmt.Sprintf("The kernel setting `%s` on every node. %s %s", s.Kernel, interval, nodeConfigChange(k))
}

// expandSysctls is the API's sysctls from sysctl_config; nil when it is null, unknown or empty.
func expandSysctls(o types.Object) *sysctls {
	if !known(o) {
		return nil
	}
	attrs := o.Attributes()
	out := &sysctls{}
	set := false
	for name, field := range sysctlNumbers {
		if v, ok := attrs[name].(types.Int64); ok && known(v) {
			*field(out) = int32Pointer(v)
			set = true
		}
	}
	if v, ok := attrs[sysctlTCPTwReuse].(types.Bool); ok && known(v) {
		out.NetIPv4TCPTwReuse, set = boolPointer(v), true
	}
	if v, ok := attrs[sysctlLocalPortRange].(types.String); ok && known(v) {
		out.NetIPv4IPLocalPortRange, set = stringPointer(v), true
	}
	if !set {
		return nil
	}
	return out
}

// flattenSysctls is sysctl_config from the API's sysctls: null when AKS holds none and the prior
// value was null.
func flattenSysctls(s *sysctls, prior types.Object) types.Object {
	attrTypes := sysctlAttrTypes()
	if s == nil && !known(prior) {
		return types.ObjectNull(attrTypes)
	}
	if s == nil {
		s = &sysctls{}
	}
	values := map[string]attr.Value{
		sysctlTCPTwReuse:     types.BoolPointerValue(s.NetIPv4TCPTwReuse),
		sysctlLocalPortRange: types.StringPointerValue(s.NetIPv4IPLocalPortRange),
	}
	for name, field := range sysctlNumbers {
		values[name] = int64FromInt32(*field(s))
	}
	return types.ObjectValueMust(attrTypes, values)
}

// sysctlsSet reports whether sysctl_config holds any value (unknown counts as one).
func sysctlsSet(o types.Object) bool {
	if o.IsUnknown() {
		return true
	}
	if o.IsNull() {
		return false
	}
	for _, v := range o.Attributes() {
		if !v.IsNull() {
			return true
		}
	}
	return false
}
