package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
)

// Azure Resource Manager itself: api-version rules, subscriptions, resource
// provider registration, resource groups, list paging.

// apiVersions are the api-versions accepted per API group: the stable
// versions clients use, including every one the SDKs in go.mod send.
var apiVersions = map[string][]string{
	apiResources: {
		"2015-11-01", "2016-02-01", "2016-06-01", "2016-09-01", "2017-05-10", "2018-02-01", "2018-05-01", "2019-05-01",
		"2019-05-10", "2019-06-01", "2019-07-01", "2019-08-01", "2019-10-01", "2019-11-01", "2020-01-01", "2020-06-01",
		"2020-08-01", "2020-10-01", "2021-01-01", "2021-04-01", "2022-01-01", "2022-09-01", "2022-12-01", "2023-07-01",
		"2024-03-01", "2024-07-01", "2024-11-01", "2025-03-01", "2025-04-01",
	},
	apiNetwork: {
		"2020-11-01", "2021-02-01", "2021-03-01", "2021-05-01", "2021-08-01", "2022-01-01", "2022-05-01", "2022-07-01",
		"2022-09-01", "2022-11-01", "2023-02-01", "2023-04-01", "2023-05-01", "2023-06-01", "2023-09-01", "2023-11-01",
		"2024-01-01", "2024-03-01", "2024-05-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-03-01", "2025-05-01",
	},
	apiSKUs: {"2017-03-30", "2017-09-01", "2019-04-01", "2021-07-01"},
	apiAKS: {
		"2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01", "2023-07-01", "2023-08-01",
		"2023-09-01", "2023-10-01", "2023-11-01", "2024-01-01", "2024-02-01", "2024-05-01", "2024-06-01", "2024-07-01",
		"2024-08-01", "2024-09-01", "2024-10-01", "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01",
		"2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01",
	},
}

// providerNamespaces are the resource providers the emulator serves, with their resource types.
var providerNamespaces = []struct {
	namespace string
	types     []string
	group     string
}{
	{"Microsoft.ContainerService", []string{"managedClusters", "managedClusters/agentPools", "locations", "locations/kubernetesVersions", "locations/operations", "locations/operationresults"}, apiAKS},
	{"Microsoft.Network", []string{"virtualNetworks", "virtualNetworks/subnets", "locations", "locations/operations", "locations/operationResults"}, apiNetwork},
	{"Microsoft.Compute", []string{"skus"}, apiSKUs},
}

// checkAPIVersion answers ARM's 400 when the api-version is missing or not
// one the resource type supports.
func (s *Server) checkAPIVersion(q *request) bool {
	v := q.r.URL.Query().Get("api-version")
	if v == "" {
		writeError(q, http.StatusBadRequest, "MissingApiVersionParameter",
			"The api-version query parameter (?api-version=) is required for all requests.", "")
		return false
	}
	q.apiVersion = v
	supported := apiVersions[q.route.apiGroup]
	for _, sv := range supported {
		if sv == v {
			return true
		}
	}
	list := "'" + strings.Join(supported, ", ") + "'"
	if q.route.apiGroup == apiResources {
		writeError(q, http.StatusBadRequest, "InvalidApiVersionParameter",
			fmt.Sprintf("The api-version '%s' is invalid. The supported versions are %s.", v, list), "")
		return false
	}
	loc := s.locationForErrors(q)
	writeError(q, http.StatusBadRequest, "NoRegisteredProviderFound",
		fmt.Sprintf("No registered resource provider found for location '%s' and API version '%s' for type '%s'. The supported api-versions are %s. "+
			"The supported locations are 'eastus, eastus2, westus, westus2, westus3, centralus, northeurope, westeurope, uksouth, australiaeast'.",
			loc, v, q.route.resType, list), "")
	return false
}

// locationForErrors guesses the location ARM would name in an error: the
// path's location, else the resource group's.
func (s *Server) locationForErrors(q *request) string {
	if l := q.param("location"); l != "" {
		return normLocation(l)
	}
	if rgName := q.param("resourceGroupName"); rgName != "" {
		s.mu.Lock()
		defer s.mu.Unlock()
		if rg := s.st.ResourceGroups[key(rgID(q.param("subscriptionId"), rgName))]; rg != nil {
			return rg.Location
		}
	}
	return "global"
}

func normLocation(l string) string { return strings.ToLower(strings.ReplaceAll(l, " ", "")) }

func rgID(sub, rg string) string { return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s", sub, rg) }

// checkRegistered answers 409 MissingSubscriptionRegistration for a write to
// a provider the subscription is not registered for; azcore's registration
// policy then registers it and retries.
func (s *Server) checkRegistered(q *request, namespace string) bool {
	s.mu.Lock()
	state := s.registrationState(q.param("subscriptionId"), namespace)
	s.mu.Unlock()
	if strings.EqualFold(state, "Registered") {
		return true
	}
	writeError(q, http.StatusConflict, "MissingSubscriptionRegistration",
		fmt.Sprintf("The subscription is not registered to use namespace '%s'. See https://aka.ms/rps-not-found for how to register subscriptions.", namespace), "")
	return false
}

// registrationState returns a provider's state in a subscription. The caller holds s.mu.
func (s *Server) registrationState(sub, namespace string) string {
	if m := s.st.Registrations[strings.ToLower(sub)]; m != nil {
		if st, ok := m[strings.ToLower(namespace)]; ok {
			return st
		}
	}
	return "Registered"
}

// ---- subscriptions ----

func subscriptionBody(sub *SeedSubscription) map[string]any {
	name := sub.DisplayName
	if name == "" {
		name = sub.ID
	}
	return map[string]any{
		"id":                  "/subscriptions/" + sub.ID,
		"authorizationSource": "RoleBased",
		"managedByTenants":    []any{},
		"subscriptionId":      sub.ID,
		"tenantId":            sub.TenantID,
		"displayName":         name,
		"state":               "Enabled",
		"subscriptionPolicies": map[string]any{
			"locationPlacementId": "Public_2014-09-01",
			"quotaId":             "PayAsYouGo_2014-09-01",
			"spendingLimit":       "Off",
		},
	}
}

func (s *Server) handleSubscriptionList(q *request) {
	var out []any
	for i := range s.seed.Subscriptions {
		sub := &s.seed.Subscriptions[i]
		if strings.EqualFold(sub.TenantID, q.claims.TenantID) {
			out = append(out, subscriptionBody(sub))
		}
	}
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleSubscriptionGet(q *request) {
	writeJSON(q, http.StatusOK, subscriptionBody(s.subscriptionOf(q.param("subscriptionId"))))
}

// ---- resource providers ----

func (s *Server) providerBody(sub, namespace string) (map[string]any, bool) {
	for _, p := range providerNamespaces {
		if !strings.EqualFold(p.namespace, namespace) {
			continue
		}
		var types []any
		for _, t := range p.types {
			types = append(types, map[string]any{
				"resourceType": t,
				"locations":    []string{"East US", "East US 2", "West US", "West US 2", "West US 3", "Central US", "North Europe", "West Europe", "UK South", "Australia East"},
				"apiVersions":  reversed(apiVersions[p.group]),
			})
		}
		s.mu.Lock()
		state := s.registrationState(sub, p.namespace)
		s.mu.Unlock()
		return map[string]any{
			"id":                 fmt.Sprintf("/subscriptions/%s/providers/%s", sub, p.namespace),
			"namespace":          p.namespace,
			"registrationState":  state,
			"registrationPolicy": "RegistrationRequired",
			"resourceTypes":      types,
		}, true
	}
	return nil, false
}

func reversed(in []string) []string {
	out := append([]string(nil), in...)
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out
}

func (s *Server) handleProviderList(q *request) {
	var out []any
	for _, p := range providerNamespaces {
		b, _ := s.providerBody(q.param("subscriptionId"), p.namespace)
		out = append(out, b)
	}
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleProviderGet(q *request) {
	b, ok := s.providerBody(q.param("subscriptionId"), q.param("resourceProviderNamespace"))
	if !ok {
		writeError(q, http.StatusNotFound, "InvalidResourceNamespace",
			fmt.Sprintf("The resource namespace '%s' is invalid.", q.param("resourceProviderNamespace")), "")
		return
	}
	writeJSON(q, http.StatusOK, b)
}

// handleProviderRegister registers a provider at once (Azure takes a while;
// clients poll the provider until "Registered", which they then see at once).
func (s *Server) handleProviderRegister(q *request) {
	sub, ns := q.param("subscriptionId"), q.param("resourceProviderNamespace")
	if _, ok := s.providerBody(sub, ns); !ok {
		writeError(q, http.StatusNotFound, "InvalidResourceNamespace", fmt.Sprintf("The resource namespace '%s' is invalid.", ns), "")
		return
	}
	s.mu.Lock()
	m := s.st.Registrations[strings.ToLower(sub)]
	if m == nil {
		m = map[string]string{}
		s.st.Registrations[strings.ToLower(sub)] = m
	}
	m[strings.ToLower(ns)] = "Registered"
	s.mu.Unlock()
	_ = s.save()
	b, _ := s.providerBody(sub, ns)
	writeJSON(q, http.StatusOK, b)
}

// ---- resource groups ----

func (s *Server) resourceGroupNotFound(q *request, name string) {
	writeError(q, http.StatusNotFound, "ResourceGroupNotFound", fmt.Sprintf("Resource group '%s' could not be found.", name), "")
}

// beingDeleted answers ARM's 409 for a write to a resource group that is being
// deleted, or to a resource in it, and returns true. The caller holds s.mu.
func beingDeleted(q *request, rg *resourceGroup) bool {
	if rg.Properties.ProvisioningState != "Deleting" {
		return false
	}
	writeError(q, http.StatusConflict, "ResourceGroupBeingDeleted",
		fmt.Sprintf("The resource group '%s' is in deprovisioning state and cannot perform this operation.", rg.Name), "")
	return true
}

// requireResourceGroup returns the resource group of the request's path, or answers 404.
// The caller holds s.mu.
func (s *Server) requireResourceGroup(q *request) *resourceGroup {
	rg := s.st.ResourceGroups[key(rgID(q.param("subscriptionId"), q.param("resourceGroupName")))]
	if rg == nil {
		s.resourceGroupNotFound(q, q.param("resourceGroupName"))
	}
	return rg
}

func (s *Server) handleResourceGroupList(q *request) {
	s.mu.Lock()
	prefix := key("/subscriptions/"+q.param("subscriptionId")) + "/"
	var out []any
	for _, rg := range underPrefix(s.st.ResourceGroups, prefix) {
		out = append(out, clone(rg))
	}
	s.mu.Unlock()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleResourceGroupGet(q *request) {
	s.mu.Lock()
	rg := s.requireResourceGroup(q)
	if rg == nil {
		s.mu.Unlock()
		return
	}
	out := clone(rg)
	s.mu.Unlock()
	writeJSON(q, http.StatusOK, out)
}

func (s *Server) handleResourceGroupHead(q *request) {
	s.mu.Lock()
	rg := s.st.ResourceGroups[key(rgID(q.param("subscriptionId"), q.param("resourceGroupName")))]
	s.mu.Unlock()
	if rg == nil {
		q.w.WriteHeader(http.StatusNotFound)
		return
	}
	q.w.WriteHeader(http.StatusNoContent)
}

type resourceGroupBody struct {
	Location  string            `json:"location"`
	ManagedBy string            `json:"managedBy,omitempty"`
	Tags      map[string]string `json:"tags,omitempty"`
}

func (s *Server) handleResourceGroupPut(q *request) {
	var body resourceGroupBody
	if !decodeBody(q, &body) {
		return
	}
	name := q.param("resourceGroupName")
	if !validResourceGroupName(name) {
		writeError(q, http.StatusBadRequest, "InvalidResourceGroup",
			fmt.Sprintf("The provided resource group name '%s' has these invalid characters: '%s'. The name can only be a letter, digit, '-', '.', '(', ')' or '_'.", name, name), "")
		return
	}
	if body.Location == "" {
		writeError(q, http.StatusBadRequest, "LocationRequired", "The location property is required for this definition.", "")
		return
	}
	s.mu.Lock()
	id := rgID(q.param("subscriptionId"), name)
	rg := s.st.ResourceGroups[key(id)]
	status := http.StatusOK
	if rg == nil {
		rg = &resourceGroup{ID: id, Name: name, Type: "Microsoft.Resources/resourceGroups", Location: normLocation(body.Location)}
		rg.Properties.ProvisioningState = "Succeeded"
		s.st.ResourceGroups[key(id)] = rg
		status = http.StatusCreated
	} else if beingDeleted(q, rg) {
		s.mu.Unlock()
		return
	} else if !strings.EqualFold(rg.Location, normLocation(body.Location)) {
		loc := rg.Location
		s.mu.Unlock()
		writeError(q, http.StatusConflict, "InvalidResourceGroupLocation",
			fmt.Sprintf("Invalid resource group location '%s'. The Resource group already exists in location '%s'.", body.Location, loc), "")
		return
	}
	rg.Tags = body.Tags
	if body.ManagedBy != "" {
		rg.ManagedBy = body.ManagedBy
	}
	out := clone(rg)
	s.mu.Unlock()
	_ = s.save()
	writeJSON(q, status, out)
}

func (s *Server) handleResourceGroupPatch(q *request) {
	var body struct {
		Tags      map[string]string `json:"tags"`
		ManagedBy *string           `json:"managedBy"`
	}
	if !decodeBody(q, &body) {
		return
	}
	s.mu.Lock()
	rg := s.requireResourceGroup(q)
	if rg == nil || beingDeleted(q, rg) {
		s.mu.Unlock()
		return
	}
	if body.Tags != nil {
		rg.Tags = body.Tags
	}
	if body.ManagedBy != nil {
		rg.ManagedBy = *body.ManagedBy
	}
	out := clone(rg)
	s.mu.Unlock()
	_ = s.save()
	writeJSON(q, http.StatusOK, out)
}

// handleResourceGroupDelete deletes a resource group and everything in it, as
// a long-running operation polled through Location (ARM's way for resource groups).
func (s *Server) handleResourceGroupDelete(q *request) {
	s.mu.Lock()
	rg := s.requireResourceGroup(q)
	if rg == nil {
		s.mu.Unlock()
		return
	}
	// A second DELETE while the first runs answers the same operation.
	if op := s.runningOn(key(rg.ID)); op != nil {
		s.setPollingHeaders(q, op, false, true)
		s.mu.Unlock()
		q.w.WriteHeader(http.StatusAccepted)
		return
	}
	rg.Properties.ProvisioningState = "Deleting"
	op := s.startOperation(q, &operation{
		Target: targetResourceGroup, ResourceID: rg.ID, Kind: LatencyDelete, Action: "Deleting", Location: rg.Location,
	})
	s.setPollingHeaders(q, op, false, true)
	s.mu.Unlock()
	_ = s.save()
	q.w.WriteHeader(http.StatusAccepted)
}

// finishResourceGroupOperation removes the group and its resources. The caller holds s.mu.
func (s *Server) finishResourceGroupOperation(op *operation) {
	rgKey := key(op.ResourceID)
	rg := s.st.ResourceGroups[rgKey]
	if rg == nil {
		return
	}
	if op.Status != statusSucceeded {
		rg.Properties.ProvisioningState = "Succeeded" // a failed deletion leaves the group as it was
		return
	}
	s.deleteResourceGroupContents(rgKey)
	delete(s.st.ResourceGroups, rgKey)
}

// deleteResourceGroupContents removes every resource under a group, and the
// node resource groups of the clusters in it. The caller holds s.mu.
func (s *Server) deleteResourceGroupContents(rgKey string) {
	prefix := rgKey + "/"
	for k := range s.st.Clusters {
		if strings.HasPrefix(k, prefix) {
			s.removeCluster(k)
		}
	}
	for k := range s.st.VNets {
		if strings.HasPrefix(k, prefix) {
			delete(s.st.VNets, k)
		}
	}
}

func validResourceGroupName(n string) bool {
	if n == "" || len(n) > 90 || strings.HasSuffix(n, ".") {
		return false
	}
	for _, r := range n {
		allowed := r == '-' || r == '_' || r == '.' || r == '(' || r == ')' ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
		if !allowed {
			return false
		}
	}
	return true
}

// ---- request bodies and paging ----

// decodeBody reads the request's JSON body into v, answering ARM's 400 when it isn't JSON.
func decodeBody(q *request, v any) bool {
	if len(strings.TrimSpace(string(q.body))) == 0 {
		writeError(q, http.StatusBadRequest, "InvalidRequestContent", "The request content was invalid and could not be deserialized: 'The request body is empty.'.", "")
		return false
	}
	if err := json.Unmarshal(q.body, v); err != nil {
		writeError(q, http.StatusBadRequest, "InvalidRequestContent",
			fmt.Sprintf("The request content was invalid and could not be deserialized: '%s'.", err.Error()), "")
		return false
	}
	return true
}

// listPage is ARM's list answer.
type listPage struct {
	Value    []any  `json:"value"`
	NextLink string `json:"nextLink,omitempty"`
}

// writePage answers one page of items, with a nextLink carrying $skiptoken
// when more remain.
func writePage(q *request, items []any, pageSize int) {
	start := 0
	if tok := q.r.URL.Query().Get("$skiptoken"); tok != "" {
		n, err := strconv.Atoi(tok)
		if err != nil || n < 0 {
			writeError(q, http.StatusBadRequest, "InvalidSkipToken", fmt.Sprintf("The skip token '%s' is invalid.", tok), "")
			return
		}
		start = min(n, len(items))
	}
	end := min(start+pageSize, len(items))
	page := listPage{Value: items[start:end]}
	if page.Value == nil {
		page.Value = []any{}
	}
	if end < len(items) {
		v := q.r.URL.Query()
		v.Set("$skiptoken", strconv.Itoa(end))
		page.NextLink = q.baseURL() + q.r.URL.Path + "?" + v.Encode()
	}
	writeJSON(q, http.StatusOK, page)
}

// parseID parses an ARM ID with azcore's parser.
func parseID(id string) (*arm.ResourceID, error) { return arm.ParseResourceID(id) }
