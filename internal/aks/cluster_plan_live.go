package aks

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// The live reads of a cluster's create plan: read-only calls a Reader can make, so that a taken
// name, a missing resource group or a version the region does not offer fails the plan, not the
// apply. A read that is refused (403) or fails only warns: AKS then decides at apply.

// checkCreateLive runs the live checks of a cluster create whose name, group and location are known.
func (r *clusterResource) checkCreateLive(ctx context.Context, plan clusterResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if r.client == nil || !known(plan.ResourceGroupName) || !known(plan.Name) {
		return diags
	}
	group := plan.ResourceGroupName.ValueString()
	exists, err := r.client.ResourceGroupExists(ctx, group)
	switch {
	case err != nil:
		diags.AddAttributeWarning(path.Root("resource_group_name"), "Resource group not checked at plan",
			fmt.Sprintf("Reading resource group %s failed: %s\n\nAKS checks it at apply.", group, err))
	case !exists:
		diags.AddAttributeError(path.Root("resource_group_name"), "Resource group not found",
			fmt.Sprintf("Resource group %s does not exist in subscription %s, so the cluster can't be created in it.\n\n"+
				"Fix: create the resource group first (with azurerm_resource_group, referencing its name so Terraform orders the two, or `az group create`), or correct resource_group_name.",
				group, r.client.SubscriptionID))
		return diags
	}
	id := aksapi.ClusterID{SubscriptionID: r.client.SubscriptionID, ResourceGroup: group, Name: plan.Name.ValueString()}
	if r.client.InState(id.String()) {
		// A cluster the state holds: a replacement's create, whose name is its own.
	} else if _, err := r.client.AKS.GetCluster(ctx, id); err == nil {
		diags.AddAttributeError(path.Root("name"), "Managed cluster already exists", clusterExistsDetail(id))
	} else if !aksapi.IsNotFound(err) {
		diags.AddAttributeWarning(path.Root("name"), "Cluster name not checked at plan", err.Error())
	}
	diags.Append(r.checkVersionOffered(ctx, plan)...)
	if plan.DefaultNodePool != nil {
		diags.Append(checkSubnetsExist(ctx, r.client, path.Root("default_node_pool"), map[string]types.String{
			"vnet_subnet_id": plan.DefaultNodePool.VnetSubnetID, "pod_subnet_id": plan.DefaultNodePool.PodSubnetID})...)
		if !diags.HasError() {
			diags.Append(r.checkCIDRsOutsideVNet(ctx, plan)...)
		}
	}
	return diags
}

// checkCIDRsOutsideVNet: a configured service_cidr or pod_cidr and the virtual network of the
// default pool's vnet_subnet_id (read with one GET) don't collide (rules.CheckCIDRsOutsideVirtualNetwork).
// A read that fails or is refused warns: AKS then decides at apply.
func (r *clusterResource) checkCIDRsOutsideVNet(ctx context.Context, plan clusterResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	subnet := plan.DefaultNodePool.VnetSubnetID
	config := clusterRulesConfig(ctx, plan)
	if !known(subnet) || subnet.ValueString() == "" || (!known(config.ServiceCIDR) && !known(config.PodCIDR)) {
		return diags
	}
	vnet, err := r.client.VirtualNetworkOfSubnet(ctx, subnet.ValueString())
	if err != nil {
		diags.AddAttributeWarning(path.Root("network_profile"), "Address ranges not checked against the virtual network at plan",
			fmt.Sprintf("Reading the virtual network of %s failed: %s\n\nAKS checks service_cidr and pod_cidr against it at apply.", subnet.ValueString(), err))
		return diags
	}
	nodeSubnet := ""
	if parsed, err := arm.ParseResourceID(subnet.ValueString()); err == nil {
		nodeSubnet = parsed.Name
	}
	diags.Append(rules.CheckCIDRsOutsideVirtualNetwork(config, rules.VirtualNetwork{
		ID: vnet.ID, AddressSpace: vnet.AddressSpace, Subnets: vnet.Subnets, NodeSubnet: nodeSubnet,
	})...)
	return diags
}

// checkVersionOffered: the location exists for AKS, and kubernetes_version is one AKS offers for
// new clusters there.
func (r *clusterResource) checkVersionOffered(ctx context.Context, plan clusterResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if !known(plan.Location) {
		return diags
	}
	location := plan.Location.ValueString()
	versions, err := r.client.AKS.ListKubernetesVersions(ctx, r.client.SubscriptionID, location)
	if isUnknownLocation(err) {
		diags.AddAttributeError(path.Root("location"), "Location not found",
			fmt.Sprintf("location = %q is not a region Azure offers AKS clusters in: %s\n\n"+
				"Fix: set location to a region name such as \"eastus\" or \"westeurope\" (`az account list-locations --output table` lists them; `az provider show --namespace Microsoft.ContainerService` lists where AKS is offered).", location, err))
		return diags
	}
	if !known(plan.KubernetesVersion) {
		return diags // AKS's default version is offered wherever AKS is
	}
	want := plan.KubernetesVersion.ValueString()
	if err != nil {
		diags.AddAttributeWarning(path.Root("kubernetes_version"), "Kubernetes version not checked at plan", err.Error())
		return diags
	}
	offered := versionsOffered(versions)
	for _, v := range offered {
		if v == want {
			return diags
		}
	}
	if len(offered) == 0 {
		diags.AddAttributeError(path.Root("location"), "No Kubernetes versions offered in the location",
			fmt.Sprintf("AKS offers no Kubernetes version in location %q: the location does not exist or does not offer AKS.\n\n"+
				"Fix: set location to a region that offers AKS (`az account list-locations --output table` lists the names, such as \"eastus\").", location))
		return diags
	}
	diags.AddAttributeError(path.Root("kubernetes_version"), "Kubernetes version not offered",
		fmt.Sprintf("kubernetes_version = %q is not among the versions AKS offers for new clusters in %s: %s.\n\n"+
			"Rule: a new cluster runs a version AKS offers in its region (source: the AKS docs \"Supported Kubernetes versions\", https://learn.microsoft.com/azure/aks/supported-kubernetes-versions).\n\n"+
			"Fix: choose one of them (`az aks get-versions --location %s`, or the aks_kubernetes_versions data source), or remove kubernetes_version for AKS's default.",
			want, location, strings.Join(offered, ", "), location))
	return diags
}

// isUnknownLocation reports whether err is ARM's answer for a location the resource type is not
// offered in (a misspelt or nonexistent region): NoRegisteredProviderFound for a location-scoped
// read, LocationNotAvailableForResourceType for a write.
func isUnknownLocation(err error) bool {
	var respErr *azcore.ResponseError
	if !errors.As(err, &respErr) {
		return false
	}
	return strings.EqualFold(respErr.ErrorCode, "NoRegisteredProviderFound") || strings.EqualFold(respErr.ErrorCode, "LocationNotAvailableForResourceType")
}

// versionsOffered lists the minor versions (alias "1.33") and patch versions AKS offers.
func versionsOffered(versions []*armcontainerservice.KubernetesVersion) []string {
	var out []string
	for _, v := range versions {
		if v == nil || v.Version == nil {
			continue
		}
		out = append(out, *v.Version)
		for patch := range v.PatchVersions {
			out = append(out, patch)
		}
	}
	sort.Strings(out)
	return out
}
