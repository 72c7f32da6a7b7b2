package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckOSSKUMatchesOSType(t *testing.T) {
	tests := []struct {
		name        string
		osType, sku types.String
		wants       []want
	}{
		{"azure linux", types.StringNull(), str("AzureLinux"), nil},
		{"ubuntu2404 on linux", str("Linux"), str("Ubuntu2404"), nil},
		{"windows2022", str("Windows"), str("Windows2022"), nil},
		{"no sku", str("Windows"), types.StringNull(), nil},
		{"windows sku on default linux", types.StringNull(), str("Windows2022"),
			[]want{errAt("os_sku", "OS SKU does not match the OS type", `os_sku = "Windows2022" is not a Linux OS SKU`, "Ubuntu, Ubuntu2204")}},
		{"linux sku on windows", str("Windows"), str("Ubuntu"),
			[]want{errAt("os_sku", "OS SKU does not match the OS type", `"Ubuntu" is not a Windows OS SKU`, "Windows2019, Windows2022")}},
		{"not an OS SKU at all (schema's)", str("Linux"), str("Flatcar"), nil},
		{"unknown sku", str("Windows"), types.StringUnknown(), nil},
		{"odd os type (schema's)", str("Plan9"), str("Ubuntu"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := with(userPool(), func(p *Pool) { p.OSType, p.OSSKU = tt.osType, tt.sku })
			expectDiags(t, checkOSSKUMatchesOSType(path.Empty(), p), tt.wants...)
		})
	}
}

func TestCheckWindowsOSSKUVersion(t *testing.T) {
	win2019 := with(userPool(), func(p *Pool) { p.OSType, p.OSSKU = str("Windows"), str("Windows2019") })
	expectDiags(t, checkWindowsOSSKUVersion(path.Empty(), win2019, MustParseVersion("1.32.7"), "orchestrator_version"))
	expectDiags(t, checkWindowsOSSKUVersion(path.Empty(), win2019, MustParseVersion("1.33"), "orchestrator_version"),
		errAt("os_sku", "Windows Server 2019 is not supported on this Kubernetes version", "Kubernetes 1.33 (orchestrator_version)", `os_sku = "Windows2022"`, "1.32 or earlier"))
	win2022 := with(win2019, func(p *Pool) { p.OSSKU = str("Windows2022") })
	expectDiags(t, checkWindowsOSSKUVersion(path.Empty(), win2022, MustParseVersion("1.34.0"), "orchestrator_version"))
}
