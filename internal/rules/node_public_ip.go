package rules

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The node networking settings of a pool (node public IPs, node_network_profile, the Windows
// outbound NAT, LocalDNS) and the rules that need no live cluster.

// Resource types of the node networking IDs (REST API 2025-10-01, x-ms-arm-id-details).
const (
	PublicIPPrefixResourceType           = "Microsoft.Network/publicIPPrefixes"
	ApplicationSecurityGroupResourceType = "Microsoft.Network/applicationSecurityGroups"
)

// Where the node networking rules come from.
const (
	sourceNodePublicIPs = `the AKS docs "Use instance-level public IPs in AKS" (https://learn.microsoft.com/azure/aks/use-node-public-ips)`
	sourceHostPorts     = `the AKS docs "Use instance-level public IPs in AKS", "Allow host port connections and add node pools to application security groups" (https://learn.microsoft.com/azure/aks/use-node-public-ips#allow-host-port-connections-and-add-node-pools-to-application-security-groups)`
	sourceOutboundNAT   = `the AKS docs "Use a managed NAT gateway", "Disable OutboundNAT for Windows" (https://learn.microsoft.com/azure/aks/nat-gateway#disable-outboundnat-for-windows) and the REST API 2025-10-01 (AgentPoolWindowsProfile.disableOutboundNat)`
	sourceLocalDNS      = `the AKS docs "Configure LocalDNS in AKS" (https://learn.microsoft.com/azure/aks/localdns-custom)`
)

// PoolNetwork is the node networking configuration of a pool. Null means unset; nil collections
// mean unset or unknown (rules needing them don't run).
type PoolNetwork struct {
	NodePublicIPEnabled  types.Bool // null: false
	NodePublicIPPrefixID types.String
	// AllowedHostPorts are node_network_profile.allowed_host_ports, in configuration order.
	AllowedHostPorts []PortRange
	// NodeNetworkProfileSet is true when node_network_profile has any of its settings
	// (allowed host ports, application security groups or public IP tags).
	NodeNetworkProfileSet bool
	// NodePublicIPTagsSet is true when node_network_profile.node_public_ip_tags has tags.
	NodePublicIPTagsSet bool
	// WindowsOutboundNATEnabled is windows_profile.outbound_nat_enabled (null: true, AKS's default).
	WindowsOutboundNATEnabled types.Bool
	// LocalDNS is local_dns_profile, nil when unset or unknown.
	LocalDNS *LocalDNSProfile
}

// PortRange is one of node_network_profile.allowed_host_ports.
type PortRange struct {
	PortStart types.Int64
	PortEnd   types.Int64
	Protocol  types.String
}

// PublicIPPrefixID validates a public IP prefix ARM ID.
func PublicIPPrefixID() validator.String {
	return ResourceIDOfType(PublicIPPrefixResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/publicIPPrefixes/prefix1")
}

// ApplicationSecurityGroupID validates an application security group ARM ID.
func ApplicationSecurityGroupID() validator.String {
	return ResourceIDOfType(ApplicationSecurityGroupResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/applicationSecurityGroups/asg1")
}

// checkPoolNetwork runs the node networking rules that need no live cluster.
func checkPoolNetwork(_ context.Context, base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkNodePublicIPPrefix(base, p)...)
	diags.Append(checkAllowedHostPorts(base, p)...)
	diags.Append(checkWindowsOutboundNAT(base, p)...)
	diags.Append(checkLocalDNS(base, p, size)...)
	if v, ok := configuredVersion(p); ok {
		diags.Append(checkNetworkVersions(base, p, v, "orchestrator_version")...)
	}
	return diags
}

// checkNodePublicIPPrefix: node_public_ip_prefix_id gives the nodes' public IPs from a prefix,
// so it needs node_public_ip_enabled = true (the docs pass --node-public-ip-prefix-id together
// with --enable-node-public-ip).
func checkNodePublicIPPrefix(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.NodePublicIPPrefixID) || p.NodePublicIPEnabled.IsUnknown() || isTrue(p.NodePublicIPEnabled) {
		return nil
	}
	at := base.AtName("node_public_ip_prefix_id")
	enabled := shown(base.AtName("node_public_ip_enabled"))
	return diag.Diagnostics{ruleError(at, "Public IP prefix without node public IPs",
		explain(fmt.Sprintf("%s is set, but %s is not true, so the nodes get no public IP to take from the prefix.", shown(at), enabled),
			"the nodes take their public IPs from node_public_ip_prefix_id only when node public IPs are enabled",
			sourceNodePublicIPs,
			fmt.Sprintf("set %s = true, or remove %s.", enabled, shown(at))))}
}

// checkNetworkVersions: allowed host ports, application security groups and node public IP tags
// need Kubernetes 1.29 or later, and LocalDNS 1.31 or later. v is the version the pool runs,
// from names where it comes from.
func checkNetworkVersions(base path.Path, p Pool, v Version, from string) diag.Diagnostics {
	var diags diag.Diagnostics
	if p.NodeNetworkProfileSet && v.Less(Version{Major: 1, Minor: 29}) {
		at := base.AtName("node_network_profile")
		diags.Append(ruleError(at, "node_network_profile needs Kubernetes 1.29 or later",
			explain(fmt.Sprintf("%s is set, but the pool runs Kubernetes %s (%s).", shown(at), v, from),
				"allowed host ports, application security groups and node public IP tags need AKS version 1.29 or later",
				sourceHostPorts,
				"run the pool on Kubernetes 1.29 or later, or remove "+shown(at)+".")))
	}
	if l := p.LocalDNS; l != nil && !l.disabled() && v.Less(Version{Major: 1, Minor: 31}) {
		at := base.AtName("local_dns_profile")
		diags.Append(ruleError(at, "LocalDNS needs Kubernetes 1.31 or later",
			explain(fmt.Sprintf("%s is set (mode %s), but the pool runs Kubernetes %s (%s).", shown(at), l.mode(), v, from),
				"LocalDNS is not supported before Kubernetes 1.31, in any mode",
				sourceLocalDNS,
				"run the pool on Kubernetes 1.31 or later, or remove "+shown(at)+".")))
	}
	return diags
}

// checkPoolNetworkInCluster runs the node networking rules that need the live cluster: the
// cluster's outbound type for the Windows outbound NAT, and the version rules for a pool whose
// orchestrator_version is unset.
func checkPoolNetworkInCluster(_ context.Context, base path.Path, p Pool, current *ExistingPool, c Cluster, _ *vmsizes.Size) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkWindowsOutboundNATCluster(base, p, c)...)
	if p.OrchestratorVersion.IsNull() {
		if v, from, ok := runningVersion(current, c); ok {
			diags.Append(checkNetworkVersions(base, p, v, from)...)
		}
	}
	return diags
}
