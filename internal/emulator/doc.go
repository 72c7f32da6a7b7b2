// Package emulator is a local Azure emulator: an HTTPS server on loopback that
// speaks the Entra ID, cloud metadata and ARM protocols the real Azure SDKs
// use, and serves Microsoft.Resources, Microsoft.Network virtual networks,
// public IP prefixes and application security groups, Microsoft.Compute
// resource SKUs, capacity reservation groups, dedicated host groups and
// proximity placement groups, and Microsoft.ContainerService managed
// clusters, agent pools, maintenance configurations and node pool
// snapshots. AKS business rules
// and server defaults live in the aksrules subpackage, certificates in pki.
// This package owns transport (routes.go, serve.go, respond.go),
// authentication (Entra ID's endpoints in entra*.go and tokens.go, ARM's
// bearer token check in armauth.go), ARM semantics (api-versions, ETags,
// long-running operations), the handlers of each resource type, the store
// that holds the resources (store*.go, state.go) and the control API under
// /_emulator/ (journal, faults, mutations, latency, reset).
//
// It is an independent referee for the provider: it never imports the
// provider's validation code. It must answer as Azure does, whichever client
// asks: the aks provider, azurerm (hashicorp/terraform-provider-azurerm over
// go-azure-sdk), the Azure SDK for Go, the Azure CLI.
//
// # What it is faithful to, and the sources
//
//   - Request and answer shapes of Microsoft.ContainerService: the REST spec
//     (Azure/azure-rest-api-specs, specification/containerservice/
//     resource-manager/Microsoft.ContainerService/aks/stable/2025-10-01/
//     managedClusters.json) and Microsoft's official examples for that
//     version, which the conformance suite replays (conformance/testdata,
//     listed with their commits in SOURCES.md). The SDK models
//     (armcontainerservice v8) hold the stored resources, so answers marshal
//     as the SDKs read them.
//   - AKS's rules, defaults and error codes: the AKS documentation
//     (learn.microsoft.com/azure/aks), cited by each rule in aksrules; where a
//     message's exact text is undocumented the rule says so.
//   - ARM's protocol: api-version checks, case-insensitive paths, paging with
//     nextLink, 401s with WWW-Authenticate, If-Match / If-None-Match,
//     long-running operations (201/200 + Azure-AsyncOperation for PUT, 202 +
//     Azure-AsyncOperation + Location for DELETE and POST actions), as the
//     ARM RPC guide and azcore's pollers expect (shared/reference/aks-api.md).
//   - Entra ID: the token endpoint's client-credentials grant (secret,
//     certificate and federated assertions), AADSTS error codes, OpenID
//     discovery, v1 access tokens whose "aud" is one string
//     (learn.microsoft.com/entra/identity-platform/access-token-claims-reference).
//     Tokens are issued for Resource Manager and for Microsoft Graph (azurerm
//     asks for one on every configure); ARM accepts only its own audiences and
//     answers a Graph token with 401 InvalidAuthenticationTokenAudience.
//   - The resources agent pools reference by ID (resources.go,
//     compute_groups.go, network_refs.go, aks_snapshots.go): Compute capacity
//     reservation groups, dedicated host groups and proximity placement groups
//     (GET, PUT, DELETE, list; synchronous, as the Compute spec has them:
//     specification/compute/resource-manager/Microsoft.Compute/ComputeRP/
//     stable/2024-11-01), Network public IP prefixes and application security
//     groups (seeded, GET and list), and AKS node pool snapshots (PUT taken
//     from an agent pool, GET, list, tags, DELETE; the spec's Snapshot and its
//     SnapshotsCreate/SnapshotsGet examples, replayed by the conformance
//     suite). They are held as the SDK models generated from those specs.
//     A pool naming a missing one, or an ID of the wrong type, is refused
//     (aksrules/references.go); a pool created from a snapshot takes its
//     configuration and must fit it (aksrules/snapshot*.go,
//     learn.microsoft.com/azure/aks/node-pool-snapshot).
//   - Stopping and starting pools through properties.powerState
//     (store_power.go, aksrules/power_state*.go): learn.microsoft.com/azure/
//     aks/start-stop-nodepools and the AgentPools_Stop/AgentPools_Start
//     examples: "Stopping"/"Starting", count 0 and the autoscaler off while
//     stopped, the previous count and autoscaler restored on start.
//   - Cloud metadata: GET /metadata/endpoints answers api-version 2022-09-01
//     with one cloud object (what go-azure-sdk's environments.FromEndpoint and
//     `az cloud register` decode) and the older 2019-05-01 and 2020-06-01 with
//     an array of clouds.
//   - What real clients send that Azure accepts: empty strings for unset
//     enums and IDs, "upgradeSettings": {}, osDiskSizeGB 0, explicit nulls
//     and empty lists (azurerm does); AKS reads them as unset.
//
// # What it does not model
//
//   - No Kubernetes: no API servers behind the FQDNs, no nodes, no pods (and
//     so no pod disruption budgets); kubeconfigs are well-formed but point at
//     nothing.
//   - Only the resource types it serves exist (see routes.go): other ARM paths
//     answer 404 InvalidResourceType. There are no role assignments, managed
//     identities as resources, load balancers, public IPs, NICs, disk
//     snapshots, private endpoints, extensions or fleet resources; IDs naming
//     them are accepted as text where AKS takes an ID, and not resolved.
//     Capacity reservation groups hold no reservations, host groups no hosts,
//     and no group lists the VMs or scale sets of the pools placed in it;
//     public IP prefixes and application security groups can't be written.
//   - What AKS refuses on a stopped pool beyond the documented limitations is
//     not documented; the emulator refuses nothing else, and a count or
//     autoscaler sent to a stopped pool is what it starts again with.
//   - Provider registration knows only the namespaces the emulator serves;
//     registering another answers 404 InvalidResourceNamespace. (azurerm's
//     automatic registration only registers namespaces the provider list
//     shows as NotRegistered, and skips the others with a warning.)
//   - Planned maintenance is stored and validated, never run: nothing is
//     upgraded on schedule, and auto-upgrade channels change nothing.
//   - One cloud: the metadata's older array shape lists only the emulator's
//     cloud, where Azure lists every public and sovereign cloud.
//   - Entra ID implements client credentials only (no users, no device code,
//     no refresh tokens), and Graph tokens are issued but Graph itself is not
//     served.
//   - Quotas, capacity, regions' zone support and pricing are not modelled,
//     except the VM size catalogue of internal/skudata.
package emulator
