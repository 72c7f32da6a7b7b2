package aksrules

import (
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// OS SKUs of the stable API 2025-10-01 by the OS type they belong to (SDK
// constants.go). Windows2025/WindowsAnnual exist only in preview APIs.
var (
	linuxOSSKUs = []armcontainerservice.OSSKU{
		armcontainerservice.OSSKUUbuntu, armcontainerservice.OSSKUUbuntu2204, armcontainerservice.OSSKUUbuntu2404,
		armcontainerservice.OSSKUAzureLinux, armcontainerservice.OSSKUAzureLinux3, armcontainerservice.OSSKUCBLMariner,
	}
	windowsOSSKUs = []armcontainerservice.OSSKU{armcontainerservice.OSSKUWindows2019, armcontainerservice.OSSKUWindows2022}
)

// windows2019LastMinor: Windows Server 2019 isn't supported from Kubernetes
// 1.33 (windows-faq.yml; Windows Server 2019 retirement).
const windows2019LastMinor = 32

func isWindows(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p != nil && equalFoldPtr(p.OSType, armcontainerservice.OSTypeWindows)
}

func isWindowsOSSKU(sku armcontainerservice.OSSKU) bool {
	return slices.ContainsFunc(windowsOSSKUs, func(s armcontainerservice.OSSKU) bool { return strings.EqualFold(string(s), string(sku)) })
}

func isLinuxOSSKU(sku armcontainerservice.OSSKU) bool {
	return slices.ContainsFunc(linuxOSSKUs, func(s armcontainerservice.OSSKU) bool { return strings.EqualFold(string(s), string(sku)) })
}

// checkOSType: osType is Linux or Windows.
func checkOSType(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSet(p.OSType) || equalFoldPtr(p.OSType, armcontainerservice.OSTypeLinux) || isWindows(p) {
		return nil
	}
	return badRequest(codeInvalidParameter, "osType",
		"The value of parameter osType is invalid: '%s'. Allowed values are 'Linux' and 'Windows'.", *p.OSType)
}

// checkOSSKUMatchesOSType: Windows OS SKUs only on Windows pools, Linux OS
// SKUs only on Linux pools; unknown SKUs are refused. Unverified text; the
// rule is the SDK's OSSKU documentation.
func checkOSSKUMatchesOSType(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSet(p.OSSKU) {
		return nil
	}
	sku := *p.OSSKU
	osType := armcontainerservice.OSTypeLinux
	if isWindows(p) {
		osType = armcontainerservice.OSTypeWindows
	}
	switch {
	case isWindowsOSSKU(sku) && osType == armcontainerservice.OSTypeWindows,
		isLinuxOSSKU(sku) && osType == armcontainerservice.OSTypeLinux:
		return nil
	case isWindowsOSSKU(sku) || isLinuxOSSKU(sku):
		return badRequest(codeInvalidParameter, "osSKU",
			"OSSKU '%s' is not supported for osType '%s'. Windows OS SKUs (Windows2019, Windows2022) require osType Windows; Linux OS SKUs (Ubuntu, Ubuntu2204, Ubuntu2404, AzureLinux, AzureLinux3, CBLMariner) require osType Linux.",
			sku, osType)
	}
	return badRequest(codeInvalidParameter, "osSKU",
		"The value of parameter osSKU is invalid: '%s'. Allowed values are Ubuntu, Ubuntu2204, Ubuntu2404, AzureLinux, AzureLinux3, CBLMariner, Windows2019 and Windows2022.",
		sku)
}

// checkWindowsOSSKUVersion: Windows2019 stops at Kubernetes 1.32.
// Unverified text and code.
func checkWindowsOSSKUVersion(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, version kubeVersion) *Error {
	if !equalFoldPtr(p.OSSKU, armcontainerservice.OSSKUWindows2019) || version.major == 0 {
		return nil
	}
	if version.major == 1 && version.minor <= windows2019LastMinor {
		return nil
	}
	return badRequest(codeInvalidParameter, "osSKU",
		"OSSKU 'Windows2019' is not supported for Kubernetes version %s. Windows Server 2019 is supported up to Kubernetes 1.%d; use Windows2022.",
		version, windows2019LastMinor)
}

// checkWindowsProfile: Windows pools need a cluster created with a
// windowsProfile (create-node-pools.md); AKS's code and text (Azure/AKS#1005).
func checkWindowsProfile(mc *armcontainerservice.ManagedCluster, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isWindows(p) || mc == nil || mc.Properties == nil || mc.Properties.WindowsProfile != nil {
		return nil
	}
	return badRequest(codeWindowsProfileMissing, "osType", "Windows profile definition is missing for the cluster.")
}

// checkWindowsNetworkPlugin: Windows pools need Azure CNI; AKS's code and text
// (Azure/AKS#1101, #2839).
func checkWindowsNetworkPlugin(mc *armcontainerservice.ManagedCluster, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isWindows(p) || mc == nil || mc.Properties == nil || mc.Properties.NetworkProfile == nil {
		return nil
	}
	plugin := mc.Properties.NetworkProfile.NetworkPlugin
	if !isSet(plugin) || equalFoldPtr(plugin, armcontainerservice.NetworkPluginAzure) {
		return nil
	}
	return badRequest(codeAzureCNIOnlyForWindows, "osType", "Windows agent pools can only be added to AKS clusters using Azure-CNI.")
}
