package aksrules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkLocalDNS: localDNSProfile's values are the spec's enums; a profile that isn't Disabled
// needs a Linux pool and Kubernetes 1.31 or later; and the zones follow the "Configuration
// validation rules" of localdns-custom.md (vnetDNSOverrides "." not to ClusterCoreDNS,
// "cluster.local" not to VnetDNS, no serveStale Verify with protocol ForceTCP). The 4-vCPU
// prerequisite is not enforced: Microsoft's AgentPoolsCreate_LocalDNS example runs mode Required
// on Standard_DS2_v2 (2 vCPUs) and AKS answers Succeeded. The code and texts are unverified.
func checkLocalDNS(w World, _ string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	l := p.LocalDNSProfile
	if l == nil {
		return nil
	}
	if l.Mode != nil && !oneOfFold(string(*l.Mode), armcontainerservice.PossibleLocalDNSModeValues()) {
		return localDNSError("mode", "Mode '%s' is invalid: allowed values are Preferred, Required and Disabled.", *l.Mode)
	}
	if err := checkLocalDNSZones("vnetDNSOverrides", l.VnetDNSOverrides, true); err != nil {
		return err
	}
	if err := checkLocalDNSZones("kubeDNSOverrides", l.KubeDNSOverrides, false); err != nil {
		return err
	}
	if equalFoldPtr(l.Mode, armcontainerservice.LocalDNSModeDisabled) {
		return nil
	}
	if equalFoldPtr(p.OSType, armcontainerservice.OSTypeWindows) {
		return localDNSError("", "LocalDNS is not supported on Windows agent pools.")
	}
	version := deref(p.CurrentOrchestratorVersion)
	if version == "" {
		version = deref(p.OrchestratorVersion)
	}
	if v := resolvedOrSelf(w, version); v.major > 0 && compareVersions(v, kubeVersion{major: 1, minor: 31}) < 0 {
		return localDNSError("", "LocalDNS requires Kubernetes version 1.31 or later; the agent pool runs %s.", v)
	}
	return nil
}

// checkLocalDNSUpdate: LocalDNS changes in place (az aks nodepool update --localdns-config), so
// a PUT is checked like a create.
func checkLocalDNSUpdate(w World, name string, _, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	return checkLocalDNS(w, name, p)
}

func checkLocalDNSZones(field string, zones map[string]*armcontainerservice.LocalDNSOverride, vnet bool) *Error {
	names := make([]string, 0, len(zones))
	for z := range zones {
		names = append(names, z)
	}
	sort.Strings(names)
	for _, zone := range names {
		o := zones[zone]
		if o == nil {
			continue
		}
		at := fmt.Sprintf("%s[%s]", field, zone)
		if err := checkLocalDNSEnums(at, o); err != nil {
			return err
		}
		switch {
		case vnet && zone == "." && equalFoldPtr(o.ForwardDestination, armcontainerservice.LocalDNSForwardDestinationClusterCoreDNS):
			return localDNSError(at+".forwardDestination", "ForwardDestination of zone '.' in vnetDNSOverrides can't be ClusterCoreDNS.")
		case strings.EqualFold(zone, "cluster.local") && equalFoldPtr(o.ForwardDestination, armcontainerservice.LocalDNSForwardDestinationVnetDNS):
			return localDNSError(at+".forwardDestination", "ForwardDestination of zone 'cluster.local' in %s can't be VnetDNS.", field)
		case equalFoldPtr(o.Protocol, armcontainerservice.LocalDNSProtocolForceTCP) && equalFoldPtr(o.ServeStale, armcontainerservice.LocalDNSServeStaleVerify):
			return localDNSError(at+".serveStale", "ServeStale Verify can't be used with protocol ForceTCP in zone '%s' of %s.", zone, field)
		}
	}
	return nil
}

func checkLocalDNSEnums(at string, o *armcontainerservice.LocalDNSOverride) *Error {
	enums := []struct {
		name    string
		value   *string
		allowed []string
	}{
		{"queryLogging", (*string)(o.QueryLogging), enumStrings(armcontainerservice.PossibleLocalDNSQueryLoggingValues())},
		{"protocol", (*string)(o.Protocol), enumStrings(armcontainerservice.PossibleLocalDNSProtocolValues())},
		{"forwardDestination", (*string)(o.ForwardDestination), enumStrings(armcontainerservice.PossibleLocalDNSForwardDestinationValues())},
		{"forwardPolicy", (*string)(o.ForwardPolicy), enumStrings(armcontainerservice.PossibleLocalDNSForwardPolicyValues())},
		{"serveStale", (*string)(o.ServeStale), enumStrings(armcontainerservice.PossibleLocalDNSServeStaleValues())},
	}
	for _, e := range enums {
		if e.value != nil && !oneOfFold(*e.value, e.allowed) {
			return localDNSError(at+"."+e.name, "%s '%s' is invalid: allowed values are %s.", e.name, *e.value, strings.Join(e.allowed, ", "))
		}
	}
	return nil
}

func localDNSError(field, format string, args ...any) *Error {
	target := "localDNSProfile"
	if field != "" {
		target += "." + field
	}
	return badRequest(codeInvalidParameter, target, format, args...)
}

func enumStrings[T ~string](values []T) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, string(v))
	}
	return out
}

func oneOfFold[T ~string](v string, allowed []T) bool {
	for _, a := range allowed {
		if strings.EqualFold(v, string(a)) {
			return true
		}
	}
	return false
}
