package aks

// Gateway pools: gateway_profile to and from the API's gatewayProfile.

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// gatewayPrefixSize is gateway_profile.public_ip_prefix_size: null when the profile or the size
// is null, unknown when either is unknown.
func gatewayPrefixSize(profile types.Object) types.Int64 {
	if profile.IsUnknown() {
		return types.Int64Unknown()
	}
	if profile.IsNull() {
		return types.Int64Null()
	}
	if v, ok := profile.Attributes()["public_ip_prefix_size"].(types.Int64); ok {
		return v
	}
	return types.Int64Null()
}

// expandGatewayProfile is the create body's gatewayProfile: only a known, configured size.
func expandGatewayProfile(s nodePoolSettings) *armcontainerservice.AgentPoolGatewayProfile {
	size := gatewayPrefixSize(s.GatewayProfile)
	if !known(size) {
		return nil
	}
	return &armcontainerservice.AgentPoolGatewayProfile{PublicIPPrefixSize: int32Pointer(size)}
}

// flattenGatewayProfile reads gatewayProfile; null when AKS reports none.
func flattenGatewayProfile(p *armcontainerservice.AgentPoolGatewayProfile) (types.Object, diag.Diagnostics) {
	if p == nil {
		return types.ObjectNull(gatewayAttrTypes), nil
	}
	return types.ObjectValue(gatewayAttrTypes, map[string]attr.Value{"public_ip_prefix_size": int64FromInt32(p.PublicIPPrefixSize)})
}

// gatewayReplacements: a pool becomes or stops being a Gateway pool, or its prefix changes,
// only with a new pool (az aks nodepool update has neither --mode Gateway nor
// --gateway-prefix-size, and the prefix holds the nodes' addresses).
func gatewayReplacements(state, plan nodePoolSettings) []string {
	var out []string
	gateway := func(s nodePoolSettings) bool { return s.Mode.ValueString() == rules.ModeGateway }
	if !state.Mode.IsNull() && known(plan.Mode) && gateway(state) != gateway(plan) {
		out = append(out, "mode")
	}
	before, after := gatewayPrefixSize(state.GatewayProfile), gatewayPrefixSize(plan.GatewayProfile)
	if known(before) && (after.IsUnknown() || (known(after) && !after.Equal(before))) {
		out = append(out, "gateway_profile")
	}
	return out
}
