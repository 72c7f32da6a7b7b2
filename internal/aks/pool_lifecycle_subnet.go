package aks

// A pool created without vnet_subnet_id on a cluster whose pools use a custom subnet: AKS gives
// it the cluster's subnet (the guide's `az aks nodepool add --name mynodepool --node-count 3`),
// and the plan shows that subnet, read from the live cluster's pools. The same file holds the
// lifecycle facts the rules read from the live cluster.

import (
	"context"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// vnetSubnetAttribute declares vnet_subnet_id. aks_node_pool's is also Computed: unset, it is
// the subnet AKS gives the pool (the cluster's, or none in the managed virtual network).
func vnetSubnetAttribute(k poolKind) schema.StringAttribute {
	a := schema.StringAttribute{
		Optional: true, MarkdownDescription: k.doc("vnet_subnet_id"), Validators: []validator.String{rules.SubnetID()},
	}
	if k == nodePoolKind {
		a.Computed = true
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	}
	return a
}

// planInheritedSubnet plans vnet_subnet_id of a new pool that leaves it unset: the subnet AKS
// will give it, from the live cluster's pools (null for a managed virtual network). It stays
// unknown when the cluster can't be read yet (created in the same apply).
func (r *nodePoolResource) planInheritedSubnet(ctx context.Context, id aksapi.PoolID, plan *nodePoolResourceModel, config nodePoolResourceModel) {
	if !config.VnetSubnetID.IsNull() || r.client == nil {
		return
	}
	pools, err := r.client.AKS.CachedPools(ctx, id.Cluster)
	if err != nil {
		return // checkAgainstCluster reports what stops the plan
	}
	var existing []rules.ExistingPool
	for _, p := range pools {
		if p.Name != nil && strings.EqualFold(*p.Name, id.Name) {
			continue
		}
		existing = append(existing, existingFromAPI(p))
	}
	plan.VnetSubnetID = types.StringNull()
	if subnet := rules.InheritedSubnet(existing); subnet != "" {
		plan.VnetSubnetID = types.StringValue(subnet)
	}
}

// clusterLifecycle records the cluster's power state, node provisioning mode and Static Egress
// Gateway in c.
func clusterLifecycle(p *armcontainerservice.ManagedClusterProperties, c *rules.Cluster) {
	if p.PowerState != nil {
		c.PowerState = deref(p.PowerState.Code)
	}
	if p.NodeProvisioningProfile != nil {
		c.NodeProvisioningMode = deref(p.NodeProvisioningProfile.Mode)
	}
	if np := p.NetworkProfile; np != nil && np.StaticEgressGatewayProfile != nil && np.StaticEgressGatewayProfile.Enabled != nil {
		c.StaticEgressGatewayEnabled = *np.StaticEgressGatewayProfile.Enabled
	}
}

// poolLifecycleState is a pool's power and provisioning states as AKS reports them.
func poolLifecycleState(p *poolProperties) (power, provisioning string) {
	if p.PowerState != nil {
		power = deref(p.PowerState.Code)
	}
	if p.ProvisioningState != nil {
		provisioning = *p.ProvisioningState
	}
	return power, provisioning
}

// stringOrDefault is v's value, or def when v is null or unknown.
func stringOrDefault(v types.String, def string) string {
	if !known(v) {
		return def
	}
	return v.ValueString()
}
