package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	testPrefixID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/publicIPPrefixes/prefix1"
	testASGID    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/applicationSecurityGroups/asg1"
)

func TestCheckNodePublicIPPrefix(t *testing.T) {
	prefix := with(userPool(), func(p *Pool) { p.NodePublicIPPrefixID = str(testPrefixID) })
	expectDiags(t, checkNodePublicIPPrefix(path.Empty(), userPool()))
	expectDiags(t, checkNodePublicIPPrefix(path.Empty(), with(prefix, func(p *Pool) { p.NodePublicIPEnabled = flag(true) })))
	expectDiags(t, checkNodePublicIPPrefix(path.Empty(), with(prefix, func(p *Pool) { p.NodePublicIPEnabled = types.BoolUnknown() })))
	expectDiags(t, checkNodePublicIPPrefix(path.Empty(), prefix),
		errAt("node_public_ip_prefix_id", "Public IP prefix without node public IPs", "node_public_ip_enabled is not true", "set node_public_ip_enabled = true"))
	expectDiags(t, checkNodePublicIPPrefix(path.Root("default_node_pool"), with(prefix, func(p *Pool) { p.NodePublicIPEnabled = flag(false) })),
		errAt("default_node_pool.node_public_ip_prefix_id", "Public IP prefix without node public IPs", "default_node_pool.node_public_ip_enabled"))
}

func TestNodeNetworkIDValidators(t *testing.T) {
	testStringValidator(t, PublicIPPrefixID(), "node_public_ip_prefix_id", []stringCase{
		{value: testPrefixID},
		{value: testASGID, wantSummary: "Invalid Microsoft.Network/publicIPPrefixes ID", contains: []string{"applicationSecurityGroups"}},
	})
	testStringValidator(t, ApplicationSecurityGroupID(), "application_security_group_ids", []stringCase{
		{value: testASGID},
		{value: testPrefixID, wantSummary: "Invalid Microsoft.Network/applicationSecurityGroups ID", contains: []string{"publicIPPrefixes"}},
	})
}

func TestCheckNetworkVersions(t *testing.T) {
	ports := with(userPool(), func(p *Pool) { p.NodeNetworkProfileSet = true })
	dns := with(userPool(), func(p *Pool) { p.LocalDNS = &LocalDNSProfile{Mode: str("Required")} })
	off := with(userPool(), func(p *Pool) { p.LocalDNS = &LocalDNSProfile{Mode: str("Disabled")} })
	v := func(s string) Version { return MustParseVersion(s) }
	expectDiags(t, checkNetworkVersions(path.Empty(), ports, v("1.29"), "orchestrator_version"))
	expectDiags(t, checkNetworkVersions(path.Empty(), ports, v("1.28.15"), "orchestrator_version"),
		errAt("node_network_profile", "node_network_profile needs Kubernetes 1.29 or later", "1.28.15"))
	expectDiags(t, checkNetworkVersions(path.Empty(), dns, v("1.31.1"), "orchestrator_version"))
	expectDiags(t, checkNetworkVersions(path.Empty(), off, v("1.30"), "orchestrator_version"))
	expectDiags(t, checkNetworkVersions(path.Empty(), dns, v("1.30"), "orchestrator_version"),
		errAt("local_dns_profile", "LocalDNS needs Kubernetes 1.31 or later", "mode Required", "1.30"))

	// Through the entry points: the configured version, else the cluster's.
	pinned := with(dns, func(p *Pool) { p.OrchestratorVersion = str("1.30") })
	expectDiags(t, checkPoolNetwork(context.Background(), path.Empty(), pinned, nil),
		errAt("local_dns_profile", "LocalDNS needs Kubernetes 1.31 or later", "(orchestrator_version)"))
	old := demoCluster()
	old.KubernetesVersion = "1.30.4"
	expectDiags(t, checkPoolNetworkInCluster(context.Background(), path.Empty(), dns, nil, old, nil),
		errAt("local_dns_profile", "LocalDNS needs Kubernetes 1.31 or later", "control plane's version"))
	expectDiags(t, checkPoolNetworkInCluster(context.Background(), path.Empty(), pinned, nil, old, nil)) // checked without the cluster
	expectDiags(t, checkPoolNetworkInCluster(context.Background(), path.Empty(), dns, nil, demoCluster(), nil))
}
