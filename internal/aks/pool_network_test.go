package aks

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	unitPrefixID = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/publicIPPrefixes/prefix1"
	unitASGID    = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.Network/applicationSecurityGroups/asg1"
)

type unitPort struct {
	start, end int64
	protocol   string
}

func unitHostPorts(ranges ...unitPort) types.List {
	out := []attr.Value{}
	for _, r := range ranges {
		out = append(out, types.ObjectValueMust(hostPortAttrTypes, map[string]attr.Value{
			"port_start": types.Int64Value(r.start), "port_end": types.Int64Value(r.end), "protocol": types.StringValue(r.protocol),
		}))
	}
	return types.ListValueMust(hostPortType, out)
}

func unitNetworkProfile(ports types.List, asgs []string, tags map[string]string) types.Object {
	asgSet, tagMap := types.SetNull(types.StringType), types.MapNull(types.StringType)
	if asgs != nil {
		asgSet, _ = types.SetValueFrom(context.Background(), types.StringType, asgs)
	}
	if tags != nil {
		tagMap, _ = types.MapValueFrom(context.Background(), types.StringType, tags)
	}
	return types.ObjectValueMust(nodeNetworkProfileAttrTypes, map[string]attr.Value{
		"allowed_host_ports": ports, "application_security_group_ids": asgSet, "node_public_ip_tags": tagMap,
	})
}

func unitWindowsProfile(enabled bool) types.Object {
	return types.ObjectValueMust(windowsProfileAttrTypes, map[string]attr.Value{"outbound_nat_enabled": types.BoolValue(enabled)})
}

// localDNS is a profile with one kube zone, "cluster.local", set in full.
func unitLocalDNS(mode string, maxConcurrent int64) types.Object {
	zone := types.ObjectValueMust(localDNSOverrideAttrTypes, map[string]attr.Value{
		"query_logging": types.StringValue("Error"), "protocol": types.StringValue("PreferUDP"), "forward_destination": types.StringValue("ClusterCoreDNS"),
		"forward_policy": types.StringValue("RoundRobin"), "max_concurrent": types.Int64Value(maxConcurrent), "cache_duration_in_seconds": types.Int64Value(1800),
		"serve_stale_duration_in_seconds": types.Int64Value(1800), "serve_stale": types.StringValue("Verify"),
	})
	return types.ObjectValueMust(localDNSProfileAttrTypes, map[string]attr.Value{
		"mode":               types.StringValue(mode),
		"kube_dns_overrides": types.MapValueMust(localDNSOverrideType, map[string]attr.Value{"cluster.local": zone}),
		"vnet_dns_overrides": types.MapNull(localDNSOverrideType),
	})
}

// networkSettings is a Windows pool with every node networking attribute set.
func networkSettings(t *testing.T) nodePoolSettings {
	s := settingsFrom(t, apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.OSType, p.OSSKU = to.Ptr(armcontainerservice.OSTypeWindows), to.Ptr(armcontainerservice.OSSKUWindows2022)
	}))
	s.NodePublicIPEnabled = types.BoolValue(true)
	s.NodePublicIPPrefixID = types.StringValue(unitPrefixID)
	s.NodeNetworkProfile = unitNetworkProfile(unitHostPorts(unitPort{80, 80, "TCP"}, unitPort{40000, 60000, "UDP"}), []string{unitASGID},
		map[string]string{"RoutingPreference": "Internet", "FirstPartyUsage": "/Unprivileged"})
	s.WindowsProfile = unitWindowsProfile(false)
	s.LocalDNSProfile = unitLocalDNS("Required", 500)
	return s
}

func TestExpandFlattenPoolNetwork(t *testing.T) {
	ctx := context.Background()
	s := networkSettings(t)
	body, diags := expandNodePool(ctx, s, types.ObjectNull(upgradeSettingsAttrTypes))
	requireNoErrors(t, diags)
	p := body.Properties
	if !boolValue(p.EnableNodePublicIP) || deref(p.NodePublicIPPrefixID) != unitPrefixID {
		t.Errorf("node public IP %v, prefix %q", p.EnableNodePublicIP, deref(p.NodePublicIPPrefixID))
	}
	np := p.NetworkProfile
	if np == nil || len(np.AllowedHostPorts) != 2 || *np.AllowedHostPorts[1].PortStart != 40000 || *np.AllowedHostPorts[1].Protocol != armcontainerservice.ProtocolUDP ||
		len(np.ApplicationSecurityGroups) != 1 || len(np.NodePublicIPTags) != 2 {
		t.Fatalf("network profile %+v", np)
	}
	// IP tags are sent sorted by type: stable bodies.
	if *np.NodePublicIPTags[0].IPTagType != "FirstPartyUsage" || *np.NodePublicIPTags[1].Tag != "Internet" {
		t.Errorf("ip tags %v %v", *np.NodePublicIPTags[0].IPTagType, *np.NodePublicIPTags[1].Tag)
	}
	if p.WindowsProfile == nil || !boolValue(p.WindowsProfile.DisableOutboundNat) {
		t.Errorf("outbound_nat_enabled = false must send disableOutboundNat = true, got %+v", p.WindowsProfile)
	}
	if l := p.LocalDNSProfile; l == nil || deref(l.Mode) != "Required" || deref(l.KubeDNSOverrides["cluster.local"].ForwardPolicy) != "RoundRobin" ||
		*l.KubeDNSOverrides["cluster.local"].MaxConcurrent != 500 || l.VnetDNSOverrides != nil {
		t.Errorf("local DNS profile %+v", l)
	}

	// Read back over the same settings: unchanged (a second plan is empty).
	got, _, diags := flattenNodePool(ctx, &armcontainerservice.AgentPool{Properties: p}, flattenOptions{prior: &s})
	requireNoErrors(t, diags)
	for name, pair := range map[string][2]attr.Value{
		"node_public_ip_enabled":   {s.NodePublicIPEnabled, got.NodePublicIPEnabled},
		"node_public_ip_prefix_id": {s.NodePublicIPPrefixID, got.NodePublicIPPrefixID},
		"node_network_profile":     {s.NodeNetworkProfile, got.NodeNetworkProfile},
		"windows_profile":          {s.WindowsProfile, got.WindowsProfile},
		"local_dns_profile":        {s.LocalDNSProfile, got.LocalDNSProfile},
	} {
		if !pair[0].Equal(pair[1]) {
			t.Errorf("%s read back as %s, want %s", name, pair[1], pair[0])
		}
	}
}

// AKS's defaults read as null when the prior state doesn't manage them: an empty network
// profile, OutboundNAT on, a Preferred LocalDNS profile without overrides.
func TestFlattenPoolNetworkDefaults(t *testing.T) {
	ctx := context.Background()
	pool := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{}
		p.WindowsProfile = &armcontainerservice.AgentPoolWindowsProfile{DisableOutboundNat: to.Ptr(false)}
		p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to.Ptr(armcontainerservice.LocalDNSModePreferred), State: to.Ptr(armcontainerservice.LocalDNSStateDisabled)}
	})
	for _, importing := range []bool{false, true} {
		s, _, diags := flattenNodePool(ctx, pool, flattenOptions{prior: &nodePoolSettings{}, importing: importing})
		requireNoErrors(t, diags)
		if !s.NodeNetworkProfile.IsNull() || !s.WindowsProfile.IsNull() || !s.LocalDNSProfile.IsNull() || s.NodePublicIPEnabled.ValueBool() || !s.NodePublicIPPrefixID.IsNull() {
			t.Errorf("importing %t: defaults read as %s / %s / %s / %s", importing, s.NodeNetworkProfile, s.WindowsProfile, s.LocalDNSProfile, s.NodePublicIPEnabled)
		}
	}
	// Data sources show what AKS holds.
	ds, _, _ := flattenNodePool(ctx, pool, flattenOptions{})
	if !ds.LocalDNSProfile.Attributes()["mode"].Equal(types.StringValue("Preferred")) {
		t.Errorf("data source local_dns_profile = %s", ds.LocalDNSProfile)
	}
	// A pool created with LocalDNS Required and OutboundNAT off is imported with them.
	configured := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.WindowsProfile = &armcontainerservice.AgentPoolWindowsProfile{DisableOutboundNat: to.Ptr(true)}
		p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to.Ptr(armcontainerservice.LocalDNSModeRequired)}
		p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{ApplicationSecurityGroups: []*string{to.Ptr(unitASGID)}}
	})
	imp, _, _ := flattenNodePool(ctx, configured, flattenOptions{prior: &nodePoolSettings{}, importing: true})
	if !imp.WindowsProfile.Equal(unitWindowsProfile(false)) || imp.LocalDNSProfile.IsNull() ||
		!imp.NodeNetworkProfile.Equal(unitNetworkProfile(types.ListNull(hostPortType), []string{unitASGID}, nil)) {
		t.Errorf("import: %s / %s / %s", imp.WindowsProfile, imp.LocalDNSProfile, imp.NodeNetworkProfile)
	}
}

func TestPoolNetworkChanges(t *testing.T) {
	state := networkSettings(t)
	plan := state
	plan.NodeNetworkProfile = unitNetworkProfile(unitHostPorts(unitPort{443, 443, "TCP"}), []string{unitASGID}, map[string]string{"RoutingPreference": "Internet", "FirstPartyUsage": "/Unprivileged"})
	plan.LocalDNSProfile = unitLocalDNS("Required", 1000)
	onto := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{NodePublicIPTags: []*armcontainerservice.IPTag{{IPTagType: to.Ptr("RoutingPreference"), Tag: to.Ptr("Internet")}}}
	})
	names := applyChanges(t, state, plan, onto)
	if !slices.Equal(names, []string{"node_network_profile.allowed_host_ports", "local_dns_profile"}) {
		t.Fatalf("changes %v", names)
	}
	np := onto.Properties.NetworkProfile
	if len(np.AllowedHostPorts) != 1 || *np.AllowedHostPorts[0].PortStart != 443 || len(np.NodePublicIPTags) != 1 {
		t.Errorf("network profile after the change: %+v (AKS's IP tags must stay)", np)
	}
	if *onto.Properties.LocalDNSProfile.KubeDNSOverrides["cluster.local"].MaxConcurrent != 1000 {
		t.Errorf("local DNS after the change: %+v", onto.Properties.LocalDNSProfile)
	}
	if got := networkReplacements(state, plan); len(got) != 0 {
		t.Errorf("in-place changes planned as replacements: %v", got)
	}

	// Removing them clears the ports and ASGs and turns LocalDNS off.
	plan.NodeNetworkProfile = types.ObjectNull(nodeNetworkProfileAttrTypes)
	plan.LocalDNSProfile = types.ObjectNull(localDNSProfileAttrTypes)
	onto = apiPool(nil)
	names = applyChanges(t, state, plan, onto)
	if !slices.Equal(names, []string{"node_network_profile.allowed_host_ports", "node_network_profile.application_security_group_ids", "local_dns_profile"}) {
		t.Fatalf("changes %v", names)
	}
	np = onto.Properties.NetworkProfile
	if np.AllowedHostPorts == nil || len(np.AllowedHostPorts) != 0 || np.ApplicationSecurityGroups == nil || len(np.ApplicationSecurityGroups) != 0 {
		t.Errorf("removal must send empty lists, got %+v", np)
	}
	if deref(onto.Properties.LocalDNSProfile.Mode) != "Disabled" {
		t.Errorf("removing local_dns_profile must send mode Disabled, got %+v", onto.Properties.LocalDNSProfile)
	}
}

func TestPoolNetworkReplacements(t *testing.T) {
	state := networkSettings(t)
	tests := map[string]struct {
		edit func(s *nodePoolSettings)
		want []string
	}{
		"none":                   {func(*nodePoolSettings) {}, nil},
		"prefix spelled in case": {func(s *nodePoolSettings) { s.NodePublicIPPrefixID = types.StringValue(unitPrefixIDUpper()) }, nil},
		"node public IPs off":    {func(s *nodePoolSettings) { s.NodePublicIPEnabled = types.BoolValue(false) }, []string{"node_public_ip_enabled"}},
		"prefix unknown":         {func(s *nodePoolSettings) { s.NodePublicIPPrefixID = types.StringUnknown() }, []string{"node_public_ip_prefix_id"}},
		"IP tags":                {func(s *nodePoolSettings) { s.NodeNetworkProfile = unitNetworkProfile(unitHostPorts(), nil, nil) }, []string{"node_network_profile"}},
		"OutboundNAT on":         {func(s *nodePoolSettings) { s.WindowsProfile = unitWindowsProfile(true) }, []string{"windows_profile"}},
		"OutboundNAT unset":      {func(s *nodePoolSettings) { s.WindowsProfile = types.ObjectNull(windowsProfileAttrTypes) }, []string{"windows_profile"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			plan := state
			tt.edit(&plan)
			if got := networkReplacements(state, plan); !slices.Equal(got, tt.want) {
				t.Errorf("replacements %v, want %v", got, tt.want)
			}
		})
	}
	// A Windows profile equal to AKS's default is no change.
	def := state
	def.WindowsProfile = types.ObjectNull(windowsProfileAttrTypes)
	if got := networkReplacements(def, withNetwork(def, func(s *nodePoolSettings) { s.WindowsProfile = unitWindowsProfile(true) })); len(got) != 0 {
		t.Errorf("null to outbound_nat_enabled = true: %v", got)
	}
}

func unitPrefixIDUpper() string {
	return "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/RG-AKS-DEMO/providers/Microsoft.Network/publicIPPrefixes/prefix1"
}

func withNetwork(s nodePoolSettings, edit func(*nodePoolSettings)) nodePoolSettings {
	edit(&s)
	return s
}

// A LocalDNS change warns that AKS reimages the nodes; other changes don't.
func TestPlanLocalDNSWarnsOfReimage(t *testing.T) {
	s := networkSettings(t)
	state := poolValues{nodePoolSettings: s, UpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes)}
	plan := state
	if diags := planLocalDNS(path.Empty(), state, &plan, plan); len(diags) != 0 {
		t.Errorf("no change: %v", diags)
	}
	plan.LocalDNSProfile = unitLocalDNS("Disabled", 500)
	diags := planLocalDNS(path.Root("default_node_pool"), state, &plan, plan)
	if len(diags) != 1 || diags[0].Severity() != diag.SeverityWarning || diags[0].Summary() != "The node pool will be reimaged" ||
		!strings.Contains(diags[0].Detail(), "default_node_pool.local_dns_profile changes") {
		t.Errorf("warning: %v", diags)
	}
}

// azurerm's node networking arguments move with the pool; its defaults read as null.
func TestNetworkFromAzurerm(t *testing.T) {
	ctx := context.Background()
	s := azurermState{
		"node_public_ip_enabled":   true,
		"node_public_ip_prefix_id": unitPrefixID,
		"node_network_profile": []any{map[string]any{
			"allowed_host_ports":             []any{map[string]any{"port_start": float64(80), "port_end": float64(80), "protocol": "TCP"}},
			"application_security_group_ids": []any{unitASGID},
			"node_public_ip_tags":            map[string]any{"RoutingPreference": "Internet"},
		}},
		"windows_profile": []any{map[string]any{"outbound_nat_enabled": false}},
	}
	n, dns, diags := networkFromAzurerm(ctx, s)
	requireNoErrors(t, diags)
	want := unitNetworkProfile(unitHostPorts(unitPort{80, 80, "TCP"}), []string{unitASGID}, map[string]string{"RoutingPreference": "Internet"})
	if !n.NodePublicIPEnabled.ValueBool() || n.NodePublicIPPrefixID.ValueString() != unitPrefixID || !n.NodeNetworkProfile.Equal(want) || !dns.LocalDNSProfile.IsNull() {
		t.Errorf("moved: %v %v %s %s", n.NodePublicIPEnabled, n.NodePublicIPPrefixID, n.NodeNetworkProfile, dns.LocalDNSProfile)
	}
	if w := windowsFromAzurerm(s); !w.WindowsProfile.Equal(unitWindowsProfile(false)) {
		t.Errorf("windows_profile moved as %s", w.WindowsProfile)
	}
	empty := azurermState{"node_public_ip_enabled": false, "node_network_profile": []any{}, "windows_profile": []any{map[string]any{"outbound_nat_enabled": true}}}
	n, _, _ = networkFromAzurerm(ctx, empty)
	if n.NodePublicIPEnabled.ValueBool() || !n.NodePublicIPPrefixID.IsNull() || !n.NodeNetworkProfile.IsNull() || !windowsFromAzurerm(empty).WindowsProfile.IsNull() {
		t.Errorf("azurerm's defaults moved as %v %v %s", n.NodePublicIPEnabled, n.NodePublicIPPrefixID, n.NodeNetworkProfile)
	}
}
