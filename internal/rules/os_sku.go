package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkOSSKUMatchesOSType: Linux SKUs only with os_type Linux, Windows SKUs only with Windows.
func checkOSSKUMatchesOSType(base path.Path, p Pool) diag.Diagnostics {
	if anyUnknown(p.OSSKU, p.OSType) || p.OSSKU.IsNull() {
		return nil
	}
	sku, os := p.OSSKU.ValueString(), osType(p)
	var allowed []string
	switch os {
	case OSTypeLinux:
		allowed = LinuxOSSKUs
	case OSTypeWindows:
		allowed = WindowsOSSKUs
	default:
		return nil // the schema's OneOf reports an unknown os_type
	}
	if slices.Contains(allowed, sku) {
		return nil
	}
	if !slices.Contains(LinuxOSSKUs, sku) && !slices.Contains(WindowsOSSKUs, sku) {
		return nil // not an OS SKU at all: the schema's OneOf reports it
	}
	at := base.AtName("os_sku")
	return diag.Diagnostics{ruleError(at, "OS SKU does not match the OS type",
		explain(fmt.Sprintf("%s = %q is not a %s OS SKU, and os_type is %q.", shown(at), sku, os, os),
			fmt.Sprintf("Linux pools take os_sku %s; Windows pools take %s", strings.Join(LinuxOSSKUs, ", "), strings.Join(WindowsOSSKUs, ", ")),
			sourceAPI+", osSKU",
			fmt.Sprintf("set %s to one of %s, or change os_type.", shown(at), strings.Join(allowed, ", "))))}
}

// windows2019Gone is the first Kubernetes version without Windows Server 2019 node pools.
var windows2019Gone = MustParseVersion("1.33")

// checkWindowsOSSKUVersion: Windows Server 2019 node pools are not supported
// from Kubernetes 1.33. from names where the version came from, for the message.
func checkWindowsOSSKUVersion(base path.Path, p Pool, v Version, from string) diag.Diagnostics {
	if anyUnknown(p.OSSKU) || stringOr(p.OSSKU, "") != OSSKUWindows2019 || v.Less(windows2019Gone) {
		return nil
	}
	at := base.AtName("os_sku")
	return diag.Diagnostics{ruleError(at, "Windows Server 2019 is not supported on this Kubernetes version",
		explain(fmt.Sprintf("%s = %q with Kubernetes %s (%s).", shown(at), OSSKUWindows2019, v, from),
			"Windows Server 2019 node pools are not supported on Kubernetes 1.33 and later (Windows Server 2019 is retired on AKS)",
			sourceWindowsFAQ+"; "+sourceWindowsOSSKUChange,
			fmt.Sprintf(`use os_sku = %q, or Kubernetes 1.32 or earlier.`, OSSKUWindows2022)))}
}
