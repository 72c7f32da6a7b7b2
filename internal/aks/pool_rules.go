package aks

// Where the pool rules of internal/rules run, for aks_node_pool and aks_cluster's default_node_pool:
// model conversions, the checks against the live cluster, and the last System pool on delete.

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// rulesPool converts the resource model into what the rules read.
func rulesPool(m nodePoolResourceModel) rules.Pool {
	r := rules.Pool{
		Name:                  m.Name,
		Mode:                  m.Mode,
		OSType:                m.OSType,
		OSSKU:                 m.OSSKU,
		VMSize:                m.VMSize,
		NodeCount:             m.NodeCount,
		AutoScalingEnabled:    m.AutoScalingEnabled,
		MinCount:              m.MinCount,
		MaxCount:              m.MaxCount,
		OrchestratorVersion:   m.OrchestratorVersion,
		VnetSubnetID:          m.VnetSubnetID,
		PodSubnetID:           m.PodSubnetID,
		FIPSEnabled:           m.FIPSEnabled,
		OSDiskType:            m.OSDiskType,
		OSDiskSizeGB:          m.OSDiskSizeGB,
		KubeletDiskType:       m.KubeletDiskType,
		Priority:              m.Priority,
		EvictionPolicy:        m.EvictionPolicy,
		SpotMaxPrice:          m.SpotMaxPrice,
		HostEncryptionEnabled: m.HostEncryptionEnabled,
		MaxPods:               m.MaxPods,
	}
	rulesGroups(m.nodePoolSettings, &r)
	return r
}

// rulesPoolFor is the pool the rules check at plan and apply time: the configuration, with the
// values AKS computed for an existing pool (from the plan, which carries them over from the state)
// where the configuration leaves them unset, so rules that depend on the VM size, OS SKU or
// version still run on an existing pool. Spot-only and autoscaler arguments stay as configured:
// the rules read them as the user's intent.
func rulesPoolFor(config, plan nodePoolResourceModel) nodePoolResourceModel {
	m := config
	takeIfNull(&m.VMSize, plan.VMSize)
	takeIfNull(&m.OSSKU, plan.OSSKU)
	takeIfNull(&m.OrchestratorVersion, plan.OrchestratorVersion)
	takeIfNull(&m.OSDiskType, plan.OSDiskType)
	takeIfNull(&m.KubeletDiskType, plan.KubeletDiskType)
	takeIfNull(&m.OSDiskSizeGB, plan.OSDiskSizeGB)
	takeIfNull(&m.MaxPods, plan.MaxPods)
	return m
}

// checkPoolConfig runs the configuration rules; sizes nil means the embedded VM size facts.
func checkPoolConfig(ctx context.Context, m nodePoolResourceModel, sizes *vmsizes.Catalogue, location string) diag.Diagnostics {
	return rules.CheckPool(ctx, path.Empty(), rulesPool(m), sizes, location)
}

// existingPool describes the pool as the state holds it, for the rules that compare a change with
// the current pool (version downgrade, demoting the last System pool).
func existingPool(state nodePoolResourceModel) rules.ExistingPool {
	return rules.ExistingPool{
		Name:                state.Name.ValueString(),
		Mode:                state.Mode.ValueString(),
		OSType:              state.OSType.ValueString(),
		VMSetType:           stringOrDefault(state.Type, string(armcontainerservice.AgentPoolTypeVirtualMachineScaleSets)),
		VnetSubnetID:        state.VnetSubnetID.ValueString(),
		PodSubnetID:         state.PodSubnetID.ValueString(),
		OrchestratorVersion: state.CurrentOrchestratorVersion.ValueString(),
		PowerState:          state.PowerState.ValueString(),
		ProvisioningState:   state.ProvisioningState.ValueString(),
	}
}

// rulesCluster describes the live cluster and its pools for the rules.
func rulesCluster(mc *armcontainerservice.ManagedCluster, pools []*armcontainerservice.AgentPool) rules.Cluster {
	c := rules.Cluster{}
	if p := mc.Properties; p != nil {
		switch {
		case p.CurrentKubernetesVersion != nil:
			c.KubernetesVersion = *p.CurrentKubernetesVersion
		case p.KubernetesVersion != nil:
			c.KubernetesVersion = *p.KubernetesVersion
		}
		if p.SecurityProfile != nil && p.SecurityProfile.Defender != nil && p.SecurityProfile.Defender.SecurityMonitoring != nil &&
			p.SecurityProfile.Defender.SecurityMonitoring.Enabled != nil {
			c.DefenderEnabled = *p.SecurityProfile.Defender.SecurityMonitoring.Enabled
		}
		if p.NetworkProfile != nil {
			if p.NetworkProfile.LoadBalancerSKU != nil {
				c.LoadBalancerSKU = string(*p.NetworkProfile.LoadBalancerSKU)
			}
			if p.NetworkProfile.NetworkPlugin != nil {
				c.NetworkPlugin = string(*p.NetworkProfile.NetworkPlugin)
			}
			c.OutboundType = deref(p.NetworkProfile.OutboundType)
		}
		c.HasWindowsProfile = p.WindowsProfile != nil
		clusterLifecycle(p, &c)
	}
	c.Location = deref(mc.Location)
	for _, pool := range pools {
		c.Pools = append(c.Pools, existingFromAPI(pool))
	}
	return c
}

func existingFromAPI(pool *armcontainerservice.AgentPool) rules.ExistingPool {
	e := rules.ExistingPool{}
	if pool.Name != nil {
		e.Name = *pool.Name
	}
	p := pool.Properties
	if p == nil {
		return e
	}
	e.Mode = deref(p.Mode)
	e.OSType = deref(p.OSType)
	e.VMSetType = deref(p.Type)
	e.VnetSubnetID = deref(p.VnetSubnetID)
	e.PodSubnetID = deref(p.PodSubnetID)
	e.PowerState, e.ProvisioningState = poolLifecycleState(p)
	e.OrchestratorVersion = deref(p.CurrentOrchestratorVersion)
	e.PodIPAllocationMode = deref(p.PodIPAllocationMode)
	if e.OrchestratorVersion == "" {
		e.OrchestratorVersion = deref(p.OrchestratorVersion)
	}
	return e
}

// checkAgainstCluster runs the rules that need the live cluster: its version, network, profiles
// and other pools, and the VM size facts of its location. A cluster that does not exist (yet)
// is skipped at plan time; at apply time it is an error.
func (r *nodePoolResource) checkAgainstCluster(ctx context.Context, id aksapi.PoolID, m nodePoolResourceModel, current *rules.ExistingPool, applying bool) diag.Diagnostics {
	var diags diag.Diagnostics
	if r.client == nil {
		return diags
	}
	coord := r.client.AKS
	mc, err := coord.CachedCluster(ctx, id.Cluster)
	if aksapi.IsNotFound(err) {
		// A known cluster_id of a cluster that does not exist fails the plan of a create; an
		// existing pool whose cluster is gone is removed from the state by Read instead.
		if applying || current == nil {
			diags.AddAttributeError(path.Root("cluster_id"), "Managed cluster not found", clusterNotFoundDetail(id.Cluster, err))
		}
		return diags
	}
	if err != nil {
		diags.AddAttributeError(path.Root("cluster_id"), "Could not read the managed cluster", err.Error())
		return diags
	}
	pools, err := coord.CachedPools(ctx, id.Cluster)
	if err != nil {
		diags.AddAttributeError(path.Root("cluster_id"), "Could not list the cluster's node pools", err.Error())
		return diags
	}
	location := ""
	if mc.Location != nil {
		location = *mc.Location
	}
	sizes := r.client.VMSizes
	pool := rulesPool(m)
	diags.Append(rules.CheckPoolInCluster(ctx, path.Empty(), pool, current, rulesCluster(mc, pools), sizes, location)...)

	diags.Append(checkPoolLive(ctx, path.Empty(), pool, sizes, location)...)
	if current == nil {
		diags.Append(checkSnapshotLive(ctx, coord, path.Empty(), pool)...)
	}
	return diags
}

// checkPoolLive runs the configuration rules again with the live VM sizes of the cluster's
// location: sizes newer than the embedded facts, and values that were unknown at validation.
// Warnings the embedded facts give too were already shown by validation and are left out.
func checkPoolLive(ctx context.Context, base path.Path, pool rules.Pool, sizes *vmsizes.Catalogue, location string) diag.Diagnostics {
	var diags diag.Diagnostics
	embedded := rules.CheckPool(ctx, base, pool, nil, location)
	for _, d := range rules.CheckPool(ctx, base, pool, sizes, location) {
		if d.Severity() == diag.SeverityWarning && embedded.Contains(d) {
			continue
		}
		diags.Append(d)
	}
	return diags
}

// checkPoolDelete refuses to delete the last System pool of a cluster.
func checkPoolDelete(id aksapi.PoolID, pools []*armcontainerservice.AgentPool) diag.Diagnostics {
	return rules.CheckPoolDelete(id.Name, rulesCluster(&armcontainerservice.ManagedCluster{}, pools))
}

// clusterNotFoundDetail explains a 404 for the pool's cluster: the cluster is missing, or its
// whole subscription is not visible to the provider's credential (404 SubscriptionNotFound).
func clusterNotFoundDetail(id aksapi.ClusterID, err error) string {
	var apiErr *aksapi.APIError
	if errors.As(err, &apiErr) && strings.EqualFold(apiErr.Code, "SubscriptionNotFound") {
		return fmt.Sprintf("Cluster %s is in subscription %s, which the provider's credential can't see (%s), so the node pool can't be created in it.\n\n"+
			"Fix: correct the subscription in cluster_id, or grant the credential a role (Reader at least) in subscription %s.", id.String(), id.SubscriptionID, apiErr.Error(), id.SubscriptionID)
	}
	return "Cluster " + id.String() + " does not exist, so the node pool can't be created in it.\n\nFix: create the cluster first (reference its id so Terraform orders the two), or correct cluster_id."
}
