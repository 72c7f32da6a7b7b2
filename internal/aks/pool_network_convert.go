package aks

// The node networking conversions (see pool_network.go): create body, read back, in-place
// changes, replacements and the rules' view.

import (
	"context"
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// nodeNetworkProfileOf reads node_network_profile; ok is false when it is null or unknown.
func nodeNetworkProfileOf(ctx context.Context, v types.Object) (nodeNetworkProfileModel, bool, diag.Diagnostics) {
	var m nodeNetworkProfileModel
	if !known(v) {
		return m, false, nil
	}
	diags := v.As(ctx, &m, basetypes.ObjectAsOptions{})
	return m, !diags.HasError(), diags
}

// expandPoolNetwork sets the node networking of a create body.
func expandPoolNetwork(ctx context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics {
	p.EnableNodePublicIP = boolPointer(s.NodePublicIPEnabled)
	p.NodePublicIPPrefixID = stringPointer(s.NodePublicIPPrefixID)
	m, ok, diags := nodeNetworkProfileOf(ctx, s.NodeNetworkProfile)
	if ok {
		np := &armcontainerservice.AgentPoolNetworkProfile{}
		var d diag.Diagnostics
		np.AllowedHostPorts, d = expandHostPorts(ctx, m.AllowedHostPorts)
		diags.Append(d...)
		np.ApplicationSecurityGroups, d = stringPointers(ctx, m.ApplicationSecurityGroupIDs)
		diags.Append(d...)
		np.NodePublicIPTags, d = expandIPTags(ctx, m.NodePublicIPTags)
		diags.Append(d...)
		p.NetworkProfile = np
	}
	if known(s.WindowsProfile) {
		var w poolWindowsProfileModel
		diags.Append(s.WindowsProfile.As(ctx, &w, basetypes.ObjectAsOptions{})...)
		if known(w.OutboundNATEnabled) {
			p.WindowsProfile = &armcontainerservice.AgentPoolWindowsProfile{DisableOutboundNat: to.Ptr(!w.OutboundNATEnabled.ValueBool())}
		}
	}
	return diags
}

func expandHostPorts(ctx context.Context, v types.List) ([]*armcontainerservice.PortRange, diag.Diagnostics) {
	if !known(v) {
		return nil, nil
	}
	var ports []hostPortModel
	diags := v.ElementsAs(ctx, &ports, false)
	out := make([]*armcontainerservice.PortRange, 0, len(ports))
	for _, r := range ports {
		out = append(out, &armcontainerservice.PortRange{
			PortStart: int32Pointer(r.PortStart),
			PortEnd:   int32Pointer(r.PortEnd),
			Protocol:  enumPointer[armcontainerservice.Protocol](r.Protocol),
		})
	}
	return out, diags
}

// expandIPTags turns the tag type → tag map into the API's IPTag list, sorted by type so that
// bodies are stable.
func expandIPTags(ctx context.Context, v types.Map) ([]*armcontainerservice.IPTag, diag.Diagnostics) {
	tags, diags := stringPointerMap(ctx, v)
	if tags == nil {
		return nil, diags
	}
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*armcontainerservice.IPTag, 0, len(keys))
	for _, k := range keys {
		out = append(out, &armcontainerservice.IPTag{IPTagType: to.Ptr(k), Tag: tags[k]})
	}
	return out, diags
}

// flattenPoolNetwork reads the node networking back. node_network_profile and windows_profile
// stay null while the prior value is null and AKS holds nothing beyond its defaults, so that a
// configuration without them (or an import of a pool created without them) plans cleanly.
func flattenPoolNetwork(ctx context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics {
	prior := nodePoolSettings{}
	if opts.prior != nil {
		prior = *opts.prior
	}
	s.NodePublicIPEnabled = types.BoolValue(boolValue(p.EnableNodePublicIP))
	s.NodePublicIPPrefixID = keepSpelling(prior.NodePublicIPPrefixID, p.NodePublicIPPrefixID)
	var diags diag.Diagnostics
	s.NodeNetworkProfile, diags = flattenNodeNetworkProfile(ctx, p.NetworkProfile, prior.NodeNetworkProfile)
	s.WindowsProfile = flattenPoolWindowsProfile(p.WindowsProfile, prior.WindowsProfile)
	return diags
}

func flattenNodeNetworkProfile(ctx context.Context, np *armcontainerservice.AgentPoolNetworkProfile, prior types.Object) (types.Object, diag.Diagnostics) {
	if np == nil {
		np = &armcontainerservice.AgentPoolNetworkProfile{}
	}
	priorModel, _, diags := nodeNetworkProfileOf(ctx, prior)
	empty := len(np.AllowedHostPorts) == 0 && len(np.ApplicationSecurityGroups) == 0 && len(np.NodePublicIPTags) == 0
	if empty && !known(prior) {
		return types.ObjectNull(nodeNetworkProfileAttrTypes), diags
	}
	if !known(prior) {
		priorModel = nodeNetworkProfileModel{
			AllowedHostPorts: types.ListNull(hostPortType), ApplicationSecurityGroupIDs: types.SetNull(types.StringType), NodePublicIPTags: types.MapNull(types.StringType),
		}
	}
	ports := make([]attr.Value, 0, len(np.AllowedHostPorts))
	for _, r := range np.AllowedHostPorts {
		if r == nil {
			continue
		}
		ports = append(ports, types.ObjectValueMust(hostPortAttrTypes, map[string]attr.Value{
			"port_start": int64FromInt32(r.PortStart), "port_end": int64FromInt32(r.PortEnd), "protocol": stringFromEnum(r.Protocol),
		}))
	}
	portList := types.ListNull(hostPortType)
	if len(ports) > 0 || known(priorModel.AllowedHostPorts) {
		portList = types.ListValueMust(hostPortType, ports)
	}
	asgs, d := stringSetOrNull(ctx, keepSpellings(ctx, priorModel.ApplicationSecurityGroupIDs, derefStrings(np.ApplicationSecurityGroups)), priorModel.ApplicationSecurityGroupIDs)
	diags.Append(d...)
	tags := map[string]string{}
	for _, t := range np.NodePublicIPTags {
		if t != nil && t.IPTagType != nil && t.Tag != nil {
			tags[*t.IPTagType] = *t.Tag
		}
	}
	tagMap, d := stringMapOrNull(ctx, tags, priorModel.NodePublicIPTags)
	diags.Append(d...)
	obj, d := types.ObjectValue(nodeNetworkProfileAttrTypes, map[string]attr.Value{
		"allowed_host_ports": portList, "application_security_group_ids": asgs, "node_public_ip_tags": tagMap,
	})
	diags.Append(d...)
	return obj, diags
}

// keepSpellings gives each of ids the prior set's spelling when they differ only in letter case.
func keepSpellings(ctx context.Context, prior types.Set, ids []string) []string {
	var spelled []string
	if known(prior) {
		prior.ElementsAs(ctx, &spelled, false)
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		for _, s := range spelled {
			if strings.EqualFold(s, id) {
				id = s
				break
			}
		}
		out = append(out, id)
	}
	return out
}

func flattenPoolWindowsProfile(w *armcontainerservice.AgentPoolWindowsProfile, prior types.Object) types.Object {
	disabled := w != nil && boolValue(w.DisableOutboundNat)
	if !known(prior) && !disabled {
		return types.ObjectNull(windowsProfileAttrTypes)
	}
	return types.ObjectValueMust(windowsProfileAttrTypes, map[string]attr.Value{"outbound_nat_enabled": types.BoolValue(!disabled)})
}

// networkChanges: allowed host ports and application security groups change in place, each
// replaced whole (an empty list clears them).
func networkChanges(ctx context.Context, l *poolChangeList, state, plan poolValues) {
	if plan.NodeNetworkProfile.IsUnknown() {
		return
	}
	was, _, d := nodeNetworkProfileOf(ctx, state.NodeNetworkProfile)
	l.diags.Append(d...)
	now, _, d := nodeNetworkProfileOf(ctx, plan.NodeNetworkProfile)
	l.diags.Append(d...)
	if !now.AllowedHostPorts.IsUnknown() && !sameElements(was.AllowedHostPorts, now.AllowedHostPorts) {
		ports, d := expandHostPorts(ctx, now.AllowedHostPorts)
		l.diags.Append(d...)
		l.add("node_network_profile.allowed_host_ports", func(p *poolProperties) {
			networkProfileOf(p).AllowedHostPorts = append([]*armcontainerservice.PortRange{}, ports...)
		})
	}
	if !now.ApplicationSecurityGroupIDs.IsUnknown() && !sameElements(was.ApplicationSecurityGroupIDs, now.ApplicationSecurityGroupIDs) {
		asgs, d := stringPointers(ctx, now.ApplicationSecurityGroupIDs)
		l.diags.Append(d...)
		l.add("node_network_profile.application_security_group_ids", func(p *poolProperties) {
			networkProfileOf(p).ApplicationSecurityGroups = append([]*string{}, asgs...)
		})
	}
}

// networkProfileOf is p's network profile, created when AKS holds none.
func networkProfileOf(p *poolProperties) *armcontainerservice.AgentPoolNetworkProfile {
	if p.NetworkProfile == nil {
		p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{}
	}
	return p.NetworkProfile
}

// sameElements compares two collections, null equal to empty (the zero value of an unset one).
func sameElements(a, b interface {
	attr.Value
}) bool {
	if isEmptyCollection(a) && isEmptyCollection(b) {
		return true
	}
	return a.Equal(b)
}

func isEmptyCollection(v attr.Value) bool {
	switch c := v.(type) {
	case types.List:
		return c.IsNull() || (!c.IsUnknown() && len(c.Elements()) == 0)
	case types.Set:
		return c.IsNull() || (!c.IsUnknown() && len(c.Elements()) == 0)
	case types.Map:
		return c.IsNull() || (!c.IsUnknown() && len(c.Elements()) == 0)
	}
	return v == nil || v.IsNull()
}

// networkReplacements: node public IPs, their prefix and tags, and the Windows profile can't
// change on an existing pool.
func networkReplacements(state, plan nodePoolSettings) []string {
	var out []string
	if plan.NodePublicIPEnabled.IsUnknown() || boolOf(state.NodePublicIPEnabled) != boolOf(plan.NodePublicIPEnabled) {
		out = append(out, "node_public_ip_enabled")
	}
	if plan.NodePublicIPPrefixID.IsUnknown() || !strings.EqualFold(state.NodePublicIPPrefixID.ValueString(), plan.NodePublicIPPrefixID.ValueString()) {
		out = append(out, "node_public_ip_prefix_id")
	}
	ctx := context.Background()
	was, _, _ := nodeNetworkProfileOf(ctx, state.NodeNetworkProfile)
	now, _, _ := nodeNetworkProfileOf(ctx, plan.NodeNetworkProfile)
	if plan.NodeNetworkProfile.IsUnknown() || now.NodePublicIPTags.IsUnknown() || !sameElements(was.NodePublicIPTags, now.NodePublicIPTags) {
		out = append(out, "node_network_profile") // its node_public_ip_tags
	}
	if plan.WindowsProfile.IsUnknown() || outboundNATEnabled(state.WindowsProfile) != outboundNATEnabled(plan.WindowsProfile) {
		out = append(out, "windows_profile")
	}
	return out
}

func boolOf(v types.Bool) bool { return known(v) && v.ValueBool() }

// outboundNATEnabled is windows_profile.outbound_nat_enabled; unset or unknown it is AKS's default, true.
func outboundNATEnabled(v types.Object) bool {
	if !known(v) {
		return true
	}
	b, ok := v.Attributes()["outbound_nat_enabled"].(types.Bool)
	return !ok || !known(b) || b.ValueBool()
}

// networkRules copies the node networking settings into the pool the rules read.
func networkRules(s nodePoolSettings, r *rules.Pool) {
	r.NodePublicIPEnabled = s.NodePublicIPEnabled
	r.NodePublicIPPrefixID = s.NodePublicIPPrefixID
	r.WindowsOutboundNATEnabled = types.BoolNull()
	if known(s.WindowsProfile) {
		if b, ok := s.WindowsProfile.Attributes()["outbound_nat_enabled"].(types.Bool); ok {
			r.WindowsOutboundNATEnabled = b
		}
	}
	ctx := context.Background()
	m, ok, _ := nodeNetworkProfileOf(ctx, s.NodeNetworkProfile)
	if !ok {
		return
	}
	var ports []hostPortModel
	if known(m.AllowedHostPorts) {
		m.AllowedHostPorts.ElementsAs(ctx, &ports, false)
	}
	for _, p := range ports {
		r.AllowedHostPorts = append(r.AllowedHostPorts, rules.PortRange{PortStart: p.PortStart, PortEnd: p.PortEnd, Protocol: p.Protocol})
	}
	r.NodePublicIPTagsSet = !isEmptyCollection(m.NodePublicIPTags)
	r.NodeNetworkProfileSet = len(ports) > 0 || !isEmptyCollection(m.ApplicationSecurityGroupIDs) || r.NodePublicIPTagsSet
}
