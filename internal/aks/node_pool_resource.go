package aks

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/agentpools"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var (
	_ resource.ResourceWithConfigure      = (*nodePoolResource)(nil)
	_ resource.ResourceWithImportState    = (*nodePoolResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*nodePoolResource)(nil)
	_ resource.ResourceWithValidateConfig = (*nodePoolResource)(nil)
)

// Default timeouts, as AKS node pool operations take minutes (upgrades can take an hour).
const (
	nodePoolCreateTimeout = 60 * time.Minute
	nodePoolReadTimeout   = 5 * time.Minute
	nodePoolUpdateTimeout = 60 * time.Minute
	nodePoolDeleteTimeout = 60 * time.Minute
)

// NewNodePoolResource is the constructor of aks_node_pool.
func NewNodePoolResource() resource.Resource {
	return &nodePoolResource{}
}

type nodePoolResource struct {
	client *clients.Client
}

type nodePoolResourceModel struct {
	ID        types.String `tfsdk:"id"`
	ClusterID types.String `tfsdk:"cluster_id"`
	Name      types.String `tfsdk:"name"`
	nodePoolSettings
	UpgradeSettings                   types.Object   `tfsdk:"upgrade_settings"`
	IgnorePodDisruptionBudgetOnDelete types.Bool     `tfsdk:"ignore_pod_disruption_budget_on_delete"`
	Timeouts                          timeouts.Value `tfsdk:"timeouts"`
}

func (r *nodePoolResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_node_pool"
}

func (r *nodePoolResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	useStateInt := []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}
	d := nodePoolDocs
	resp.Schema = schema.Schema{
		MarkdownDescription: "A node pool (AKS agent pool) of a managed cluster: a group of nodes with the same VM size and configuration, " +
			"managed through the AKS agentPools API as `az aks nodepool` does.\n\n" +
			"Each change maps onto the fewest correct calls: an in-place change is one read and one PUT with `If-Match` applying only the changed attributes; " +
			"`node_image_version = \"latest\"` adds the node image upgrade call; changes AKS can't make in place replace the pool. " +
			"Writes to one cluster are serialised within the provider, and an operation started by someone else is waited out. " +
			"Invalid combinations (ARM64 with FIPS, an Ephemeral OS disk that doesn't fit the VM size, subnets in another virtual network, version skew, ...) " +
			"are refused at plan time, before any call.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: d["id"],
				PlanModifiers: useState,
			},
			"cluster_id": schema.StringAttribute{
				Required: true, MarkdownDescription: d["cluster_id"],
				Validators: []validator.String{rules.ManagedClusterID()},
			},
			"name": schema.StringAttribute{
				Required: true, MarkdownDescription: d["name"],
				Validators: []validator.String{rules.NodePoolName()},
			},
			"mode": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["mode"],
				Default:    stringdefault.StaticString(string(armcontainerservice.AgentPoolModeUser)),
				Validators: []validator.String{stringvalidator.OneOf(string(armcontainerservice.AgentPoolModeSystem), string(armcontainerservice.AgentPoolModeUser))},
			},
			"os_type": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["os_type"],
				Default:    stringdefault.StaticString(string(armcontainerservice.OSTypeLinux)),
				Validators: []validator.String{stringvalidator.OneOf(string(armcontainerservice.OSTypeLinux), string(armcontainerservice.OSTypeWindows))},
			},
			"os_sku": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["os_sku"],
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.OneOf(append(linuxOSSKUs, windowsOSSKUs...)...)},
			},
			"vm_size": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["vm_size"],
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"node_count": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_count"],
				PlanModifiers: useStateInt,
				Validators:    []validator.Int64{int64validator.Between(0, 1000)},
			},
			"current_node_count": schema.Int64Attribute{Computed: true, MarkdownDescription: d["current_node_count"]},
			"auto_scaling_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["auto_scaling_enabled"],
				Default: booldefault.StaticBool(false),
			},
			"min_count": schema.Int64Attribute{
				Optional: true, MarkdownDescription: d["min_count"],
				Validators: []validator.Int64{int64validator.Between(0, 1000)},
			},
			"max_count": schema.Int64Attribute{
				Optional: true, MarkdownDescription: d["max_count"],
				Validators: []validator.Int64{int64validator.Between(0, 1000)},
			},
			"orchestrator_version": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["orchestrator_version"],
				PlanModifiers: useState,
				Validators:    []validator.String{rules.KubernetesVersion()},
			},
			"current_orchestrator_version": schema.StringAttribute{Computed: true, MarkdownDescription: d["current_orchestrator_version"]},
			"node_image_version": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["node_image_version"],
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"current_node_image_version": schema.StringAttribute{Computed: true, MarkdownDescription: d["current_node_image_version"]},
			"vnet_subnet_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: d["vnet_subnet_id"],
				Validators: []validator.String{rules.SubnetID()},
			},
			"pod_subnet_id": schema.StringAttribute{
				Optional: true, MarkdownDescription: d["pod_subnet_id"],
				Validators: []validator.String{rules.SubnetID()},
			},
			"fips_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["fips_enabled"],
				Default: booldefault.StaticBool(false),
			},
			"os_disk_type": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["os_disk_type"],
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.OneOf(string(armcontainerservice.OSDiskTypeManaged), string(armcontainerservice.OSDiskTypeEphemeral))},
			},
			"os_disk_size_gb": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: d["os_disk_size_gb"],
				PlanModifiers: useStateInt,
				Validators:    []validator.Int64{int64validator.Between(1, 2048)},
			},
			"kubelet_disk_type": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["kubelet_disk_type"],
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.OneOf(string(armcontainerservice.KubeletDiskTypeOS), string(armcontainerservice.KubeletDiskTypeTemporary))},
			},
			"max_pods": schema.Int64Attribute{
				Optional: true, Computed: true, MarkdownDescription: d["max_pods"],
				PlanModifiers: useStateInt,
				Validators:    []validator.Int64{rules.MaxPods()},
			},
			"zones": schema.SetAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["zones"],
				Validators: []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf("1", "2", "3"))},
			},
			"node_labels": schema.MapAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["node_labels"],
				Validators: []validator.Map{mapvalidator.KeysAre(rules.NodeLabelKey()), mapvalidator.ValueStringsAre(rules.NodeLabelValue())},
			},
			"node_taints": schema.ListAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["node_taints"],
				Validators: []validator.List{listvalidator.ValueStringsAre(rules.NodeTaint()), rules.UniqueNodeTaints()},
			},
			"tags": schema.MapAttribute{
				Optional: true, ElementType: types.StringType, MarkdownDescription: d["tags"],
			},
			"priority": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["priority"],
				Default:    stringdefault.StaticString(string(armcontainerservice.ScaleSetPriorityRegular)),
				Validators: []validator.String{stringvalidator.OneOf(string(armcontainerservice.ScaleSetPriorityRegular), string(armcontainerservice.ScaleSetPrioritySpot))},
			},
			"eviction_policy": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["eviction_policy"],
				PlanModifiers: useState,
				Validators:    []validator.String{stringvalidator.OneOf(string(armcontainerservice.ScaleSetEvictionPolicyDelete), string(armcontainerservice.ScaleSetEvictionPolicyDeallocate))},
			},
			"spot_max_price": schema.Float64Attribute{
				Optional: true, Computed: true, MarkdownDescription: d["spot_max_price"],
				PlanModifiers: []planmodifier.Float64{float64planmodifier.UseStateForUnknown()},
				Validators:    []validator.Float64{rules.SpotMaxPrice(), float64validator.AtLeast(-1)},
			},
			"host_encryption_enabled": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["host_encryption_enabled"],
				Default: booldefault.StaticBool(false),
			},
			"provisioning_state": schema.StringAttribute{Computed: true, MarkdownDescription: d["provisioning_state"]},
			"ignore_pod_disruption_budget_on_delete": schema.BoolAttribute{
				Optional: true, Computed: true, MarkdownDescription: d["ignore_pod_disruption_budget_on_delete"],
				Default: booldefault.StaticBool(false),
			},
		},
		Blocks: map[string]schema.Block{
			"upgrade_settings": schema.SingleNestedBlock{
				MarkdownDescription: d["upgrade_settings"],
				Attributes: map[string]schema.Attribute{
					"max_surge": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["max_surge"],
						PlanModifiers: useState,
						Validators:    []validator.String{rules.MaxSurge()},
					},
					"max_unavailable": schema.StringAttribute{
						Optional: true, Computed: true, MarkdownDescription: d["max_unavailable"],
						PlanModifiers: useState,
						Validators:    []validator.String{rules.MaxUnavailable()},
					},
					"drain_timeout_in_minutes": schema.Int64Attribute{
						Optional: true, Computed: true, MarkdownDescription: d["drain_timeout_in_minutes"],
						PlanModifiers: useStateInt,
						Validators:    []validator.Int64{int64validator.AtLeast(1)},
					},
					"node_soak_duration_in_minutes": schema.Int64Attribute{
						Optional: true, Computed: true, MarkdownDescription: d["node_soak_duration_in_minutes"],
						PlanModifiers: useStateInt,
						Validators:    []validator.Int64{int64validator.Between(0, 30)},
					},
				},
			},
			"timeouts": timeoutsBlock(ctx, nodePoolCreateTimeout, nodePoolReadTimeout, nodePoolUpdateTimeout, nodePoolDeleteTimeout),
		},
	}
}

// The OS SKUs of API 2025-10-01 a pool can be created with, by OS type.
var (
	linuxOSSKUs   = []string{"Ubuntu", "Ubuntu2204", "Ubuntu2404", "AzureLinux", "AzureLinux3"}
	windowsOSSKUs = []string{"Windows2019", "Windows2022"}
)

func isLinuxOSSKU(sku string) bool {
	for _, s := range linuxOSSKUs {
		if strings.EqualFold(s, sku) {
			return true
		}
	}
	return false
}

func (r *nodePoolResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

// ---------------------------------------------------------------------------------------------
// Create, Read, Update, Delete

func (r *nodePoolResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config nodePoolResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, nodePoolCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, ok := r.poolID(plan.ClusterID, plan.Name, &resp.Diagnostics)
	if !ok {
		return
	}
	coord := r.coordinator()

	// The checks against the live cluster, in case the cluster was not known when planning (it is
	// created in the same apply). The reads are shared with the plan's through the cache.
	resp.Diagnostics.Append(r.checkAgainstCluster(ctx, id, rulesPoolFor(config, plan), nil, true)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Refuse to adopt a pool that already exists: it must be imported, so that nobody's pool is
	// silently taken over (and later destroyed) by this configuration.
	if _, err := coord.Get(ctx, id); err == nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Node pool already exists", alreadyExistsDetail(id))
		return
	} else if !agentpools.IsNotFound(err) {
		resp.Diagnostics.AddError("Could not check whether the node pool exists", err.Error())
		return
	}

	body, diags := expandNodePool(ctx, plan.nodePoolSettings, plan.UpgradeSettings)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	result, err := coord.CreateOrUpdate(ctx, id, body, agentpools.CreateOnly)
	if err != nil {
		if agentpools.IsPreconditionFailed(err) {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Node pool already exists", alreadyExistsDetail(id))
			return
		}
		if result.Accepted {
			// AKS has the pool: record it so Terraform marks it tainted (replaced on the next
			// apply) instead of losing track of it.
			r.recordAfterFailure(ctx, id, plan, &resp.State, &resp.Diagnostics)
		}
		resp.Diagnostics.AddError("Could not create the node pool", operationErrorDetail(err, timeout, "create"))
		return
	}

	state, diags := r.stateFromPool(ctx, result.Pool, id, plan, false)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *nodePoolResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state nodePoolResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, nodePoolReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, err := agentpools.ParsePoolID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid node pool ID", err.Error())
		return
	}
	// The pool comes from the cluster's pool list, shared by every pool of the cluster in this
	// run: refreshing many pools costs one list call.
	pool, err := r.coordinator().Pool(ctx, id)
	if agentpools.IsNotFound(err) {
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the node pool", err.Error())
		return
	}
	importing := state.ClusterID.IsNull()
	newState, diags := r.stateFromPool(ctx, pool, id, state, importing)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, newState)...)
}

func (r *nodePoolResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config nodePoolResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, nodePoolUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, ok := r.poolID(state.ClusterID, state.Name, &resp.Diagnostics)
	if !ok {
		return
	}
	changes, diags := nodePoolChanges(ctx, state.nodePoolSettings, plan.nodePoolSettings, state.UpgradeSettings, plan.UpgradeSettings)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	upgradeImage := nodeImageUpgradePlanned(state, plan)

	if len(changes) == 0 && !upgradeImage {
		// Only provider-side settings changed (timeouts, ignore_pod_disruption_budget_on_delete,
		// the spelling of an ID): no call.
		resp.Diagnostics.Append(resp.State.Set(ctx, settleWithoutCall(plan, state))...)
		return
	}

	coord := r.coordinator()
	current := existingPool(state)
	resp.Diagnostics.Append(r.checkAgainstCluster(ctx, id, rulesPoolFor(config, plan), &current, true)...)
	if resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}

	pool := (*armcontainerservice.AgentPool)(nil)
	if len(changes) > 0 {
		result, err := coord.Update(ctx, id, func(p *armcontainerservice.AgentPool) error {
			if p.Properties == nil {
				p.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
			}
			for _, c := range changes {
				c.apply(p.Properties)
			}
			return nil
		})
		if err != nil {
			if result.Accepted {
				r.recordAfterFailure(ctx, id, state, &resp.State, &resp.Diagnostics)
			} else {
				resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
			}
			resp.Diagnostics.AddError("Could not update the node pool", operationErrorDetail(err, timeout, "update"))
			return
		}
		pool = result.Pool
	}

	if upgradeImage {
		upgraded, err := r.upgradeNodeImageIfBehind(ctx, id, pool)
		if err != nil {
			r.recordAfterFailure(ctx, id, state, &resp.State, &resp.Diagnostics)
			resp.Diagnostics.AddError("Could not upgrade the node image", operationErrorDetail(err, timeout, "update"))
			return
		}
		if upgraded != nil {
			pool = upgraded
		}
	}
	if pool == nil {
		var err error
		if pool, err = coord.Get(ctx, id); err != nil {
			resp.Diagnostics.AddError("Could not read the node pool after the update", err.Error())
			return
		}
	}
	newState, diags := r.stateFromPool(ctx, pool, id, plan, false)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, newState)...)
}

func (r *nodePoolResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state nodePoolResourceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, nodePoolDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	id, err := agentpools.ParsePoolID(state.ID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("id"), "Invalid node pool ID", err.Error())
		return
	}
	coord := r.coordinator()
	if state.Mode.ValueString() == string(armcontainerservice.AgentPoolModeSystem) {
		pools, err := coord.List(ctx, id.Cluster)
		switch {
		case agentpools.IsNotFound(err):
			return // the cluster is gone, and its pools with it
		case err != nil:
			resp.Diagnostics.AddError("Could not read the cluster's node pools", err.Error())
			return
		}
		resp.Diagnostics.Append(checkPoolDelete(id, pools)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	err = coord.Delete(ctx, id, agentpools.DeleteOptions{IgnorePodDisruptionBudget: state.IgnorePodDisruptionBudgetOnDelete.ValueBool()})
	if err != nil {
		resp.Diagnostics.AddError("Could not delete the node pool", operationErrorDetail(err, timeout, "delete"))
	}
}

func (r *nodePoolResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, err := agentpools.ParsePoolID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid node pool ID",
			fmt.Sprintf("%s\n\nImport a node pool by its ARM ID, as `az aks nodepool show --query id` prints it.", err))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), id.Name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("ignore_pod_disruption_budget_on_delete"), false)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)})...)
}

var timeoutsAttrTypes = map[string]attr.Type{
	"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType,
}

// ---------------------------------------------------------------------------------------------
// Validation and planning

func (r *nodePoolResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var config nodePoolResourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The provider may not be configured yet (terraform validate): the embedded VM size facts
	// serve until ModifyPlan can use the live ones of the cluster's location.
	resp.Diagnostics.Append(checkPoolConfig(ctx, config, nil, "")...)
}

func (r *nodePoolResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy: the last-System-pool check runs in Delete, when it is known the cluster stays
	}
	var plan, config nodePoolResourceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var state *nodePoolResourceModel
	if !req.State.Raw.IsNull() {
		state = &nodePoolResourceModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, state)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}

	if state != nil {
		if replace := replacementPaths(*state, plan); len(replace) > 0 {
			resp.RequiresReplace.Append(replace...)
			resetForReplacement(&plan, config)
			state = nil // from here on, plan as for a new pool
		}
	}
	if state != nil && !req.Plan.Raw.Equal(req.State.Raw) {
		resp.Diagnostics.Append(r.planInPlaceChanges(ctx, *state, &plan, config)...)
	}
	if state != nil {
		resp.Diagnostics.Append(r.planNodeImage(ctx, *state, &plan, config)...)
	} else if known(config.NodeImageVersion) && config.NodeImageVersion.ValueString() != nodeImageLatest {
		resp.Diagnostics.AddAttributeError(path.Root("node_image_version"), "A node pool is created with the latest node image",
			fmt.Sprintf("node_image_version = %q can't be honoured when the pool is created: AKS always installs the newest node image for the OS SKU on new nodes.\n\n"+
				"Fix: remove node_image_version (the running image is then recorded) or set it to \"latest\"; pin a version after creation, once it is the running one.",
				config.NodeImageVersion.ValueString()))
	}
	if resp.Diagnostics.HasError() {
		return
	}

	// Checks against the live cluster, when it is known and exists; it is read once per run.
	if r.client != nil && known(plan.ClusterID) && known(plan.Name) {
		if id, ok := r.poolID(plan.ClusterID, plan.Name, &resp.Diagnostics); ok {
			var current *rules.ExistingPool
			if state != nil {
				e := existingPool(*state)
				current = &e
			}
			resp.Diagnostics.Append(r.checkAgainstCluster(ctx, id, rulesPoolFor(config, plan), current, false)...)
		}
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

// replacementPaths lists the attributes whose planned change AKS can't make in place.
func replacementPaths(state, plan nodePoolResourceModel) path.Paths {
	var out path.Paths
	differs := func(name string, s, p attr.Value) {
		if p.IsUnknown() || !p.Equal(s) {
			out = append(out, path.Root(name))
		}
	}
	differsIgnoringCase := func(name string, s, p types.String) {
		if p.IsUnknown() || s.IsNull() != p.IsNull() || !strings.EqualFold(s.ValueString(), p.ValueString()) {
			out = append(out, path.Root(name))
		}
	}
	differsIgnoringCase("cluster_id", state.ClusterID, plan.ClusterID)
	differs("name", state.Name, plan.Name)
	differs("os_type", state.OSType, plan.OSType)
	if !plan.OSSKU.Equal(state.OSSKU) && (!isLinuxOSSKU(state.OSSKU.ValueString()) || !isLinuxOSSKU(plan.OSSKU.ValueString())) {
		out = append(out, path.Root("os_sku"))
	}
	differsIgnoringCase("vm_size", state.VMSize, plan.VMSize)
	differsIgnoringCase("vnet_subnet_id", state.VnetSubnetID, plan.VnetSubnetID)
	differsIgnoringCase("pod_subnet_id", state.PodSubnetID, plan.PodSubnetID)
	differs("os_disk_type", state.OSDiskType, plan.OSDiskType)
	differs("os_disk_size_gb", state.OSDiskSizeGB, plan.OSDiskSizeGB)
	differs("kubelet_disk_type", state.KubeletDiskType, plan.KubeletDiskType)
	differs("max_pods", state.MaxPods, plan.MaxPods)
	differs("zones", state.Zones, plan.Zones)
	differs("priority", state.Priority, plan.Priority)
	differs("eviction_policy", state.EvictionPolicy, plan.EvictionPolicy)
	differs("spot_max_price", state.SpotMaxPrice, plan.SpotMaxPrice)
	differs("host_encryption_enabled", state.HostEncryptionEnabled, plan.HostEncryptionEnabled)
	return out
}

// resetForReplacement plans a replacement as a new pool: what AKS computes is unknown again
// unless configured (the framework's UseStateForUnknown would otherwise carry the old pool's
// values over).
func resetForReplacement(plan *nodePoolResourceModel, config nodePoolResourceModel) {
	unknownUnlessSet := func(v *types.String, c types.String) {
		if c.IsNull() {
			*v = types.StringUnknown()
		}
	}
	unknownUnlessSetInt := func(v *types.Int64, c types.Int64) {
		if c.IsNull() {
			*v = types.Int64Unknown()
		}
	}
	plan.ID = types.StringUnknown()
	unknownUnlessSet(&plan.OSSKU, config.OSSKU)
	unknownUnlessSet(&plan.VMSize, config.VMSize)
	unknownUnlessSet(&plan.OrchestratorVersion, config.OrchestratorVersion)
	unknownUnlessSet(&plan.NodeImageVersion, config.NodeImageVersion)
	unknownUnlessSet(&plan.OSDiskType, config.OSDiskType)
	unknownUnlessSet(&plan.KubeletDiskType, config.KubeletDiskType)
	unknownUnlessSet(&plan.EvictionPolicy, config.EvictionPolicy)
	unknownUnlessSetInt(&plan.NodeCount, config.NodeCount)
	unknownUnlessSetInt(&plan.OSDiskSizeGB, config.OSDiskSizeGB)
	unknownUnlessSetInt(&plan.MaxPods, config.MaxPods)
	if config.SpotMaxPrice.IsNull() {
		plan.SpotMaxPrice = types.Float64Unknown()
	}
	plan.CurrentNodeCount = types.Int64Unknown()
	plan.CurrentOrchestratorVersion = types.StringUnknown()
	plan.CurrentNodeImageVersion = types.StringUnknown()
	plan.ProvisioningState = types.StringUnknown()
	if !plan.UpgradeSettings.IsNull() {
		plan.UpgradeSettings = resetUpgradeSettings(plan.UpgradeSettings, config.UpgradeSettings)
	}
}

func resetUpgradeSettings(planned, configured types.Object) types.Object {
	attrs := planned.Attributes()
	configuredAttrs := map[string]attr.Value{}
	if !configured.IsNull() && !configured.IsUnknown() {
		configuredAttrs = configured.Attributes()
	}
	out := map[string]attr.Value{}
	for name, v := range attrs {
		c, ok := configuredAttrs[name]
		switch {
		case ok && !c.IsNull():
			out[name] = v
		case upgradeSettingsAttrTypes[name] == types.Int64Type:
			out[name] = types.Int64Unknown()
		default:
			out[name] = types.StringUnknown()
		}
	}
	obj, diags := types.ObjectValue(upgradeSettingsAttrTypes, out)
	if diags.HasError() {
		return planned
	}
	return obj
}

// planInPlaceChanges fills in what an in-place update will compute, and warns about changes that
// roll or reimage the nodes. Only called when the plan changes something.
func (r *nodePoolResource) planInPlaceChanges(_ context.Context, state nodePoolResourceModel, plan *nodePoolResourceModel, config nodePoolResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	autoscaling := plan.AutoScalingEnabled.ValueBool()

	// node_count: with autoscaling turned off and no configured count, the live count stays.
	if !autoscaling && state.AutoScalingEnabled.ValueBool() && config.NodeCount.IsNull() {
		plan.NodeCount = types.Int64Unknown()
	}
	if !changesNeedCall(state, *plan) {
		// Only provider-side settings change: nothing AKS computes can change either.
		plan.CurrentNodeCount = state.CurrentNodeCount
		plan.CurrentOrchestratorVersion = state.CurrentOrchestratorVersion
		plan.CurrentNodeImageVersion = state.CurrentNodeImageVersion
		plan.ProvisioningState = state.ProvisioningState
		return diags
	}
	switch {
	case !autoscaling && known(plan.NodeCount):
		plan.CurrentNodeCount = plan.NodeCount
	case autoscaling && state.AutoScalingEnabled.ValueBool():
		// The autoscaler may change the count at any moment: unknown until read back.
		plan.CurrentNodeCount = types.Int64Unknown()
	}

	versionChanges := changed(state.OrchestratorVersion, plan.OrchestratorVersion)
	skuChanges := changed(state.OSSKU, plan.OSSKU)
	fipsChanges := changed(state.FIPSEnabled, plan.FIPSEnabled)
	if versionChanges {
		plan.CurrentOrchestratorVersion = types.StringUnknown()
		if v, err := rules.ParseVersion(plan.OrchestratorVersion.ValueString()); err == nil && v.HasPatch {
			plan.CurrentOrchestratorVersion = plan.OrchestratorVersion
		}
		diags.AddAttributeWarning(path.Root("orchestrator_version"), "The node pool will be upgraded",
			fmt.Sprintf("orchestrator_version changes from %s to %s: AKS upgrades the pool's nodes one batch at a time, creating surge nodes, draining and replacing the old ones "+
				"(upgrade_settings controls the surge and the drain timeout). The nodes also get the newest node image.",
				state.OrchestratorVersion.ValueString(), plan.OrchestratorVersion.ValueString()))
	} else {
		plan.CurrentOrchestratorVersion = state.CurrentOrchestratorVersion
	}
	if skuChanges {
		diags.AddAttributeWarning(path.Root("os_sku"), "The node pool's OS will be migrated in place",
			fmt.Sprintf("os_sku changes from %s to %s: AKS migrates the pool in place by reimaging every node with the new OS image, like a node image upgrade "+
				"(nodes are drained and reimaged per upgrade_settings; workloads are rescheduled). There is no rollback other than migrating back.",
				state.OSSKU.ValueString(), plan.OSSKU.ValueString()))
	}
	if fipsChanges {
		diags.AddAttributeWarning(path.Root("fips_enabled"), "The node pool will be reimaged",
			fmt.Sprintf("fips_enabled changes from %t to %t: AKS reimages every node of the pool with a FIPS %s image; workloads are drained and rescheduled.",
				state.FIPSEnabled.ValueBool(), plan.FIPSEnabled.ValueBool(), map[bool]string{true: "enabled", false: "disabled"}[plan.FIPSEnabled.ValueBool()]))
	}
	reimages := versionChanges || skuChanges || fipsChanges
	if reimages {
		plan.CurrentNodeImageVersion = types.StringUnknown()
		if config.NodeImageVersion.IsNull() {
			plan.NodeImageVersion = types.StringUnknown()
		} else if config.NodeImageVersion.ValueString() != nodeImageLatest {
			diags.AddAttributeError(path.Root("node_image_version"), "Pinned node image conflicts with a change that reimages the nodes",
				fmt.Sprintf("node_image_version is pinned to %q, but this change makes AKS reimage the nodes with a new image, so the pin can't hold.\n\n"+
					"Fix: set node_image_version = \"latest\" or remove it for this change, and pin again afterwards if needed.", config.NodeImageVersion.ValueString()))
		}
	} else {
		plan.CurrentNodeImageVersion = state.CurrentNodeImageVersion
	}
	// provisioning_state reads back once the operation ends: "Succeeded", as a failure is an error.
	plan.ProvisioningState = types.StringValue("Succeeded")
	return diags
}

// changesNeedCall reports whether the plan changes anything AKS holds.
func changesNeedCall(state, plan nodePoolResourceModel) bool {
	changes, _ := nodePoolChanges(context.Background(), state.nodePoolSettings, plan.nodePoolSettings, state.UpgradeSettings, plan.UpgradeSettings)
	return len(changes) > 0 || nodeImageUpgradePlanned(state, plan)
}

// planNodeImage plans node image upgrades for an existing pool: with node_image_version "latest"
// (or a version equal to the newest offered) and a newer image offered, current_node_image_version
// is planned as that image and apply upgrades to it.
func (r *nodePoolResource) planNodeImage(ctx context.Context, state nodePoolResourceModel, plan *nodePoolResourceModel, config nodePoolResourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	wanted := config.NodeImageVersion
	if !known(wanted) || r.client == nil || plan.CurrentNodeImageVersion.IsUnknown() {
		return diags // not managed, or a reimaging change already installs the newest image
	}
	running := state.CurrentNodeImageVersion.ValueString()
	if wanted.ValueString() == running {
		return diags
	}
	id, err := agentpools.ParsePoolID(state.ID.ValueString())
	if err != nil {
		return diags
	}
	profile, err := r.coordinator().UpgradeProfile(ctx, id)
	if err != nil {
		diags.AddAttributeError(path.Root("node_image_version"), "Could not read the node images AKS offers", err.Error())
		return diags
	}
	latest := ""
	if profile.Properties != nil && profile.Properties.LatestNodeImageVersion != nil {
		latest = *profile.Properties.LatestNodeImageVersion
	}
	switch {
	case wanted.ValueString() == nodeImageLatest && (latest == "" || latest == running):
		return diags // already on the newest image
	case wanted.ValueString() == nodeImageLatest, wanted.ValueString() == latest:
		plan.CurrentNodeImageVersion = types.StringValue(latest)
		if wanted.ValueString() != nodeImageLatest {
			plan.NodeImageVersion = wanted
		}
		plan.ProvisioningState = types.StringValue("Succeeded")
		if plan.AutoScalingEnabled.ValueBool() {
			plan.CurrentNodeCount = types.Int64Unknown() // the autoscaler may act meanwhile
		}
		diags.AddAttributeWarning(path.Root("node_image_version"), "The node image will be upgraded",
			fmt.Sprintf("AKS offers node image %s for this pool, which runs %s: apply upgrades the node image (as az aks nodepool upgrade --node-image-only does). "+
				"AKS reimages the nodes one batch at a time per upgrade_settings; workloads are drained and rescheduled.", latest, running))
	default:
		diags.AddAttributeError(path.Root("node_image_version"), "Node image version not available",
			fmt.Sprintf("node_image_version = %q is neither the image the pool runs (%s) nor the newest one AKS offers for it (%s); AKS can only upgrade a pool to its newest image.\n\n"+
				"Fix: set node_image_version = %q to stay, %q (or \"latest\") to upgrade, or remove it.", wanted.ValueString(), running, latest, running, latest))
	}
	return diags
}

// nodeImageUpgradePlanned reports whether the plan expects a node image other than the running
// one because of node_image_version (not because another change reimages the nodes).
func nodeImageUpgradePlanned(state, plan nodePoolResourceModel) bool {
	if !known(plan.NodeImageVersion) || !known(plan.CurrentNodeImageVersion) {
		return false
	}
	return plan.CurrentNodeImageVersion.ValueString() != state.CurrentNodeImageVersion.ValueString()
}

// upgradeNodeImageIfBehind upgrades the pool's node image when it isn't on the newest one (a PUT
// just before may already have brought it there). It returns the pool afterwards, or nil when no
// upgrade was needed.
func (r *nodePoolResource) upgradeNodeImageIfBehind(ctx context.Context, id agentpools.PoolID, pool *armcontainerservice.AgentPool) (*armcontainerservice.AgentPool, error) {
	coord := r.coordinator()
	profile, err := coord.UpgradeProfile(ctx, id)
	if err != nil {
		return nil, err
	}
	if profile.Properties == nil || profile.Properties.LatestNodeImageVersion == nil {
		return nil, nil
	}
	if pool == nil {
		if pool, err = coord.Get(ctx, id); err != nil {
			return nil, err
		}
	}
	if pool.Properties != nil && pool.Properties.NodeImageVersion != nil && *pool.Properties.NodeImageVersion == *profile.Properties.LatestNodeImageVersion {
		return nil, nil
	}
	return coord.UpgradeNodeImage(ctx, id)
}

// ---------------------------------------------------------------------------------------------
// Helpers

// timeoutsBlock is the timeouts block of a resource, documented with the resource's defaults.
func timeoutsBlock(ctx context.Context, create, read, update, del time.Duration) schema.Block {
	block := timeouts.Block(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true})
	nested, ok := block.(schema.SingleNestedBlock)
	if !ok {
		return block
	}
	nested.MarkdownDescription = fmt.Sprintf("How long Terraform waits for each operation, as a duration such as `\"90m\"`. "+
		"Defaults: create %dm, read %dm, update %dm, delete %dm.", int(create.Minutes()), int(read.Minutes()), int(update.Minutes()), int(del.Minutes()))
	return nested
}

func (r *nodePoolResource) coordinator() *agentpools.Coordinator { return r.client.AgentPools }

func (r *nodePoolResource) poolID(clusterID, name types.String, diags *diag.Diagnostics) (agentpools.PoolID, bool) {
	cluster, err := agentpools.ParseClusterID(clusterID.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("cluster_id"), "Invalid managed cluster ID", err.Error())
		return agentpools.PoolID{}, false
	}
	return cluster.Pool(name.ValueString()), true
}

// stateFromPool builds the state for pool, refreshed over prior (the plan after a write, the
// state on refresh).
func (r *nodePoolResource) stateFromPool(ctx context.Context, pool *armcontainerservice.AgentPool, id agentpools.PoolID, prior nodePoolResourceModel, importing bool) (nodePoolResourceModel, diag.Diagnostics) {
	settings, upgrade, diags := flattenNodePool(ctx, pool, flattenOptions{
		prior:                &prior.nodePoolSettings,
		priorUpgradeSettings: prior.UpgradeSettings,
		importing:            importing,
	})
	out := nodePoolResourceModel{
		nodePoolSettings:                  settings,
		UpgradeSettings:                   upgrade,
		IgnorePodDisruptionBudgetOnDelete: prior.IgnorePodDisruptionBudgetOnDelete,
		Timeouts:                          prior.Timeouts,
	}
	out.ID, out.ClusterID = poolIDs(pool, id, prior.ID, prior.ClusterID)
	out.Name = types.StringValue(id.Name)
	if pool.Name != nil {
		out.Name = keepSpelling(prior.Name, pool.Name)
	}
	if !known(out.IgnorePodDisruptionBudgetOnDelete) {
		out.IgnorePodDisruptionBudgetOnDelete = types.BoolValue(false)
	}
	return out, diags
}

// recordAfterFailure records a pool AKS accepted but whose operation failed or was not waited
// for to the end: read it back if possible, else keep what was planned with AKS-computed values
// unset. Terraform then marks the resource tainted.
func (r *nodePoolResource) recordAfterFailure(ctx context.Context, id agentpools.PoolID, prior nodePoolResourceModel, state interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics) {
	// The caller's context may be the one that timed out: read with a short one of our own.
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if pool, err := r.coordinator().Get(readCtx, id); err == nil {
		recorded, d := r.stateFromPool(ctx, pool, id, prior, false)
		diags.Append(d...)
		diags.Append(state.Set(ctx, recorded)...)
		return
	}
	diags.Append(state.Set(ctx, knownOnly(prior, id))...)
}

// knownOnly is prior with the ID set and every unknown value null (state can't hold unknowns).
func knownOnly(prior nodePoolResourceModel, id agentpools.PoolID) nodePoolResourceModel {
	out := prior
	out.ID = types.StringValue(id.String())
	nullUnknownStrings(&out.OSSKU, &out.VMSize, &out.OrchestratorVersion, &out.CurrentOrchestratorVersion, &out.NodeImageVersion,
		&out.CurrentNodeImageVersion, &out.OSDiskType, &out.KubeletDiskType, &out.EvictionPolicy, &out.ProvisioningState)
	nullUnknownInts(&out.NodeCount, &out.CurrentNodeCount, &out.OSDiskSizeGB, &out.MaxPods)
	if out.SpotMaxPrice.IsUnknown() {
		out.SpotMaxPrice = types.Float64Null()
	}
	out.UpgradeSettings = nullIfPartlyUnknown(out.UpgradeSettings, upgradeSettingsAttrTypes)
	return out
}

// nullUnknownStrings sets each unknown value to null.
func nullUnknownStrings(values ...*types.String) {
	for _, v := range values {
		if v.IsUnknown() {
			*v = types.StringNull()
		}
	}
}

// nullUnknownInts sets each unknown value to null.
func nullUnknownInts(values ...*types.Int64) {
	for _, v := range values {
		if v.IsUnknown() {
			*v = types.Int64Null()
		}
	}
}

// nullIfPartlyUnknown is o, or a null object of attrTypes when o or any of its attributes is
// unknown.
func nullIfPartlyUnknown(o types.Object, attrTypes map[string]attr.Type) types.Object {
	if o.IsUnknown() || (!o.IsNull() && hasUnknown(o)) {
		return types.ObjectNull(attrTypes)
	}
	return o
}

func hasUnknown(o types.Object) bool {
	for _, v := range o.Attributes() {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}

// settleWithoutCall is the new state of an update that needs no call: the plan, with what only
// AKS computes taken from the state.
func settleWithoutCall(plan, state nodePoolResourceModel) nodePoolResourceModel {
	out := plan
	if out.CurrentNodeCount.IsUnknown() {
		out.CurrentNodeCount = state.CurrentNodeCount
	}
	if out.CurrentOrchestratorVersion.IsUnknown() {
		out.CurrentOrchestratorVersion = state.CurrentOrchestratorVersion
	}
	if out.CurrentNodeImageVersion.IsUnknown() {
		out.CurrentNodeImageVersion = state.CurrentNodeImageVersion
	}
	if out.NodeImageVersion.IsUnknown() {
		out.NodeImageVersion = state.NodeImageVersion
	}
	if out.NodeCount.IsUnknown() {
		out.NodeCount = state.NodeCount
	}
	if out.ProvisioningState.IsUnknown() {
		out.ProvisioningState = state.ProvisioningState
	}
	return out
}

func alreadyExistsDetail(id agentpools.PoolID) string {
	return fmt.Sprintf("Cluster %s already has a node pool named %q. Terraform does not take over an existing pool silently: import it to manage it with this configuration.\n\n"+
		"With the terraform CLI:\n\n  terraform import aks_node_pool.%[2]s %[3]s\n\n"+
		"or with an import block (Terraform 1.5 or later), then plan and apply:\n\n  import {\n    to = aks_node_pool.%[2]s\n    id = %[3]q\n  }\n\n"+
		"(Use this resource's own address if it is not aks_node_pool.%[2]s.) Or choose another name.",
		id.Cluster.Name, id.Name, id.String())
}

// operationErrorDetail explains a failed call: AKS's code and message, or the timeout and what it
// means.
func operationErrorDetail(err error, timeout time.Duration, operation string) string {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("%s\n\nThe %s timeout (%s) ran out. AKS may still be working on the operation; the node pool is recorded in the state and marked tainted if it was created. "+
			"Raise timeouts.%s if the operation needs longer.", err, operation, timeout, operation)
	}
	return err.Error()
}
