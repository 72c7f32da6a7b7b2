package actions

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

var (
	_ action.ActionWithConfigure        = (*operationAbortAction)(nil)
	_ action.ActionWithConfigValidators = (*operationAbortAction)(nil)
)

// NewOperationAbortAction returns the aks_operation_abort action.
func NewOperationAbortAction() action.Action { return &operationAbortAction{} }

type operationAbortAction struct{ base }

type operationAbortModel struct {
	ClusterID  types.String `tfsdk:"cluster_id"`
	NodePoolID types.String `tfsdk:"node_pool_id"`
	Timeout    types.String `tfsdk:"timeout"`
}

const abortTimeout = 30 * time.Minute

func (a *operationAbortAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_operation_abort"
}

func (a *operationAbortAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Aborts the operation running on a managed cluster or on one of its node pools (an upgrade, a scale, a node image upgrade, ...), " +
			"as `az aks operation-abort` and `az aks nodepool operation-abort` do, and waits until AKS has cancelled it. " +
			"The cluster or pool goes to `Canceling`, then `Canceled`; what the operation changed before it stopped stays changed, so run a plan afterwards to see where the resource stands. " +
			"AKS answers 409 when nothing is running (also when the operation completed before it could be cancelled); the action then fails with that answer " +
			"([AKS: abort a long-running operation](https://learn.microsoft.com/azure/aks/manage-abort-operations)).",
		Attributes: map[string]schema.Attribute{
			attrClusterID:  clusterIDAttribute("The ARM ID of the managed cluster whose running operation to abort. Exactly one of `cluster_id` and `node_pool_id`."),
			attrNodePoolID: nodePoolIDAttribute(false, "The ARM ID of the node pool whose running operation to abort. Exactly one of `cluster_id` and `node_pool_id`."),
			attrTimeout:    timeoutAttribute(abortTimeout),
		},
	}
}

func (a *operationAbortAction) ConfigValidators(context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{
		actionvalidator.ExactlyOneOf(path.MatchRoot(attrClusterID), path.MatchRoot(attrNodePoolID)),
	}
}

func (a *operationAbortAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var model operationAbortModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !a.configured(&resp.Diagnostics) {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeoutOf(model.Timeout, abortTimeout))
	defer cancel()
	p := newProgress(resp)

	attr, target, abort, ok := a.target(model, &resp.Diagnostics)
	if !ok {
		return
	}
	p.say("Aborting the operation running on %s.", target)
	stop := p.waiting("cancel the operation on " + target)
	err := abort(ctx, func() {
		p.say("AKS accepted the abort of the operation on %s; waiting for it to be cancelled.", target)
	})
	stop()
	switch {
	case aksapi.IsNothingToAbort(err):
		attrError(&resp.Diagnostics, attr, "No operation to abort",
			"AKS refused the abort because no operation is running on "+target+" (it may have completed before it could be cancelled): "+err.Error())
	case err != nil:
		attrError(&resp.Diagnostics, attr, "Abort failed", err.Error())
	default:
		p.say("The operation on %s was cancelled.", target)
	}
}

// target returns what the configuration aborts: the attribute that names it, its description for
// messages, and the call that aborts its operation.
func (a *operationAbortAction) target(model operationAbortModel, diags *diag.Diagnostics) (string, string, func(context.Context, aksapi.Accepted) error, bool) {
	if !model.NodePoolID.IsNull() {
		id, err := aksapi.ParsePoolID(model.NodePoolID.ValueString())
		if err != nil {
			attrError(diags, attrNodePoolID, "Invalid node pool ID", err.Error())
			return "", "", nil, false
		}
		return attrNodePoolID, "node pool " + id.Name + " of cluster " + id.Cluster.Name,
			func(ctx context.Context, accepted aksapi.Accepted) error {
				return a.client.AKS.AbortPoolOperation(ctx, id, accepted)
			}, true
	}
	cluster, err := aksapi.ParseClusterID(model.ClusterID.ValueString())
	if err != nil {
		attrError(diags, attrClusterID, "Invalid cluster ID", err.Error())
		return "", "", nil, false
	}
	return attrClusterID, "cluster " + cluster.Name,
		func(ctx context.Context, accepted aksapi.Accepted) error {
			return a.client.AKS.AbortClusterOperation(ctx, cluster, accepted)
		}, true
}
