package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// officialKubeletConfig is the kubeletConfig of Microsoft's AgentPoolsCreate_CustomNodeConfig example.
func officialKubeletConfig() *armcontainerservice.KubeletConfig {
	return &armcontainerservice.KubeletConfig{
		CPUManagerPolicy: to("static"), CPUCfsQuota: to(true), CPUCfsQuotaPeriod: to("200ms"),
		ImageGcHighThreshold: to[int32](90), ImageGcLowThreshold: to[int32](70), TopologyManagerPolicy: to("best-effort"),
		AllowedUnsafeSysctls: []*string{to("kernel.msg*"), to("net.core.somaxconn")}, FailSwapOn: to(false),
	}
}

func TestCheckKubeletConfig(t *testing.T) {
	w := testWorld()
	tests := []struct {
		name    string
		windows bool
		edit    func(k *armcontainerservice.KubeletConfig)
		code    string
		substr  string
	}{
		{"the official example", false, func(*armcontainerservice.KubeletConfig) {}, "", ""},
		{"unknown CPU manager policy", false, func(k *armcontainerservice.KubeletConfig) { k.CPUManagerPolicy = to("dynamic") }, codeInvalidParameter, "kubeletConfig.cpuManagerPolicy"},
		{"unknown topology policy", false, func(k *armcontainerservice.KubeletConfig) { k.TopologyManagerPolicy = to("numa") }, codeInvalidParameter, "kubeletConfig.topologyManagerPolicy"},
		{"quota period without a unit", false, func(k *armcontainerservice.KubeletConfig) { k.CPUCfsQuotaPeriod = to("200") }, codeInvalidParameter, "cpuCfsQuotaPeriod"},
		{"quota period in seconds", false, func(k *armcontainerservice.KubeletConfig) { k.CPUCfsQuotaPeriod = to("1.5s") }, "", ""},
		{"high threshold above 100", false, func(k *armcontainerservice.KubeletConfig) { k.ImageGcHighThreshold = to[int32](101) }, codeInvalidParameter, "between 0 and 100"},
		{"low above high", false, func(k *armcontainerservice.KubeletConfig) { k.ImageGcLowThreshold = to[int32](95) }, codeInvalidParameter, "cannot be higher"},
		{"low equal to high", false, func(k *armcontainerservice.KubeletConfig) { k.ImageGcLowThreshold = to[int32](90) }, "", ""},
		{"one log file", false, func(k *armcontainerservice.KubeletConfig) { k.ContainerLogMaxFiles = to[int32](1) }, codeInvalidParameter, "containerLogMaxFiles"},
		{"pod PIDs below -1", false, func(k *armcontainerservice.KubeletConfig) { k.PodMaxPids = to[int32](-2) }, codeInvalidParameter, "podMaxPids"},
		{"pod PIDs unlimited", false, func(k *armcontainerservice.KubeletConfig) { k.PodMaxPids = to[int32](-1) }, "", ""},
		{"kernel.* is too wide", false, func(k *armcontainerservice.KubeletConfig) { k.AllowedUnsafeSysctls = []*string{to("kernel.*")} }, codeInvalidParameter, "'kernel.*'"},
		{"vm sysctl", false, func(k *armcontainerservice.KubeletConfig) { k.AllowedUnsafeSysctls = []*string{to("vm.swappiness")} }, codeInvalidParameter, "vm.swappiness"},
		{"namespaced sysctls", false, func(k *armcontainerservice.KubeletConfig) {
			k.AllowedUnsafeSysctls = []*string{to("kernel.shmmax"), to("kernel.sem"), to("fs.mqueue.msg_max"), to("net.*")}
		}, "", ""},
		{"Windows with the Linux-only CPU manager", true, func(*armcontainerservice.KubeletConfig) {}, codeInvalidParameter, "is not supported for Windows agent pools"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &poolProperties{OSType: to(armcontainerservice.OSTypeLinux), VMSize: to("Standard_DS2_v2"), KubeletConfig: officialKubeletConfig()}
			if tt.windows {
				p.OSType = to(armcontainerservice.OSTypeWindows)
			}
			tt.edit(p.KubeletConfig)
			wantError(t, checkKubeletConfig(w, "pool", p), tt.code, tt.substr)
		})
	}
}

func TestCheckKubeletConfig_windowsSettings(t *testing.T) {
	p := &poolProperties{OSType: to(armcontainerservice.OSTypeWindows), KubeletConfig: &armcontainerservice.KubeletConfig{
		ImageGcHighThreshold: to[int32](90), ImageGcLowThreshold: to[int32](70), ContainerLogMaxSizeMB: to[int32](20), ContainerLogMaxFiles: to[int32](6),
	}}
	wantError(t, checkKubeletConfig(testWorld(), "win", p), "", "")
	p.KubeletConfig.PodMaxPids = to[int32](100)
	wantError(t, checkKubeletConfig(testWorld(), "win", p), codeInvalidParameter, "podMaxPids is not supported for Windows")
}

func TestCheckNodeConfigUnchanged(t *testing.T) {
	stored := &poolProperties{KubeletConfig: officialKubeletConfig(), LinuxOSConfig: officialLinuxOSConfig()}
	stored.KubeletConfig.PodMaxPids = to[int32](100) // filled in by AKS
	same := &poolProperties{KubeletConfig: officialKubeletConfig(), LinuxOSConfig: officialLinuxOSConfig()}
	wantError(t, checkNodeConfigUnchanged(testWorld(), "p", stored, same), "", "")
	wantError(t, checkNodeConfigUnchanged(testWorld(), "p", stored, &poolProperties{}), "", "")

	changed := &poolProperties{KubeletConfig: officialKubeletConfig()}
	changed.KubeletConfig.CPUManagerPolicy = to("none")
	wantError(t, checkNodeConfigUnchanged(testWorld(), "p", stored, changed), codeNodeConfigCanNotBeChanged, "can not be changed")

	sysctl := &poolProperties{LinuxOSConfig: officialLinuxOSConfig()}
	sysctl.LinuxOSConfig.Sysctls.KernelThreadsMax = to[int32](100000)
	wantError(t, checkNodeConfigUnchanged(testWorld(), "p", stored, sysctl), codeNodeConfigCanNotBeChanged, "CustomKubeletConfig or CustomLinuxOSConfig")

	added := &poolProperties{KubeletConfig: &armcontainerservice.KubeletConfig{CPUManagerPolicy: to("static")}}
	wantError(t, checkNodeConfigUnchanged(testWorld(), "p", &poolProperties{}, added), codeNodeConfigCanNotBeChanged, "can not be changed")
}
