package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// The values of local_dns_profile (REST API 2025-10-01, LocalDNSProfile and LocalDNSOverride).
var (
	LocalDNSModes               = []string{"Preferred", "Required", "Disabled"}
	LocalDNSQueryLoggings       = []string{"Error", "Log"}
	LocalDNSProtocols           = []string{"PreferUDP", "ForceTCP"}
	LocalDNSForwardDestinations = []string{"ClusterCoreDNS", "VnetDNS"}
	LocalDNSForwardPolicies     = []string{"Sequential", "RoundRobin", "Random"}
	LocalDNSServeStales         = []string{"Verify", "Immediate", "Disable"}
)

// LocalDNSModeDefault is the mode AKS applies when the profile leaves it unset (REST API
// 2025-10-01, LocalDNSProfile.mode default).
const LocalDNSModeDefault = "Preferred"

// The DNS zones the LocalDNS validation rules name.
const (
	localDNSRootZone    = "."
	localDNSClusterZone = "cluster.local"
)

// localDNSMinVCPUs is the fewest vCPUs a size needs for LocalDNS ("Configure LocalDNS in AKS",
// Prerequisites).
const localDNSMinVCPUs = 4

// LocalDNSProfile is local_dns_profile as the rules read it.
type LocalDNSProfile struct {
	Mode             types.String // null: Preferred
	KubeDNSOverrides map[string]LocalDNSOverride
	VnetDNSOverrides map[string]LocalDNSOverride
}

// LocalDNSOverride is the settings of one zone of an override map that the rules check.
type LocalDNSOverride struct {
	Protocol           types.String
	ForwardDestination types.String
	ServeStale         types.String
}

func (l *LocalDNSProfile) mode() string { return stringOr(l.Mode, LocalDNSModeDefault) }

func (l *LocalDNSProfile) disabled() bool {
	return !l.Mode.IsUnknown() && strings.EqualFold(l.mode(), "Disabled")
}

// checkLocalDNS runs the LocalDNS rules of "Configure LocalDNS in AKS": not on Windows pools
// (Current limitations / Prerequisites: Azure Linux or Ubuntu 22.04 and newer), the
// configuration validation rules of each zone, and a warning for sizes under 4 vCPUs with mode
// Required. That prerequisite is a warning, not an error: Microsoft's own agentPools example
// (AgentPoolsCreate_LocalDNS) enables mode Required on Standard_DS2_v2 (2 vCPUs) and AKS
// answers it with a Succeeded pool.
func checkLocalDNS(base path.Path, p Pool, size *vmsizes.Size) diag.Diagnostics {
	l := p.LocalDNS
	if l == nil {
		return nil
	}
	at := base.AtName("local_dns_profile")
	var diags diag.Diagnostics
	if !l.disabled() && !anyUnknown(p.OSType) && osType(p) == OSTypeWindows {
		diags.Append(ruleError(at, "LocalDNS is not supported on Windows pools",
			explain(fmt.Sprintf("%s is set (mode %s), but the pool's os_type is Windows.", shown(at), l.mode()),
				"LocalDNS is supported only on node pools running Azure Linux or Ubuntu 22.04 and newer; Windows node pools aren't supported",
				sourceLocalDNS,
				"remove local_dns_profile from this Windows pool, or set its mode = \"Disabled\".")))
	}
	diags.Append(checkLocalDNSZones(at.AtName("vnet_dns_overrides"), l.VnetDNSOverrides, true)...)
	diags.Append(checkLocalDNSZones(at.AtName("kube_dns_overrides"), l.KubeDNSOverrides, false)...)
	if size != nil && size.VCPUs.Known && size.VCPUs.Value < localDNSMinVCPUs && !l.Mode.IsUnknown() && strings.EqualFold(l.mode(), "Required") {
		diags.Append(ruleWarning(at.AtName("mode"), "VM size below LocalDNS's 4 vCPUs",
			explain(fmt.Sprintf(`%s = "Required", but %s has %d vCPUs.`, shown(at.AtName("mode")), size.Name, size.VCPUs.Value),
				"the docs list at least 4 vCPUs as a LocalDNS prerequisite and say mode Required fails when prerequisites aren't met (AKS's own API example nevertheless runs it on a 2-vCPU size, so this is not refused here)",
				sourceLocalDNS,
				"use a VM size with 4 or more vCPUs for pools that require LocalDNS.")))
	}
	return diags
}

// checkLocalDNSZones: the configuration validation rules of "Configure LocalDNS in AKS": under
// vnet_dns_overrides the root zone "." can't forward to ClusterCoreDNS; "cluster.local" can't
// forward to VnetDNS in either map; protocol ForceTCP can't go with serve_stale Verify. Only
// values set in the configuration are checked (AKS's defaults for unset ones aren't documented
// per zone).
func checkLocalDNSZones(at path.Path, zones map[string]LocalDNSOverride, vnet bool) diag.Diagnostics {
	names := make([]string, 0, len(zones))
	for z := range zones {
		names = append(names, z)
	}
	sort.Strings(names)
	var diags diag.Diagnostics
	for _, zone := range names {
		o := zones[zone]
		zoneAt := at.AtMapKey(zone)
		dest := o.ForwardDestination
		if vnet && zone == localDNSRootZone && isSet(dest) && strings.EqualFold(dest.ValueString(), "ClusterCoreDNS") {
			diags.Append(localDNSZoneError(zoneAt.AtName("forward_destination"), dest.ValueString(),
				`under vnet_dns_overrides, the root zone "." can't forward to ClusterCoreDNS`, `forward_destination = "VnetDNS"`))
		}
		if strings.EqualFold(zone, localDNSClusterZone) && isSet(dest) && strings.EqualFold(dest.ValueString(), "VnetDNS") {
			diags.Append(localDNSZoneError(zoneAt.AtName("forward_destination"), dest.ValueString(),
				`the "cluster.local" zone can't forward to VnetDNS (in vnet_dns_overrides or kube_dns_overrides)`, `forward_destination = "ClusterCoreDNS"`))
		}
		if isSet(o.Protocol) && strings.EqualFold(o.Protocol.ValueString(), "ForceTCP") && isSet(o.ServeStale) && strings.EqualFold(o.ServeStale.ValueString(), "Verify") {
			diags.Append(localDNSZoneError(zoneAt.AtName("serve_stale"), o.ServeStale.ValueString(),
				`with protocol = "ForceTCP", serve_stale can't be "Verify"`, `serve_stale = "Immediate" (or protocol = "PreferUDP")`))
		}
	}
	return diags
}

func localDNSZoneError(at path.Path, value, rule, fix string) diag.Diagnostic {
	return ruleError(at, "Invalid LocalDNS zone setting",
		explain(fmt.Sprintf("%s = %q.", shown(at), value), rule, sourceLocalDNS+`, "Configuration validation rules"`, "set "+fix+"."))
}
