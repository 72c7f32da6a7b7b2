// Package agentpools is the provider's one way to call the AKS agentPools API. It is shared by the
// aks_node_pool resource, the node pool data sources and (later) aks_cluster's default_node_pool.
//
// A Coordinator, one per configured provider, does three things the SDK does not:
//
//   - it serialises writes to one managed cluster inside the provider process, because AKS runs one
//     operation at a time per cluster and answers a concurrent write with 409 OperationNotAllowed;
//   - when AKS still answers 409 OperationNotAllowed (someone else's operation is running: the
//     portal, the CLI, another Terraform run, the autoscaler), it waits until the cluster and its
//     pools are in a terminal provisioning state and tries again, within the caller's deadline;
//   - it caches each cluster's pool list and the cluster itself, shared by every resource and data
//     source of the process, fetched once even when many callers ask at the same moment, and
//     dropped by any write to that cluster; so refreshing twenty pools of one cluster lists the
//     pools once instead of twenty GETs.
//
// Long-running operations are driven by azcore's pollers; retries of 408/429/5xx are azcore's.
package agentpools
