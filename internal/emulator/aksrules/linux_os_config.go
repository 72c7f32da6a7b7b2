package aksrules

// linuxOSConfig: AKS's custom OS configuration of Linux pools (custom-node-configuration.md,
// "Linux custom OS configuration settings"). Messages and codes are unverified.

import (
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// sysctlRange is Microsoft's allowed interval of one sysctl (the file handle, socket and
// network, and virtual memory tables); settings listed without one are not checked.
type sysctlRange struct {
	name   string
	get    func(s *armcontainerservice.SysctlConfig) *int32
	lo, hi int64
}

var sysctlRanges = []sysctlRange{
	{"fsFileMax", func(s *armcontainerservice.SysctlConfig) *int32 { return s.FsFileMax }, 8192, maxInt32},
	{"fsInotifyMaxUserWatches", func(s *armcontainerservice.SysctlConfig) *int32 { return s.FsInotifyMaxUserWatches }, 781250, 2097152},
	{"fsAioMaxNr", func(s *armcontainerservice.SysctlConfig) *int32 { return s.FsAioMaxNr }, 65536, 6553500},
	{"fsNrOpen", func(s *armcontainerservice.SysctlConfig) *int32 { return s.FsNrOpen }, 8192, 20000500},
	{"netCoreSomaxconn", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetCoreSomaxconn }, 4096, 3240000},
	{"netCoreNetdevMaxBacklog", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetCoreNetdevMaxBacklog }, 1000, 3240000},
	{"netCoreRmemMax", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetCoreRmemMax }, 212992, 134217728},
	{"netCoreWmemMax", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetCoreWmemMax }, 212992, 134217728},
	{"netCoreOptmemMax", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetCoreOptmemMax }, 20480, 4194304},
	{"netIpv4TcpMaxSynBacklog", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4TCPMaxSynBacklog }, 128, 3240000},
	{"netIpv4TcpMaxTwBuckets", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4TCPMaxTwBuckets }, 8000, 1440000},
	{"netIpv4TcpFinTimeout", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4TCPFinTimeout }, 5, 120},
	{"netIpv4TcpKeepaliveTime", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4TCPKeepaliveTime }, 30, 432000},
	{"netIpv4TcpKeepaliveProbes", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4TCPKeepaliveProbes }, 1, 15},
	{"netIpv4TcpkeepaliveIntvl", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4TcpkeepaliveIntvl }, 10, 90},
	{"netIpv4NeighDefaultGcThresh1", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4NeighDefaultGcThresh1 }, 128, 80000},
	{"netIpv4NeighDefaultGcThresh2", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4NeighDefaultGcThresh2 }, 512, 90000},
	{"netIpv4NeighDefaultGcThresh3", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetIPv4NeighDefaultGcThresh3 }, 1024, 100000},
	{"netNetfilterNfConntrackMax", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetNetfilterNfConntrackMax }, 131072, 2097152},
	{"netNetfilterNfConntrackBuckets", func(s *armcontainerservice.SysctlConfig) *int32 { return s.NetNetfilterNfConntrackBuckets }, 65536, 524288},
	{"vmVfsCachePressure", func(s *armcontainerservice.SysctlConfig) *int32 { return s.VMVfsCachePressure }, 1, 100},
	{"vmSwappiness", func(s *armcontainerservice.SysctlConfig) *int32 { return s.VMSwappiness }, 0, 100},
}

// checkLinuxOSConfig checks a new pool's linuxOSConfig.
func checkLinuxOSConfig(w World, _ string, p *poolProperties) *Error {
	l := p.LinuxOSConfig
	if l == nil {
		return nil
	}
	if isWindows(p) {
		return badRequest(codeInvalidParameter, "properties.linuxOSConfig", "CustomLinuxOSConfig is not supported for OS type Windows.")
	}
	errs := []*Error{
		oneOf("linuxOSConfig.transparentHugePageEnabled", l.TransparentHugePageEnabled, "always", "madvise", "never"),
		oneOf("linuxOSConfig.transparentHugePageDefrag", l.TransparentHugePageDefrag, "always", "defer", "defer+madvise", "madvise", "never"),
		between("linuxOSConfig.swapFileSizeMB", l.SwapFileSizeMB, 1, maxInt32),
		checkSwapWithFailSwapOn(p),
		checkSwapOnTempDisk(w, p),
	}
	if l.Sysctls != nil {
		for _, r := range sysctlRanges {
			errs = append(errs, between("linuxOSConfig.sysctls."+r.name, r.get(l.Sysctls), r.lo, r.hi))
		}
		errs = append(errs, checkPortRange(l.Sysctls.NetIPv4IPLocalPortRange))
	}
	return firstError(errs...)
}

// checkSwapWithFailSwapOn: a swap file needs kubeletConfig.failSwapOn false, or the kubelet
// fails to start on the node.
func checkSwapWithFailSwapOn(p *poolProperties) *Error {
	if p.LinuxOSConfig.SwapFileSizeMB == nil {
		return nil
	}
	if p.KubeletConfig != nil && p.KubeletConfig.FailSwapOn != nil && !*p.KubeletConfig.FailSwapOn {
		return nil
	}
	return invalidNodeConfig("linuxOSConfig.swapFileSizeMB", "linuxOSConfig.swapFileSizeMB requires kubeletConfig.failSwapOn to be false.")
}

// checkSwapOnTempDisk: the swap file is at most the temporary disk ("1 MB - Size of the
// temporary disk"), when the SKU's MaxResourceVolumeMB is known.
func checkSwapOnTempDisk(w World, p *poolProperties) *Error {
	if p.LinuxOSConfig.SwapFileSizeMB == nil {
		return nil
	}
	sku, ok := lookupSKU(w, deref(p.VMSize))
	if !ok {
		return nil
	}
	mib, known := capabilityInt(sku, capMaxResourceVolumeMB)
	if !known || int64(*p.LinuxOSConfig.SwapFileSizeMB) <= mib {
		return nil
	}
	return invalidNodeConfig("linuxOSConfig.swapFileSizeMB",
		"linuxOSConfig.swapFileSizeMB %d exceeds the temporary disk of VM size %s (%d MB).", *p.LinuxOSConfig.SwapFileSizeMB, deref(p.VMSize), mib)
}

// checkPortRange: "first last", first 1024-60999, last 32768-65535, first no higher than last.
func checkPortRange(v *string) *Error {
	if v == nil {
		return nil
	}
	parts := strings.Fields(*v)
	if len(parts) == 2 {
		first, errA := strconv.Atoi(parts[0])
		last, errB := strconv.Atoi(parts[1])
		if errA == nil && errB == nil && first >= 1024 && first <= 60999 && last >= 32768 && last <= 65535 && first <= last {
			return nil
		}
	}
	return invalidNodeConfig("linuxOSConfig.sysctls.netIpv4IpLocalPortRange",
		"The value '%s' of linuxOSConfig.sysctls.netIpv4IpLocalPortRange is invalid; it must be 'first last' with the first port in 1024-60999 and the last in 32768-65535.", *v)
}
