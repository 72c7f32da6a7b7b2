package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// officialLinuxOSConfig is the linuxOSConfig of Microsoft's AgentPoolsCreate_CustomNodeConfig example.
func officialLinuxOSConfig() *armcontainerservice.LinuxOSConfig {
	return &armcontainerservice.LinuxOSConfig{
		Sysctls: &armcontainerservice.SysctlConfig{
			NetCoreWmemDefault: to[int32](12345), NetIPv4TCPTwReuse: to(true), NetIPv4IPLocalPortRange: to("20000 60000"), KernelThreadsMax: to[int32](99999),
		},
		TransparentHugePageEnabled: to("always"), TransparentHugePageDefrag: to("madvise"), SwapFileSizeMB: to[int32](1500),
	}
}

func TestCheckLinuxOSConfig(t *testing.T) {
	w := testWorld()
	tests := []struct {
		name   string
		edit   func(p *poolProperties)
		code   string
		substr string
	}{
		{"the official example", func(*poolProperties) {}, "", ""},
		{"Windows pool", func(p *poolProperties) { p.OSType = to(armcontainerservice.OSTypeWindows) }, codeInvalidParameter, "not supported for OS type Windows"},
		{"unknown huge page setting", func(p *poolProperties) { p.LinuxOSConfig.TransparentHugePageEnabled = to("sometimes") }, codeInvalidParameter, "transparentHugePageEnabled"},
		{"unknown defrag setting", func(p *poolProperties) { p.LinuxOSConfig.TransparentHugePageDefrag = to("defer+always") }, codeInvalidParameter, "transparentHugePageDefrag"},
		{"swap with failSwapOn", func(p *poolProperties) { p.KubeletConfig.FailSwapOn = to(true) }, codeInvalidParameter, "failSwapOn to be false"},
		{"swap without kubeletConfig", func(p *poolProperties) { p.KubeletConfig = nil }, codeInvalidParameter, "failSwapOn to be false"},
		{"swap larger than the temp disk", func(p *poolProperties) { p.LinuxOSConfig.SwapFileSizeMB = to[int32](20000) }, codeInvalidParameter, "temporary disk"},
		{"somaxconn below 4096", func(p *poolProperties) { p.LinuxOSConfig.Sysctls.NetCoreSomaxconn = to[int32](1024) }, codeInvalidParameter, "netCoreSomaxconn"},
		{"swappiness above 100", func(p *poolProperties) { p.LinuxOSConfig.Sysctls.VMSwappiness = to[int32](101) }, codeInvalidParameter, "vmSwappiness"},
		{"keepalive interval 5", func(p *poolProperties) { p.LinuxOSConfig.Sysctls.NetIPv4TcpkeepaliveIntvl = to[int32](5) }, codeInvalidParameter, "netIpv4TcpkeepaliveIntvl"},
		{"port range reversed", func(p *poolProperties) { p.LinuxOSConfig.Sysctls.NetIPv4IPLocalPortRange = to("60000 40000") }, codeInvalidParameter, "netIpv4IpLocalPortRange"},
		{"port range of one port", func(p *poolProperties) { p.LinuxOSConfig.Sysctls.NetIPv4IPLocalPortRange = to("32768") }, codeInvalidParameter, "netIpv4IpLocalPortRange"},
		{"undocumented wmem default is free", func(p *poolProperties) { p.LinuxOSConfig.Sysctls.NetCoreWmemDefault = to[int32](1) }, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &poolProperties{OSType: to(armcontainerservice.OSTypeLinux), VMSize: to("Standard_DS2_v2"),
				KubeletConfig: officialKubeletConfig(), LinuxOSConfig: officialLinuxOSConfig()}
			tt.edit(p)
			wantError(t, checkLinuxOSConfig(w, "pool", p), tt.code, tt.substr)
		})
	}
}

// The official examples pass every rule of a new pool, not only these.
func TestCheckAgentPoolCreate_officialCustomNodeConfig(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	ap := newPool("agentpool1", func(p *poolProperties) {
		p.Count, p.VMSize, p.OSType = to[int32](3), to("Standard_DS2_v2"), to(armcontainerservice.OSTypeLinux)
		p.KubeletConfig, p.LinuxOSConfig = officialKubeletConfig(), officialLinuxOSConfig()
	})
	DefaultAgentPool(w, nil, ap)
	wantError(t, CheckAgentPoolCreate(w, ap), "", "")
}
