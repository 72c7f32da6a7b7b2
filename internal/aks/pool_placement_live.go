package aks

import (
	"context"
	"errors"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// snapshotReader reads node pool snapshots (aksapi.Client).
type snapshotReader interface {
	GetSnapshot(ctx context.Context, id string) (*armcontainerservice.Snapshot, error)
}

// checkSnapshotLive reads the pool's snapshot_id and checks that the snapshot fits the pool. It
// runs for a pool being created (current nil) or whose snapshot_id changes (a replacement).
func checkSnapshotLive(ctx context.Context, client snapshotReader, base path.Path, pool rules.Pool) diag.Diagnostics {
	if client == nil || !known(pool.SnapshotID) {
		return nil
	}
	id := pool.SnapshotID.ValueString()
	snap, err := client.GetSnapshot(ctx, id)
	if err != nil {
		status := 0
		var apiErr *aksapi.APIError
		if errors.As(err, &apiErr) {
			status = apiErr.StatusCode
		}
		return diag.Diagnostics{rules.SnapshotUnreadable(base, id, status, err)}
	}
	return rules.CheckSnapshotFit(base, pool, snapshotFacts(id, snap))
}

func snapshotFacts(id string, s *armcontainerservice.Snapshot) rules.Snapshot {
	out := rules.Snapshot{ID: id}
	if s == nil || s.Properties == nil {
		return out
	}
	p := s.Properties
	out.OSType = deref(p.OSType)
	out.OSSKU = deref(p.OSSKU)
	out.KubernetesVersion = deref(p.KubernetesVersion)
	out.NodeImageVersion = deref(p.NodeImageVersion)
	return out
}

// checkDefaultPoolSnapshot checks the default pool's snapshot when the pool is created: with the
// cluster, or by a rotation that changes snapshot_id.
func checkDefaultPoolSnapshot(ctx context.Context, client snapshotReader, state *clusterResourceModel, plan clusterResourceModel, pool rules.Pool) diag.Diagnostics {
	if plan.DefaultNodePool == nil {
		return nil
	}
	if state != nil && state.DefaultNodePool != nil && !changed(state.DefaultNodePool.SnapshotID, plan.DefaultNodePool.SnapshotID) {
		return nil
	}
	return checkSnapshotLive(ctx, client, path.Root("default_node_pool"), pool)
}
