// Package rules holds every AKS rule the provider checks at plan time, each a
// small named validator with its own unit test. They are shared by
// aks_node_pool (pool attributes at the root) and aks_cluster.default_node_pool
// (pool attributes under default_node_pool), so pool rules take a base
// path.Path and report attribute paths relative to it.
//
// How it is cut: one file per subject, named for it, with its test beside it
// (arm64_fips.go and arm64_fips_test.go for "ARM64 with FIPS",
// ephemeral_os_disk.go for Ephemeral OS disks, node_taints.go, subnets.go,
// version_skew.go, cidr.go, ...). The entry points that run a set of rules sit
// with the input they read: CheckPool in pool.go, CheckPoolInCluster in
// pool_in_cluster.go, CheckClusterConfig in cluster_config.go. AKS's
// vocabulary (modes, OS SKUs, network plugins, ...) and the helper that renders
// a value list for docs are in vocabulary.go; where each rule comes from is in
// sources.go; the diagnostic builders in diagnostics.go; the single-value
// validator type in string_check.go.
//
// Conventions, for every rule:
//   - a rule never fires on an unknown value (known only at apply); a null
//     value means "unset" and takes AKS's default where the rule needs one;
//   - a facts gap (a VM size the catalogue doesn't know, a figure the data
//     leaves open) gives a warning or nothing, never an error;
//   - every diagnostic carries the attribute path, a summary naming the rule,
//     and a detail with what was found, the rule with its source, and the fix.
package rules
