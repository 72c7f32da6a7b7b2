package emulator

import (
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Request families: which part of the emulator a path belongs to.
const (
	familyEntra    = "entra"    // Entra ID: openid-configuration, token, keys
	familyMetadata = "metadata" // cloud metadata
	familyOIDC     = "oidc"     // the emulator's own OIDC issuer
	familyControl  = "control"  // /_emulator/
	familyARM      = "arm"      // Azure Resource Manager
)

// familyOf tells which part of the emulator a path belongs to.
func familyOf(path string) string {
	p := strings.ToLower(strings.TrimPrefix(path, "/"))
	switch {
	case strings.HasPrefix(p, "_emulator/") || p == "_emulator":
		return familyControl
	case strings.HasPrefix(p, "subscriptions"), strings.HasPrefix(p, "providers/"):
		return familyARM
	case strings.HasPrefix(p, "metadata/"):
		return familyMetadata
	case strings.HasPrefix(p, "oidc/"):
		return familyOIDC
	}
	return familyEntra
}

// API groups: each has its own list of accepted api-versions.
const (
	apiResources = "Microsoft.Resources"
	apiNetwork   = "Microsoft.Network"
	apiSKUs      = "Microsoft.Compute/skus"
	apiCompute   = "Microsoft.Compute"
	apiAKS       = "Microsoft.ContainerService"
)

// route is one method + path pattern. Literal segments match case-insensitively
// (ARM paths are case-insensitive; the SDK itself sends "managedclusters" for
// abort); "{name}" segments capture.
type route struct {
	method   string
	segments []string
	family   string
	apiGroup string // ARM only
	resType  string // ARM only: the resource type named in api-version errors
	handler  func(*request)
}

// buildRoutes is the route table: every method and path the emulator serves,
// by family, with its handler; for ARM also the api-version group and the
// resource type its errors name. The handlers live in the file of their
// resource type (resource_groups.go, network.go, aks_clusters.go, ...).
func (s *Server) buildRoutes() []route {
	const (
		sub     = "subscriptions/{subscriptionId}"
		rg      = sub + "/resourceGroups/{resourceGroupName}"
		vnet    = rg + "/providers/Microsoft.Network/virtualNetworks/{virtualNetworkName}"
		aksSub  = sub + "/providers/Microsoft.ContainerService"
		cluster = rg + "/providers/Microsoft.ContainerService/managedClusters/{resourceName}"
		pool    = cluster + "/agentPools/{agentPoolName}"
		mcfg    = cluster + "/maintenanceConfigurations"
	)
	var rs []route
	add := func(family, apiGroup, resType, method, pattern string, h func(*request)) {
		rs = append(rs, route{method: method, segments: strings.Split(pattern, "/"), family: family, apiGroup: apiGroup, resType: resType, handler: h})
	}
	entra := func(method, pattern string, h func(*request)) { add(familyEntra, "", "", method, pattern, h) }
	arm := func(group, resType, method, pattern string, h func(*request)) {
		add(familyARM, group, resType, method, pattern, h)
	}

	// Entra ID
	entra(http.MethodGet, "{tenant}/v2.0/.well-known/openid-configuration", s.handleOpenIDConfiguration)
	entra(http.MethodGet, "{tenant}/.well-known/openid-configuration", s.handleOpenIDConfiguration)
	entra(http.MethodPost, "{tenant}/oauth2/v2.0/token", s.handleToken)
	entra(http.MethodPost, "{tenant}/oauth2/token", s.handleToken)
	entra(http.MethodGet, "{tenant}/discovery/v2.0/keys", s.handleTokenKeys)
	entra(http.MethodGet, "{tenant}/discovery/keys", s.handleTokenKeys)

	// cloud metadata
	add(familyMetadata, "", "", http.MethodGet, "metadata/endpoints", s.handleMetadata)

	// the emulator's own OIDC issuer
	add(familyOIDC, "", "", http.MethodGet, "oidc/.well-known/openid-configuration", s.handleOIDCConfiguration)
	add(familyOIDC, "", "", http.MethodGet, "oidc/keys", s.handleOIDCKeys)
	add(familyOIDC, "", "", http.MethodGet, "oidc/github/token", s.handleGitHubOIDCRequest)

	// control API
	control := func(method, pattern string, h func(*request)) { add(familyControl, "", "", method, pattern, h) }
	control(http.MethodGet, "_emulator/journal", s.handleJournalGet)
	control(http.MethodDelete, "_emulator/journal", s.handleJournalDelete)
	control(http.MethodGet, "_emulator/faults", s.handleFaultsGet)
	control(http.MethodPost, "_emulator/faults", s.handleFaultsPost)
	control(http.MethodDelete, "_emulator/faults", s.handleFaultsDelete)
	control(http.MethodDelete, "_emulator/faults/{id}", s.handleFaultDelete)
	control(http.MethodPost, "_emulator/mutate", s.handleMutate)
	control(http.MethodGet, "_emulator/state", s.handleStateGet)
	control(http.MethodPost, "_emulator/reset", s.handleReset)
	control(http.MethodGet, "_emulator/latency", s.handleLatencyGet)
	control(http.MethodPost, "_emulator/latency", s.handleLatencyPost)
	control(http.MethodGet, "_emulator/env", s.handleEnvGet)

	// subscriptions, providers, resource groups
	arm(apiResources, "subscriptions", http.MethodGet, "subscriptions", s.handleSubscriptionList)
	arm(apiResources, "subscriptions", http.MethodGet, sub, s.handleSubscriptionGet)
	arm(apiResources, "providers", http.MethodGet, sub+"/providers", s.handleProviderList)
	arm(apiResources, "providers", http.MethodGet, sub+"/providers/{resourceProviderNamespace}", s.handleProviderGet)
	arm(apiResources, "providers", http.MethodPost, sub+"/providers/{resourceProviderNamespace}/register", s.handleProviderRegister)
	arm(apiResources, "resourceGroups", http.MethodGet, sub+"/resourcegroups", s.handleResourceGroupList)
	arm(apiResources, "resourceGroups", http.MethodGet, rg, s.handleResourceGroupGet)
	arm(apiResources, "resourceGroups", http.MethodHead, rg, s.handleResourceGroupHead)
	arm(apiResources, "resourceGroups", http.MethodPut, rg, s.handleResourceGroupPut)
	arm(apiResources, "resourceGroups", http.MethodPatch, rg, s.handleResourceGroupPatch)
	arm(apiResources, "resourceGroups", http.MethodDelete, rg, s.handleResourceGroupDelete)
	arm(apiResources, "operationresults", http.MethodGet, sub+"/operationresults/{operationId}", s.handleOperationResult)

	// Microsoft.Network
	const netType = "virtualNetworks"
	arm(apiNetwork, netType, http.MethodGet, sub+"/providers/Microsoft.Network/virtualNetworks", s.handleVNetListAll)
	arm(apiNetwork, netType, http.MethodGet, rg+"/providers/Microsoft.Network/virtualNetworks", s.handleVNetList)
	arm(apiNetwork, netType, http.MethodGet, vnet, s.handleVNetGet)
	arm(apiNetwork, netType, http.MethodPut, vnet, s.handleVNetPut)
	arm(apiNetwork, netType, http.MethodDelete, vnet, s.handleVNetDelete)
	arm(apiNetwork, netType+"/subnets", http.MethodGet, vnet+"/subnets", s.handleSubnetList)
	arm(apiNetwork, netType+"/subnets", http.MethodGet, vnet+"/subnets/{subnetName}", s.handleSubnetGet)
	arm(apiNetwork, netType+"/subnets", http.MethodPut, vnet+"/subnets/{subnetName}", s.handleSubnetPut)
	arm(apiNetwork, netType+"/subnets", http.MethodDelete, vnet+"/subnets/{subnetName}", s.handleSubnetDelete)
	arm(apiNetwork, "locations/operations", http.MethodGet, sub+"/providers/Microsoft.Network/locations/{location}/operations/{operationId}", s.handleOperationStatus)
	arm(apiNetwork, "locations/operationResults", http.MethodGet, sub+"/providers/Microsoft.Network/locations/{location}/operationResults/{operationId}", s.handleOperationResult)

	// Microsoft.Network resources agent pools reference (seeded, read-only)
	for _, k := range []*resourceKind{publicIPPrefixes, applicationSecurityGroups} {
		s.resourceRoutes(arm, apiNetwork, k)
	}

	// Microsoft.Compute resource SKUs and the groups agent pools reference
	arm(apiSKUs, "skus", http.MethodGet, sub+"/providers/Microsoft.Compute/skus", s.handleSKUList)
	for _, k := range computeGroupKinds {
		s.resourceRoutes(arm, apiCompute, k)
	}

	// Microsoft.ContainerService
	const mcType, apType = "managedClusters", "managedClusters/agentPools"
	arm(apiAKS, mcType, http.MethodGet, aksSub+"/managedClusters", s.handleClusterListAll)
	arm(apiAKS, "locations/kubernetesVersions", http.MethodGet, aksSub+"/locations/{location}/kubernetesVersions", s.handleKubernetesVersions)
	arm(apiAKS, "locations/operations", http.MethodGet, aksSub+"/locations/{location}/operations/{operationId}", s.handleOperationStatus)
	arm(apiAKS, "locations/operationresults", http.MethodGet, aksSub+"/locations/{location}/operationresults/{operationId}", s.handleOperationResult)
	arm(apiAKS, mcType, http.MethodGet, rg+"/providers/Microsoft.ContainerService/managedClusters", s.handleClusterList)
	arm(apiAKS, mcType, http.MethodGet, cluster, s.handleClusterGet)
	arm(apiAKS, mcType, http.MethodPut, cluster, s.handleClusterPut)
	arm(apiAKS, mcType, http.MethodPatch, cluster, s.handleClusterPatch)
	arm(apiAKS, mcType, http.MethodDelete, cluster, s.handleClusterDelete)
	arm(apiAKS, mcType, http.MethodPost, cluster+"/listClusterUserCredential", s.handleClusterUserCredential)
	arm(apiAKS, mcType, http.MethodPost, cluster+"/listClusterAdminCredential", s.handleClusterAdminCredential)
	arm(apiAKS, mcType+"/upgradeProfiles", http.MethodGet, cluster+"/upgradeProfiles/default", s.handleClusterUpgradeProfile)
	arm(apiAKS, mcType, http.MethodPost, cluster+"/abort", s.handleClusterAbort)
	arm(apiAKS, mcType+"/availableAgentPoolVersions", http.MethodGet, cluster+"/availableAgentPoolVersions", s.handleAvailableAgentPoolVersions)
	const mcfgType = "managedClusters/maintenanceConfigurations"
	arm(apiAKS, mcfgType, http.MethodGet, mcfg, s.handleMaintenanceList)
	arm(apiAKS, mcfgType, http.MethodGet, mcfg+"/{configName}", s.handleMaintenanceGet)
	arm(apiAKS, mcfgType, http.MethodPut, mcfg+"/{configName}", s.handleMaintenancePut)
	arm(apiAKS, mcfgType, http.MethodDelete, mcfg+"/{configName}", s.handleMaintenanceDelete)
	s.resourceRoutes(arm, apiAKS, snapshots)
	arm(apiAKS, "snapshots", http.MethodPatch, rg+"/providers/"+snapshotType+"/{resourceName}", s.handleSnapshotPatch)
	arm(apiAKS, apType, http.MethodGet, cluster+"/agentPools", s.handlePoolList)
	arm(apiAKS, apType, http.MethodGet, pool, s.handlePoolGet)
	arm(apiAKS, apType, http.MethodPut, pool, s.handlePoolPut)
	arm(apiAKS, apType, http.MethodDelete, pool, s.handlePoolDelete)
	arm(apiAKS, apType+"/upgradeProfiles", http.MethodGet, pool+"/upgradeProfiles/default", s.handlePoolUpgradeProfile)
	arm(apiAKS, apType, http.MethodPost, pool+"/upgradeNodeImageVersion", s.handlePoolUpgradeNodeImage)
	arm(apiAKS, apType, http.MethodPost, pool+"/abort", s.handlePoolAbort)
	arm(apiAKS, apType, http.MethodPost, pool+"/deleteMachines", s.handleDeleteMachines)
	arm(apiAKS, apType+"/machines", http.MethodGet, pool+"/machines", s.handleMachineList)
	arm(apiAKS, apType+"/machines", http.MethodGet, pool+"/machines/{machineName}", s.handleMachineGet)
	return rs
}

// match finds the route for method and path. When the path matches but the
// method does not, allowed lists the methods the path supports.
func (s *Server) match(method, path string) (rt *route, params map[string]string, allowed string) {
	raw := strings.Trim(path, "/")
	segs := strings.Split(raw, "/")
	var methods []string
	for i := range s.routes {
		r := &s.routes[i]
		p, ok := matchSegments(r.segments, segs)
		if !ok {
			continue
		}
		if r.method == method {
			return r, p, ""
		}
		methods = append(methods, r.method)
	}
	sort.Strings(methods)
	return nil, nil, strings.Join(methods, ", ")
}

func matchSegments(pattern, segs []string) (map[string]string, bool) {
	if len(pattern) != len(segs) {
		return nil, false
	}
	var params map[string]string
	for i, p := range pattern {
		if strings.HasPrefix(p, "{") {
			if segs[i] == "" {
				return nil, false
			}
			if params == nil {
				params = map[string]string{}
			}
			v, err := url.PathUnescape(segs[i])
			if err != nil {
				v = segs[i]
			}
			params[p[1:len(p)-1]] = v
			continue
		}
		if !strings.EqualFold(p, segs[i]) {
			return nil, false
		}
	}
	return params, true
}

// resourceRoutes adds the routes of a kind kept in state.Resources: list by
// subscription and resource group, GET, and when it is writable PUT and DELETE.
func (s *Server) resourceRoutes(arm func(group, resType, method, pattern string, h func(*request)), group string, k *resourceKind) {
	const rg = "subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
	list := "/providers/" + k.armType
	one := rg + list + "/{" + k.param + "}"
	arm(group, k.shortType(), http.MethodGet, "subscriptions/{subscriptionId}"+list, s.handleResourceList(k, true))
	arm(group, k.shortType(), http.MethodGet, rg+list, s.handleResourceList(k, false))
	arm(group, k.shortType(), http.MethodGet, one, s.handleResourceGet(k))
	if k.prepare != nil {
		arm(group, k.shortType(), http.MethodPut, one, s.handleResourcePut(k))
		arm(group, k.shortType(), http.MethodDelete, one, s.handleResourceDelete(k))
	}
}
