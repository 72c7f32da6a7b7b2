package aks

import (
	"context"
	"fmt"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
)

// aks_cluster's Create, Read, Update, Delete and import. Its schema is in cluster_schema.go (the
// default pool's block in default_pool_schema.go), its planning in cluster_plan.go, its state in
// cluster_state.go; the default pool's rotation in default_pool_rotation.go.

var (
	_ resource.ResourceWithConfigure      = (*clusterResource)(nil)
	_ resource.ResourceWithImportState    = (*clusterResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*clusterResource)(nil)
	_ resource.ResourceWithValidateConfig = (*clusterResource)(nil)
)

// clusterTimeouts are the default timeouts: creating or upgrading a cluster takes many minutes, a
// rotation of the default pool creates and deletes two pools.
var clusterTimeouts = lifecycle{
	noun:   "managed cluster",
	create: 90 * time.Minute, read: 5 * time.Minute, update: 90 * time.Minute, delete: 90 * time.Minute,
}

// NewClusterResource is the constructor of aks_cluster.
func NewClusterResource() resource.Resource {
	return &clusterResource{}
}

type clusterResource struct {
	client *clients.Client
}

func (r *clusterResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cluster"
}

func (r *clusterResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *clusterResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config clusterResourceModel
	ctx, cancel, timeout, ok := clusterTimeouts.begin(ctx, opCreate, &plan.Timeouts, &resp.Diagnostics, from(req.Plan, &plan), from(req.Config, &config))
	defer cancel()
	defer recordClusterIdentity(ctx, &resp.State, nil, resp.Identity, &resp.Diagnostics)
	if !ok {
		return
	}
	id := aksapi.ClusterID{SubscriptionID: r.client.SubscriptionID, ResourceGroup: plan.ResourceGroupName.ValueString(), Name: plan.Name.ValueString()}
	coord := r.client.AKS

	// Refuse to adopt a cluster that already exists: it must be imported.
	if _, err := coord.GetCluster(ctx, id); err == nil {
		resp.Diagnostics.AddAttributeError(path.Root("name"), "Managed cluster already exists", clusterExistsDetail(id))
		return
	} else if !aksapi.IsNotFound(err) {
		resp.Diagnostics.AddError("Could not check whether the managed cluster exists", err.Error())
		return
	}

	body, diags := expandCluster(ctx, plan, windowsPasswordToSend(plan.WindowsProfile, config.WindowsProfile))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	result, err := coord.CreateOrUpdateCluster(ctx, id, body, aksapi.CreateOnly)
	if err != nil {
		if aksapi.IsPreconditionFailed(err) {
			resp.Diagnostics.AddAttributeError(path.Root("name"), "Managed cluster already exists", clusterExistsDetail(id))
			return
		}
		if result.Accepted {
			// AKS has the cluster: record it so that Terraform marks it tainted instead of
			// losing track of it.
			r.recordAfterFailure(ctx, id, plan, &resp.State, &resp.Diagnostics)
		}
		resp.Diagnostics.AddError("Could not create the managed cluster", clusterTimeouts.failure(err, timeout, opCreate))
		return
	}

	r.recordWritten(ctx, id, plan, &resp.State, &resp.Diagnostics,
		"Managed cluster missing after creation", "AKS reported the cluster created, but reading it back found nothing. Run terraform apply again.")
}

func (r *clusterResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state clusterResourceModel
	var id aksapi.ClusterID
	ctx, cancel, _, ok := clusterTimeouts.begin(ctx, opRead, &state.Timeouts, &resp.Diagnostics, from(req.State, &state), clusterIDFrom(&state.ID, &id))
	defer cancel()
	defer recordClusterIdentity(ctx, &resp.State, &id, resp.Identity, &resp.Diagnostics)
	if !ok {
		return
	}
	importing := state.DefaultNodePool == nil
	newState, found, diags := r.readCluster(ctx, id, state, importing, true)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, newState)...)
}

// Update makes the planned change in three steps, each through its own calls: the cluster's
// settings, then the control plane's version, then the default pool (which follows the control
// plane). A step that fails records what the earlier ones did.
func (r *clusterResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config clusterResourceModel
	var id aksapi.ClusterID
	ctx, cancel, timeout, ok := clusterTimeouts.begin(ctx, opUpdate, &plan.Timeouts, &resp.Diagnostics,
		from(req.Plan, &plan), from(req.State, &state), from(req.Config, &config), clusterIDFrom(&state.ID, &id))
	defer cancel()
	defer recordClusterIdentity(ctx, &resp.State, &id, resp.Identity, &resp.Diagnostics)
	if !ok || !r.updateSettings(ctx, id, state, plan, config, timeout, resp) {
		return
	}

	// The control plane's version: its own PUT, changing nothing else, before any pool moves.
	if changed(state.KubernetesVersion, plan.KubernetesVersion) {
		version := plan.KubernetesVersion.ValueString()
		_, err := r.client.AKS.UpdateCluster(ctx, id, func(mc *armcontainerservice.ManagedCluster) error {
			if mc.Properties == nil {
				mc.Properties = &armcontainerservice.ManagedClusterProperties{}
			}
			mc.Properties.KubernetesVersion = to.Ptr(version)
			return nil
		})
		if err != nil {
			r.recordClusterProgress(ctx, id, plan, state, &resp.State, &resp.Diagnostics)
			resp.Diagnostics.AddAttributeError(path.Root("kubernetes_version"), "Could not upgrade the control plane", clusterTimeouts.failure(err, timeout, opUpdate))
			return
		}
	}

	// The default pool, through the agentPools API only. Its steps are cluster writes: they hold
	// the cluster's lock exclusively, so no aks_node_pool write interleaves with a rotation.
	if plan.DefaultNodePool != nil && state.DefaultNodePool != nil {
		err := r.client.AKS.Exclusively(ctx, id, func(ctx context.Context) error {
			return r.updateDefaultPool(ctx, id, *state.DefaultNodePool, *plan.DefaultNodePool)
		})
		if err != nil {
			r.recordClusterProgress(ctx, id, plan, state, &resp.State, &resp.Diagnostics)
			resp.Diagnostics.AddAttributeError(path.Root("default_node_pool"), "Could not update the default node pool", clusterTimeouts.failure(err, timeout, opUpdate))
			return
		}
	}

	r.recordWritten(ctx, id, plan, &resp.State, &resp.Diagnostics,
		"Managed cluster missing after the update", "Reading the cluster back after the update found nothing: it was deleted meanwhile.")
}

// updateSettings applies the cluster-level changes: one PUT from a fresh read, or a PATCH when
// only the tags change. It reports whether the update may go on.
func (r *clusterResource) updateSettings(ctx context.Context, id aksapi.ClusterID, state, plan, config clusterResourceModel, timeout time.Duration, resp *resource.UpdateResponse) bool {
	password := windowsPasswordChange(state.WindowsProfile, plan.WindowsProfile, config.WindowsProfile)
	changes, diags := clusterChanges(ctx, state, plan, password)
	resp.Diagnostics.Append(diags...)
	tagsChanged := !plan.Tags.Equal(state.Tags)
	planTags, diags := stringPointerMap(ctx, plan.Tags)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return false
	}
	switch {
	case len(changes) > 0:
		tflog.Info(ctx, "updating the managed cluster", map[string]any{"cluster": id.String(), "attributes": clusterChangeNames(changes)})
		_, err := r.client.AKS.UpdateCluster(ctx, id, func(mc *armcontainerservice.ManagedCluster) error {
			applyClusterChanges(mc, changes)
			if tagsChanged {
				mc.Tags = planTags
				if mc.Tags == nil {
					mc.Tags = map[string]*string{}
				}
			}
			return nil
		})
		if err != nil {
			// The state stays the prior one (the framework's default): a Windows password, which
			// no read reveals, is then sent again by the next apply.
			resp.Diagnostics.AddError("Could not update the managed cluster", clusterTimeouts.failure(err, timeout, opUpdate))
			return false
		}
	case tagsChanged:
		if _, err := r.client.AKS.UpdateClusterTags(ctx, id, planTags); err != nil {
			resp.Diagnostics.AddError("Could not update the managed cluster's tags", clusterTimeouts.failure(err, timeout, opUpdate))
			return false
		}
	}
	return true
}

func (r *clusterResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state clusterResourceModel
	var id aksapi.ClusterID
	ctx, cancel, timeout, ok := clusterTimeouts.begin(ctx, opDelete, &state.Timeouts, &resp.Diagnostics, from(req.State, &state), clusterIDFrom(&state.ID, &id))
	defer cancel()
	if !ok {
		return
	}
	if err := r.client.AKS.DeleteCluster(ctx, id); err != nil {
		resp.Diagnostics.AddError("Could not delete the managed cluster", clusterTimeouts.failure(err, timeout, opDelete))
	}
}

// clusterExistsDetail is the import hint for a cluster that exists already; like
// alreadyExistsDetail, it refers to the address Terraform prints with the diagnostic.
func clusterExistsDetail(id aksapi.ClusterID) string {
	return fmt.Sprintf("Resource group %s already has a managed cluster named %q. Terraform does not take over an existing cluster silently: import it into this resource to manage it here. "+
		"ADDRESS below is this resource's address, the one Terraform shows above after \"with\" (such as aks_cluster.main).\n\n"+
		"With the terraform CLI:\n\n  terraform import ADDRESS %[3]s\n\n"+
		"or with an import block (Terraform 1.5 or later), then plan and apply:\n\n  import {\n    to = ADDRESS\n    id = %[3]q\n  }\n\n"+
		"Or choose another name.",
		id.ResourceGroup, id.Name, id.String())
}
