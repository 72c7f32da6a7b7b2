// Package emulator is a local Azure emulator: an HTTPS server on loopback that
// speaks the Entra ID, cloud metadata and ARM protocols the real Azure SDKs
// use, and serves Microsoft.Resources, Microsoft.Network virtual networks,
// Microsoft.Compute resource SKUs and Microsoft.ContainerService managed
// clusters, agent pools and maintenance configurations. AKS business rules
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
//     identities as resources, load balancers, public IPs, NICs, snapshots,
//     machines, private endpoints, extensions or fleet resources; IDs naming
//     them are accepted as text where AKS takes an ID, and not resolved.
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
