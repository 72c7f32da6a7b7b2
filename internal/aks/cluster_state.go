package aks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

// clusterResourceModel is aks_cluster's model: the attributes shared with the data source, the
// default pool and Windows profile blocks (which hold provider-side settings), and timeouts.
type clusterResourceModel struct {
	clusterAttributes
	DefaultNodePool *defaultNodePoolModel `tfsdk:"default_node_pool"`
	WindowsProfile  *windowsProfileModel  `tfsdk:"windows_profile"`
	Timeouts        timeouts.Value        `tfsdk:"timeouts"`
}

// readCluster reads the cluster and its default pool and builds the state over prior. cached
// lets the read use the AKS client's per-cluster cache (refresh); after a write the cache was dropped
// anyway. found is false when the cluster does not exist.
func (r *clusterResource) readCluster(ctx context.Context, id aksapi.ClusterID, prior clusterResourceModel, importing, cached bool) (clusterResourceModel, bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	coord := r.client.AKS
	var mc *armcontainerservice.ManagedCluster
	var err error
	if cached {
		mc, err = coord.CachedCluster(ctx, id)
	} else {
		mc, err = coord.GetCluster(ctx, id)
	}
	if aksapi.IsNotFound(err) {
		return prior, false, diags
	}
	if err != nil {
		diags.AddError("Could not read the managed cluster", err.Error())
		return prior, false, diags
	}
	out, d := clusterFromAPI(ctx, mc, prior, importing)
	diags.Append(d...)
	// The cluster's answer holds its pools (agentPoolProfiles): no second read for the default pool.
	pools, err := aksapi.PoolsOf(id, mc)
	if err != nil {
		diags.AddError("Could not read the cluster's node pools", err.Error())
		return out, true, diags
	}
	diags.Append(out.readDefaultPool(ctx, id, mc, pools, prior, importing)...)
	return out, true, diags
}

// clusterFromAPI is the cluster's state, but for its default pool, from AKS's answer, refreshed
// over prior; the default pool is prior's until readDefaultPool.
func clusterFromAPI(ctx context.Context, mc *armcontainerservice.ManagedCluster, prior clusterResourceModel, importing bool) (clusterResourceModel, diag.Diagnostics) {
	attrs, diags := flattenCluster(ctx, mc, clusterFlattenOptions{prior: &prior.clusterAttributes, importing: importing})
	out := clusterResourceModel{
		clusterAttributes: attrs,
		Timeouts:          prior.Timeouts,
		DefaultNodePool:   prior.DefaultNodePool,
	}
	if mc.Properties != nil {
		out.WindowsProfile = flattenWindowsProfile(mc.Properties.WindowsProfile, prior.WindowsProfile, importing)
	}
	return out, diags
}

// readDefaultPool records the default pool from the cluster's pools: the one prior names or, on
// import (no prior pool), the cluster's first System pool.
func (out *clusterResourceModel) readDefaultPool(ctx context.Context, id aksapi.ClusterID, mc *armcontainerservice.ManagedCluster, pools []*armcontainerservice.AgentPool, prior clusterResourceModel, importing bool) diag.Diagnostics {
	var diags diag.Diagnostics
	priorPool := defaultNodePoolModel{}
	name := ""
	if prior.DefaultNodePool != nil {
		priorPool = *prior.DefaultNodePool
		name = priorPool.Name.ValueString()
	} else {
		name = firstSystemPool(mc, pools)
		priorPool.Name = types.StringValue(name)
		priorPool.TemporaryNameForRotation = types.StringNull()
		priorPool.UpgradeSettings = types.ObjectNull(upgradeSettingsAttrTypes)
	}
	pool := findPool(pools, name)
	if pool == nil {
		// The default pool is missing: an interrupted rotation, or someone deleted it. The prior
		// settings stay; the plan then shows a repair (see planDefaultPoolRepair).
		if prior.DefaultNodePool == nil {
			diags.AddError("Managed cluster has no System node pool", fmt.Sprintf("Cluster %s has no System node pool to record as default_node_pool.", id.Name))
		}
		return diags
	}
	priorValues, d := priorPool.values(ctx)
	diags.Append(d...)
	settings, upgrade, d := flattenNodePool(ctx, pool, flattenOptions{
		prior:                &priorValues.nodePoolSettings,
		priorUpgradeSettings: priorPool.UpgradeSettings,
		importing:            importing,
	})
	diags.Append(d...)
	dp, d := priorPool.fromSettings(ctx, settings, upgrade)
	diags.Append(d...)
	dp.Name = keepSpelling(priorPool.Name, pool.Name)
	out.DefaultNodePool = &dp
	return diags
}

// recordWritten records the cluster as a fresh read finds it after a successful write, refreshed
// over the plan; a cluster the read does not find is the error missingSummary, missingDetail.
func (r *clusterResource) recordWritten(ctx context.Context, id aksapi.ClusterID, plan clusterResourceModel, state *tfsdk.State, diags *diag.Diagnostics, missingSummary, missingDetail string) {
	written, found, d := r.readCluster(ctx, id, plan, false, false)
	diags.Append(d...)
	if !found && !diags.HasError() {
		diags.AddError(missingSummary, missingDetail)
	}
	if diags.HasError() {
		return
	}
	keepPlanned(ctx, &written, plan) // see planned_values.go
	diags.Append(state.Set(ctx, written)...)
}

// firstSystemPool names the cluster's first System pool, in the order AKS lists its pools (the
// order they were created in): the default pool of an imported cluster.
func firstSystemPool(mc *armcontainerservice.ManagedCluster, pools []*armcontainerservice.AgentPool) string {
	if mc.Properties != nil {
		for _, p := range mc.Properties.AgentPoolProfiles {
			if p != nil && p.Mode != nil && *p.Mode == armcontainerservice.AgentPoolModeSystem {
				return deref(p.Name)
			}
		}
	}
	for _, p := range pools {
		if p.Properties != nil && p.Properties.Mode != nil && *p.Properties.Mode == armcontainerservice.AgentPoolModeSystem {
			return deref(p.Name)
		}
	}
	return ""
}

func findPool(pools []*armcontainerservice.AgentPool, name string) *armcontainerservice.AgentPool {
	for _, p := range pools {
		if p != nil && p.Name != nil && strings.EqualFold(*p.Name, name) {
			return p
		}
	}
	return nil
}

// recordAfterFailure records a cluster AKS accepted but whose creation failed or was not waited
// for: read it back if possible, else keep what was planned with the unknown values null.
// Terraform then marks the resource tainted.
func (r *clusterResource) recordAfterFailure(ctx context.Context, id aksapi.ClusterID, plan clusterResourceModel, state interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics) {
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if recorded, found, d := r.readCluster(readCtx, id, plan, false, false); found && !d.HasError() {
		diags.Append(state.Set(ctx, recorded)...)
		return
	}
	recorded := plan
	recorded.ID = types.StringValue(id.String())
	diags.Append(state.Set(ctx, nullUnknowns(recorded))...)
}

// recordClusterProgress records, after a later step of an update failed, the cluster settings
// already applied, with the default pool as it was: the next plan then shows what is left to do,
// and the default pool's change (a rotation, say) resumes where it stopped.
func (r *clusterResource) recordClusterProgress(ctx context.Context, id aksapi.ClusterID, plan, state clusterResourceModel, target interface {
	Set(context.Context, any) diag.Diagnostics
}, diags *diag.Diagnostics) {
	readCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	mc, err := r.client.AKS.GetCluster(readCtx, id)
	if err != nil {
		diags.Append(target.Set(ctx, state)...)
		return
	}
	attrs, d := flattenCluster(ctx, mc, clusterFlattenOptions{prior: &plan.clusterAttributes})
	if d.HasError() {
		diags.Append(target.Set(ctx, state)...)
		return
	}
	progress := clusterResourceModel{clusterAttributes: attrs, DefaultNodePool: state.DefaultNodePool, Timeouts: plan.Timeouts}
	if mc.Properties != nil {
		progress.WindowsProfile = flattenWindowsProfile(mc.Properties.WindowsProfile, plan.WindowsProfile, false)
	}
	diags.Append(target.Set(ctx, nullUnknowns(progress))...)
}

// nullUnknowns returns m with every unknown value null: a state can't hold unknowns.
func nullUnknowns(m clusterResourceModel) clusterResourceModel {
	nullUnknownStrings(&m.ID, &m.DNSPrefix, &m.KubernetesVersion, &m.CurrentKubernetesVersion, &m.SKUTier, &m.NodeResourceGroup,
		&m.OIDCIssuerURL, &m.AutomaticUpgradeChannel, &m.NodeOSUpgradeChannel, &m.FQDN, &m.PrivateFQDN, &m.PortalFQDN)
	if m.KubeletIdentity.IsUnknown() {
		m.KubeletIdentity = types.ObjectNull(kubeletIdentityAttrTypes)
	}
	m.Identity = nullIfPartlyUnknown(m.Identity, clusterIdentityAttrTypes)
	m.NetworkProfile = nullIfPartlyUnknown(m.NetworkProfile, networkProfileAttrTypes)
	if m.DefaultNodePool != nil {
		pool := *m.DefaultNodePool
		nullUnknownStrings(&pool.OSSKU, &pool.VMSize, &pool.OrchestratorVersion, &pool.CurrentOrchestratorVersion, &pool.NodeImageVersion,
			&pool.CurrentNodeImageVersion, &pool.OSDiskType, &pool.KubeletDiskType, &pool.ProvisioningState)
		nullUnknownInts(&pool.NodeCount, &pool.CurrentNodeCount, &pool.OSDiskSizeGB, &pool.MaxPods)
		pool.UpgradeSettings = nullIfPartlyUnknown(pool.UpgradeSettings, upgradeSettingsAttrTypes)
		nullUnknownGroupValues(context.Background(), &pool.poolSettings)
		m.DefaultNodePool = &pool
	}
	return m
}
