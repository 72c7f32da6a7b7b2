package rules

import (
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// checkPodSubnetVNet: pod_subnet_id lies in the same virtual network as vnet_subnet_id.
func checkPodSubnetVNet(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.PodSubnetID) || !isSet(p.VnetSubnetID) {
		return nil
	}
	podVNet, ok1 := VirtualNetworkOf(p.PodSubnetID.ValueString())
	nodeVNet, ok2 := VirtualNetworkOf(p.VnetSubnetID.ValueString())
	if !ok1 || !ok2 || podVNet == nodeVNet { // bad IDs are SubnetID's to report
		return nil
	}
	at := base.AtName("pod_subnet_id")
	return diag.Diagnostics{ruleError(at, "Pod subnet in another virtual network",
		explain(fmt.Sprintf("%s is in virtual network %s, but vnet_subnet_id is in %s.", shown(at), vnetNameBeside(p.PodSubnetID.ValueString(), p.VnetSubnetID.ValueString()), vnetNameBeside(p.VnetSubnetID.ValueString(), p.PodSubnetID.ValueString())),
			"all subnets assigned to node pools, pod subnets included, must belong to the same virtual network",
			sourceGuideSubnets,
			fmt.Sprintf("choose a pod subnet in %s.", vnetName(p.VnetSubnetID.ValueString()))))}
}

// checkSubnetsOneVNet: the pool's subnets are in the virtual network the
// cluster's other pools use.
func checkSubnetsOneVNet(base path.Path, p Pool, others []ExistingPool) diag.Diagnostics {
	var refPool, refSubnet, refVNet string
	for _, e := range others {
		for _, id := range []string{e.VnetSubnetID, e.PodSubnetID} {
			if vnet, ok := VirtualNetworkOf(id); ok && refVNet == "" {
				refPool, refSubnet, refVNet = e.Name, id, vnet
			}
		}
	}
	if refVNet == "" {
		return nil
	}
	var diags diag.Diagnostics
	for _, field := range []struct {
		name  string
		value string
		set   bool
	}{
		{"vnet_subnet_id", p.VnetSubnetID.ValueString(), isSet(p.VnetSubnetID)},
		{"pod_subnet_id", p.PodSubnetID.ValueString(), isSet(p.PodSubnetID)},
	} {
		if !field.set {
			continue
		}
		vnet, ok := VirtualNetworkOf(field.value)
		if !ok || vnet == refVNet {
			continue
		}
		at := base.AtName(field.name)
		diags.Append(ruleError(at, "Subnet in another virtual network than the cluster's pools",
			explain(fmt.Sprintf("%s is in virtual network %s, but node pool %q uses %s.", shown(at), vnetNameBeside(field.value, refSubnet), refPool, vnetNameBeside(refSubnet, field.value)),
				"all node pools must reside in the same virtual network; all subnets assigned to node pools must belong to it",
				sourceGuide+"; "+sourceGuideSubnets,
				fmt.Sprintf("choose a subnet of %s for %s.", vnetName(refSubnet), shown(at)))))
	}
	return diags
}

// checkSubnetMixing: a pool with a custom subnet can't join pools in the managed virtual
// network. A pool without vnet_subnet_id in a cluster whose pools use custom subnets is not
// refused: AKS gives it the subnet of the cluster's pools (the guide's plain
// `az aks nodepool add --name mynodepool --node-count 3`), and the provider plans that subnet.
func checkSubnetMixing(base path.Path, p Pool, others []ExistingPool) diag.Diagnostics {
	if anyUnknown(p.VnetSubnetID) || !isSet(p.VnetSubnetID) || len(others) == 0 {
		return nil
	}
	at := base.AtName("vnet_subnet_id")
	for _, e := range others {
		if e.VnetSubnetID == "" {
			return diag.Diagnostics{ruleError(at, "Custom subnet in a cluster that uses the managed virtual network",
				explain(fmt.Sprintf("%s is set, but node pool %q uses the virtual network AKS manages.", shown(at), e.Name),
					"all node pools must reside in the same virtual network, so a pool on a custom subnet can't join pools in the managed one (AKS: \"Cannot use a custom subnet because agent pool is using a managed subnet\")",
					sourceGuide,
					fmt.Sprintf("remove %s so the pool joins the managed virtual network.", shown(at))))}
		}
	}
	return nil
}

// InheritedSubnet is the subnet AKS gives a new pool created without vnetSubnetID on a cluster
// whose pools use custom subnets: the subnet of its first System pool that has one, else of its
// first pool that has one; "" when the cluster's pools use the managed virtual network.
func InheritedSubnet(pools []ExistingPool) string {
	fallback := ""
	for _, e := range pools {
		if e.VnetSubnetID == "" {
			continue
		}
		if strings.EqualFold(e.Mode, ModeSystem) {
			return e.VnetSubnetID
		}
		if fallback == "" {
			fallback = e.VnetSubnetID
		}
	}
	return fallback
}

// checkPodSubnetNetworkPlugin: pod subnets are an Azure CNI feature; kubenet has none.
func checkPodSubnetNetworkPlugin(base path.Path, p Pool, c Cluster) diag.Diagnostics {
	if !isSet(p.PodSubnetID) || !strings.EqualFold(c.NetworkPlugin, NetworkPluginKubenet) {
		return nil
	}
	at := base.AtName("pod_subnet_id")
	return diag.Diagnostics{ruleError(at, "Pod subnets need Azure CNI",
		explain(fmt.Sprintf("%s is set, but the cluster uses the kubenet network plugin.", shown(at)),
			"a pod subnet gives pods addresses from a dedicated subnet with Azure CNI; kubenet gives pods addresses from the pod CIDR instead",
			sourceCNI,
			fmt.Sprintf("remove %s, or use a cluster with network_plugin = \"azure\".", shown(at))))}
}

// VirtualNetworkOf returns the ARM ID of the virtual network that holds the
// subnet, in lower case so that IDs compare as ARM compares them.
func VirtualNetworkOf(subnetID string) (string, bool) {
	id, err := arm.ParseResourceID(subnetID)
	if err != nil || !strings.EqualFold(id.ResourceType.String(), SubnetResourceType) || id.Parent == nil {
		return "", false
	}
	return strings.ToLower(id.Parent.String()), true
}

// vnetNameBeside is vnetName, with the subscription added when other's is different: two
// networks of the same group and name in two subscriptions read alike otherwise.
func vnetNameBeside(subnetID, other string) string {
	a, errA := arm.ParseResourceID(subnetID)
	b, errB := arm.ParseResourceID(other)
	if errA != nil || errB != nil || strings.EqualFold(a.SubscriptionID, b.SubscriptionID) {
		return vnetName(subnetID)
	}
	return vnetName(subnetID) + " of subscription " + a.SubscriptionID
}

// vnetName is "resource-group/vnet" for messages.
func vnetName(subnetID string) string {
	id, ok := VirtualNetworkOf(subnetID)
	if !ok {
		return subnetID
	}
	// Keep the user's spelling: cut the same span out of the original.
	original := subnetID[:len(id)]
	parts := strings.Split(original, "/")
	if len(parts) >= 9 {
		return parts[4] + "/" + parts[8]
	}
	return original
}

// checkPodSubnetDistinct: pods get their own subnet; pod_subnet_id can't be the nodes' subnet.
func checkPodSubnetDistinct(base path.Path, p Pool) diag.Diagnostics {
	if !isSet(p.PodSubnetID) || !isSet(p.VnetSubnetID) || !strings.EqualFold(p.PodSubnetID.ValueString(), p.VnetSubnetID.ValueString()) {
		return nil
	}
	at := base.AtName("pod_subnet_id")
	return diag.Diagnostics{ruleError(at, "Pod subnet is the node subnet",
		explain(fmt.Sprintf("%s is the same subnet as vnet_subnet_id (%s).", shown(at), p.VnetSubnetID.ValueString()),
			"with dynamic IP allocation, pods get IPs from a subnet of their own, separate from the nodes' subnet",
			sourceCNI,
			fmt.Sprintf("set %s to another subnet of %s, or remove it to give pods IPs from the node subnet.", shown(at), vnetName(p.VnetSubnetID.ValueString()))))}
}
