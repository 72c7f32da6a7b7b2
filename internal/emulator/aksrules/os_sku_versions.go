package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// The Kubernetes minors AKS offers each pinned OS version for (upgrade-os-version.md, Supported
// OS versions: Ubuntu2204 1.25-1.33, Ubuntu2404 1.32-1.38, AzureLinux3 1.28-1.36, Windows2022
// 1.23-1.34), and Ubuntu 24.04 without FIPS. Windows2019's end is checkWindowsOSSKUVersion's.
// Unverified texts and code.
var osSKUVersionRanges = map[armcontainerservice.OSSKU]struct{ first, last int }{
	armcontainerservice.OSSKUUbuntu2204:  {25, 33},
	armcontainerservice.OSSKUUbuntu2404:  {32, 38},
	armcontainerservice.OSSKUAzureLinux3: {28, 36},
	armcontainerservice.OSSKUWindows2022: {23, 34},
}

// checkNewPoolOSSKUVersion checks a new pool's OS SKU against its version (orchestratorVersion,
// else the control plane's).
func checkNewPoolOSSKUVersion(w World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	v := resolvedOrSelf(w, deref(p.OrchestratorVersion))
	if v.major == 0 {
		v = controlPlaneVersion(w, w.Cluster)
	}
	return checkOSSKUVersionRange(p, v)
}

// checkUpdatedPoolOSSKUVersion checks an update that changes the OS SKU or the version.
func checkUpdatedPoolOSSKUVersion(w World, _ string, old, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if deref(old.OSSKU) == deref(p.OSSKU) && deref(old.OrchestratorVersion) == deref(p.OrchestratorVersion) {
		return nil
	}
	return checkOSSKUVersionRange(p, resolvedOrSelf(w, deref(p.CurrentOrchestratorVersion)))
}

func checkOSSKUVersionRange(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, v kubeVersion) *Error {
	if p.OSSKU == nil || v.major != 1 {
		return nil
	}
	r, ok := osSKUVersionRanges[*p.OSSKU]
	if !ok || (v.minor >= r.first && v.minor <= r.last) {
		return nil
	}
	return badRequest(codeInvalidParameter, "osSKU",
		"OSSKU '%s' is not supported for Kubernetes version %s. It is supported for Kubernetes versions 1.%d to 1.%d.", *p.OSSKU, v, r.first, r.last)
}

// checkUbuntu2404FIPS: no FIPS image exists for Ubuntu 24.04.
func checkUbuntu2404FIPS(_ World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !equalFoldPtr(p.OSSKU, armcontainerservice.OSSKUUbuntu2404) || p.EnableFIPS == nil || !*p.EnableFIPS {
		return nil
	}
	return badRequest(codeInvalidParameter, "enableFIPS", "FIPS is not supported for OSSKU 'Ubuntu2404'.")
}
