package aksapi

import (
	"context"
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// This file holds the managedClusters reads and writes of aks_cluster. The writes hold the
// cluster's lock exclusively (lockCluster), so a cluster update never runs while a node pool write
// of the same Terraform run does (AKS would refuse one of them with 409 OperationNotAllowed), and
// have the same 409 handling as the agentPools writes.

// ClusterPutResult is the outcome of a PUT of a managed cluster.
type ClusterPutResult struct {
	// Cluster is the cluster as AKS holds it when the operation ended; nil if it did not end.
	Cluster *armcontainerservice.ManagedCluster
	// Accepted reports that AKS accepted the PUT and started the operation: the cluster exists even
	// when the operation then failed or the wait timed out, so the caller must record it.
	Accepted bool
}

// GetCluster reads the managed cluster directly (not from the cache), with its ETag.
func (c *Client) GetCluster(ctx context.Context, cluster ClusterID) (*armcontainerservice.ManagedCluster, error) {
	f, err := c.factory(cluster.SubscriptionID)
	if err != nil {
		return nil, err
	}
	resp, err := f.NewManagedClustersClient().Get(ctx, cluster.ResourceGroup, cluster.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("reading managed cluster %s: %w", cluster.Name, asAPIError(err))
	}
	return &resp.ManagedCluster, nil
}

// CreateOrUpdateCluster PUTs the managed cluster under the given precondition and waits for the
// operation. It runs alone among the writes to the cluster of this process; a 409
// OperationNotAllowed is waited out and the PUT sent again, within ctx's deadline.
//
// When AKS accepted the PUT but the operation failed or the wait ended, the error is returned with
// Accepted true: the cluster exists and must be recorded.
func (c *Client) CreateOrUpdateCluster(ctx context.Context, cluster ClusterID, mc armcontainerservice.ManagedCluster, pre Precondition) (ClusterPutResult, error) {
	var result ClusterPutResult
	err := c.whileBusy(ctx, cluster, c.clusterWait(cluster), func() (bool, error) {
		var err error
		result, err = c.putCluster(ctx, cluster, mc, pre)
		return isOperationNotAllowed(err) && !result.Accepted, err
	})
	return result, err
}

// UpdateCluster reads the cluster (with its ETag), lets change apply the caller's differences to
// it, and PUTs it back with If-Match, so that a change made by someone else since the read is never
// overwritten. The agent pool profiles go back as the read returned them, without their read-only
// fields: AKS refuses pool changes through the cluster, and a profile that matches its pool can't
// trip the "all orchestratorVersions specified or none" rule. After a 409 OperationNotAllowed
// (waited out) or a 412 (the cluster changed between read and write) it starts again from the read.
func (c *Client) UpdateCluster(ctx context.Context, cluster ClusterID, change func(mc *armcontainerservice.ManagedCluster) error) (ClusterPutResult, error) {
	var result ClusterPutResult
	rereads := rereadBudget{}
	err := c.whileBusy(ctx, cluster, c.clusterWait(cluster), func() (bool, error) {
		return rereads.until(ctx, "managed cluster changed between read and write; reading it again", map[string]any{"cluster": cluster.String()}, func() (bool, bool, error) {
			current, err := c.GetCluster(ctx, cluster)
			if err != nil {
				return false, false, err
			}
			etag := "*"
			if current.ETag != nil && *current.ETag != "" {
				etag = *current.ETag
			}
			if err := change(current); err != nil {
				return false, false, err
			}
			result, err = c.putCluster(ctx, cluster, *current, Precondition{IfMatch: etag})
			return true, result.Accepted, err
		})
	})
	return result, err
}

// putCluster sends one PUT and waits for its operation. The caller holds the cluster's lock exclusively.
func (c *Client) putCluster(ctx context.Context, cluster ClusterID, mc armcontainerservice.ManagedCluster, pre Precondition) (ClusterPutResult, error) {
	f, err := c.factory(cluster.SubscriptionID)
	if err != nil {
		return ClusterPutResult{}, err
	}
	options := &armcontainerservice.ManagedClustersClientBeginCreateOrUpdateOptions{IfMatch: pre.ifMatch(), IfNoneMatch: pre.ifNoneMatch()}
	poller, err := f.NewManagedClustersClient().BeginCreateOrUpdate(ctx, cluster.ResourceGroup, cluster.Name, clusterWithoutReadOnly(mc), options)
	if err != nil {
		if isOperationNotAllowed(err) {
			return ClusterPutResult{}, err // waited out by the caller; keep azcore's error for the check
		}
		return ClusterPutResult{}, fmt.Errorf("%s managed cluster %s: %w", pre.verb(), cluster.Name, asAPIError(err))
	}
	resp, err := pollUntilDone(ctx, poller, c.opts.PollFrequency)
	if err != nil {
		return ClusterPutResult{Accepted: true}, fmt.Errorf("%s managed cluster %s: the operation did not succeed: %w", pre.verb(), cluster.Name, asAPIError(err))
	}
	return ClusterPutResult{Cluster: &resp.ManagedCluster, Accepted: true}, nil
}

// UpdateClusterTags replaces the cluster's tags with a PATCH (ManagedClusters_UpdateTags): the one
// change that needs neither a read nor a full PUT.
func (c *Client) UpdateClusterTags(ctx context.Context, cluster ClusterID, tags map[string]*string) (*armcontainerservice.ManagedCluster, error) {
	if tags == nil {
		tags = map[string]*string{} // an empty object removes every tag; null would be ignored
	}
	var updated *armcontainerservice.ManagedCluster
	err := c.whileBusy(ctx, cluster, c.clusterWait(cluster), func() (bool, error) {
		f, err := c.factory(cluster.SubscriptionID)
		if err != nil {
			return false, err
		}
		poller, err := f.NewManagedClustersClient().BeginUpdateTags(ctx, cluster.ResourceGroup, cluster.Name, armcontainerservice.TagsObject{Tags: tags}, nil)
		if isOperationNotAllowed(err) {
			return true, err
		}
		if err != nil {
			return false, fmt.Errorf("updating the tags of managed cluster %s: %w", cluster.Name, asAPIError(err))
		}
		resp, err := pollUntilDone(ctx, poller, c.opts.PollFrequency)
		if err != nil {
			return false, fmt.Errorf("updating the tags of managed cluster %s: the operation did not succeed: %w", cluster.Name, asAPIError(err))
		}
		updated = &resp.ManagedCluster
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return updated, nil
}

// DeleteCluster deletes the managed cluster (with its pools and node resource group) and waits for
// the operation. A cluster that does not exist is success.
func (c *Client) DeleteCluster(ctx context.Context, cluster ClusterID) error {
	return c.whileBusy(ctx, cluster, c.clusterWait(cluster), func() (bool, error) {
		f, err := c.factory(cluster.SubscriptionID)
		if err != nil {
			return false, err
		}
		poller, err := f.NewManagedClustersClient().BeginDelete(ctx, cluster.ResourceGroup, cluster.Name, nil)
		switch {
		case err == nil:
		case IsNotFound(err):
			return false, nil
		case isOperationNotAllowed(err):
			return true, err
		default:
			return false, fmt.Errorf("deleting managed cluster %s: %w", cluster.Name, asAPIError(err))
		}
		if _, err := pollUntilDone(ctx, poller, c.opts.PollFrequency); err != nil && !IsNotFound(err) {
			return false, fmt.Errorf("deleting managed cluster %s: the operation did not succeed: %w", cluster.Name, asAPIError(err))
		}
		return false, nil
	})
}

// clusterWithoutReadOnly returns mc without the read-only fields of its agent pool profiles (the
// SDK would send them back). A stale nodeImageVersion in a PUT body has been refused by AKS in the
// past (azurerm#30395); everything writable goes back unchanged.
func clusterWithoutReadOnly(mc armcontainerservice.ManagedCluster) armcontainerservice.ManagedCluster {
	if mc.Properties == nil || len(mc.Properties.AgentPoolProfiles) == 0 {
		return mc
	}
	props := *mc.Properties
	profiles := make([]*armcontainerservice.ManagedClusterAgentPoolProfile, 0, len(props.AgentPoolProfiles))
	for _, p := range props.AgentPoolProfiles {
		if p == nil {
			continue
		}
		copied := *p
		copied.ETag = nil
		copied.CurrentOrchestratorVersion = nil
		copied.NodeImageVersion = nil
		copied.ProvisioningState = nil
		copied.Status = nil
		profiles = append(profiles, &copied)
	}
	props.AgentPoolProfiles = profiles
	mc.Properties = &props
	return mc
}
