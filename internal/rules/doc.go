// Package rules holds every AKS rule the provider checks at plan time, each a
// small named validator with its own unit test. They are shared by
// aks_node_pool (pool attributes at the root) and aks_cluster.default_node_pool
// (pool attributes under default_node_pool), so pool rules take a base
// path.Path and report attribute paths relative to it.
//
// Conventions, for every rule:
//   - a rule never fires on an unknown value (known only at apply); a null
//     value means "unset" and takes AKS's default where the rule needs one;
//   - a facts gap (a VM size the catalogue doesn't know, a figure the data
//     leaves open) gives a warning or nothing, never an error;
//   - every diagnostic carries the attribute path, a summary naming the rule,
//     and a detail with what was found, the rule with its source, and the fix.
package rules
