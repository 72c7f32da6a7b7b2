package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckOSSKUVersion(t *testing.T) {
	tests := []struct {
		name, sku, version string
		wants              []want
	}{
		{"Ubuntu2204 on 1.33", OSSKUUbuntu2204, "1.33.3", nil},
		{"Ubuntu2204 on 1.34", OSSKUUbuntu2204, "1.34.0",
			[]want{errAt("os_sku", "OS SKU not offered for this Kubernetes version", "Kubernetes 1.25 to 1.33", `"Ubuntu"`)}},
		{"Ubuntu2404 on 1.31", OSSKUUbuntu2404, "1.31.10", []want{errAt("os_sku", "OS SKU not offered for this Kubernetes version", "1.32 to 1.38")}},
		{"Ubuntu2404 on 1.32", OSSKUUbuntu2404, "1.32", nil},
		{"AzureLinux3 on 1.30", OSSKUAzureLinux3, "1.30.14", nil},
		{"AzureLinux3 on 1.37", OSSKUAzureLinux3, "1.37.0", []want{errAt("os_sku", "OS SKU not offered for this Kubernetes version", "1.28 to 1.36")}},
		{"Windows2022 on 1.35", OSSKUWindows2022, "1.35.0", []want{errAt("os_sku", "OS SKU not offered for this Kubernetes version", "Windows Server 2022")}},
		{"Ubuntu on anything", OSSKUUbuntu, "1.40.0", nil},
		{"AzureLinux on anything", OSSKUAzureLinux, "1.20.0", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := with(userPool(), func(p *Pool) { p.OSSKU, p.OrchestratorVersion = str(tt.sku), str(tt.version) })
			expectDiags(t, checkOSSKUConfigVersion(context.Background(), path.Empty(), p, nil), tt.wants...)
		})
	}
}

func TestCheckOSSKURunningVersion(t *testing.T) {
	p := with(userPool(), func(p *Pool) { p.OSSKU = str(OSSKUUbuntu2204) })
	c := demoCluster()
	c.KubernetesVersion = "1.34.0"
	expectDiags(t, checkOSSKURunningVersion(context.Background(), path.Empty(), p, nil, c, nil),
		errAt("os_sku", "OS SKU not offered for this Kubernetes version", "the control plane's version"))
	expectDiags(t, checkOSSKURunningVersion(context.Background(), path.Empty(), p, &ExistingPool{OrchestratorVersion: "1.33.3"}, c, nil))
	p.OrchestratorVersion = types.StringUnknown()
	expectDiags(t, checkOSSKURunningVersion(context.Background(), path.Empty(), p, nil, c, nil))
}

func TestCheckUbuntu2404FIPS(t *testing.T) {
	p := with(userPool(), func(p *Pool) { p.OSSKU, p.FIPSEnabled = str(OSSKUUbuntu2404), flag(true) })
	expectDiags(t, checkUbuntu2404FIPS(context.Background(), path.Empty(), p, nil), errAt("fips_enabled", "FIPS is not supported on Ubuntu 24.04", `"Ubuntu2204"`))
	p.OSSKU = str(OSSKUUbuntu2204)
	expectDiags(t, checkUbuntu2404FIPS(context.Background(), path.Empty(), p, nil))
}
