package actions

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

var (
	_ action.ActionWithConfigure        = (*nodePoolUpgradeNodeImageAction)(nil)
	_ action.ActionWithConfigValidators = (*nodePoolUpgradeNodeImageAction)(nil)
)

// NewNodePoolUpgradeNodeImageAction returns the aks_node_pool_upgrade_node_image action.
func NewNodePoolUpgradeNodeImageAction() action.Action { return &nodePoolUpgradeNodeImageAction{} }

type nodePoolUpgradeNodeImageAction struct{ base }

type nodePoolUpgradeNodeImageModel struct {
	NodePoolID types.String `tfsdk:"node_pool_id"`
	ClusterID  types.String `tfsdk:"cluster_id"`
	Timeout    types.String `tfsdk:"timeout"`
}

const upgradeNodeImageTimeout = time.Hour

func (a *nodePoolUpgradeNodeImageAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_node_pool_upgrade_node_image"
}

func (a *nodePoolUpgradeNodeImageAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Upgrades the nodes of one node pool, or of every pool of a cluster, to the latest node OS image AKS offers for their OS SKU, " +
			"without changing their Kubernetes version: what `az aks nodepool upgrade --node-image-only` (one pool) and `az aks upgrade --node-image-only` (every pool) do. " +
			"AKS reimages the nodes with the pool's surge settings; pools are upgraded one after the other. " +
			"The action waits for each upgrade and reports progress while it waits. " +
			"For a pool Terraform manages, `node_image_version = \"latest\"` on `aks_node_pool` is the declarative alternative; the action suits a one-off upgrade or pools Terraform does not manage " +
			"([AKS node image upgrade](https://learn.microsoft.com/azure/aks/node-image-upgrade)).",
		Attributes: map[string]schema.Attribute{
			attrNodePoolID: nodePoolIDAttribute(false, "The ARM ID of the node pool to upgrade, such as `aks_node_pool.example.id`. Exactly one of `node_pool_id` and `cluster_id`."),
			attrClusterID:  clusterIDAttribute("The ARM ID of a managed cluster: every pool of it is upgraded, one after the other. Exactly one of `node_pool_id` and `cluster_id`."),
			attrTimeout:    timeoutAttribute(upgradeNodeImageTimeout),
		},
	}
}

func (a *nodePoolUpgradeNodeImageAction) ConfigValidators(context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{
		actionvalidator.ExactlyOneOf(path.MatchRoot(attrNodePoolID), path.MatchRoot(attrClusterID)),
	}
}

func (a *nodePoolUpgradeNodeImageAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var model nodePoolUpgradeNodeImageModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &model)...)
	if resp.Diagnostics.HasError() || !a.configured(&resp.Diagnostics) {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeoutOf(model.Timeout, upgradeNodeImageTimeout))
	defer cancel()
	p := newProgress(resp)

	pools, attr, ok := a.poolsToUpgrade(ctx, model, resp)
	if !ok {
		return
	}
	for i, id := range pools {
		p.say("Upgrading the node image of pool %s of cluster %s (%d of %d).", id.Name, id.Cluster.Name, i+1, len(pools))
		stop := p.waiting(fmt.Sprintf("upgrade the node image of pool %s", id.Name))
		pool, err := a.client.AKS.UpgradePoolNodeImage(ctx, id)
		stop()
		if err != nil {
			attrError(&resp.Diagnostics, attr, "Node image upgrade failed",
				fmt.Sprintf("%s.\n\nPools upgraded before this one: %d of %d.", err, i, len(pools)))
			return
		}
		version := "(not reported)"
		if pool.Properties != nil && pool.Properties.NodeImageVersion != nil {
			version = *pool.Properties.NodeImageVersion
		}
		p.say("Pool %s now runs node image %s.", id.Name, version)
	}
}

// poolsToUpgrade returns the pools the configuration names (one, or every pool of the cluster) and
// the attribute errors belong to.
func (a *nodePoolUpgradeNodeImageAction) poolsToUpgrade(ctx context.Context, model nodePoolUpgradeNodeImageModel, resp *action.InvokeResponse) ([]aksapi.PoolID, string, bool) {
	if !model.NodePoolID.IsNull() {
		id, err := aksapi.ParsePoolID(model.NodePoolID.ValueString())
		if err != nil {
			attrError(&resp.Diagnostics, attrNodePoolID, "Invalid node pool ID", err.Error())
			return nil, "", false
		}
		return []aksapi.PoolID{id}, attrNodePoolID, true
	}
	cluster, err := aksapi.ParseClusterID(model.ClusterID.ValueString())
	if err != nil {
		attrError(&resp.Diagnostics, attrClusterID, "Invalid cluster ID", err.Error())
		return nil, "", false
	}
	listed, err := a.client.AKS.ListPools(ctx, cluster)
	if err != nil {
		attrError(&resp.Diagnostics, attrClusterID, "Cannot list the cluster's node pools", err.Error())
		return nil, "", false
	}
	var pools []aksapi.PoolID
	for _, pool := range listed {
		if pool.Name != nil {
			pools = append(pools, cluster.Pool(*pool.Name))
		}
	}
	return pools, attrClusterID, true
}
