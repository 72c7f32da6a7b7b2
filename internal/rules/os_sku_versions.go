package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The Kubernetes versions each versioned OS SKU supports, and Ubuntu 24.04's FIPS limit.
const sourceOSVersions = `the AKS docs "Upgrade operating system (OS) versions in AKS", Supported OS versions (https://learn.microsoft.com/azure/aks/upgrade-os-version)`

// osSKUMinors are the Kubernetes minors (1.x) a pinned OS version is offered for. Ubuntu and
// AzureLinux follow the Kubernetes version and are offered on all; Windows2019's end at 1.33 is
// checkWindowsOSSKUVersion's.
var osSKUMinors = map[string]struct{ first, last int }{
	OSSKUUbuntu2204:  {25, 33},
	OSSKUUbuntu2404:  {32, 38},
	OSSKUAzureLinux3: {28, 36},
	OSSKUWindows2022: {23, 34},
}

func checkOSSKUConfigVersion(_ context.Context, base path.Path, p Pool, _ *vmsizes.Size) diag.Diagnostics {
	v, ok := configuredVersion(p)
	if !ok {
		return nil
	}
	return checkOSSKUVersion(base, p, v, "orchestrator_version")
}

func checkOSSKURunningVersion(_ context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, _ *vmsizes.Size) diag.Diagnostics {
	if !p.OrchestratorVersion.IsNull() {
		return nil
	}
	v, from, ok := runningVersion(current, c)
	if !ok {
		return nil
	}
	return checkOSSKUVersion(base, p, v, from)
}

// checkOSSKUVersion: a pinned OS version exists only for the Kubernetes minors AKS lists for it.
func checkOSSKUVersion(base path.Path, p Pool, v Version, from string) diag.Diagnostics {
	if !isSet(p.OSSKU) || v.Major != 1 {
		return nil
	}
	sku := p.OSSKU.ValueString()
	r, ok := osSKUMinors[sku]
	if !ok || (v.Minor >= r.first && v.Minor <= r.last) {
		return nil
	}
	at := base.AtName("os_sku")
	fix := fmt.Sprintf("use Kubernetes 1.%d to 1.%d with this OS SKU, or an OS SKU that follows the Kubernetes version (%q or %q).", r.first, r.last, OSSKUUbuntu, OSSKUAzureLinux)
	if sku == OSSKUWindows2022 {
		fix = fmt.Sprintf("use Kubernetes 1.%d to 1.%d for Windows Server 2022 pools.", r.first, r.last)
	}
	return diag.Diagnostics{ruleError(at, "OS SKU not offered for this Kubernetes version",
		explain(fmt.Sprintf("%s = %q with Kubernetes %s (%s).", shown(at), sku, v, from),
			fmt.Sprintf("%s is supported in Kubernetes 1.%d to 1.%d", sku, r.first, r.last),
			sourceOSVersions, fix))}
}

// checkUbuntu2404FIPS: FIPS images aren't offered for Ubuntu 24.04.
func checkUbuntu2404FIPS(_ context.Context, base path.Path, p Pool, _ *vmsizes.Size) diag.Diagnostics {
	if !isTrue(p.FIPSEnabled) || stringOr(p.OSSKU, "") != OSSKUUbuntu2404 {
		return nil
	}
	at := base.AtName("fips_enabled")
	return diag.Diagnostics{ruleError(at, "FIPS is not supported on Ubuntu 24.04",
		explain(fmt.Sprintf("%s = true with os_sku = %q.", shown(at), OSSKUUbuntu2404),
			"FIPS isn't supported on Ubuntu 24.04 node images",
			sourceOSVersions,
			fmt.Sprintf(`use os_sku = %q or %q for FIPS nodes, or %s = false.`, OSSKUUbuntu2204, OSSKUAzureLinux, shown(at))))}
}
