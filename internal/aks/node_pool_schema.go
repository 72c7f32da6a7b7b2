package aks

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

func (r *nodePoolResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	d := nodePoolDocs
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, MarkdownDescription: d["id"], PlanModifiers: useState},
		"cluster_id": schema.StringAttribute{
			Required: true, MarkdownDescription: d["cluster_id"],
			Validators: []validator.String{rules.ManagedClusterID()},
		},
		"name": schema.StringAttribute{
			Required: true, MarkdownDescription: d["name"],
			Validators: []validator.String{rules.NodePoolName()},
		},
		"mode": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["mode"], Default: stringdefault.StaticString(rules.ModeUser),
			Validators: []validator.String{stringvalidator.OneOf(rules.Modes...)},
		},
		"os_type": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["os_type"], Default: stringdefault.StaticString(rules.OSTypeLinux),
			Validators: []validator.String{stringvalidator.OneOf(rules.OSTypes...)},
		},
		"priority": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["priority"], Default: stringdefault.StaticString(rules.PriorityRegular),
			Validators: []validator.String{stringvalidator.OneOf(rules.Priorities...)},
		},
		"eviction_policy": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["eviction_policy"], PlanModifiers: useState,
			Validators: []validator.String{stringvalidator.OneOf(rules.EvictionPolicies...)},
		},
		"spot_max_price": schema.Float64Attribute{
			Optional: true, Computed: true, MarkdownDescription: d["spot_max_price"],
			PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()},
			Validators:    []validator.Float64{rules.SpotMaxPrice(), float64validator.AtLeast(-1)},
		},
		"ignore_pod_disruption_budget_on_delete": schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["ignore_pod_disruption_budget_on_delete"], Default: booldefault.StaticBool(false),
		},
	}
	maps.Copy(attrs, poolAttributes(nodePoolKind))
	maps.Copy(attrs, nodePoolOnlyAttributes())
	resp.Schema = schema.Schema{
		MarkdownDescription: "A node pool (AKS agent pool) of a managed cluster: a group of nodes with the same VM size and configuration, " +
			"managed through the AKS agentPools API as `az aks nodepool` does.\n\n" +
			"Each change maps onto the fewest correct calls: an in-place change is one read and one PUT with `If-Match` applying only the changed attributes; " +
			"`node_image_version = \"latest\"` adds the node image upgrade call; changes AKS can't make in place replace the pool. " +
			"Pools of one cluster are written at the same time, as AKS allows; two writes to one pool, and writes to the cluster itself, wait for each other within the provider, and an operation started by someone else is waited out. " +
			"Invalid combinations (ARM64 with FIPS, an Ephemeral OS disk that doesn't fit the VM size, subnets in another virtual network, version skew, ...) " +
			"are refused at plan time, before any call.",
		Attributes: attrs,
		Blocks: map[string]schema.Block{
			"upgrade_settings": upgradeSettingsBlock(),
			"timeouts":         nodePoolTimeouts.block(ctx),
		},
	}
}
