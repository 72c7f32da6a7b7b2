package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// maxPods bounds for Azure CNI and kubenet (concepts-network-ip-address-planning.md).
const (
	minMaxPods = 10
	maxMaxPods = 250
)

// maxPods defaults by networking (aks-api.md §4.4).
const (
	maxPodsOverlay       = 250 // Azure CNI Overlay (and BYO CNI "none": unverified)
	maxPodsPodSubnet     = 110 // Azure CNI with dynamic pod IP allocation (podSubnetID)
	maxPodsLegacyAzureCN = 30  // Azure CNI with pods in the node subnet
	maxPodsKubenet       = 110
)

// subnetVNet returns the VNet ID of a subnet and whether the subnet exists.
// For a subnet that doesn't exist (any more) the VNet is taken from the ID.
func subnetVNet(w World, subnetID string) (string, bool) {
	if w.Subnet != nil {
		if vnet, ok := w.Subnet(subnetID); ok {
			return vnet, true
		}
	}
	id, err := arm.ParseResourceID(subnetID)
	if err != nil || id.Parent == nil {
		return "", false
	}
	return id.Parent.String(), false
}

// checkSubnetExists: a referenced subnet must exist; AKS's code and text
// (sassoftware/viya4-iac-azure#163).
func checkSubnetExists(w World, target, subnetID string) *Error {
	if _, ok := subnetVNet(w, subnetID); ok {
		return nil
	}
	id, err := arm.ParseResourceID(subnetID)
	if err != nil || id.Parent == nil || !strings.EqualFold(id.ResourceType.String(), "Microsoft.Network/virtualNetworks/subnets") {
		// Unverified text: an ID that isn't a subnet ID at all.
		return badRequest(codeInvalidParameter, target,
			"The value of parameter %s is invalid: '%s' is not a valid subnet resource ID.", target, subnetID)
	}
	return badRequest(codeSubnetNotFound, target,
		"Could not find subnet %s in vnet %s from resource group %s of subscription %s.",
		id.Name, id.Parent.Name, id.ResourceGroupName, id.SubscriptionID)
}

// checkPoolSubnets: the node and pod subnets exist, the pod subnet is in the
// node subnet's VNet (and needs a node subnet), all pools of a cluster use
// the same VNet (node-pool-unique-subnet.md), and custom subnets aren't mixed
// with the managed VNet (MicrosoftDocs/azure-docs#116169 text; the reverse
// direction's text is unverified, modelled on it).
func checkPoolSubnets(w World, name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, others []*armcontainerservice.AgentPool) *Error {
	custom := isSet(p.VnetSubnetID)
	var vnet string
	if custom {
		if err := checkSubnetExists(w, "vnetSubnetID", *p.VnetSubnetID); err != nil {
			return err
		}
		vnet, _ = subnetVNet(w, *p.VnetSubnetID)
	}
	if isSet(p.PodSubnetID) {
		if err := checkSubnetExists(w, "podSubnetID", *p.PodSubnetID); err != nil {
			return err
		}
		if !custom {
			// Unverified text: dynamic pod IP allocation needs a custom VNet.
			return badRequest(codeInvalidParameter, "podSubnetID",
				"Agent pool '%s' sets podSubnetID but not vnetSubnetID. A pod subnet requires the agent pool to use a subnet of the same virtual network.", name)
		}
		if podVNet, _ := subnetVNet(w, *p.PodSubnetID); !strings.EqualFold(podVNet, vnet) {
			// Unverified text.
			return badRequest(codeInvalidParameter, "podSubnetID",
				"The pod subnet %s of agent pool '%s' is not in the virtual network %s of its node subnet. Pod and node subnets must belong to the same virtual network.",
				*p.PodSubnetID, name, vnet)
		}
	}
	for _, other := range others {
		op := other.Properties
		if op == nil {
			continue
		}
		otherName := poolName(other)
		otherCustom := isSet(op.VnetSubnetID)
		switch {
		case custom && !otherCustom:
			return badRequest(codeInvalidParameter, "vnetSubnetID",
				"Cannot use a custom subnet because agent pool %s is using a managed subnet. Please omit the vnetSubnetID parameter from the request.", otherName)
		case !custom && otherCustom:
			return badRequest(codeInvalidParameter, "vnetSubnetID",
				"Cannot use a managed subnet because agent pool %s is using a custom subnet. Please specify the vnetSubnetID parameter in the request.", otherName)
		case custom && otherCustom:
			if otherVNet, _ := subnetVNet(w, *op.VnetSubnetID); !strings.EqualFold(otherVNet, vnet) {
				// Unverified text and code.
				return badRequest(codeInvalidParameter, "vnetSubnetID",
					"The subnet %s of agent pool '%s' is in virtual network %s, but agent pool %s uses virtual network %s. All subnets assigned to the node pools of a cluster must belong to the same virtual network.",
					*p.VnetSubnetID, name, vnet, otherName, otherVNet)
			}
		}
	}
	return nil
}

// checkMaxPods: 10 ≤ maxPods ≤ 250. AKS's text (Azure/AKS#931) with the range.
func checkMaxPods(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.MaxPods == nil || (*p.MaxPods >= minMaxPods && *p.MaxPods <= maxMaxPods) {
		return nil
	}
	return badRequest(codeInvalidParameter, "maxPods",
		"The value of parameter maxPods is invalid: %d. maxPods must be between %d and %d.", *p.MaxPods, minMaxPods, maxMaxPods)
}

// loadBalancerSKU is the cluster's load balancer SKU; standard when unset.
func loadBalancerSKU(mc *armcontainerservice.ManagedCluster) armcontainerservice.LoadBalancerSKU {
	if mc == nil || mc.Properties == nil || mc.Properties.NetworkProfile == nil || !isSet(mc.Properties.NetworkProfile.LoadBalancerSKU) {
		return armcontainerservice.LoadBalancerSKUStandard
	}
	return armcontainerservice.LoadBalancerSKU(strings.ToLower(string(*mc.Properties.NetworkProfile.LoadBalancerSKU)))
}

func isAvailabilitySet(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) bool {
	return p != nil && equalFoldPtr(p.Type, armcontainerservice.AgentPoolTypeAvailabilitySet)
}

// checkMultiplePools: more than one pool needs a Standard load balancer and
// scale-set pools (create-node-pools.md). The VMSS text is AKS's
// (MicrosoftDocs/azure-docs#24942); the load balancer text is unverified.
func checkMultiplePools(mc *armcontainerservice.ManagedCluster, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties, others []*armcontainerservice.AgentPool) *Error {
	if len(others) == 0 {
		return nil
	}
	if loadBalancerSKU(mc) != armcontainerservice.LoadBalancerSKUStandard {
		return badRequest(codeInvalidParameter, "networkProfile.loadBalancerSku",
			"Multiple agent pools require the Standard load balancer; this cluster uses the %s load balancer. For more information, please check https://aka.ms/multiagentpoollimitations",
			loadBalancerSKU(mc))
	}
	availabilitySet := isAvailabilitySet(p)
	for _, o := range others {
		availabilitySet = availabilitySet || isAvailabilitySet(o.Properties)
	}
	if availabilitySet {
		return badRequest(codeAgentPoolAPIsUnsupported, "type",
			"AgentPool APIs supported only for clusters with VMSS agentpools. For more information, please check https://aka.ms/multiagentpoollimitations")
	}
	return nil
}

// checkVMSizeAvailable: the VM size must be offered in the region; AKS's code,
// target and text (SUP/error-code-invalidparameter.md).
func checkVMSizeAvailable(w World, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSet(p.VMSize) {
		return nil
	}
	if _, ok := lookupSKU(w, *p.VMSize); ok {
		return nil
	}
	return badRequest(codeInvalidParameter, "vmSize",
		"The requested VM size %s is not available in the current region. The sizes available in the current region are: %s. Find out more on the available VM sizes in each region at https://aka.ms/azure-regions.",
		*p.VMSize, strings.Join(availableSizeNames(w), ","))
}
