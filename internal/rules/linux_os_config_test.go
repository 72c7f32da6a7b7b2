package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func swapPool(swap int64, kubelet *KubeletConfig) Pool {
	return with(userPool(), func(p *Pool) {
		p.LinuxOS = &LinuxOSConfig{SwapFileSizeMB: num(swap), TransparentHugePage: types.StringNull(), TransparentHugePageDefrag: types.StringNull()}
		p.Kubelet = kubelet
	})
}

func TestCheckSwapNeedsFailSwapOff(t *testing.T) {
	expectDiags(t, checkSwapNeedsFailSwapOff(path.Empty(), swapPool(1500, officialKubelet())))
	expectDiags(t, checkSwapNeedsFailSwapOff(path.Empty(), userPool()))
	unknown := officialKubelet()
	unknown.FailSwapOn = types.BoolUnknown()
	expectDiags(t, checkSwapNeedsFailSwapOff(path.Empty(), swapPool(1500, unknown)))
	on := officialKubelet()
	on.FailSwapOn = flag(true)
	expectDiags(t, checkSwapNeedsFailSwapOff(path.Empty(), swapPool(1500, on)),
		errAt("linux_os_config.swap_file_size_mb", "Swap file needs fail_swap_on = false", "= 1500", "set kubelet_config.fail_swap_on = false"))
	expectDiags(t, checkSwapNeedsFailSwapOff(path.Root("default_node_pool"), swapPool(1500, nil)),
		errAt("default_node_pool.linux_os_config.swap_file_size_mb", "Swap file needs fail_swap_on = false", "default_node_pool.kubelet_config.fail_swap_on = false"))
}

func TestCheckSwapFitsTempDisk(t *testing.T) {
	ds2 := embeddedSize(t, "Standard_DS2_v2") // a 14 GiB temporary disk
	expectDiags(t, checkSwapFitsTempDisk(path.Empty(), swapPool(1500, officialKubelet()), &ds2))
	expectDiags(t, checkSwapFitsTempDisk(path.Empty(), swapPool(100000, officialKubelet()), nil)) // size unknown: not judged
	expectDiags(t, checkSwapFitsTempDisk(path.Empty(), swapPool(100000, officialKubelet()), &ds2),
		errAt("linux_os_config.swap_file_size_mb", "Swap file larger than the temporary disk", "Standard_DS2_v2 has a temporary disk of 14336 MB", "at most 14336"))
}

func TestCheckWindowsLinuxOSConfig(t *testing.T) {
	win := with(swapPool(1500, nil), func(p *Pool) { p.OSType = str(OSTypeWindows) })
	expectDiags(t, checkWindowsLinuxOSConfig(path.Empty(), win),
		errAt("linux_os_config", "Custom OS configuration not supported on Windows pools", "os_type = \"Windows\"", "remove linux_os_config"))
	expectDiags(t, checkWindowsLinuxOSConfig(path.Empty(), swapPool(1500, nil)))
	empty := with(win, func(p *Pool) {
		p.LinuxOS = &LinuxOSConfig{SwapFileSizeMB: types.Int64Null(), TransparentHugePage: types.StringNull(), TransparentHugePageDefrag: types.StringNull()}
	})
	expectDiags(t, checkWindowsLinuxOSConfig(path.Empty(), empty)) // an empty block sends nothing
}

func TestLocalPortRange(t *testing.T) {
	testStringValidator(t, LocalPortRange(), "net_ipv4_ip_local_port_range", []stringCase{
		{value: "32768 60999"}, {value: "20000 60000"}, {value: "1024 32768"}, {value: "60999 65535"}, {value: "40000  50000"},
		{value: "60000 40000", wantSummary: "Invalid local port range", contains: []string{`"60000 40000"`, "first no higher than the last", `"32768 60999"`}},
		{value: "1023 60000", wantSummary: "Invalid local port range"},
		{value: "20000 32767", wantSummary: "Invalid local port range"},
		{value: "20000 65536", wantSummary: "Invalid local port range"},
		{value: "20000-60000", wantSummary: "Invalid local port range"},
		{value: "20000", wantSummary: "Invalid local port range"},
	})
}

// The official examples' settings pass every cross-field rule.
func TestCheckNodeConfig_officialExample(t *testing.T) {
	ds2 := embeddedSize(t, "Standard_DS2_v2")
	p := swapPool(1500, officialKubelet())
	p.LinuxOS.TransparentHugePage, p.LinuxOS.TransparentHugePageDefrag, p.LinuxOS.Sysctls = str("always"), str("madvise"), true
	expectDiags(t, checkNodeConfig(context.Background(), path.Empty(), p, &ds2))
	expectDiags(t, checkNodeConfig(context.Background(), path.Empty(), userPool(), &ds2))
}

func TestSysctlsBounds(t *testing.T) {
	for name, s := range Sysctls {
		if s.Kernel == "" || s.Min > s.Max || s.Max > MaxInt32 {
			t.Errorf("%s: %+v", name, s)
		}
	}
	if got := Sysctls["net_core_somaxconn"]; got.Min != 4096 || got.Max != 3240000 || !got.Ranged {
		t.Errorf("net_core_somaxconn = %+v", got)
	}
	if Sysctls["net_core_wmem_default"].Ranged {
		t.Error("net_core_wmem_default has no documented interval (the official example sets 12345)")
	}
}
