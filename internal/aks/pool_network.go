package aks

// Node networking of a pool: node public IPs (and their prefix), node_network_profile (allowed
// host ports, application security groups, public IP tags) and, for Windows pools only,
// windows_profile (OutboundNAT). Model, schema and docs; conversions are in
// pool_network_convert.go, LocalDNS in pool_local_dns*.go.
//
// What changes in place (az aks nodepool update takes --allowed-host-ports and --asg-ids, and
// nothing for node public IPs, their prefix or tags, nor for the Windows OutboundNAT, which
// the docs set "when creating new Windows agent pools"; use-node-public-ips.md, nat-gateway.md):
// allowed_host_ports and application_security_group_ids change in place; the rest replaces
// aks_node_pool and rotates default_node_pool.

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// poolNetwork is the node networking of aks_node_pool and default_node_pool.
type poolNetwork struct {
	NodePublicIPEnabled  types.Bool   `tfsdk:"node_public_ip_enabled"`
	NodePublicIPPrefixID types.String `tfsdk:"node_public_ip_prefix_id"`
	NodeNetworkProfile   types.Object `tfsdk:"node_network_profile"`
}

// nodePoolWindows is windows_profile: only aks_node_pool has it (the default pool is Linux).
type nodePoolWindows struct {
	WindowsProfile types.Object `tfsdk:"windows_profile"`
}

// nodeNetworkProfileModel is the node_network_profile object.
type nodeNetworkProfileModel struct {
	AllowedHostPorts            types.List `tfsdk:"allowed_host_ports"`
	ApplicationSecurityGroupIDs types.Set  `tfsdk:"application_security_group_ids"`
	NodePublicIPTags            types.Map  `tfsdk:"node_public_ip_tags"`
}

// hostPortModel is one of allowed_host_ports.
type hostPortModel struct {
	PortStart types.Int64  `tfsdk:"port_start"`
	PortEnd   types.Int64  `tfsdk:"port_end"`
	Protocol  types.String `tfsdk:"protocol"`
}

// poolWindowsProfileModel is the windows_profile object.
type poolWindowsProfileModel struct {
	OutboundNATEnabled types.Bool `tfsdk:"outbound_nat_enabled"`
}

var (
	hostPortAttrTypes = map[string]attr.Type{
		"port_start": types.Int64Type,
		"port_end":   types.Int64Type,
		"protocol":   types.StringType,
	}
	hostPortType                = types.ObjectType{AttrTypes: hostPortAttrTypes}
	nodeNetworkProfileAttrTypes = map[string]attr.Type{
		"allowed_host_ports":             types.ListType{ElemType: hostPortType},
		"application_security_group_ids": types.SetType{ElemType: types.StringType},
		"node_public_ip_tags":            types.MapType{ElemType: types.StringType},
	}
	windowsProfileAttrTypes = map[string]attr.Type{"outbound_nat_enabled": types.BoolType}
)

// networkDocs document the node networking attributes of aks_node_pool (merged into nodePoolDocs).
var networkDocs = map[string]string{
	"node_public_ip_enabled": "Whether each node gets its own instance-level public IP (for example for gaming workloads that connect to nodes directly). Defaults to false. " +
		"AKS can't change it on an existing pool (`az aks nodepool update` has no such option): a change replaces the node pool. " +
		"See [Use instance-level public IPs](https://learn.microsoft.com/azure/aks/use-node-public-ips).",
	"node_public_ip_prefix_id": "The ARM ID of a public IP prefix (`Microsoft.Network/publicIPPrefixes`) the nodes' public IPs are taken from. Needs `node_public_ip_enabled = true`. " +
		"A change replaces the node pool.",
	"node_network_profile": "Network settings of the pool's nodes (AKS 1.29 or later): host ports opened to the nodes, the application security groups the nodes join, and the tags of their public IPs.",
	"node_network_profile.allowed_host_ports": "Port ranges AKS allows to reach the nodes' host ports, through rules it adds to the cluster's network security group (ranges may overlap). " +
		"Changed in place (`az aks nodepool update --allowed-host-ports`).",
	"node_network_profile.allowed_host_ports.port_start": "First port of the range, 1-65535, at most `port_end`.",
	"node_network_profile.allowed_host_ports.port_end":   "Last port of the range, 1-65535, at least `port_start`; equal to `port_start` for a single port.",
	"node_network_profile.allowed_host_ports.protocol":   "The protocol: " + rules.MarkdownOneOf(rules.HostPortProtocols...) + ".",
	"node_network_profile.application_security_group_ids": "ARM IDs of application security groups (`Microsoft.Network/applicationSecurityGroups`) the nodes join, so that NSG rules can target this pool. " +
		"Changed in place (`az aks nodepool update --asg-ids`).",
	"node_network_profile.node_public_ip_tags": "IP tags of the nodes' instance-level public IPs, IP tag type to tag, for example `{ RoutingPreference = \"Internet\" }` " +
		"(the API's `nodePublicIPTags` list of `ipTagType`/`tag`). Only meaningful with `node_public_ip_enabled`. A change replaces the node pool.",
	"windows_profile": "Settings of Windows pools. AKS can't change them on an existing pool: a change replaces the node pool.",
	"windows_profile.outbound_nat_enabled": "Whether Windows nodes use OutboundNAT, AKS's default (true). This is the inverse of the API's `windowsProfile.disableOutboundNat`: " +
		"`false` disables OutboundNAT, which AKS allows only on Windows pools without node public IPs, in a cluster on Kubernetes 1.26 or later whose `outbound_type` is a NAT gateway " +
		"(`managedNATGateway`, `userAssignedNATGateway`) or `userDefinedRouting`, not `loadBalancer`. " +
		"See [Disable OutboundNAT for Windows](https://learn.microsoft.com/azure/aks/nat-gateway#disable-outboundnat-for-windows). A change replaces the node pool.",
}

// networkDefaultPoolDocs document default_node_pool where it differs: a change rotates the pool.
var networkDefaultPoolDocs = map[string]string{
	"node_public_ip_enabled": "Whether each node gets its own instance-level public IP. Defaults to false. AKS can't change it on an existing pool: a change rotates the pool.",
	"node_public_ip_prefix_id": "The ARM ID of a public IP prefix (`Microsoft.Network/publicIPPrefixes`) the nodes' public IPs are taken from. Needs `node_public_ip_enabled = true`. " +
		"A change rotates the pool.",
	"node_network_profile.node_public_ip_tags": "IP tags of the nodes' instance-level public IPs, IP tag type to tag, for example `{ RoutingPreference = \"Internet\" }`. A change rotates the pool.",
}

// networkDoc is the documentation of a node networking attribute for a pool of kind k.
func networkDoc(k poolKind, name string) string {
	if d, ok := networkDefaultPoolDocs[name]; ok && k == defaultPoolKind {
		return d
	}
	return networkDocs[name]
}

// poolNetworkAttributes declare the node networking attributes for a pool of kind k; AKS allows
// them on System pools too (az aks create --enable-node-public-ip, --nodepool-allowed-host-ports, ...).
func poolNetworkAttributes(k poolKind) map[string]schema.Attribute {
	port := []validator.Int64{int64validator.Between(rules.MinHostPort, rules.MaxHostPort)}
	doc := func(name string) string { return networkDoc(k, name) }
	return map[string]schema.Attribute{
		"node_public_ip_enabled": schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: doc("node_public_ip_enabled"), Default: booldefault.StaticBool(false),
		},
		"node_public_ip_prefix_id": schema.StringAttribute{
			Optional: true, MarkdownDescription: doc("node_public_ip_prefix_id"), Validators: []validator.String{rules.PublicIPPrefixID()},
		},
		"node_network_profile": schema.SingleNestedAttribute{
			Optional: true, MarkdownDescription: doc("node_network_profile"),
			Attributes: map[string]schema.Attribute{
				"allowed_host_ports": schema.ListNestedAttribute{
					Optional: true, MarkdownDescription: doc("node_network_profile.allowed_host_ports"),
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"port_start": schema.Int64Attribute{Required: true, MarkdownDescription: doc("node_network_profile.allowed_host_ports.port_start"), Validators: port},
						"port_end":   schema.Int64Attribute{Required: true, MarkdownDescription: doc("node_network_profile.allowed_host_ports.port_end"), Validators: port},
						"protocol": schema.StringAttribute{
							Required: true, MarkdownDescription: doc("node_network_profile.allowed_host_ports.protocol"),
							Validators: []validator.String{stringvalidator.OneOf(rules.HostPortProtocols...)},
						},
					}},
				},
				"application_security_group_ids": schema.SetAttribute{
					Optional: true, ElementType: types.StringType, MarkdownDescription: doc("node_network_profile.application_security_group_ids"),
					Validators: []validator.Set{setvalidator.ValueStringsAre(rules.ApplicationSecurityGroupID())},
				},
				"node_public_ip_tags": schema.MapAttribute{
					Optional: true, ElementType: types.StringType, MarkdownDescription: doc("node_network_profile.node_public_ip_tags"),
				},
			},
		},
	}
}

// nodePoolWindowsAttributes declare windows_profile, which only aks_node_pool has.
func nodePoolWindowsAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"windows_profile": schema.SingleNestedAttribute{
			Optional: true, MarkdownDescription: networkDocs["windows_profile"],
			Attributes: map[string]schema.Attribute{
				"outbound_nat_enabled": schema.BoolAttribute{
					Optional: true, Computed: true, MarkdownDescription: networkDocs["windows_profile.outbound_nat_enabled"], Default: booldefault.StaticBool(true),
				},
			},
		},
	}
}
