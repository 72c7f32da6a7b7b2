// Package aks holds the aks provider's resources, data sources and ephemeral resources, and the
// registry the provider reads them from (registry.go).
//
// Files are cut by what they hold, so the home of anything is found by its name:
//
//   - each resource has four files: name_resource.go (Create, Read, Update, Delete, import),
//     name_schema.go, name_plan.go (ValidateConfig, ModifyPlan) and name_state.go (the model and
//     what a read or a failed write records);
//   - pool_*.go is the agent pool shared by aks_node_pool and aks_cluster's default_node_pool:
//     its model (pool_model.go), docs (pool_docs.go), schema attributes declared once
//     (pool_schema.go), reading (pool_flatten.go), request bodies and in-place changes
//     (pool_expand.go), planning at a base attribute path (pool_plan.go) and where the rules
//     run (pool_rules.go);
//   - default_pool*.go is what only the default pool has: its model, its block, and its rotation
//     (default_pool_plan.go plans it, default_pool_rotation.go applies it);
//   - cluster_*.go holds aks_cluster's model, docs, create body (cluster_expand.go), update
//     changes (cluster_changes.go) and reading (cluster_flatten.go);
//   - crud.go is the preamble every CRUD method starts with (models, timeouts, IDs), and
//     conversions.go every conversion between framework values and SDK pointers, with the null
//     and empty rule they follow.
//
// Every implementation receives a *clients.Client as provider data in its Configure and reaches
// AKS only through its AKS field (internal/aksapi).
package aks
