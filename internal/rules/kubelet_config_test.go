package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// officialKubelet is the kubelet_config of Microsoft's CustomNodeConfig example.
func officialKubelet() *KubeletConfig {
	return &KubeletConfig{
		CPUManagerPolicy: str("static"), CPUCfsQuotaEnabled: flag(true), CPUCfsQuotaPeriod: str("200ms"),
		ImageGcHighThreshold: num(90), ImageGcLowThreshold: num(70), TopologyManagerPolicy: str("best-effort"),
		AllowedUnsafeSysctls:  types.SetValueMust(types.StringType, nil),
		ContainerLogMaxSizeMB: types.Int64Null(), ContainerLogMaxFiles: types.Int64Null(), PodMaxPid: types.Int64Null(), FailSwapOn: flag(false),
	}
}

func TestCheckImageGCThresholds(t *testing.T) {
	pool := func(high, low types.Int64) Pool {
		k := officialKubelet()
		k.ImageGcHighThreshold, k.ImageGcLowThreshold = high, low
		return with(userPool(), func(p *Pool) { p.Kubelet = k })
	}
	expectDiags(t, checkImageGCThresholds(path.Empty(), userPool()))
	expectDiags(t, checkImageGCThresholds(path.Empty(), pool(num(90), num(70))))
	expectDiags(t, checkImageGCThresholds(path.Empty(), pool(num(80), num(80)))) // "no higher than": equal is allowed
	expectDiags(t, checkImageGCThresholds(path.Empty(), pool(types.Int64Null(), num(95))))
	expectDiags(t, checkImageGCThresholds(path.Empty(), pool(types.Int64Unknown(), num(95))))
	expectDiags(t, checkImageGCThresholds(path.Root("default_node_pool"), pool(num(70), num(90))),
		errAt("default_node_pool.kubelet_config.image_gc_low_threshold", "Image garbage collection low threshold above the high threshold",
			"= 90 is higher than image_gc_high_threshold = 70", "at most 70"))
}

func TestCheckWindowsKubeletConfig(t *testing.T) {
	windows := func(k *KubeletConfig) Pool {
		return with(userPool(), func(p *Pool) { p.OSType, p.Kubelet = str(OSTypeWindows), k })
	}
	allowed := &KubeletConfig{ImageGcHighThreshold: num(90), ImageGcLowThreshold: num(70), ContainerLogMaxSizeMB: num(20), ContainerLogMaxFiles: num(6),
		CPUManagerPolicy: types.StringNull(), CPUCfsQuotaEnabled: types.BoolNull(), CPUCfsQuotaPeriod: types.StringNull(), TopologyManagerPolicy: types.StringNull(),
		AllowedUnsafeSysctls: types.SetNull(types.StringType), PodMaxPid: types.Int64Null(), FailSwapOn: types.BoolUnknown()}
	expectDiags(t, checkWindowsKubeletConfig(path.Empty(), windows(allowed)))
	expectDiags(t, checkWindowsKubeletConfig(path.Empty(), with(userPool(), func(p *Pool) { p.Kubelet = officialKubelet() })))
	k := officialKubelet()
	k.CPUCfsQuotaEnabled, k.CPUCfsQuotaPeriod, k.TopologyManagerPolicy, k.AllowedUnsafeSysctls, k.FailSwapOn =
		types.BoolNull(), types.StringNull(), types.StringNull(), types.SetNull(types.StringType), types.BoolNull()
	expectDiags(t, checkWindowsKubeletConfig(path.Empty(), windows(k)),
		errAt("kubelet_config.cpu_manager_policy", "Kubelet setting not supported on Windows pools", "os_type = \"Windows\"", "image_gc_high_threshold", "remove kubelet_config.cpu_manager_policy"))
}

func TestCPUCfsQuotaPeriod(t *testing.T) {
	testStringValidator(t, CPUCfsQuotaPeriod(), "cpu_cfs_quota_period", []stringCase{
		{value: "100ms"}, {value: "1.5s"}, {value: "2h45m"}, {value: "500us"},
		{value: "200", wantSummary: "Invalid CPU CFS quota period", contains: []string{`"200" is not a positive duration`, `"200ms"`}},
		{value: "0ms", wantSummary: "Invalid CPU CFS quota period"},
		{value: "-10ms", wantSummary: "Invalid CPU CFS quota period"},
		{value: "ten ms", wantSummary: "Invalid CPU CFS quota period"},
	})
}

func TestUnsafeSysctl(t *testing.T) {
	testStringValidator(t, UnsafeSysctl(), "allowed_unsafe_sysctls", []stringCase{
		{value: "kernel.msg*"}, {value: "kernel.shm*"}, {value: "kernel.shmmax"}, {value: "kernel.sem"}, {value: "fs.mqueue.*"},
		{value: "fs.mqueue.msg_max"}, {value: "net.*"}, {value: "net.core.somaxconn"}, {value: "net.ipv4.*"},
		{value: "kernel.*", wantSummary: "Unsafe sysctl not allowed", contains: []string{`"kernel.*"`, "kernel.shm*, kernel.msg*, kernel.sem, fs.mqueue.*, net.*"}},
		{value: "kernel.sem*", wantSummary: "Unsafe sysctl not allowed"},
		{value: "vm.swappiness", wantSummary: "Unsafe sysctl not allowed"},
		{value: "*", wantSummary: "Unsafe sysctl not allowed"},
		{value: "net.*.foo", wantSummary: "Unsafe sysctl not allowed"},
	})
}

func TestNodeConfigRange(t *testing.T) {
	v := NodeConfigRange("vm.swappiness", 0, 100)
	if v.Description(context.Background()) != "between 0 and 100" {
		t.Errorf("description %q", v.Description(context.Background()))
	}
	for _, ok := range []types.Int64{num(0), num(100), num(60), types.Int64Null(), types.Int64Unknown()} {
		resp := &validator.Int64Response{}
		v.ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("x"), ConfigValue: ok}, resp)
		expectDiags(t, resp.Diagnostics)
	}
	resp := &validator.Int64Response{}
	v.ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("linux_os_config").AtName("sysctl_config").AtName("vm_swappiness"), ConfigValue: num(101)}, resp)
	expectDiags(t, resp.Diagnostics, errAt("linux_os_config.sysctl_config.vm_swappiness", "Node configuration value out of range",
		"vm_swappiness = 101 is outside", "vm.swappiness from 0 to 100", "between 0 and 100"))
}
