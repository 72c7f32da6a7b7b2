package aks

// The lifecycle attribute group of aks_node_pool: power_state (az aks nodepool stop/start as a
// value), type (scale set or VirtualMachines pool) and virtual_machines_profile (the sizes and
// counts of a VirtualMachines pool). aks_cluster's default_node_pool has none of them: it is a
// System pool, which AKS can't stop, and it stays on scale sets.

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// nodePoolLifecycle is embedded at the end of nodePoolSettings.
type nodePoolLifecycle struct {
	PowerState             types.String `tfsdk:"power_state"`
	Type                   types.String `tfsdk:"type"`
	VirtualMachinesProfile types.Object `tfsdk:"virtual_machines_profile"`
	GatewayProfile         types.Object `tfsdk:"gateway_profile"`
}

// manualScaleModel is one entry of virtual_machines_profile.manual_scale.
type manualScaleModel struct {
	VMSize    types.String `tfsdk:"vm_size"`
	NodeCount types.Int64  `tfsdk:"node_count"`
}

var (
	manualScaleAttrTypes = map[string]attr.Type{"vm_size": types.StringType, "node_count": types.Int64Type}
	manualScaleType      = types.ObjectType{AttrTypes: manualScaleAttrTypes}
	vmProfileAttrTypes   = map[string]attr.Type{"manual_scale": types.ListType{ElemType: manualScaleType}}
	gatewayAttrTypes     = map[string]attr.Type{"public_ip_prefix_size": types.Int64Type}
)

// Sources of the in-place / replace decisions, shown in the docs.
const (
	docStartStop = "[Start and stop a node pool](https://learn.microsoft.com/azure/aks/start-stop-nodepools)"
	docVMPools   = "[Virtual Machines node pools](https://learn.microsoft.com/azure/aks/virtual-machines-node-pools)"
	docGateway   = "[Static Egress Gateway](https://learn.microsoft.com/azure/aks/configure-static-egress-gateway)"
)

var lifecycleDocs = map[string]string{
	"power_state": rules.MarkdownOneOf(rules.PowerStates...) + ": `az aks nodepool stop` / `start` as a value. `Stopped` deallocates every node " +
		"(no compute charges; AKS reports 0 nodes in `current_node_count` while `node_count` keeps the count the pool returns to) and pauses its autoscaler; `Running` starts it again. " +
		"Changed in place (one PUT of `powerState`, as " + docStartStop + " does). A new pool is created running and then stopped. " +
		"With other changes in the same apply, a start is sent before them and a stop after them, so they are never made on a stopped pool. " +
		"System pools can't be stopped, nor pools of a stopped cluster or of a cluster using Node Autoprovisioning; Spot and autoscaled pools can. " +
		"When unset, AKS's state is recorded (new pools run). AKS doesn't report the count a stopped pool returns to, so importing a stopped pool records `node_count` as 0: " +
		"leave `node_count` out while it is stopped (the count it had is kept), or a configured count plans an in-place update that sets the count it starts with.",
	"type": rules.MarkdownOneOf(rules.PoolTypes...) + ". `VirtualMachineScaleSets` (the default) runs the nodes in a scale set of one `vm_size`; " +
		"`VirtualMachines` has AKS manage each VM itself, with several sizes of one VM family given in `virtual_machines_profile` (no cluster autoscaler in this API version; " +
		"`vm_size` and `node_count` stay unset, as AKS reports neither for such a pool). Changing it replaces the node pool (" + docVMPools + ").",
	"virtual_machines_profile": "The nodes of a `VirtualMachines` pool (only with `type = \"VirtualMachines\"`, and required there). Changed in place, as " +
		"`az aks nodepool manual-scale add/update/delete` do (" + docVMPools + ").",
	"virtual_machines_profile.manual_scale": "The pool's VM sizes and their node counts: 1 to 5 entries, each size listed once (sizes of one VM family). " +
		"Adding, removing or changing an entry is made in place (AKS adds or removes nodes of that size).",
	"virtual_machines_profile.manual_scale.vm_size":    "A VM size of the pool, such as `Standard_D4s_v3`.",
	"virtual_machines_profile.manual_scale.node_count": "The number of nodes of this size.",
	"mode": nodePoolDocs["mode"] + " `Gateway` pools carry the egress traffic of the cluster's " + docGateway + " (which must be enabled on the cluster): Linux only, no autoscaler, " +
		"at most one node per address of `gateway_profile`'s public IP prefix. A change to or from `Gateway` replaces the node pool.",
	"gateway_profile": "The public IP prefix of a `Gateway` pool (only with `mode = \"Gateway\"`). AKS fills its default when unset; it is recorded here. " +
		"Changing it replaces the node pool (" + docGateway + ").",
	"vnet_subnet_id": nodePoolDocs["vnet_subnet_id"] + " Unset on a cluster whose pools use custom subnets, AKS gives the pool the cluster's subnet " +
		"(its System pool's), as `az aks nodepool add` without `--vnet-subnet-id` does: the plan shows that subnet, read from the live cluster, and it is recorded here.",
	"os_sku": nodePoolDocs["os_sku"] + " The versioned SKUs exist for some Kubernetes versions only: `Ubuntu2204` 1.25-1.33, `Ubuntu2404` 1.32-1.38 (no FIPS), " +
		"`AzureLinux3` 1.28-1.36, `Windows2019` up to 1.32, `Windows2022` 1.23-1.34 ([OS versions](https://learn.microsoft.com/azure/aks/upgrade-os-version)). " +
		"The API's deprecated `CBLMariner` (Azure Linux 2.0, whose node images AKS removed in March 2026) is not offered: use `AzureLinux`.",
	"gateway_profile.public_ip_prefix_size": "The size of the pool's public IP prefix, 28-31 (AKS's default 31): each node takes one address, so /31 holds 2 nodes, /30 4, /29 8, /28 16.",
}

func lifecycleAttributes() map[string]schema.Attribute {
	d := nodePoolDocs
	return map[string]schema.Attribute{
		"power_state": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["power_state"],
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Validators:    []validator.String{stringvalidator.OneOf(rules.PowerStates...)},
		},
		"type": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["type"], Default: stringdefault.StaticString(rules.PoolTypeVirtualMachineScaleSets),
			Validators: []validator.String{stringvalidator.OneOf(rules.PoolTypes...)},
		},
		"virtual_machines_profile": schema.SingleNestedAttribute{
			Optional: true, MarkdownDescription: d["virtual_machines_profile"],
			Attributes: map[string]schema.Attribute{
				"manual_scale": schema.ListNestedAttribute{
					Required: true, MarkdownDescription: d["virtual_machines_profile.manual_scale"],
					NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
						"vm_size": schema.StringAttribute{
							Required: true, MarkdownDescription: d["virtual_machines_profile.manual_scale.vm_size"],
							Validators: []validator.String{stringvalidator.LengthAtLeast(1), rules.VMSizeCharacters()},
						},
						"node_count": schema.Int64Attribute{
							Required: true, MarkdownDescription: d["virtual_machines_profile.manual_scale.node_count"],
							Validators: []validator.Int64{int64validator.Between(0, 1000)},
						},
					}},
				},
			},
		},
		"gateway_profile": schema.SingleNestedAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["gateway_profile"],
			PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
			Attributes: map[string]schema.Attribute{
				"public_ip_prefix_size": schema.Int64Attribute{
					Optional: true, Computed: true, MarkdownDescription: d["gateway_profile.public_ip_prefix_size"],
					PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
					Validators:    []validator.Int64{int64validator.Between(28, 31)},
				},
			},
		},
	}
}

// movedLifecycle is the group's state for a pool moved from azurerm, whose pools are all scale
// set pools; the power state is read by the refresh that follows.
func movedLifecycle() nodePoolLifecycle {
	return nodePoolLifecycle{
		PowerState:             types.StringNull(),
		Type:                   types.StringValue(rules.PoolTypeVirtualMachineScaleSets),
		VirtualMachinesProfile: types.ObjectNull(vmProfileAttrTypes),
		GatewayProfile:         types.ObjectNull(gatewayAttrTypes),
	}
}
