package aks

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// The agent pool attributes, declared once for aks_node_pool and aks_cluster's default_node_pool.
// Adding a pool attribute means: a field in poolSettings (pool_model.go), its documentation in
// nodePoolDocs (pool_docs.go), its declaration here, and its conversions in pool_flatten.go and
// pool_expand.go.

// poolKind says which schema the pool attributes are declared for. The two differ only in
// documentation (a change AKS can't make in place replaces an aks_node_pool but rotates the
// default pool) and in what AKS allows a System pool.
type poolKind int

const (
	nodePoolKind    poolKind = iota // aks_node_pool
	defaultPoolKind                 // aks_cluster's default_node_pool
)

// doc is the attribute's documentation for this kind of pool.
func (k poolKind) doc(name string) string {
	if k == defaultPoolKind {
		if d, ok := defaultPoolDocs[name]; ok {
			return d
		}
	}
	return nodePoolDocs[name]
}

// minNodes is the fewest nodes node_count, min_count and max_count allow: the default pool is a
// System pool, and System pools keep at least one node.
func (k poolKind) minNodes() int64 {
	if k == defaultPoolKind {
		return 1
	}
	return 0
}

// osSKUs are the OS SKUs the pool takes: the default pool always runs Linux.
func (k poolKind) osSKUs() []string {
	if k == defaultPoolKind {
		return rules.LinuxOSSKUs
	}
	return rules.OSSKUs
}

// reported declares an attribute only AKS sets. The default pool keeps the state's value in plans
// (its planning marks what changes unknown); aks_node_pool's ModifyPlan sets each one itself.
func (k poolKind) reported(name string) schema.StringAttribute {
	a := schema.StringAttribute{Computed: true, MarkdownDescription: k.doc(name)}
	if k == defaultPoolKind {
		a.PlanModifiers = []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	}
	return a
}

func (k poolKind) reportedCount(name string) schema.Int64Attribute {
	a := schema.Int64Attribute{Computed: true, MarkdownDescription: k.doc(name)}
	if k == defaultPoolKind {
		a.PlanModifiers = []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	}
	return a
}

// poolAttributes are the attributes of poolSettings, for a pool of kind k.
func poolAttributes(k poolKind) map[string]schema.Attribute {
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	useStateInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	nodes := int64validator.Between(k.minNodes(), 1000)
	return withGroupAttributes(k, map[string]schema.Attribute{
		"os_sku": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("os_sku"), PlanModifiers: useState,
			Validators: []validator.String{stringvalidator.OneOf(k.osSKUs()...)},
		},
		"vm_size": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("vm_size"), PlanModifiers: useState,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1), rules.VMSizeCharacters()},
		},
		"node_count": schema.Int64Attribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("node_count"), PlanModifiers: useStateInt,
			Validators: []validator.Int64{nodes},
		},
		"current_node_count": k.reportedCount("current_node_count"),
		"auto_scaling_enabled": schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("auto_scaling_enabled"), Default: booldefault.StaticBool(false),
		},
		"min_count": schema.Int64Attribute{Optional: true, MarkdownDescription: k.doc("min_count"), Validators: []validator.Int64{nodes}},
		"max_count": schema.Int64Attribute{Optional: true, MarkdownDescription: k.doc("max_count"), Validators: []validator.Int64{nodes}},
		"orchestrator_version": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("orchestrator_version"), PlanModifiers: useState,
			Validators: []validator.String{rules.KubernetesVersion()},
		},
		"current_orchestrator_version": k.reported("current_orchestrator_version"),
		"node_image_version": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("node_image_version"), PlanModifiers: useState,
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
		},
		"current_node_image_version": k.reported("current_node_image_version"),
		"vnet_subnet_id":             vnetSubnetAttribute(k),
		"pod_subnet_id": schema.StringAttribute{
			Optional: true, MarkdownDescription: k.doc("pod_subnet_id"), Validators: []validator.String{rules.SubnetID()},
		},
		"fips_enabled": schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("fips_enabled"), Default: booldefault.StaticBool(false),
		},
		"os_disk_type": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("os_disk_type"), PlanModifiers: useState,
			Validators: []validator.String{stringvalidator.OneOf(rules.OSDiskTypes...)},
		},
		"os_disk_size_gb": schema.Int64Attribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("os_disk_size_gb"), PlanModifiers: useStateInt,
			Validators: []validator.Int64{int64validator.Between(1, rules.MaxOSDiskSizeGB)},
		},
		"kubelet_disk_type": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("kubelet_disk_type"), PlanModifiers: useState,
			Validators: []validator.String{stringvalidator.OneOf(rules.KubeletDiskTypes...)},
		},
		"max_pods": schema.Int64Attribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("max_pods"), PlanModifiers: useStateInt,
			Validators: []validator.Int64{rules.MaxPods()},
		},
		"zones": schema.SetAttribute{
			Optional: true, ElementType: types.StringType, MarkdownDescription: k.doc("zones"),
			Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(rules.AvailabilityZones...))},
		},
		"node_labels": schema.MapAttribute{
			Optional: true, ElementType: types.StringType, MarkdownDescription: k.doc("node_labels"),
			Validators: []validator.Map{mapvalidator.KeysAre(rules.NodeLabelKey()), mapvalidator.ValueStringsAre(rules.NodeLabelValue())},
		},
		"node_taints": schema.ListAttribute{
			Optional: true, ElementType: types.StringType, MarkdownDescription: k.doc("node_taints"),
			Validators: []validator.List{listvalidator.ValueStringsAre(rules.NodeTaint()), rules.UniqueNodeTaints()},
		},
		"tags": schema.MapAttribute{
			Optional: true, ElementType: types.StringType, MarkdownDescription: k.doc("tags"), Validators: []validator.Map{rules.Tags()},
		},
		"host_encryption_enabled": schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: k.doc("host_encryption_enabled"), Default: booldefault.StaticBool(false),
		},
		"provisioning_state": k.reported("provisioning_state"),
	})
}

// upgradeSettingsBlock is the upgrade_settings block of both kinds of pool.
func upgradeSettingsBlock() schema.SingleNestedBlock {
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	useStateInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	d := nodePoolDocs
	return schema.SingleNestedBlock{
		MarkdownDescription: d["upgrade_settings"],
		Validators:          []validator.Object{rules.UpgradeMakesProgress()},
		Attributes: map[string]schema.Attribute{
			"max_surge": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["max_surge"], PlanModifiers: useState,
				Validators: []validator.String{rules.MaxSurge()},
			},
			"max_unavailable": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["max_unavailable"], PlanModifiers: useState,
				Validators: []validator.String{rules.MaxUnavailable()},
			},
			"drain_timeout_in_minutes": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: d["drain_timeout_in_minutes"], PlanModifiers: useStateInt,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"node_soak_duration_in_minutes": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_soak_duration_in_minutes"], PlanModifiers: useStateInt,
				Validators: []validator.Int64{int64validator.Between(0, 30)},
			},
			"undrainable_node_behavior": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["undrainable_node_behavior"], PlanModifiers: useState,
				Validators: []validator.String{stringvalidator.OneOf(undrainableNodeBehaviors()...)},
			},
		},
	}
}
