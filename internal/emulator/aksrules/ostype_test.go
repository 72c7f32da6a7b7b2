package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckOSType(t *testing.T) {
	tests := []struct {
		name, code string
		p          *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"unset", "", props(nil)},
		{"linux", "", props(func(p *poolProperties) { p.OSType = to(armcontainerservice.OSTypeLinux) })},
		{"windows any case", "", props(func(p *poolProperties) { p.OSType = to(armcontainerservice.OSType("windows")) })},
		{"other", codeInvalidParameter, props(func(p *poolProperties) { p.OSType = to(armcontainerservice.OSType("Darwin")) })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkOSType(tt.p), tt.code, "Allowed values are 'Linux' and 'Windows'")
		})
	}
}

func TestCheckOSSKUMatchesOSType(t *testing.T) {
	tests := []struct {
		name, code, message string
		p                   *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"unset", "", "", props(nil)},
		{"azure linux on linux", "", "", props(osSKU(armcontainerservice.OSSKUAzureLinux3))},
		{"windows2022 on windows", "", "", props(both(windows, osSKU(armcontainerservice.OSSKUWindows2022)))},
		{"windows sku on linux", codeInvalidParameter, "OSSKU 'Windows2022' is not supported for osType 'Linux'", props(osSKU(armcontainerservice.OSSKUWindows2022))},
		{"linux sku on windows", codeInvalidParameter, "OSSKU 'Ubuntu' is not supported for osType 'Windows'", props(both(windows, osSKU(armcontainerservice.OSSKUUbuntu)))},
		{"preview-only sku", codeInvalidParameter, "The value of parameter osSKU is invalid: 'Windows2025'", props(both(windows, osSKU("Windows2025")))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkOSSKUMatchesOSType(tt.p), tt.code, tt.message)
		})
	}
}

func TestCheckWindowsOSSKUVersion(t *testing.T) {
	tests := []struct {
		name, version, code string
		p                   *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"windows2019 on 1.32", "1.32.7", "", props(both(windows, osSKU(armcontainerservice.OSSKUWindows2019)))},
		{"windows2022 on 1.33", "1.33.3", "", props(both(windows, osSKU(armcontainerservice.OSSKUWindows2022)))},
		{"windows2019 on 1.33", "1.33.3", codeInvalidParameter, props(both(windows, osSKU(armcontainerservice.OSSKUWindows2019)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkWindowsOSSKUVersion(tt.p, mustVersion(t, tt.version)), tt.code, "OSSKU 'Windows2019' is not supported for Kubernetes version")
		})
	}
}

func TestCheckWindowsProfile(t *testing.T) {
	withProfile := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to("azureuser")}
	})
	without := newCluster(t, nil)
	runClusterPoolCases(t, checkWindowsProfile, "Windows profile definition is missing for the cluster.", []clusterPoolCase{
		{"windows pool, cluster with profile", "", withProfile, props(windows)},
		{"linux pool, cluster without profile", "", without, props(nil)},
		{"windows pool, cluster without profile", codeWindowsProfileMissing, without, props(windows)},
	})
}

func TestCheckWindowsNetworkPlugin(t *testing.T) {
	kubenet := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{NetworkPlugin: to(armcontainerservice.NetworkPluginKubenet)}
	})
	overlay := newCluster(t, nil)
	runClusterPoolCases(t, checkWindowsNetworkPlugin, "Windows agent pools can only be added to AKS clusters using Azure-CNI.", []clusterPoolCase{
		{"windows on azure cni overlay", "", overlay, props(windows)},
		{"linux on kubenet", "", kubenet, props(nil)},
		{"windows on kubenet", codeAzureCNIOnlyForWindows, kubenet, props(windows)},
	})
}

// clusterPoolCase is a case of a rule that checks a pool against its cluster.
type clusterPoolCase struct {
	name, code string
	mc         *armcontainerservice.ManagedCluster
	p          *armcontainerservice.ManagedClusterAgentPoolProfileProperties
}

// runClusterPoolCases runs check on each case; a refusal must contain message.
func runClusterPoolCases(t *testing.T, check func(*armcontainerservice.ManagedCluster, *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error, message string, tests []clusterPoolCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, check(tt.mc, tt.p), tt.code, message)
		})
	}
}
