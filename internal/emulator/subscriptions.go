package emulator

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
)

// Microsoft.Resources subscriptions and resource providers.

// providerNamespaces are the resource providers the emulator serves, with their resource types.
// A type listed as "name@group" has its own api-version group.
var providerNamespaces = []struct {
	namespace string
	types     []string
	group     string
}{
	{"Microsoft.ContainerService", []string{"managedClusters", "managedClusters/agentPools", "managedClusters/maintenanceConfigurations", "snapshots", "locations", "locations/kubernetesVersions", "locations/operations", "locations/operationresults"}, apiAKS},
	{"Microsoft.Network", []string{"virtualNetworks", "virtualNetworks/subnets", "publicIPPrefixes", "applicationSecurityGroups", "locations", "locations/operations", "locations/operationResults"}, apiNetwork},
	{"Microsoft.Compute", []string{"skus@" + apiSKUs, "capacityReservationGroups", "hostGroups", "proximityPlacementGroups"}, apiCompute},
}

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

func (s *Server) providerBody(sub, namespace string) (map[string]any, bool) {
	for _, p := range providerNamespaces {
		if !strings.EqualFold(p.namespace, namespace) {
			continue
		}
		var types []any
		for _, t := range p.types {
			group := p.group
			if i := strings.Index(t, "@"); i > 0 {
				t, group = t[:i], t[i+1:]
			}
			types = append(types, map[string]any{
				"resourceType": t,
				"locations":    armLocations,
				"apiVersions":  reversed(apiVersions[group]),
			})
		}
		s.db.mu.Lock()
		state := s.db.registrationState(sub, p.namespace)
		s.db.mu.Unlock()
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
	s.db.mu.Lock()
	s.db.register(sub, ns)
	s.db.mu.Unlock()
	_ = s.db.save()
	b, _ := s.providerBody(sub, ns)
	writeJSON(q, http.StatusOK, b)
}

// armLocations are the locations the emulated resource types are offered in, as ARM's provider
// registrations spell them.
var armLocations = []string{"East US", "East US 2", "West US", "West US 2", "West US 3", "Central US", "North Europe", "West Europe", "UK South", "Australia East"}

// knownLocation reports whether l (any spelling: "East US", "eastus") is one of armLocations.
func knownLocation(l string) bool {
	for _, known := range armLocations {
		if normLocation(known) == normLocation(l) {
			return true
		}
	}
	return false
}

// locationNames lists armLocations normalised ("eastus,eastus2,..."), as ARM's location errors do.
func locationNames() string {
	names := make([]string, len(armLocations))
	for i, l := range armLocations {
		names[i] = normLocation(l)
	}
	return strings.Join(names, ",")
}
