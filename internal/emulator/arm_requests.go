package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// ARM's request checks besides authentication: api-versions, provider
// registration and If-Match / If-None-Match preconditions.

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
	// capacityReservationGroups, hostGroups, proximityPlacementGroups
	// (armcompute v7 sends 2025-04-01; go-azure-sdk, which azurerm uses, older ones).
	apiCompute: {
		"2021-03-01", "2021-04-01", "2021-07-01", "2021-11-01", "2022-03-01", "2022-08-01", "2022-11-01", "2023-03-01",
		"2023-07-01", "2023-09-01", "2024-03-01", "2024-07-01", "2024-11-01", "2025-04-01",
	},
	apiAKS: {
		"2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01", "2023-07-01", "2023-08-01",
		"2023-09-01", "2023-10-01", "2023-11-01", "2024-01-01", "2024-02-01", "2024-05-01", "2024-06-01", "2024-07-01",
		"2024-08-01", "2024-09-01", "2024-10-01", "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01",
		"2025-06-01", "2025-07-01", "2025-08-01", "2025-09-01", "2025-10-01",
	},
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
		s.db.mu.Lock()
		defer s.db.mu.Unlock()
		if rg := s.db.resourceGroup(rgID(q.param("subscriptionId"), rgName)); rg != nil {
			return rg.Location
		}
	}
	return "global"
}

// checkRegistered answers 409 MissingSubscriptionRegistration for a write to
// a provider the subscription is not registered for; azcore's registration
// policy then registers it and retries.
func (s *Server) checkRegistered(q *request, namespace string) bool {
	s.db.mu.Lock()
	state := s.db.registrationState(q.param("subscriptionId"), namespace)
	s.db.mu.Unlock()
	if strings.EqualFold(state, "Registered") {
		return true
	}
	writeError(q, http.StatusConflict, "MissingSubscriptionRegistration",
		fmt.Sprintf("The subscription is not registered to use namespace '%s'. See https://aka.ms/rps-not-found for how to register subscriptions.", namespace), "")
	return false
}

// checkPreconditions applies If-Match / If-None-Match to a write on a
// resource that exists (with etag) or not. It answers and returns false when
// the request must not proceed.
func checkPreconditions(q *request, exists bool, etag string) bool {
	ifMatch := strings.TrimSpace(q.r.Header.Get("If-Match"))
	ifNone := strings.TrimSpace(q.r.Header.Get("If-None-Match"))
	if ifMatch != "" && ifNone != "" {
		writeError(q, http.StatusBadRequest, "BadRequest", "If-Match and If-None-Match headers can't be specified together.", "")
		return false
	}
	if ifNone != "" && ifNone != "*" {
		writeError(q, http.StatusBadRequest, "BadRequest", fmt.Sprintf("If-None-Match header value '%s' is not supported; the only allowed value is '*'.", ifNone), "")
		return false
	}
	if ifNone == "*" && exists {
		writeError(q, http.StatusPreconditionFailed, "PreconditionFailed",
			"Operation is not allowed because the resource already exists and the If-None-Match header is '*'.", "")
		return false
	}
	if ifMatch == "" {
		return true
	}
	if !exists {
		writeError(q, http.StatusPreconditionFailed, "PreconditionFailed",
			fmt.Sprintf("Operation is not allowed because the resource doesn't exist and the If-Match header is '%s'.", ifMatch), "")
		return false
	}
	if ifMatch == "*" {
		return true
	}
	for _, tag := range strings.Split(ifMatch, ",") {
		tag = strings.TrimSpace(tag)
		tag = strings.TrimPrefix(tag, "W/")
		if strings.Trim(tag, `"`) == etag {
			return true
		}
	}
	writeError(q, http.StatusPreconditionFailed, "PreconditionFailed",
		fmt.Sprintf("Operation is not allowed because the eTag in the If-Match header ('%s') doesn't match the resource's current eTag ('%s').", ifMatch, etag), "")
	return false
}
