package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// The rules of Gateway agent pools (configure-static-egress-gateway.md; the spec's
// gatewayProfile: "This field cannot be set if agent pool mode is not Gateway", publicIPPrefixSize
// 28-31, default 31). AKS's codes and texts are not published: unverified.

const defaultGatewayPrefixSize = 31

func isGateway(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return equalFoldPtr(p.Mode, armcontainerservice.AgentPoolModeGateway)
}

// checkNewGatewayPool checks a new pool's gateway settings and that the cluster has the Static
// Egress Gateway and no pod subnets.
func checkNewGatewayPool(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if err := checkGatewayProfile(name, p); err != nil || !isGateway(p) {
		return err
	}
	mc := w.Cluster
	if mc == nil || mc.Properties == nil || mc.Properties.NetworkProfile == nil || mc.Properties.NetworkProfile.StaticEgressGatewayProfile == nil ||
		mc.Properties.NetworkProfile.StaticEgressGatewayProfile.Enabled == nil || !*mc.Properties.NetworkProfile.StaticEgressGatewayProfile.Enabled {
		return badRequest(codeInvalidParameter, "mode",
			"Agent pool '%s' has mode Gateway, but the cluster does not have the static egress gateway enabled (networkProfile.staticEgressGatewayProfile.enabled).", name)
	}
	podSubnet := isSet(p.PodSubnetID)
	for _, o := range w.Pools {
		podSubnet = podSubnet || (o.Properties != nil && isSet(o.Properties.PodSubnetID))
	}
	if podSubnet {
		return badRequest(codeInvalidParameter, "mode", "Gateway agent pools are not supported in clusters using Azure CNI with pod subnets.")
	}
	return nil
}

// checkUpdatedGatewayPool checks an update (p merged with the stored pool).
func checkUpdatedGatewayPool(_ World, name string, _, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	return checkGatewayProfile(name, p)
}

func checkGatewayProfile(name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isGateway(p) {
		if p.GatewayProfile != nil {
			return badRequest(codeInvalidParameter, "gatewayProfile", "gatewayProfile can't be set on agent pool '%s' because its mode is not Gateway.", name)
		}
		return nil
	}
	size := int32(defaultGatewayPrefixSize)
	if p.GatewayProfile != nil && p.GatewayProfile.PublicIPPrefixSize != nil {
		size = *p.GatewayProfile.PublicIPPrefixSize
	}
	switch {
	case size < 28 || size > 31:
		return badRequest(codeInvalidParameter, "gatewayProfile.publicIPPrefixSize", "publicIPPrefixSize %d is out of the range [28, 31].", size)
	case equalFoldPtr(p.OSType, armcontainerservice.OSTypeWindows):
		return badRequest(codeInvalidParameter, "osType", "Windows agent pools can't be Gateway agent pools ('%s').", name)
	case p.EnableAutoScaling != nil && *p.EnableAutoScaling:
		return badRequest(codeInvalidParameter, "enableAutoScaling", "Cluster autoscaler is not supported for Gateway agent pool '%s'.", name)
	case p.Count != nil && *p.Count > int32(1)<<(32-size):
		return badRequest(codeInvalidParameter, "count",
			"Agent pool '%s' has %d nodes, more than the %d addresses of its /%d public IP prefix.", name, *p.Count, int32(1)<<(32-size), size)
	}
	return nil
}
