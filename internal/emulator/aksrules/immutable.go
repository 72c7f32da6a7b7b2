package aksrules

import (
	"reflect"
	"slices"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

type poolProperties = armcontainerservice.ManagedClusterAgentPoolProfileProperties

// immutableProperty is a pool property AKS can't change after creation
// (aks-api.md §2.1: create-node-pools.md, concepts-storage.md, the SDK's field
// docs, and what azurerm forces a new resource or a rotation for).
type immutableProperty struct {
	name string
	get  func(*poolProperties) any
}

var immutablePoolProperties = []immutableProperty{
	{"vmSize", func(p *poolProperties) any { return p.VMSize }},
	{"osType", func(p *poolProperties) any { return p.OSType }},
	{"osDiskSizeGB", func(p *poolProperties) any { return p.OSDiskSizeGB }},
	{"osDiskType", func(p *poolProperties) any { return p.OSDiskType }},
	{"maxPods", func(p *poolProperties) any { return p.MaxPods }},
	{"vnetSubnetID", func(p *poolProperties) any { return p.VnetSubnetID }},
	{"podSubnetID", func(p *poolProperties) any { return p.PodSubnetID }},
	{"podIPAllocationMode", func(p *poolProperties) any { return p.PodIPAllocationMode }},
	{"availabilityZones", func(p *poolProperties) any { return sortedStrings(p.AvailabilityZones) }},
	{"kubeletDiskType", func(p *poolProperties) any { return p.KubeletDiskType }},
	{"enableEncryptionAtHost", func(p *poolProperties) any { return p.EnableEncryptionAtHost }},
	{"enableNodePublicIP", func(p *poolProperties) any { return p.EnableNodePublicIP }},
	{"nodePublicIPPrefixID", func(p *poolProperties) any { return p.NodePublicIPPrefixID }},
	{"enableUltraSSD", func(p *poolProperties) any { return p.EnableUltraSSD }},
	{"scaleSetPriority", func(p *poolProperties) any { return p.ScaleSetPriority }},
	{"scaleSetEvictionPolicy", func(p *poolProperties) any { return p.ScaleSetEvictionPolicy }},
	{"spotMaxPrice", func(p *poolProperties) any { return p.SpotMaxPrice }},
	{"proximityPlacementGroupID", func(p *poolProperties) any { return p.ProximityPlacementGroupID }},
	{"hostGroupID", func(p *poolProperties) any { return p.HostGroupID }},
	{"capacityReservationGroupID", func(p *poolProperties) any { return p.CapacityReservationGroupID }},
	{"gpuInstanceProfile", func(p *poolProperties) any { return p.GpuInstanceProfile }},
	{"gpuProfile", func(p *poolProperties) any { return p.GpuProfile }},
	{"windowsProfile", func(p *poolProperties) any { return p.WindowsProfile }},
	{"creationData", func(p *poolProperties) any { return p.CreationData }},
	{"workloadRuntime", func(p *poolProperties) any { return p.WorkloadRuntime }},
	{"type", func(p *poolProperties) any { return p.Type }},
	{"networkProfile.nodePublicIPTags", func(p *poolProperties) any {
		if p.NetworkProfile == nil {
			return nil
		}
		return p.NetworkProfile.NodePublicIPTags
	}},
}

// propertyChangeNotAllowed is AKS's answer for an immutable change
// (aks-api.md §2.1: KARP's modelled Machine-API error, azurerm#26730).
func propertyChangeNotAllowed(name string) *Error {
	return badRequest(codePropertyChangeNotAllowed, name, "Changing property '%s' is not allowed.", name)
}

// checkImmutablePoolProperties compares a pool update with the stored pool.
// A property left unset in the request keeps its value (the defaults merge
// the stored pool in before this runs), and an unset value equals its zero
// value, so that a GET→PUT round trip, with or without the server defaults,
// is never a change. Strings compare case-insensitively, as ARM IDs and enums.
func checkImmutablePoolProperties(old, p *poolProperties) *Error {
	for _, prop := range immutablePoolProperties {
		if !sameValue(reflect.ValueOf(prop.get(old)), reflect.ValueOf(prop.get(p))) {
			return propertyChangeNotAllowed(prop.name)
		}
	}
	return nil
}

// checkOSSKUChange: Linux pools may move between Linux OS SKUs (the
// Ubuntu→Azure Linux migration, upgrade-os-version.md); a Windows OS SKU can't
// change, nor can a pool move between Linux and Windows SKUs.
func checkOSSKUChange(old, p *poolProperties) *Error {
	if !isSet(p.OSSKU) || !isSet(old.OSSKU) || strings.EqualFold(string(*old.OSSKU), string(*p.OSSKU)) {
		return nil
	}
	if isLinuxOSSKU(*old.OSSKU) && isLinuxOSSKU(*p.OSSKU) {
		return nil
	}
	return propertyChangeNotAllowed("osSKU")
}

// checkFIPSChange: enableFIPS can be switched on Linux pools (it reimages
// them, enable-fips-nodes.md), not on Windows pools.
func checkFIPSChange(old, p *poolProperties) *Error {
	if deref(old.EnableFIPS) == deref(p.EnableFIPS) || !isWindows(p) {
		return nil
	}
	return propertyChangeNotAllowed("enableFIPS")
}

// sameValue compares two values of the same SDK type, treating nil pointers
// as zero values and strings case-insensitively.
func sameValue(a, b reflect.Value) bool {
	a, b = indirect(a), indirect(b)
	if !a.IsValid() || !b.IsValid() {
		return isZeroOrInvalid(a) && isZeroOrInvalid(b)
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.String:
		return strings.EqualFold(a.String(), b.String())
	case reflect.Struct:
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() && !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !sameValue(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	}
	return a.Equal(b)
}

// indirect follows pointers and interfaces; a nil pointer becomes the zero
// value of its element type, so that nil and zero compare equal.
func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			if v.Kind() == reflect.Pointer {
				return reflect.Zero(v.Type().Elem())
			}
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

func isZeroOrInvalid(v reflect.Value) bool {
	return !v.IsValid() || v.IsZero() || ((v.Kind() == reflect.Slice || v.Kind() == reflect.Map) && v.Len() == 0)
}

// sortedStrings returns the values sorted, for order-insensitive comparison
// (availability zones).
func sortedStrings(in []*string) []string {
	if len(in) == 0 {
		return nil
	}
	out := make([]string, 0, len(in))
	for _, s := range in {
		out = append(out, strings.ToLower(deref(s)))
	}
	slices.Sort(out)
	return out
}

// changedProfileFields lists (by SDK field name) the writable fields in which
// a cluster PUT's inline profile differs from the stored pool. Fields the
// request leaves unset keep their value and are not changes; read-only
// fields, and those named in ignore, are skipped.
func changedProfileFields(stored, requested *armcontainerservice.ManagedClusterAgentPoolProfile, ignore ...string) []string {
	sv, rv := reflect.ValueOf(stored).Elem(), reflect.ValueOf(requested).Elem()
	var changed []string
	for i := range rv.NumField() {
		f := rv.Type().Field(i)
		if !f.IsExported() || slices.Contains(profileReadOnlyFields, f.Name) || slices.Contains(ignore, f.Name) {
			continue
		}
		r := rv.Field(i)
		if r.IsNil() {
			continue
		}
		same := sameValue(sv.Field(i), r)
		if f.Name == "AvailabilityZones" {
			same = sameValue(reflect.ValueOf(sortedStrings(stored.AvailabilityZones)), reflect.ValueOf(sortedStrings(requested.AvailabilityZones)))
		}
		if !same {
			changed = append(changed, f.Name)
		}
	}
	return changed
}

// profileReadOnlyFields are the profile fields AKS computes (SDK READ-ONLY),
// plus the name, which identifies the pool.
var profileReadOnlyFields = []string{"Name", "CurrentOrchestratorVersion", "ETag", "NodeImageVersion", "ProvisioningState", "Status", "VirtualMachineNodesStatus"}
