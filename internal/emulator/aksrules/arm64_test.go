package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func windows(p *poolProperties) { p.OSType = to(armcontainerservice.OSTypeWindows) }

func fips(p *poolProperties) { p.EnableFIPS = to(true) }

func osSKU(s armcontainerservice.OSSKU) func(*poolProperties) {
	return func(p *poolProperties) { p.OSSKU = to(s) }
}

func TestCheckArm64Windows(t *testing.T) {
	tests := []struct {
		name, vmSize, code string
		p                  *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"arm64 linux", "Standard_D2pds_v5", "", props(nil)},
		{"x64 windows", "Standard_D4s_v3", "", props(windows)},
		{"arm64 windows", "Standard_D2pds_v5", codeInvalidParameter, props(windows)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkArm64Windows(mustSKU(t, tt.vmSize), tt.p), tt.code, "uses the Arm64 architecture, which is not supported for Windows agent pools")
		})
	}
}

func TestCheckArm64FIPS(t *testing.T) {
	tests := []struct {
		name, vmSize, version, code string
		p                           *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"arm64 without FIPS", "Standard_D4pds_v5", "1.30.14", "", props(nil)},
		{"x64 FIPS on Ubuntu", "Standard_D4s_v3", "1.30.14", "", props(both(fips, osSKU(armcontainerservice.OSSKUUbuntu)))},
		{"arm64 FIPS on Azure Linux 1.31", "Standard_D4pds_v5", "1.31.11", "", props(both(fips, osSKU(armcontainerservice.OSSKUAzureLinux)))},
		{"arm64 FIPS on Azure Linux 3 1.33", "Standard_D4pds_v5", "1.33.3", "", props(both(fips, osSKU(armcontainerservice.OSSKUAzureLinux3)))},
		{"arm64 FIPS on Ubuntu", "Standard_D4pds_v5", "1.33.3", codeInvalidParameter, props(both(fips, osSKU(armcontainerservice.OSSKUUbuntu)))},
		{"arm64 FIPS on Azure Linux 1.30", "Standard_D4pds_v5", "1.30.14", codeInvalidParameter, props(both(fips, osSKU(armcontainerservice.OSSKUAzureLinux)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkArm64FIPS(mustSKU(t, tt.vmSize), tt.p, mustVersion(t, tt.version)), tt.code,
				"require osSKU AzureLinux or AzureLinux3 and Kubernetes version 1.31 or later")
		})
	}
}

func TestCheckArm64Defender(t *testing.T) {
	withDefender := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{
			Defender: &armcontainerservice.ManagedClusterSecurityProfileDefender{
				SecurityMonitoring: &armcontainerservice.ManagedClusterSecurityProfileDefenderSecurityMonitoring{Enabled: to(true)},
			},
		}
	})
	without := newCluster(t, nil)
	tests := []struct {
		name, vmSize, version, code string
		mc                          *armcontainerservice.ManagedCluster
	}{
		{"defender at 1.29.0", "Standard_D2pds_v5", "1.29.0", "", withDefender},
		{"defender, x64 size", "Standard_D4s_v3", "1.28.15", "", withDefender},
		{"no defender below 1.29", "Standard_D2pds_v5", "1.28.15", "", without},
		{"defender below 1.29", "Standard_D2pds_v5", "1.28.15", codeInvalidParameter, withDefender},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkArm64Defender(mustSKU(t, tt.vmSize), tt.mc, mustVersion(t, tt.version)), tt.code,
				"is not supported on clusters with Microsoft Defender enabled and a Kubernetes version lower than 1.29.0")
		})
	}
}
