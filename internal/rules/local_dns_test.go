package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// exampleLocalDNS is the profile of Microsoft's AgentPoolsCreate_LocalDNS example.
func exampleLocalDNS() *LocalDNSProfile {
	return &LocalDNSProfile{
		Mode: str("Required"),
		VnetDNSOverrides: map[string]LocalDNSOverride{
			"example.com": {Protocol: str("PreferUDP"), ForwardDestination: str("VnetDNS"), ServeStale: str("Immediate")},
		},
		KubeDNSOverrides: map[string]LocalDNSOverride{
			"cluster.local": {Protocol: str("PreferUDP"), ForwardDestination: str("ClusterCoreDNS"), ServeStale: str("Verify")},
		},
	}
}

func TestCheckLocalDNS(t *testing.T) {
	pool := func(l *LocalDNSProfile) Pool { return with(userPool(), func(p *Pool) { p.LocalDNS = l }) }
	d4 := embeddedSize(t, "Standard_D4s_v3")
	expectDiags(t, checkLocalDNS(path.Empty(), userPool(), nil))
	expectDiags(t, checkLocalDNS(path.Empty(), pool(exampleLocalDNS()), &d4))

	// Microsoft's example runs on Standard_DS2_v2 (2 vCPUs): a warning, not an error.
	ds2 := embeddedSize(t, "Standard_DS2_v2")
	expectDiags(t, checkLocalDNS(path.Empty(), pool(exampleLocalDNS()), &ds2),
		warnAt("local_dns_profile.mode", "VM size below LocalDNS's 4 vCPUs", "Standard_DS2_v2 has 2 vCPUs"))
	preferred := exampleLocalDNS()
	preferred.Mode = types.StringNull()
	expectDiags(t, checkLocalDNS(path.Empty(), pool(preferred), &ds2))

	windows := with(pool(exampleLocalDNS()), func(p *Pool) { p.OSType = str(OSTypeWindows) })
	expectDiags(t, checkLocalDNS(path.Empty(), windows, nil),
		errAt("local_dns_profile", "LocalDNS is not supported on Windows pools", "Azure Linux or Ubuntu 22.04"))
	expectDiags(t, checkLocalDNS(path.Empty(), with(windows, func(p *Pool) { p.LocalDNS = &LocalDNSProfile{Mode: str("Disabled")} }), nil))

	bad := &LocalDNSProfile{
		VnetDNSOverrides: map[string]LocalDNSOverride{
			".":             {ForwardDestination: str("ClusterCoreDNS")},
			"cluster.local": {ForwardDestination: str("VnetDNS")},
		},
		KubeDNSOverrides: map[string]LocalDNSOverride{
			".":             {ForwardDestination: str("ClusterCoreDNS")}, // allowed under kubeDNS
			"cluster.local": {ForwardDestination: str("VnetDNS"), Protocol: str("ForceTCP"), ServeStale: str("Verify")},
			"example.com":   {Protocol: str("ForceTCP"), ServeStale: types.StringNull()},
		},
	}
	expectDiags(t, checkLocalDNS(path.Root("default_node_pool"), pool(bad), nil),
		errAt(`default_node_pool.local_dns_profile.vnet_dns_overrides["."].forward_destination`, "Invalid LocalDNS zone setting", `root zone "." can't forward to ClusterCoreDNS`),
		errAt(`default_node_pool.local_dns_profile.vnet_dns_overrides["cluster.local"].forward_destination`, "Invalid LocalDNS zone setting", `"cluster.local" zone can't forward to VnetDNS`),
		errAt(`default_node_pool.local_dns_profile.kube_dns_overrides["cluster.local"].forward_destination`, "Invalid LocalDNS zone setting", `"cluster.local" zone can't forward to VnetDNS`),
		errAt(`default_node_pool.local_dns_profile.kube_dns_overrides["cluster.local"].serve_stale`, "Invalid LocalDNS zone setting", `ForceTCP`, `serve_stale = "Immediate"`),
	)
}
