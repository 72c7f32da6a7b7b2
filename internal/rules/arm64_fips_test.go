package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

func TestCheckArm64FIPS(t *testing.T) {
	arm := embeddedSize(t, "Standard_D2pds_v5")
	x64 := embeddedSize(t, "Standard_DS2_v2")
	fips := with(userPool(), func(p *Pool) { p.FIPSEnabled = flag(true) })
	azl := func(sku, version string) Pool {
		return with(fips, func(p *Pool) {
			p.OSSKU = str(sku)
			if version != "" {
				p.OrchestratorVersion = str(version)
			}
		})
	}
	v130, v132 := MustParseVersion("1.30.14"), MustParseVersion("1.32.7")
	tests := []struct {
		name        string
		pool        Pool
		size        vmsizes.Size
		running     *Version
		runningFrom string
		wants       []want
	}{
		{"x64 with fips", fips, x64, nil, "", nil},
		{"arm64 without fips", userPool(), arm, nil, "", nil},
		{"arm64 fips on default ubuntu", fips, arm, nil, "",
			[]want{errAt("fips_enabled", "FIPS is not supported on ARM64 with this OS SKU", `os_sku "Ubuntu"`, "Azure Linux (os_sku AzureLinux or AzureLinux3) on Kubernetes 1.31 or later", "enable-fips-nodes", `os_sku = "AzureLinux3"`)}},
		{"arm64 fips on ubuntu2204", azl("Ubuntu2204", "1.32"), arm, nil, "",
			[]want{errAt("fips_enabled", "FIPS is not supported on ARM64 with this OS SKU", `os_sku "Ubuntu2204"`)}},
		{"arm64 fips azure linux 1.31", azl("AzureLinux", "1.31"), arm, nil, "", nil},
		{"arm64 fips azure linux 3 1.33.3", azl("AzureLinux3", "1.33.3"), arm, nil, "", nil},
		{"arm64 fips azure linux 1.30", azl("AzureLinux3", "1.30.14"), arm, nil, "",
			[]want{errAt("fips_enabled", "FIPS on ARM64 needs Kubernetes 1.31 or later", "Kubernetes 1.30.14 (orchestrator_version)", "create-node-pools#arm64-node-pools")}},
		{"version unset, none known yet", azl("AzureLinux3", ""), arm, nil, "", nil},
		{"version unset, running 1.30", azl("AzureLinux3", ""), arm, &v130, "the control plane's version",
			[]want{errAt("fips_enabled", "FIPS on ARM64 needs Kubernetes 1.31 or later", "Kubernetes 1.30.14 (the control plane's version)")}},
		{"version unset, running 1.32", azl("AzureLinux3", ""), arm, &v132, "the control plane's version", nil},
		{"version unknown", with(azl("AzureLinux3", ""), func(p *Pool) { p.OrchestratorVersion = types.StringUnknown() }), arm, &v130, "x", nil},
		{"fips unknown", with(fips, func(p *Pool) { p.FIPSEnabled = types.BoolUnknown() }), arm, nil, "", nil},
		{"windows is checkArm64's", with(fips, func(p *Pool) { p.OSType = str("Windows") }), arm, nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectDiags(t, checkArm64FIPS(path.Empty(), tt.pool, tt.size, tt.running, tt.runningFrom), tt.wants...)
		})
	}
}
