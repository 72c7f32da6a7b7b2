// Package bench is `make bench`: a harness that measures what terraform
// costs with this provider, against the local emulator, and prints a
// markdown report of ratios taken in the same run, so that two reports
// (two commits, or two machines) compare figure by figure even when the
// machines differ in speed. It never runs under `make test`: the harness is
// the command internal/bench/cmd/aks-bench (`go run`, started by
// `make bench`); this package's tests only check its helpers.
//
// # What it builds and runs
//
// The provider (go build .), the emulator
// (./internal/emulator/cmd/aks-emulator, started on a free loopback port
// with 2 s long-running operations, talked to only over its control API
// /_emulator/) and a minimal terraform-plugin-framework provider kept as
// test data (testdata/minimalprovider: one resource that keeps its
// attributes in the state and calls nothing). Terraform (-terraform, the
// binary `make` uses) runs each provider through dev_overrides, so no
// `terraform init` and no registry; every command runs with a CLI config,
// environment and working folder of the harness's own, under a temporary
// folder (-keep keeps it).
//
// Before measuring, the harness applies every workspace the scenarios start
// from with operations that finish at once; then it sets them back to 2 s.
// Each measured command is repeated (-runs, default 5; -write-runs for
// apply and destroy, default 3), the commands of a scenario taking turns so
// that a change in the machine's load touches them alike, and each figure
// is the median of its runs (failed calls: the most of any run).
//
// # The figures
//
//   - wall: the time of the whole terraform command, from start to exit,
//     terraform's own work included.
//   - provider peak RSS: terraform starts a provider process several times
//     per command; dev_overrides point at a copy of the harness binary that
//     runs the real provider as its child and records the child's
//     ru_maxrss (see rss.go). The figure is the largest of one command's
//     provider processes.
//   - provider CPU: the user + system time of all of one command's provider
//     processes, from the same wrapper; less sensitive than wall to other
//     work on the machine.
//   - ARM reads: the GET and HEAD requests under /subscriptions/ in the
//     emulator's journal of the command (resources, lists, the VM size
//     catalogue, operation polling), not Entra ID's token requests or the
//     cloud metadata. The budget is the issue's: 2 + one per cluster.
//   - failed calls: ARM requests answered 400 or more, except a 404 to a
//     read (a read that finds nothing is an answer).
//
// # The scenarios
//
//   - validate, and plan without changes, of 1 cluster + 1 pool (aks_cluster
//     with its default pool, one aks_node_pool): wall and provider peak RSS
//     compared to the same commands with the minimal provider and two of its
//     resources; the plan's ARM reads.
//   - refresh (plan -refresh-only) of one cluster of 1, 10, 20 and 100
//     pools, counting the default pool (AKS allows 100 pools a cluster): ARM
//     reads against the budget, wall compared to 1 pool.
//   - apply of 1 and of 10 new aks_node_pool resources on an existing
//     cluster, and their destroy, with 2 s operations: wall(10) / wall(1)
//     and failed calls. Pools created one after another take about 10
//     times as long as one; written at once, about as long as one.
//   - plan without changes of 100 pools across 10 clusters (10 pools each,
//     the default pool included): ARM reads against the budget, wall
//     compared to the plan of 1 cluster + 1 pool.
//
// The report ends with the goals (apply wall(10) / wall(1) at most
// 1.3; each refresh and plan across clusters at most 2 + clusters reads)
// and whether this run met them. It does not fail when they are not met:
// it measures, whatever the provider does.
package bench
