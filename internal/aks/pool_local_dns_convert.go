package aks

// The local_dns_profile conversions (see pool_local_dns.go): create body, read back, in-place
// change with its reimage warning, and the rules' view.

import (
	"context"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

const localDNSModeDisabled = string(armcontainerservice.LocalDNSModeDisabled)

// localDNSProfileOf reads local_dns_profile and its zones; ok is false when it is null or unknown.
func localDNSProfileOf(ctx context.Context, v types.Object) (m localDNSProfileModel, kube, vnet map[string]localDNSOverrideModel, ok bool, diags diag.Diagnostics) {
	if !known(v) {
		return m, nil, nil, false, nil
	}
	diags = v.As(ctx, &m, basetypes.ObjectAsOptions{})
	if known(m.KubeDNSOverrides) {
		diags.Append(m.KubeDNSOverrides.ElementsAs(ctx, &kube, false)...)
	}
	if known(m.VnetDNSOverrides) {
		diags.Append(m.VnetDNSOverrides.ElementsAs(ctx, &vnet, false)...)
	}
	return m, kube, vnet, !diags.HasError(), diags
}

// expandLocalDNSProfile is the API's profile for the known values of v; nil when v is null.
func expandLocalDNSProfile(ctx context.Context, v types.Object) (*armcontainerservice.LocalDNSProfile, diag.Diagnostics) {
	m, kube, vnet, ok, diags := localDNSProfileOf(ctx, v)
	if !ok {
		return nil, diags
	}
	return &armcontainerservice.LocalDNSProfile{
		Mode:             enumPointer[armcontainerservice.LocalDNSMode](m.Mode),
		KubeDNSOverrides: expandLocalDNSZones(kube),
		VnetDNSOverrides: expandLocalDNSZones(vnet),
	}, diags
}

func expandLocalDNSZones(zones map[string]localDNSOverrideModel) map[string]*armcontainerservice.LocalDNSOverride {
	if zones == nil {
		return nil
	}
	out := make(map[string]*armcontainerservice.LocalDNSOverride, len(zones))
	for zone, z := range zones {
		out[zone] = &armcontainerservice.LocalDNSOverride{
			QueryLogging:                enumPointer[armcontainerservice.LocalDNSQueryLogging](z.QueryLogging),
			Protocol:                    enumPointer[armcontainerservice.LocalDNSProtocol](z.Protocol),
			ForwardDestination:          enumPointer[armcontainerservice.LocalDNSForwardDestination](z.ForwardDestination),
			ForwardPolicy:               enumPointer[armcontainerservice.LocalDNSForwardPolicy](z.ForwardPolicy),
			MaxConcurrent:               int32Pointer(z.MaxConcurrent),
			CacheDurationInSeconds:      int32Pointer(z.CacheDurationInSeconds),
			ServeStaleDurationInSeconds: int32Pointer(z.ServeStaleDurationInSeconds),
			ServeStale:                  enumPointer[armcontainerservice.LocalDNSServeStale](z.ServeStale),
		}
	}
	return out
}

func expandPoolLocalDNS(ctx context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics {
	var diags diag.Diagnostics
	p.LocalDNSProfile, diags = expandLocalDNSProfile(ctx, s.LocalDNSProfile)
	return diags
}

// flattenPoolLocalDNS reads local_dns_profile back: in full when the prior value manages it or
// in data sources; otherwise only when AKS holds more than a profile that does nothing by
// itself (mode Disabled, or Preferred without overrides), so that a pool created, imported or
// refreshed without the attribute plans cleanly whatever default profile AKS reports.
func flattenPoolLocalDNS(_ context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics {
	l := p.LocalDNSProfile
	managed := opts.prior != nil && known(opts.prior.LocalDNSProfile)
	dataSource := opts.prior == nil
	if l == nil || (!managed && !dataSource && !localDNSConfigured(l)) {
		s.LocalDNSProfile = types.ObjectNull(localDNSProfileAttrTypes)
		return nil
	}
	mode := stringFromEnum(l.Mode)
	if mode.IsNull() {
		mode = types.StringValue(rules.LocalDNSModeDefault)
	}
	obj, diags := types.ObjectValue(localDNSProfileAttrTypes, map[string]attr.Value{
		"mode":               mode,
		"kube_dns_overrides": flattenLocalDNSZones(l.KubeDNSOverrides),
		"vnet_dns_overrides": flattenLocalDNSZones(l.VnetDNSOverrides),
	})
	s.LocalDNSProfile = obj
	return diags
}

// localDNSConfigured reports whether a profile AKS holds does something: mode Required, or
// overrides under a mode other than Disabled.
func localDNSConfigured(l *armcontainerservice.LocalDNSProfile) bool {
	mode := deref(l.Mode)
	if strings.EqualFold(mode, localDNSModeDisabled) {
		return false
	}
	return strings.EqualFold(mode, string(armcontainerservice.LocalDNSModeRequired)) || len(l.KubeDNSOverrides) > 0 || len(l.VnetDNSOverrides) > 0
}

func flattenLocalDNSZones(zones map[string]*armcontainerservice.LocalDNSOverride) types.Map {
	if len(zones) == 0 {
		return types.MapNull(localDNSOverrideType)
	}
	out := make(map[string]attr.Value, len(zones))
	for zone, z := range zones {
		if z == nil {
			z = &armcontainerservice.LocalDNSOverride{}
		}
		out[zone] = types.ObjectValueMust(localDNSOverrideAttrTypes, map[string]attr.Value{
			"query_logging":                   stringFromEnum(z.QueryLogging),
			"protocol":                        stringFromEnum(z.Protocol),
			"forward_destination":             stringFromEnum(z.ForwardDestination),
			"forward_policy":                  stringFromEnum(z.ForwardPolicy),
			"max_concurrent":                  int64FromInt32(z.MaxConcurrent),
			"cache_duration_in_seconds":       int64FromInt32(z.CacheDurationInSeconds),
			"serve_stale_duration_in_seconds": int64FromInt32(z.ServeStaleDurationInSeconds),
			"serve_stale":                     stringFromEnum(z.ServeStale),
		})
	}
	return types.MapValueMust(localDNSOverrideType, out)
}

// localDNSChanges reports whether the plan changes local_dns_profile.
func localDNSChanges(state, plan poolValues) bool {
	return !plan.LocalDNSProfile.IsUnknown() && !plan.LocalDNSProfile.Equal(state.LocalDNSProfile)
}

// localDNSChange: a new profile replaces AKS's whole; removing it sends mode Disabled, the
// documented way to turn LocalDNS off.
func localDNSChange(ctx context.Context, l *poolChangeList, state, plan poolValues) {
	if !localDNSChanges(state, plan) {
		return
	}
	profile, d := expandLocalDNSProfile(ctx, plan.LocalDNSProfile)
	l.diags.Append(d...)
	if profile == nil {
		profile = &armcontainerservice.LocalDNSProfile{Mode: to.Ptr(armcontainerservice.LocalDNSModeDisabled)}
	}
	l.add("local_dns_profile", func(p *poolProperties) { p.LocalDNSProfile = profile })
}

// planLocalDNS warns that a LocalDNS change reimages the pool's nodes.
func planLocalDNS(base path.Path, state poolValues, plan *poolValues, _ poolValues) diag.Diagnostics {
	var diags diag.Diagnostics
	if localDNSChanges(state, *plan) {
		diags.AddAttributeWarning(base.AtName("local_dns_profile"), "The node pool will be reimaged",
			fmt.Sprintf("%s changes: AKS reimages every node of the pool to apply the LocalDNS configuration (in any mode, Preferred included); "+
				"workloads are drained and rescheduled (Configure LocalDNS in AKS, https://learn.microsoft.com/azure/aks/localdns-custom).", base.AtName("local_dns_profile")))
	}
	return diags
}

// localDNSRules copies local_dns_profile into the pool the rules read.
func localDNSRules(s nodePoolSettings, r *rules.Pool) {
	m, kube, vnet, ok, _ := localDNSProfileOf(context.Background(), s.LocalDNSProfile)
	if !ok {
		return
	}
	zones := func(in map[string]localDNSOverrideModel) map[string]rules.LocalDNSOverride {
		out := make(map[string]rules.LocalDNSOverride, len(in))
		for zone, z := range in {
			out[zone] = rules.LocalDNSOverride{Protocol: z.Protocol, ForwardDestination: z.ForwardDestination, ServeStale: z.ServeStale}
		}
		return out
	}
	r.LocalDNS = &rules.LocalDNSProfile{Mode: m.Mode, KubeDNSOverrides: zones(kube), VnetDNSOverrides: zones(vnet)}
}
