package aks

// local_dns_profile: LocalDNS, the per-node DNS proxy of a pool (REST API 2025-10-01
// LocalDNSProfile; "Configure LocalDNS in AKS", localdns-custom.md). Model, schema and docs;
// conversions in pool_local_dns_convert.go.
//
// It changes in place: `az aks nodepool update --localdns-config` applies a new configuration
// to an existing pool, and AKS reimages the pool's nodes for it (localdns-custom.md). Removing the
// attribute sends mode Disabled, the documented way to turn LocalDNS off.

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// poolLocalDNS is the LocalDNS setting of aks_node_pool and default_node_pool.
type poolLocalDNS struct {
	LocalDNSProfile types.Object `tfsdk:"local_dns_profile"`
}

// localDNSProfileModel is the local_dns_profile object.
type localDNSProfileModel struct {
	Mode             types.String `tfsdk:"mode"`
	KubeDNSOverrides types.Map    `tfsdk:"kube_dns_overrides"`
	VnetDNSOverrides types.Map    `tfsdk:"vnet_dns_overrides"`
}

// localDNSOverrideModel is one zone of an override map.
type localDNSOverrideModel struct {
	QueryLogging                types.String `tfsdk:"query_logging"`
	Protocol                    types.String `tfsdk:"protocol"`
	ForwardDestination          types.String `tfsdk:"forward_destination"`
	ForwardPolicy               types.String `tfsdk:"forward_policy"`
	MaxConcurrent               types.Int64  `tfsdk:"max_concurrent"`
	CacheDurationInSeconds      types.Int64  `tfsdk:"cache_duration_in_seconds"`
	ServeStaleDurationInSeconds types.Int64  `tfsdk:"serve_stale_duration_in_seconds"`
	ServeStale                  types.String `tfsdk:"serve_stale"`
}

var (
	localDNSOverrideAttrTypes = map[string]attr.Type{
		"query_logging":                   types.StringType,
		"protocol":                        types.StringType,
		"forward_destination":             types.StringType,
		"forward_policy":                  types.StringType,
		"max_concurrent":                  types.Int64Type,
		"cache_duration_in_seconds":       types.Int64Type,
		"serve_stale_duration_in_seconds": types.Int64Type,
		"serve_stale":                     types.StringType,
	}
	localDNSOverrideType     = types.ObjectType{AttrTypes: localDNSOverrideAttrTypes}
	localDNSProfileAttrTypes = map[string]attr.Type{
		"mode":               types.StringType,
		"kube_dns_overrides": types.MapType{ElemType: localDNSOverrideType},
		"vnet_dns_overrides": types.MapType{ElemType: localDNSOverrideType},
	}
)

// localDNSZoneDoc ends the documentation of every per-zone setting.
const localDNSZoneDoc = " When unset, AKS's default applies and is recorded here."

// localDNSDocs document local_dns_profile (merged into nodePoolDocs).
var localDNSDocs = map[string]string{
	"local_dns_profile": "LocalDNS: a DNS proxy on each node that caches and forwards the pods' and kubelet's DNS queries " +
		"([Configure LocalDNS](https://learn.microsoft.com/azure/aks/localdns-custom)). Needs Kubernetes 1.31 or later and a Linux pool (Azure Linux, or Ubuntu 22.04 and newer); " +
		"Microsoft lists 4 vCPUs as a prerequisite, which is warned about, not refused. " +
		"Changed in place: AKS reimages the pool's nodes to apply it. Removing the attribute turns LocalDNS off (mode `Disabled`).",
	"local_dns_profile.mode": "How LocalDNS is enabled: " + rules.MarkdownOneOf(rules.LocalDNSModes...) + ". `Required` installs and enforces it; `Preferred` (AKS's default) " +
		"validates the configuration without installing it; `Disabled` turns it off. Defaults to `Preferred`.",
	"local_dns_profile.kube_dns_overrides": "Settings for the DNS traffic of pods with `dnsPolicy: ClusterFirst`, keyed by DNS zone (`.` for every zone, `cluster.local`, or a domain such as `example.com`).",
	"local_dns_profile.vnet_dns_overrides": "Settings for the DNS traffic of pods with `dnsPolicy: Default` and of the kubelet, keyed by DNS zone. " +
		"The root zone `.` can't forward to `ClusterCoreDNS` here.",
	"local_dns_profile.zone.query_logging":                   "Logging of DNS queries: " + rules.MarkdownOneOf(rules.LocalDNSQueryLoggings...) + "." + localDNSZoneDoc,
	"local_dns_profile.zone.protocol":                        "Protocol to the upstream DNS server: " + rules.MarkdownOneOf(rules.LocalDNSProtocols...) + "." + localDNSZoneDoc,
	"local_dns_profile.zone.forward_destination":             "Where queries are forwarded: " + rules.MarkdownOneOf(rules.LocalDNSForwardDestinations...) + "; `cluster.local` can't forward to `VnetDNS`." + localDNSZoneDoc,
	"local_dns_profile.zone.forward_policy":                  "How the upstream DNS server is picked: " + rules.MarkdownOneOf(rules.LocalDNSForwardPolicies...) + "." + localDNSZoneDoc,
	"local_dns_profile.zone.max_concurrent":                  "Most concurrent queries." + localDNSZoneDoc,
	"local_dns_profile.zone.cache_duration_in_seconds":       "Maximum TTL of cached answers, in seconds." + localDNSZoneDoc,
	"local_dns_profile.zone.serve_stale_duration_in_seconds": "How long stale answers may be served, in seconds." + localDNSZoneDoc,
	"local_dns_profile.zone.serve_stale":                     "Serving stale answers: " + rules.MarkdownOneOf(rules.LocalDNSServeStales...) + "; not `Verify` with protocol `ForceTCP`." + localDNSZoneDoc,
}

// poolLocalDNSAttributes declare local_dns_profile for a pool of kind k: AKS configures it per
// pool, System pools included (az aks create --localdns-config).
func poolLocalDNSAttributes(poolKind) map[string]schema.Attribute {
	zone := schema.NestedAttributeObject{Attributes: localDNSZoneAttributes()}
	return map[string]schema.Attribute{
		"local_dns_profile": schema.SingleNestedAttribute{
			Optional: true, MarkdownDescription: localDNSDocs["local_dns_profile"],
			Attributes: map[string]schema.Attribute{
				"mode": schema.StringAttribute{
					Optional: true, Computed: true, MarkdownDescription: localDNSDocs["local_dns_profile.mode"],
					Default: stringdefault.StaticString(rules.LocalDNSModeDefault), Validators: []validator.String{stringvalidator.OneOf(rules.LocalDNSModes...)},
				},
				"kube_dns_overrides": schema.MapNestedAttribute{
					Optional: true, MarkdownDescription: localDNSDocs["local_dns_profile.kube_dns_overrides"], NestedObject: zone,
				},
				"vnet_dns_overrides": schema.MapNestedAttribute{
					Optional: true, MarkdownDescription: localDNSDocs["local_dns_profile.vnet_dns_overrides"], NestedObject: zone,
				},
			},
		},
	}
}

// localDNSZoneAttributes are the settings of one zone: optional, recorded from AKS when unset.
func localDNSZoneAttributes() map[string]schema.Attribute {
	str := func(name string, values []string) schema.StringAttribute {
		return schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: localDNSDocs["local_dns_profile.zone."+name],
			Validators:    []validator.String{stringvalidator.OneOf(values...)},
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		}
	}
	num := func(name string) schema.Int64Attribute {
		return schema.Int64Attribute{
			Optional: true, Computed: true, MarkdownDescription: localDNSDocs["local_dns_profile.zone."+name],
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		}
	}
	return map[string]schema.Attribute{
		"query_logging":                   str("query_logging", rules.LocalDNSQueryLoggings),
		"protocol":                        str("protocol", rules.LocalDNSProtocols),
		"forward_destination":             str("forward_destination", rules.LocalDNSForwardDestinations),
		"forward_policy":                  str("forward_policy", rules.LocalDNSForwardPolicies),
		"max_concurrent":                  num("max_concurrent"),
		"cache_duration_in_seconds":       num("cache_duration_in_seconds"),
		"serve_stale_duration_in_seconds": num("serve_stale_duration_in_seconds"),
		"serve_stale":                     str("serve_stale", rules.LocalDNSServeStales),
	}
}
