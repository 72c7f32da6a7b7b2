package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func props(edit func(*armcontainerservice.ManagedClusterAgentPoolProfileProperties)) *armcontainerservice.ManagedClusterAgentPoolProfileProperties {
	p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	if edit != nil {
		edit(p)
	}
	return p
}

func system(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	p.Mode = to(armcontainerservice.AgentPoolModeSystem)
}

func TestCheckSystemPoolOS(t *testing.T) {
	tests := []struct {
		name string
		p    *armcontainerservice.ManagedClusterAgentPoolProfileProperties
		code string
	}{
		{"linux system", props(func(p *poolProperties) { system(p); p.OSType = to(armcontainerservice.OSTypeLinux) }), ""},
		{"windows user", props(func(p *poolProperties) { p.OSType = to(armcontainerservice.OSTypeWindows) }), ""},
		{"windows system", props(func(p *poolProperties) { system(p); p.OSType = to(armcontainerservice.OSTypeWindows) }), codeInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkSystemPoolOS("pool", tt.p), tt.code, "System agent pools must have osType Linux")
		})
	}
}

func TestCheckSystemPoolNotSpot(t *testing.T) {
	spot := func(p *poolProperties) { p.ScaleSetPriority = to(armcontainerservice.ScaleSetPrioritySpot) }
	tests := []struct {
		name string
		p    *armcontainerservice.ManagedClusterAgentPoolProfileProperties
		code string
	}{
		{"regular system", props(system), ""},
		{"spot user", props(spot), ""},
		{"spot system", props(func(p *poolProperties) { system(p); spot(p) }), codeInvalidParameter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkSystemPoolNotSpot("pool", tt.p), tt.code, "Spot agent pools must use mode User")
		})
	}
}

func TestCheckKeepsSystemPool(t *testing.T) {
	mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles,
			&armcontainerservice.ManagedClusterAgentPoolProfile{Name: to("user"), Mode: to(armcontainerservice.AgentPoolModeUser)})
	})
	one := worldWith(mc)
	two := worldWith(mc)
	two.Pools = append(two.Pools, newPool("system2", system))
	tests := []struct {
		name string
		w    World
		code string
	}{
		{"another system pool remains", two, ""},
		{"last system pool", one, codeOperationNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkKeepsSystemPool(tt.w, "system", "deleted"), tt.code, "There has to be at least one system agent pool")
		})
	}
}

func TestCheckClusterHasSystemPool(t *testing.T) {
	user := &armcontainerservice.ManagedClusterAgentPoolProfile{Name: to("user"), Mode: to(armcontainerservice.AgentPoolModeUser)}
	unset := &armcontainerservice.ManagedClusterAgentPoolProfile{Name: to("unset")}
	sys := &armcontainerservice.ManagedClusterAgentPoolProfile{Name: to("sys"), Mode: to(armcontainerservice.AgentPoolMode("system"))}
	tests := []struct {
		name     string
		profiles []*armcontainerservice.ManagedClusterAgentPoolProfile
		code     string
	}{
		{"a system pool (any case)", []*armcontainerservice.ManagedClusterAgentPoolProfile{user, sys}, ""},
		{"only user pools", []*armcontainerservice.ManagedClusterAgentPoolProfile{user}, codeMustDefineSystemPool},
		{"mode left unset", []*armcontainerservice.ManagedClusterAgentPoolProfile{unset}, codeMustDefineSystemPool},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkClusterHasSystemPool(tt.profiles), tt.code, "Must define at least one system pool.")
		})
	}
}

func TestCheckStoppedSystemPool(t *testing.T) {
	stopped := func(p *poolProperties) {
		p.PowerState = &armcontainerservice.PowerState{Code: to(armcontainerservice.CodeStopped)}
	}
	tests := []struct {
		name string
		p    *armcontainerservice.ManagedClusterAgentPoolProfileProperties
		code string
	}{
		{"stopped user pool", props(stopped), ""},
		{"running system pool", props(system), ""},
		{"stopped system pool", props(func(p *poolProperties) { system(p); stopped(p) }), codeOperationNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkStoppedSystemPool("pool", tt.p), tt.code, "System agent pools can't be stopped")
		})
	}
}
