package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// exampleLocalDNS is the localDNSProfile of Microsoft's AgentPoolsCreate_LocalDNS example.
func exampleLocalDNS(p *poolProperties) {
	p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{
		Mode: to(armcontainerservice.LocalDNSModeRequired),
		VnetDNSOverrides: map[string]*armcontainerservice.LocalDNSOverride{"example.com": {
			QueryLogging: to(armcontainerservice.LocalDNSQueryLoggingLog), Protocol: to(armcontainerservice.LocalDNSProtocolPreferUDP),
			ForwardDestination: to(armcontainerservice.LocalDNSForwardDestinationVnetDNS), ForwardPolicy: to(armcontainerservice.LocalDNSForwardPolicySequential),
			MaxConcurrent: to[int32](1000), CacheDurationInSeconds: to[int32](3600), ServeStaleDurationInSeconds: to[int32](3600),
			ServeStale: to(armcontainerservice.LocalDNSServeStaleImmediate),
		}},
		KubeDNSOverrides: map[string]*armcontainerservice.LocalDNSOverride{"cluster.local": {
			QueryLogging: to(armcontainerservice.LocalDNSQueryLoggingError), Protocol: to(armcontainerservice.LocalDNSProtocolPreferUDP),
			ForwardDestination: to(armcontainerservice.LocalDNSForwardDestinationClusterCoreDNS), ForwardPolicy: to(armcontainerservice.LocalDNSForwardPolicyRoundRobin),
			MaxConcurrent: to[int32](500), CacheDurationInSeconds: to[int32](1800), ServeStaleDurationInSeconds: to[int32](1800),
			ServeStale: to(armcontainerservice.LocalDNSServeStaleVerify),
		}},
	}
}

func zone(field string, name string, o armcontainerservice.LocalDNSOverride) func(*poolProperties) {
	return func(p *poolProperties) {
		if p.LocalDNSProfile == nil {
			p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{}
		}
		m := map[string]*armcontainerservice.LocalDNSOverride{name: &o}
		if field == "vnet" {
			p.LocalDNSProfile.VnetDNSOverrides = m
		} else {
			p.LocalDNSProfile.KubeDNSOverrides = m
		}
	}
}

func TestCheckLocalDNS(t *testing.T) {
	core, vnet := to(armcontainerservice.LocalDNSForwardDestinationClusterCoreDNS), to(armcontainerservice.LocalDNSForwardDestinationVnetDNS)
	version := func(v string) func(*poolProperties) { return func(p *poolProperties) { p.OrchestratorVersion = to(v) } }
	disabled := func(p *poolProperties) { p.LocalDNSProfile.Mode = to(armcontainerservice.LocalDNSModeDisabled) }
	tests := []struct {
		name, code, msg string
		edit            func(*poolProperties)
	}{
		{"none", "", "", nil},
		{"Microsoft's example on 1.33", "", "", both(exampleLocalDNS, version("1.33.3"))},
		{"kube root zone to ClusterCoreDNS", "", "", zone("kube", ".", armcontainerservice.LocalDNSOverride{ForwardDestination: core})},
		{"unknown mode", codeInvalidParameter, "Mode 'Always' is invalid", func(p *poolProperties) {
			p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to[armcontainerservice.LocalDNSMode]("Always")}
		}},
		{"unknown forward policy", codeInvalidParameter, "forwardPolicy 'Fastest' is invalid", zone("kube", "example.com",
			armcontainerservice.LocalDNSOverride{ForwardPolicy: to[armcontainerservice.LocalDNSForwardPolicy]("Fastest")})},
		{"vnet root zone to ClusterCoreDNS", codeInvalidParameter, "zone '.' in vnetDNSOverrides can't be ClusterCoreDNS", zone("vnet", ".", armcontainerservice.LocalDNSOverride{ForwardDestination: core})},
		{"cluster.local to VnetDNS", codeInvalidParameter, "'cluster.local' in kubeDNSOverrides can't be VnetDNS", zone("kube", "cluster.local", armcontainerservice.LocalDNSOverride{ForwardDestination: vnet})},
		{"ForceTCP with Verify", codeInvalidParameter, "ServeStale Verify can't be used with protocol ForceTCP", zone("vnet", "example.com", armcontainerservice.LocalDNSOverride{
			Protocol: to(armcontainerservice.LocalDNSProtocolForceTCP), ServeStale: to(armcontainerservice.LocalDNSServeStaleVerify)})},
		{"Windows", codeInvalidParameter, "not supported on Windows", both(exampleLocalDNS, windows)},
		{"Windows, disabled", "", "", both(exampleLocalDNS, both(windows, disabled))},
		{"1.30", codeInvalidParameter, "1.31 or later", both(exampleLocalDNS, version("1.30.14"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkLocalDNS(testWorld(), "np", props(tt.edit)), tt.code, tt.msg)
			wantError(t, checkLocalDNSUpdate(testWorld(), "np", props(nil), props(tt.edit)), tt.code, tt.msg)
		})
	}
}

// Microsoft's AgentPoolsCreate_LocalDNS example (Standard_DS2_v2, orchestratorVersion "") is
// accepted through the agentPools API.
func TestLocalDNSExample(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	createdPool(t, w, "agentpool1", func(p *poolProperties) {
		p.OrchestratorVersion, p.Count, p.VMSize = to(""), to[int32](3), to("Standard_DS2_v2")
		p.OSType, p.Mode = to(armcontainerservice.OSTypeLinux), to(armcontainerservice.AgentPoolModeUser)
		exampleLocalDNS(p)
	})
}
