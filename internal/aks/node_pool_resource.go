package aks

import (
	"context"
	"errors"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// aks_node_pool's Create, Read, Update, Delete and import. Its schema is in node_pool_schema.go,
// its planning in node_pool_plan.go, its state in node_pool_state.go; what it shares with the
// default pool is in the pool_*.go files.

var (
	_ resource.ResourceWithConfigure      = (*nodePoolResource)(nil)
	_ resource.ResourceWithImportState    = (*nodePoolResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*nodePoolResource)(nil)
	_ resource.ResourceWithValidateConfig = (*nodePoolResource)(nil)
)

// nodePoolTimeouts are the default timeouts: AKS node pool operations take minutes, upgrades can
// take an hour.
var nodePoolTimeouts = lifecycle{
	noun:   "node pool",
	create: 60 * time.Minute, read: 5 * time.Minute, update: 60 * time.Minute, delete: 60 * time.Minute,
}

// NewNodePoolResource is the constructor of aks_node_pool.
func NewNodePoolResource() resource.Resource {
	return &nodePoolResource{}
}

type nodePoolResource struct {
	client *clients.Client
}

func (r *nodePoolResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_node_pool"
}

func (r *nodePoolResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *nodePoolResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config nodePoolResourceModel
	var id aksapi.PoolID
	ctx, cancel, timeout, ok := nodePoolTimeouts.begin(ctx, opCreate, &plan.Timeouts, &resp.Diagnostics,
		from(req.Plan, &plan), from(req.Config, &config), poolIDOf(&plan.ClusterID, &plan.Name, &id))
	defer cancel()
	defer recordNodePoolIdentity(ctx, &resp.State, &id, resp.Identity, &resp.Diagnostics)
	if !ok {
		return
	}
	coord := r.client.AKS

	// The checks against the live cluster, in case the cluster was not known when planning (it is
	// created in the same apply). The reads are shared with the plan's through the cache.
	resp.Diagnostics.Append(r.checkAgainstCluster(ctx, id, rulesPoolFor(config, plan), nil, true)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Refuse to adopt a pool that already exists: it must be imported, so that nobody's pool is
	// silently taken over (and later destroyed) by this configuration.
	if _, err := coord.GetPool(ctx, id); err == nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Node pool already exists", alreadyExistsDetail(id))
		return
	} else if !aksapi.IsNotFound(err) {
		resp.Diagnostics.AddError("Could not check whether the node pool exists", err.Error())
		return
	}

	body, diags := expandNodePool(ctx, plan.nodePoolSettings, plan.UpgradeSettings)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	result, err := coord.CreateOrUpdatePool(ctx, id, body, aksapi.CreateOnly)
	if aksapi.IsPreconditionFailed(err) {
		// The pool appeared between the check and the PUT: this create's own (its answer was
		// lost and azcore sent it again) or someone else's.
		result, err = ownCreate(ctx, coord, id, body)
		if errors.Is(err, errForeignPool) {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Node pool already exists", alreadyExistsDetail(id))
			return
		}
	}
	if err == nil {
		result, err = stopAfterCreate(ctx, coord, id, plan.nodePoolSettings, result)
	}
	if err != nil {
		if result.Accepted {
			// AKS has the pool: record it so Terraform marks it tainted (replaced on the next
			// apply) instead of losing track of it.
			r.recordAfterFailure(ctx, id, plan, &resp.State, &resp.Diagnostics)
		}
		resp.Diagnostics.AddError("Could not create the node pool", nodePoolTimeouts.failure(err, timeout, opCreate))
		return
	}

	state, diags := r.stateFromPool(ctx, result.Pool, id, plan, false)
	keepPlanned(ctx, &state, plan)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *nodePoolResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state nodePoolResourceModel
	var id aksapi.PoolID
	ctx, cancel, _, ok := nodePoolTimeouts.begin(ctx, opRead, &state.Timeouts, &resp.Diagnostics, from(req.State, &state), poolIDFrom(&state.ID, &id))
	defer cancel()
	defer recordNodePoolIdentity(ctx, &resp.State, &id, resp.Identity, &resp.Diagnostics)
	if !ok {
		return
	}
	// The pool comes from the cluster's GET (its agentPoolProfiles), shared with the cluster and
	// every pool of the cluster in this run: refreshing many pools costs one read.
	pool, err := r.client.AKS.CachedPool(ctx, id)
	if aksapi.IsNotFound(err) {
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
	var id aksapi.PoolID
	ctx, cancel, timeout, ok := nodePoolTimeouts.begin(ctx, opUpdate, &plan.Timeouts, &resp.Diagnostics,
		from(req.Plan, &plan), from(req.State, &state), from(req.Config, &config), poolIDOf(&state.ClusterID, &state.Name, &id))
	defer cancel()
	defer recordNodePoolIdentity(ctx, &resp.State, &id, resp.Identity, &resp.Diagnostics)
	if !ok {
		return
	}
	changes, diags := nodePoolChanges(ctx, state.values(), plan.values())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	upgradeImage := nodeImageUpgradePlanned(state.values(), plan.values())
	reconcile := isFailed(state.ProvisioningState) // planned by planReconcile: a PUT even without changes

	if len(changes) == 0 && !upgradeImage && !reconcile {
		// Only provider-side settings changed (timeouts, ignore_pod_disruption_budget_on_delete,
		// the spelling of an ID): no call.
		resp.Diagnostics.Append(resp.State.Set(ctx, settleWithoutCall(plan, state))...)
		return
	}

	current := existingPool(state)
	resp.Diagnostics.Append(r.checkAgainstCluster(ctx, id, rulesPoolFor(config, plan), &current, true)...)
	if resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
		return
	}
	pool, ok := r.applyUpdate(ctx, id, state, changes, len(changes) > 0 || reconcile, upgradeImage, timeout, resp)
	if !ok {
		return
	}
	newState, diags := r.stateFromPool(ctx, pool, id, plan, false)
	keepPlanned(ctx, &newState, plan)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, newState)...)
}

// applyUpdate sends the in-place changes (one PUT with If-Match, when put: with no changes, a
// reconcile) and, when planned, the node image upgrade, and returns the pool afterwards. On
// failure it records what AKS holds and returns false.
func (r *nodePoolResource) applyUpdate(ctx context.Context, id aksapi.PoolID, state nodePoolResourceModel, changes []poolChange, put, upgradeImage bool, timeout time.Duration, resp *resource.UpdateResponse) (*armcontainerservice.AgentPool, bool) {
	coord := r.client.AKS
	var pool *armcontainerservice.AgentPool
	if put {
		result, err := updatePoolInOrder(ctx, coord, id, changes)
		if err != nil {
			if result.Accepted {
				r.recordAfterFailure(ctx, id, state, &resp.State, &resp.Diagnostics)
			} else {
				resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
			}
			resp.Diagnostics.AddError("Could not update the node pool", nodePoolTimeouts.failure(err, timeout, opUpdate))
			return nil, false
		}
		pool = result.Pool
	}
	if upgradeImage {
		upgraded, err := upgradeNodeImageIfBehind(ctx, coord, id, pool)
		if err != nil {
			r.recordAfterFailure(ctx, id, state, &resp.State, &resp.Diagnostics)
			resp.Diagnostics.AddError("Could not upgrade the node image", nodePoolTimeouts.failure(err, timeout, opUpdate))
			return nil, false
		}
		if upgraded != nil {
			pool = upgraded
		}
	}
	if pool == nil {
		var err error
		if pool, err = coord.GetPool(ctx, id); err != nil {
			resp.Diagnostics.AddError("Could not read the node pool after the update", err.Error())
			return nil, false
		}
	}
	return pool, true
}

func (r *nodePoolResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state nodePoolResourceModel
	var id aksapi.PoolID
	ctx, cancel, timeout, ok := nodePoolTimeouts.begin(ctx, opDelete, &state.Timeouts, &resp.Diagnostics, from(req.State, &state), poolIDFrom(&state.ID, &id))
	defer cancel()
	if !ok {
		return
	}
	opts := aksapi.DeleteOptions{IgnorePodDisruptionBudget: state.IgnorePodDisruptionBudgetOnDelete.ValueBool()}
	var err error
	if state.Mode.ValueString() == rules.ModeSystem {
		err = r.deleteSystemPool(ctx, id, opts, &resp.Diagnostics)
	} else {
		err = r.client.AKS.DeletePool(ctx, id, opts)
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not delete the node pool", nodePoolTimeouts.failure(err, timeout, opDelete))
	}
}

// deleteSystemPool deletes a System pool unless it is the cluster's last one. The check and the
// delete hold the cluster's lock exclusively, so two System pools deleted at once (a destroy) can't
// both see the other one as the System pool that remains. A refusal is in diags, not the error.
func (r *nodePoolResource) deleteSystemPool(ctx context.Context, id aksapi.PoolID, opts aksapi.DeleteOptions, diags *diag.Diagnostics) error {
	coord := r.client.AKS
	return coord.Exclusively(ctx, id.Cluster, func(ctx context.Context) error {
		pools, err := coord.ListPools(ctx, id.Cluster)
		switch {
		case aksapi.IsNotFound(err):
			return nil // the cluster is gone, and its pools with it
		case err != nil:
			diags.AddError("Could not read the cluster's node pools", err.Error())
			return nil
		}
		if d := checkPoolDelete(id, pools); d.HasError() {
			diags.Append(d...)
			return nil
		}
		return coord.DeletePool(ctx, id, opts)
	})
}
