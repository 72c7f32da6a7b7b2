// Package aksapi is the provider's one road to the AKS API (Microsoft.ContainerService): every
// resource, data source and ephemeral resource reaches managed clusters, agent pools, Kubernetes
// versions and cluster credentials through a *Client, so that AKS's errors are translated the same
// way everywhere (APIError) and writes are coordinated.
//
// Reads come in two kinds, named so a caller always knows which one it gets:
//
//   - Get*/List* read ARM directly (GetCluster, ListPools, GetPool, GetPoolUpgradeProfile,
//     ListKubernetesVersions, ListClusterCredentials);
//   - Cached* read through a per-cluster cache shared by every resource and data source of the
//     process (CachedCluster, CachedPools, CachedPool): fetched once even when many callers ask at the
//     same moment, and dropped by any write to that cluster, so refreshing twenty pools of one
//     cluster lists the pools once instead of twenty GETs.
//
// Writes (CreateOrUpdatePool, UpdatePool, DeletePool, UpgradePoolNodeImage, CreateOrUpdateCluster,
// UpdateCluster, UpdateClusterTags, DeleteCluster):
//
//   - are serialised per managed cluster inside the provider process, because AKS answers a
//     concurrent write with 409 OperationNotAllowed;
//   - when AKS still answers 409 OperationNotAllowed (someone else's operation is running: the
//     portal, the CLI, another Terraform run, the autoscaler), wait until the cluster and its pools
//     are in a terminal provisioning state and try again, within the caller's deadline;
//   - send updates as read, change, PUT with If-Match, so a change made by someone else since the
//     read is never overwritten.
//
// Files: client.go (the Client and its SDK factories), cluster_state.go (per-cluster lock and
// cache), cached_reads.go, pools.go (agentPools), clusters.go (managedClusters), conflicts.go
// (waiting out other parties' operations), versions.go, credentials.go, errors.go, ids.go.
//
// Long-running operations are driven by azcore's pollers; retries of 408/429/5xx are azcore's.
package aksapi
