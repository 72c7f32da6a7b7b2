// Package aksapi is the provider's one road to the AKS API (Microsoft.ContainerService): every
// resource, data source and ephemeral resource reaches managed clusters, agent pools, Kubernetes
// versions and cluster credentials through a *Client, so that AKS's errors are translated the same
// way everywhere (APIError) and writes are ordered as AKS requires.
//
// Reads come in two kinds, named so a caller always knows which one it gets:
//
//   - Get*/List* read ARM directly (GetCluster, ListPools, GetPool, GetPoolUpgradeProfile,
//     ListKubernetesVersions, ListClusterCredentials);
//   - Cached* read through a per-cluster cache shared by every resource and data source of the
//     process (CachedCluster, CachedPools, CachedPool): fetched once even when many callers ask at the
//     same moment, and dropped by any write to that cluster. All three are served from one GET of
//     the cluster, whose agentPoolProfiles are its pools (PoolsOf): refreshing a cluster and its
//     twenty pools costs one ARM read, neither twenty pool GETs nor a GET and a list.
//
// Writes (CreateOrUpdatePool, UpdatePool, DeletePool, UpgradePoolNodeImage, CreateOrUpdateCluster,
// UpdateCluster, UpdateClusterTags, DeleteCluster):
//
//   - are ordered per managed cluster inside the provider process as AKS orders them (Microsoft's
//     "Manage node pools" limitations: one operation at a time on the same resource): writes to
//     different pools of a cluster run at once; two writes to one pool run one after the other; a
//     cluster write runs alone. That is a per-pool lock under a per-cluster shared/exclusive lock
//     (cluster_state.go), with an optional cap of pool writes per cluster
//     (Options.MaxPoolOperationsPerCluster). Exclusively runs a sequence of writes (the default
//     pool's rotation, a System pool's delete after its check) with the cluster held exclusively;
//   - when AKS still answers 409 OperationNotAllowed (someone else's operation is running: the
//     portal, the CLI, another Terraform run, the autoscaler), wait for the answer's Retry-After,
//     else back off exponentially to a cap, and send the write again, within the caller's deadline;
//     each wait is in the TRACE log, and the error at the deadline says what was busy and how long
//     it waited (conflict_backoff.go);
//   - send updates as read, change, PUT with If-Match, so a change made by someone else since the
//     read is never overwritten.
//
// The cache is per cluster: every write drops it when it starts and when it ends, and a read that
// was in flight meanwhile is not kept, so a read that starts after a write to one pool never sees
// that pool as it was before, while refreshing many pools still reads them once.
//
// Files: client.go (the Client and its SDK factories), cluster_state.go (per-cluster locks and
// cache), cached_reads.go, cluster_pools.go (a cluster's pools from its GET), pools.go
// (agentPools), clusters.go (managedClusters), conflicts.go (running a write, waiting out other
// parties' operations), conflict_backoff.go (the wait's policy), versions.go, credentials.go,
// errors.go, ids.go.
//
// Long-running operations are driven by azcore's pollers; retries of 408/429/5xx are azcore's.
package aksapi
