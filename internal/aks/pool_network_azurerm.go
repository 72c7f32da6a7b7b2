package aks

// The node networking arguments of azurerm's node pool and default_node_pool, for the moved
// blocks (azurerm_state.go): azurerm uses the same names (node_public_ip_enabled,
// node_public_ip_prefix_id, node_network_profile, windows_profile.outbound_nat_enabled) as
// blocks of one object. azurerm has no LocalDNS: local_dns_profile starts null.

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// networkFromAzurerm reads the node networking of an azurerm pool.
func networkFromAzurerm(ctx context.Context, s azurermState) (poolNetwork, poolLocalDNS, diag.Diagnostics) {
	n := poolNetwork{
		NodePublicIPEnabled:  s.flag("node_public_ip_enabled", "enable_node_public_ip"),
		NodePublicIPPrefixID: s.str("node_public_ip_prefix_id"),
		NodeNetworkProfile:   types.ObjectNull(nodeNetworkProfileAttrTypes),
	}
	dns := poolLocalDNS{LocalDNSProfile: types.ObjectNull(localDNSProfileAttrTypes)}
	np := s.block("node_network_profile")
	if np == nil {
		return n, dns, nil
	}
	var diags diag.Diagnostics
	ports := types.ListNull(hostPortType)
	if list, _ := np["allowed_host_ports"].([]any); len(list) > 0 {
		values := make([]attr.Value, 0, len(list))
		for _, item := range list {
			r := azurermState{}
			if m, ok := item.(map[string]any); ok {
				r = m
			}
			values = append(values, types.ObjectValueMust(hostPortAttrTypes, map[string]attr.Value{
				"port_start": r.number("port_start"), "port_end": r.number("port_end"), "protocol": r.str("protocol"),
			}))
		}
		ports = types.ListValueMust(hostPortType, values)
	}
	asgs, d := np.set(ctx, "application_security_group_ids")
	diags.Append(d...)
	tags, d := np.stringMap(ctx, "node_public_ip_tags")
	diags.Append(d...)
	if ports.IsNull() && asgs.IsNull() && tags.IsNull() {
		return n, dns, diags
	}
	n.NodeNetworkProfile, d = types.ObjectValue(nodeNetworkProfileAttrTypes, map[string]attr.Value{
		"allowed_host_ports": ports, "application_security_group_ids": asgs, "node_public_ip_tags": tags,
	})
	diags.Append(d...)
	return n, dns, diags
}

// windowsFromAzurerm reads azurerm's windows_profile block of a node pool: null when absent or
// when it holds azurerm's default (OutboundNAT on), as a configuration without it means.
func windowsFromAzurerm(s azurermState) nodePoolWindows {
	w := s.block("windows_profile")
	if w == nil || w.flag("outbound_nat_enabled").ValueBool() {
		return nodePoolWindows{WindowsProfile: types.ObjectNull(windowsProfileAttrTypes)}
	}
	return nodePoolWindows{WindowsProfile: types.ObjectValueMust(windowsProfileAttrTypes, map[string]attr.Value{"outbound_nat_enabled": types.BoolValue(false)})}
}
