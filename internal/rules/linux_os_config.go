package rules

// linux_os_config: AKS's custom OS configuration of Linux node pools (agentPool linuxOSConfig):
// transparent huge pages, a swap file and kernel sysctls.

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// Transparent huge page settings, spelled as the API takes them.
var (
	TransparentHugePageValues       = []string{"always", "madvise", "never"}
	TransparentHugePageDefragValues = []string{"always", "defer", "defer+madvise", "madvise", "never"}
)

// The local port range's bounds: the first port 1024-60999, the last 32768-65535.
const (
	MinLocalPortFirst = 1024
	MaxLocalPortFirst = 60999
	MinLocalPortLast  = 32768
	MaxLocalPortLast  = 65535
)

// LinuxOSConfig is linux_os_config; Sysctls says whether sysctl_config holds any value.
type LinuxOSConfig struct {
	SwapFileSizeMB            types.Int64
	TransparentHugePage       types.String
	TransparentHugePageDefrag types.String
	Sysctls                   bool
}

// anySet reports whether l sets anything AKS would receive (an empty block sends nothing).
func (l LinuxOSConfig) anySet() bool {
	return isSet(l.SwapFileSizeMB) || isSet(l.TransparentHugePage) || isSet(l.TransparentHugePageDefrag) || l.Sysctls
}

// checkWindowsLinuxOSConfig: Windows pools take no custom OS configuration.
func checkWindowsLinuxOSConfig(base path.Path, p Pool) diag.Diagnostics {
	if p.LinuxOS == nil || !p.LinuxOS.anySet() || stringOr(p.OSType, OSTypeLinux) != OSTypeWindows {
		return nil
	}
	at := base.AtName("linux_os_config")
	return diag.Diagnostics{ruleError(at, "Custom OS configuration not supported on Windows pools",
		explain(fmt.Sprintf("%s is set on a pool with os_type = \"Windows\".", shown(at)),
			"custom OS configuration (linuxOSConfig) is supported on Linux pools only; on Windows it is unsupported",
			sourceCustomNodeConfig,
			fmt.Sprintf("remove %s from this pool (Windows pools take kubelet_config with %s only).", shown(at), strings.Join(WindowsKubeletSettings, ", "))))}
}

// checkSwapNeedsFailSwapOff: a swap file only works with kubelet_config.fail_swap_on = false
// (Microsoft's example sets both; with fail_swap_on true the kubelet refuses to start on a node
// with swap, SDK kubeletConfig.failSwapOn).
func checkSwapNeedsFailSwapOff(base path.Path, p Pool) diag.Diagnostics {
	if p.LinuxOS == nil || !isSet(p.LinuxOS.SwapFileSizeMB) {
		return nil
	}
	if p.Kubelet != nil && isSet(p.Kubelet.FailSwapOn) && !p.Kubelet.FailSwapOn.ValueBool() {
		return nil
	}
	if p.Kubelet != nil && p.Kubelet.FailSwapOn.IsUnknown() {
		return nil
	}
	at := base.AtName("linux_os_config").AtName("swap_file_size_mb")
	return diag.Diagnostics{ruleError(at, "Swap file needs fail_swap_on = false",
		explain(fmt.Sprintf("%s = %d, but kubelet_config.fail_swap_on is not false: the kubelet would fail to start on nodes with swap.", shown(at), p.LinuxOS.SwapFileSizeMB.ValueInt64()),
			"a swap file needs the kubelet's failSwapOn turned off",
			sourceCustomNodeConfig+" and "+sourceAPI+" (kubeletConfig.failSwapOn)",
			fmt.Sprintf("set %s = false, or remove %s.", shown(base.AtName("kubelet_config").AtName("fail_swap_on")), shown(at))))}
}

// checkSwapFitsTempDisk: the swap file lives on the temporary disk, so it is at most its size
// ("1 MB - Size of the temporary disk (/dev/sdb)"). Runs only when the size's temp disk is known.
func checkSwapFitsTempDisk(base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	if p.LinuxOS == nil || !isSet(p.LinuxOS.SwapFileSizeMB) || size == nil || !size.TempDiskBytes.Known {
		return nil
	}
	want := p.LinuxOS.SwapFileSizeMB.ValueInt64()
	available := size.TempDiskBytes.Value >> 20
	if want <= available {
		return nil
	}
	at := base.AtName("linux_os_config").AtName("swap_file_size_mb")
	return diag.Diagnostics{ruleError(at, "Swap file larger than the temporary disk",
		explain(fmt.Sprintf("%s = %d, but %s has a temporary disk of %d MB, according to %s.", shown(at), want, size.Name, available, size.Source),
			"the swap file is created on the temporary disk: from 1 MB to the size of the temporary disk",
			sourceCustomNodeConfig,
			fmt.Sprintf("set %s to at most %d, or pick a VM size with a larger temporary disk.", shown(at), available)))}
}

// checkLocalPortRange: "first last", the first port 1024-60999, the last 32768-65535, and the
// first no higher than the last.
func checkLocalPortRange(_ context.Context, name, value string) *problem {
	first, last, ok := ParseLocalPortRange(value)
	if ok && first >= MinLocalPortFirst && first <= MaxLocalPortFirst && last >= MinLocalPortLast && last <= MaxLocalPortLast && first <= last {
		return nil
	}
	return &problem{"Invalid local port range", explain(fmt.Sprintf("%s = %q is not a valid port range.", name, value),
		fmt.Sprintf("net.ipv4.ip_local_port_range is two ports separated by a space: the first %d-%d, the last %d-%d, the first no higher than the last",
			MinLocalPortFirst, MaxLocalPortFirst, MinLocalPortLast, MaxLocalPortLast),
		sourceCustomNodeConfig,
		fmt.Sprintf("write it as %s = \"32768 60999\" (AKS's default) or another range within those bounds.", name))}
}

// ParseLocalPortRange splits "first last" into its two ports.
func ParseLocalPortRange(value string) (first, last int64, ok bool) {
	parts := strings.Fields(value)
	if len(parts) != 2 {
		return 0, 0, false
	}
	a, errA := strconv.ParseInt(parts[0], 10, 32)
	b, errB := strconv.ParseInt(parts[1], 10, 32)
	return a, b, errA == nil && errB == nil
}

// LocalPortRange validates linux_os_config.sysctl_config.net_ipv4_ip_local_port_range.
func LocalPortRange() stringCheck {
	return stringCheck{description: `two ports, "first last", such as "32768 60999"`, check: checkLocalPortRange}
}
