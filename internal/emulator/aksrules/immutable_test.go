package aksrules

import (
	"reflect"
	"slices"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckImmutablePoolProperties(t *testing.T) {
	stored := props(func(p *poolProperties) {
		p.VMSize = to("Standard_DS2_v2")
		p.OSDiskSizeGB = to[int32](128)
		p.OSDiskType = to(armcontainerservice.OSDiskTypeManaged)
		p.MaxPods = to[int32](250)
		p.VnetSubnetID = to(snetUser)
		p.AvailabilityZones = []*string{to("1"), to("2")}
		p.KubeletConfig = &armcontainerservice.KubeletConfig{CPUManagerPolicy: to("static")}
		p.EnableUltraSSD = to(false)
	})
	tests := []struct {
		name     string
		edit     func(*poolProperties)
		property string
	}{
		{"nothing changes", func(*poolProperties) {}, ""},
		{"mutable fields change", func(p *poolProperties) {
			p.Count = to[int32](5)
			p.NodeLabels = map[string]*string{"a": to("b")}
			p.Mode = to(armcontainerservice.AgentPoolModeSystem)
		}, ""},
		{"case of an ID and enum differs", func(p *poolProperties) {
			p.VMSize = to("standard_ds2_v2")
			p.VnetSubnetID = to(snetUser + "")
			p.OSDiskType = to(armcontainerservice.OSDiskType("managed"))
		}, ""},
		{"zones in another order", func(p *poolProperties) { p.AvailabilityZones = []*string{to("2"), to("1")} }, ""},
		{"false equals unset", func(p *poolProperties) { p.EnableNodePublicIP = to(false) }, ""},
		{"vmSize", func(p *poolProperties) { p.VMSize = to("Standard_DS3_v2") }, "vmSize"},
		{"osDiskSizeGB", func(p *poolProperties) { p.OSDiskSizeGB = to[int32](256) }, "osDiskSizeGB"},
		{"osDiskType", func(p *poolProperties) { p.OSDiskType = to(armcontainerservice.OSDiskTypeEphemeral) }, "osDiskType"},
		{"maxPods", func(p *poolProperties) { p.MaxPods = to[int32](110) }, "maxPods"},
		{"vnetSubnetID", func(p *poolProperties) { p.VnetSubnetID = to(snetSystem) }, "vnetSubnetID"},
		{"podSubnetID", func(p *poolProperties) { p.PodSubnetID = to(snetPods) }, "podSubnetID"},
		{"availabilityZones", func(p *poolProperties) { p.AvailabilityZones = []*string{to("1")} }, "availabilityZones"},
		// kubeletConfig has its own answer, CustomKubeletConfigOrCustomLinuxOSConfigCanNotBeChanged (kubelet_config.go).
		{"kubeletConfig", func(p *poolProperties) { p.KubeletConfig.CPUManagerPolicy = to("none") }, ""},
		{"enableEncryptionAtHost", func(p *poolProperties) { p.EnableEncryptionAtHost = to(true) }, "enableEncryptionAtHost"},
		{"scaleSetPriority", func(p *poolProperties) { p.ScaleSetPriority = to(armcontainerservice.ScaleSetPrioritySpot) }, "scaleSetPriority"},
		{"hostGroupID", func(p *poolProperties) { p.HostGroupID = to("/subscriptions/x/hostGroups/h") }, "hostGroupID"},
		{"osType", func(p *poolProperties) { p.OSType = to(armcontainerservice.OSTypeWindows) }, "osType"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			updated := clonePoolProperties(stored)
			tt.edit(updated)
			got := checkImmutablePoolProperties(stored, updated)
			if tt.property == "" {
				wantError(t, got, "", "")
				return
			}
			wantError(t, got, codePropertyChangeNotAllowed, "Changing property '"+tt.property+"' is not allowed.")
		})
	}
}

// clonePoolProperties copies the properties deeply enough for the tests to
// edit nested values without touching the original.
func clonePoolProperties(p *poolProperties) *poolProperties {
	c := *p
	if p.KubeletConfig != nil {
		k := *p.KubeletConfig
		c.KubeletConfig = &k
	}
	return &c
}

func TestCheckOSSKUChange(t *testing.T) {
	tests := []struct {
		name     string
		old, new armcontainerservice.OSSKU
		code     string
	}{
		{"unchanged", armcontainerservice.OSSKUUbuntu, armcontainerservice.OSSKUUbuntu, ""},
		{"ubuntu to azure linux", armcontainerservice.OSSKUUbuntu, armcontainerservice.OSSKUAzureLinux, ""},
		{"ubuntu 22.04 to 24.04", armcontainerservice.OSSKUUbuntu2204, armcontainerservice.OSSKUUbuntu2404, ""},
		{"windows 2019 to 2022", armcontainerservice.OSSKUWindows2019, armcontainerservice.OSSKUWindows2022, codePropertyChangeNotAllowed},
		{"linux to windows", armcontainerservice.OSSKUUbuntu, armcontainerservice.OSSKUWindows2022, codePropertyChangeNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkOSSKUChange(props(osSKU(tt.old)), props(osSKU(tt.new))), tt.code, "Changing property 'osSKU' is not allowed.")
		})
	}
}

func TestCheckFIPSChange(t *testing.T) {
	tests := []struct {
		name     string
		old, new *poolProperties
		code     string
	}{
		{"linux enables FIPS", props(nil), props(fips), ""},
		{"windows keeps FIPS", props(both(windows, fips)), props(both(windows, fips)), ""},
		{"windows enables FIPS", props(windows), props(both(windows, fips)), codePropertyChangeNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkFIPSChange(tt.old, tt.new), tt.code, "Changing property 'enableFIPS' is not allowed.")
		})
	}
}

func TestSameValue(t *testing.T) {
	tests := []struct {
		name string
		a, b any
		want bool
	}{
		{"nil pointer and zero", (*int32)(nil), to[int32](0), true},
		{"nil and empty slice", []*string(nil), []*string{}, true},
		{"nil map and empty map", map[string]*string(nil), map[string]*string{}, true},
		{"strings ignore case", to("ABC"), to("abc"), true},
		{"different numbers", to[int32](1), to[int32](2), false},
		{"map value differs", map[string]*string{"a": to("1")}, map[string]*string{"a": to("2")}, false},
		{"map key differs", map[string]*string{"a": to("1")}, map[string]*string{"b": to("1")}, false},
		{"untyped nil and empty struct", nil, &armcontainerservice.KubeletConfig{}, true},
		{"untyped nil and set struct", nil, &armcontainerservice.KubeletConfig{CPUManagerPolicy: to("static")}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameValue(reflect.ValueOf(tt.a), reflect.ValueOf(tt.b)); got != tt.want {
				t.Fatalf("sameValue = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestChangedProfileFields(t *testing.T) {
	stored := &armcontainerservice.ManagedClusterAgentPoolProfile{
		Name: to("user"), Count: to[int32](3), VMSize: to("Standard_DS2_v2"), OrchestratorVersion: to("1.32.7"),
		AvailabilityZones: []*string{to("1"), to("2")}, NodeImageVersion: to("img-1"),
	}
	tests := []struct {
		name      string
		requested *armcontainerservice.ManagedClusterAgentPoolProfile
		want      []string
	}{
		{"only the name", &armcontainerservice.ManagedClusterAgentPoolProfile{Name: to("user")}, nil},
		{"same values, other case and zone order", &armcontainerservice.ManagedClusterAgentPoolProfile{
			Name: to("USER"), Count: to[int32](3), VMSize: to("standard_ds2_v2"), AvailabilityZones: []*string{to("2"), to("1")},
		}, nil},
		{"read-only fields differ", &armcontainerservice.ManagedClusterAgentPoolProfile{
			NodeImageVersion: to("img-2"), ProvisioningState: to("Updating"), ETag: to("x"), CurrentOrchestratorVersion: to("1.0.0"),
		}, nil},
		{"ignored version", &armcontainerservice.ManagedClusterAgentPoolProfile{OrchestratorVersion: to("1.33.3")}, nil},
		{"count and zones", &armcontainerservice.ManagedClusterAgentPoolProfile{Count: to[int32](4), AvailabilityZones: []*string{to("1")}},
			[]string{"AvailabilityZones", "Count"}},
		{"a field the pool lacks", &armcontainerservice.ManagedClusterAgentPoolProfile{NodeLabels: map[string]*string{"a": to("b")}}, []string{"NodeLabels"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := changedProfileFields(stored, tt.requested, "OrchestratorVersion")
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("changed = %v, want %v", got, tt.want)
			}
		})
	}
}
