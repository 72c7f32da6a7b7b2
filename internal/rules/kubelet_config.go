package rules

// kubelet_config: AKS's custom kubelet configuration of a node pool (agentPool kubeletConfig).
// The values and ranges are Microsoft's table of supported parameters; AKS says it does not
// pre-flight every value, so the table is the contract this provider (and the emulator) hold to.

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// sourceCustomNodeConfig is Microsoft's table of the kubelet and OS settings AKS supports.
const sourceCustomNodeConfig = `the AKS docs "Customize the node configuration for AKS node pools", supported custom configuration parameters (https://learn.microsoft.com/azure/aks/custom-node-configuration#supported-custom-configuration-parameters)`

// Kubelet policies, spelled as the API takes them.
var (
	CPUManagerPolicies      = []string{"none", "static"}
	TopologyManagerPolicies = []string{"none", "best-effort", "restricted", "single-numa-node"}
)

// Bounds of the kubelet settings (custom-node-configuration.md); MaxInt32 where the API's int32
// is the only bound.
const (
	MinImageGCThreshold     = 0
	MaxImageGCThreshold     = 100
	MinContainerLogMaxFiles = 2
	MinPodMaxPids           = -1
	MaxInt32                = math.MaxInt32
)

// UnsafeSysctlPatterns are the sysctls (or patterns, ending in *) kubelet_config.allowed_unsafe_sysctls
// may name: the namespaced ones.
var UnsafeSysctlPatterns = []string{"kernel.shm*", "kernel.msg*", "kernel.sem", "fs.mqueue.*", "net.*"}

// WindowsKubeletSettings are the kubelet_config attributes Windows pools take; the others are Linux only.
var WindowsKubeletSettings = []string{"image_gc_high_threshold", "image_gc_low_threshold", "container_log_max_size_mb", "container_log_max_files"}

// PoolNodeConfig is a pool's custom node configuration as the rules read it; nil means the
// attribute is null or unknown.
type PoolNodeConfig struct {
	Kubelet *KubeletConfig
	LinuxOS *LinuxOSConfig
}

// KubeletConfig is kubelet_config.
type KubeletConfig struct {
	CPUManagerPolicy      types.String
	CPUCfsQuotaEnabled    types.Bool
	CPUCfsQuotaPeriod     types.String
	ImageGcHighThreshold  types.Int64
	ImageGcLowThreshold   types.Int64
	TopologyManagerPolicy types.String
	AllowedUnsafeSysctls  types.Set
	ContainerLogMaxSizeMB types.Int64
	ContainerLogMaxFiles  types.Int64
	PodMaxPid             types.Int64
	FailSwapOn            types.Bool
}

// linuxOnlySettings names the Linux-only settings k sets.
func (k KubeletConfig) linuxOnlySettings() []string {
	var out []string
	for name, v := range map[string]attr.Value{
		"cpu_manager_policy": k.CPUManagerPolicy, "cpu_cfs_quota_enabled": k.CPUCfsQuotaEnabled, "cpu_cfs_quota_period": k.CPUCfsQuotaPeriod,
		"topology_manager_policy": k.TopologyManagerPolicy, "allowed_unsafe_sysctls": k.AllowedUnsafeSysctls, "pod_max_pid": k.PodMaxPid, "fail_swap_on": k.FailSwapOn,
	} {
		if isSet(v) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// checkNodeConfig runs the cross-field rules of kubelet_config and linux_os_config.
func checkNodeConfig(_ context.Context, base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkImageGCThresholds(base, p)...)
	diags.Append(checkWindowsKubeletConfig(base, p)...)
	diags.Append(checkWindowsLinuxOSConfig(base, p)...)
	diags.Append(checkSwapNeedsFailSwapOff(base, p)...)
	diags.Append(checkSwapFitsTempDisk(base, p, size)...)
	return diags
}

// checkImageGCThresholds: image_gc_low_threshold is no higher than image_gc_high_threshold
// ("0-100, no higher than imageGcHighThreshold"); equal values are allowed. Only two set values
// are compared: AKS's defaults (85/80) are not documented as checked against a set one.
func checkImageGCThresholds(base path.Path, p Pool) diag.Diagnostics {
	k := p.Kubelet
	if k == nil || !isSet(k.ImageGcHighThreshold) || !isSet(k.ImageGcLowThreshold) {
		return nil
	}
	high, low := k.ImageGcHighThreshold.ValueInt64(), k.ImageGcLowThreshold.ValueInt64()
	if low <= high {
		return nil
	}
	at := base.AtName("kubelet_config").AtName("image_gc_low_threshold")
	return diag.Diagnostics{ruleError(at, "Image garbage collection low threshold above the high threshold",
		explain(fmt.Sprintf("%s = %d is higher than image_gc_high_threshold = %d.", shown(at), low, high),
			"image_gc_low_threshold (the disk usage below which images are never collected) can be no higher than image_gc_high_threshold",
			sourceCustomNodeConfig,
			fmt.Sprintf("set %s to at most %d, or raise image_gc_high_threshold.", shown(at), high)))}
}

// checkWindowsKubeletConfig: Windows pools take only the image GC thresholds and the container log settings.
func checkWindowsKubeletConfig(base path.Path, p Pool) diag.Diagnostics {
	if p.Kubelet == nil || stringOr(p.OSType, OSTypeLinux) != OSTypeWindows {
		return nil
	}
	var diags diag.Diagnostics
	for _, name := range p.Kubelet.linuxOnlySettings() {
		at := base.AtName("kubelet_config").AtName(name)
		diags.Append(ruleError(at, "Kubelet setting not supported on Windows pools",
			explain(fmt.Sprintf("%s is set on a pool with os_type = \"Windows\".", shown(at)),
				"Windows kubelet custom configuration supports only "+strings.Join(WindowsKubeletSettings, ", "),
				sourceCustomNodeConfig,
				fmt.Sprintf("remove %s, or use a Linux pool for it.", shown(at)))))
	}
	return diags
}

// checkCPUCfsQuotaPeriod: a duration, decimal numbers with a unit (ns, us, ms, s, m, h), such as
// "100ms" (the SDK's kubeletConfig.cpuCfsQuotaPeriod description).
func checkCPUCfsQuotaPeriod(_ context.Context, name, value string) *problem {
	d, err := time.ParseDuration(value)
	if err == nil && d > 0 && strings.IndexFunc(value, func(r rune) bool { return r >= 'a' && r <= 'z' || r == 'µ' }) >= 0 {
		return nil
	}
	return &problem{"Invalid CPU CFS quota period", explain(fmt.Sprintf("%s = %q is not a positive duration with a unit.", name, value),
		"the CPU CFS quota period is a duration: decimal numbers, each with a unit ns, us, ms, s, m or h, such as \"100ms\" (the default)",
		sourceCustomNodeConfig+" and "+sourceAPI+" (kubeletConfig.cpuCfsQuotaPeriod)",
		fmt.Sprintf("write it with a unit, such as %s = \"200ms\".", name))}
}

// CPUCfsQuotaPeriod validates kubelet_config.cpu_cfs_quota_period.
func CPUCfsQuotaPeriod() stringCheck {
	return stringCheck{description: `a duration with a unit, such as "100ms"`, check: checkCPUCfsQuotaPeriod}
}

// checkUnsafeSysctl: an unsafe sysctl AKS lets pods set is a namespaced one: kernel.shm*,
// kernel.msg*, kernel.sem, fs.mqueue.* or net.* (a name, or a pattern ending in * inside them).
func checkUnsafeSysctl(_ context.Context, name, value string) *problem {
	if UnsafeSysctlAllowed(value) {
		return nil
	}
	return &problem{"Unsafe sysctl not allowed", explain(fmt.Sprintf("%s holds %q, which is not a namespaced sysctl or pattern.", name, value),
		"allowed unsafe sysctls are "+strings.Join(UnsafeSysctlPatterns, ", ")+" (a sysctl name, or a pattern ending in *, inside one of them)",
		sourceCustomNodeConfig,
		fmt.Sprintf("remove %q from %s, or narrow it to one of %s.", value, name, strings.Join(UnsafeSysctlPatterns, ", ")))}
}

// UnsafeSysctlAllowed reports whether value (a sysctl, or a pattern ending in *) lies inside the
// allowed patterns.
func UnsafeSysctlAllowed(value string) bool {
	pattern := strings.HasSuffix(value, "*")
	prefix := strings.TrimSuffix(value, "*")
	if prefix == "" || strings.Contains(prefix, "*") {
		return false
	}
	if !pattern && prefix == "kernel.sem" {
		return true
	}
	for _, allowed := range []string{"kernel.shm", "kernel.msg", "fs.mqueue.", "net."} {
		if strings.HasPrefix(prefix, allowed) {
			return true
		}
	}
	return false
}

// UnsafeSysctl validates each of kubelet_config.allowed_unsafe_sysctls.
func UnsafeSysctl() stringCheck {
	return stringCheck{description: "a namespaced sysctl or pattern: " + strings.Join(UnsafeSysctlPatterns, ", "), check: checkUnsafeSysctl}
}
