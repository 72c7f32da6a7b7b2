package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// Resources the emulator keeps as the JSON body a GET answers (state.Resources):
// Microsoft.Compute capacity reservation groups, dedicated host groups and
// proximity placement groups (compute_groups.go), Microsoft.Network public IP
// prefixes and application security groups (network_refs.go), and AKS node
// pool snapshots (aks_snapshots.go). One set of handlers serves them all; a
// resourceKind says what differs.

// resourceKind is one resource type kept in state.Resources.
type resourceKind struct {
	// armType is the type as ARM spells it in IDs and answers, e.g. "Microsoft.Compute/hostGroups".
	armType string
	// param is the path parameter naming the resource.
	param string
	// prepare turns a PUT body into the answer to store; old is the stored
	// answer on an update, nil on create. The caller holds db.mu. A nil
	// prepare means the type is read-only here (seeded only).
	prepare func(s *Server, q *request, id string, old json.RawMessage) (json.RawMessage, *aksrules.Error)
	// inUseNote, when set, refuses a DELETE while an agent pool references
	// the resource; it cites why.
	inUseNote string
}

// resourceID is the ARM ID of the request's resource of kind k.
func (k *resourceKind) resourceID(q *request) string {
	return rgID(q.param("subscriptionId"), q.param("resourceGroupName")) + "/providers/" + k.armType + "/" + q.param(k.param)
}

// shortType is the type without its namespace, e.g. "hostGroups".
func (k *resourceKind) shortType() string { return k.armType[strings.Index(k.armType, "/")+1:] }

func (k *resourceKind) notFound(q *request) {
	writeError(q, http.StatusNotFound, "ResourceNotFound",
		fmt.Sprintf("The Resource '%s/%s' under resource group '%s' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
			k.armType, q.param(k.param), q.param("resourceGroupName")), "")
}

// resource returns the stored resource with ID id, or nil. The caller holds db.mu.
func (db *store) resource(id string) *storedResource { return db.state.Resources[key(id)] }

// putResource stores body as the resource id of type armType. The caller holds db.mu.
func (db *store) putResource(id, armType string, body json.RawMessage) {
	db.state.Resources[key(id)] = &storedResource{Type: armType, Body: body}
}

// resourcesUnder lists the resources of armType under an ID prefix, in ID order. The caller holds db.mu.
func (db *store) resourcesUnder(prefix, armType string) []any {
	var out []any
	for _, r := range underPrefix(db.state.Resources, key(prefix)+"/") {
		if strings.EqualFold(r.Type, armType) {
			out = append(out, append(json.RawMessage(nil), r.Body...))
		}
	}
	return out
}

func (s *Server) handleResourceGet(k *resourceKind) func(*request) {
	return func(q *request) {
		end := s.db.beginRead()
		var out json.RawMessage
		if s.requireResourceGroup(q) != nil {
			if r := s.db.resource(k.resourceID(q)); r != nil && strings.EqualFold(r.Type, k.armType) {
				out = append(out, r.Body...)
			} else {
				k.notFound(q)
			}
		}
		end()
		if out != nil {
			writeRaw(q, http.StatusOK, out)
		}
	}
}

// handleResourceList lists a kind in the path's resource group, or with
// bySubscription in the whole subscription.
func (s *Server) handleResourceList(k *resourceKind, bySubscription bool) func(*request) {
	return func(q *request) {
		end := s.db.beginRead()
		scope := "/subscriptions/" + q.param("subscriptionId")
		if !bySubscription {
			if s.requireResourceGroup(q) == nil {
				end()
				return
			}
			scope = rgID(q.param("subscriptionId"), q.param("resourceGroupName"))
		}
		out := s.db.resourcesUnder(scope, k.armType)
		end()
		writePage(q, out, s.opts.PageSize)
	}
}

// handleResourcePut creates (201) or replaces (200) a resource; these types'
// PUTs are synchronous in their specs.
func (s *Server) handleResourcePut(k *resourceKind) func(*request) {
	return func(q *request) {
		var probe map[string]any
		if !decodeBody(q, &probe) || !s.checkRegistered(q, k.armType[:strings.Index(k.armType, "/")]) {
			return
		}
		end := s.db.beginWrite()
		defer end()
		rg := s.requireResourceGroup(q)
		if rg == nil || beingDeleted(q, rg) {
			return
		}
		id := k.resourceID(q)
		var old json.RawMessage
		if r := s.db.resource(id); r != nil {
			old = r.Body
		}
		body, e := k.prepare(s, q, id, old)
		if e != nil {
			writeRuleError(q, e)
			return
		}
		s.db.putResource(id, k.armType, body)
		status := http.StatusOK
		if old == nil {
			status = http.StatusCreated
		}
		writeRaw(q, status, body)
	}
}

// handleResourceDelete deletes a resource: 200, or 204 when there is none
// (the Compute and AKS snapshot specs' synchronous DELETE).
func (s *Server) handleResourceDelete(k *resourceKind) func(*request) {
	return func(q *request) {
		end := s.db.beginWrite()
		defer end()
		id := k.resourceID(q)
		r := s.db.resource(id)
		if r == nil || !strings.EqualFold(r.Type, k.armType) {
			q.w.WriteHeader(http.StatusNoContent)
			return
		}
		if user := s.db.poolReferencing(id); user != "" && k.inUseNote != "" {
			// Unverified text and code (the rule itself: k.inUseNote).
			writeError(q, http.StatusConflict, "ResourceInUse",
				fmt.Sprintf("The resource '%s' is in use by agent pool '%s' and cannot be deleted.", id, user), "")
			return
		}
		delete(s.db.state.Resources, key(id))
		q.w.WriteHeader(http.StatusOK)
	}
}

// requireLocation reads the location of a PUT body, normalised; missing, it
// is ARM's 400 LocationRequired.
func requireLocation(loc *string) (string, *aksrules.Error) {
	if loc == nil || *loc == "" {
		return "", &aksrules.Error{Status: http.StatusBadRequest, Code: "LocationRequired", Message: "The location property is required for this definition."}
	}
	return normLocation(*loc), nil
}

// resourceType resolves a stored ARM ID (any case) to the type of what it
// names (aksrules.World.Resource): a kept resource, a cluster, an agent pool
// or a virtual network. The caller holds db.mu.
func (db *store) resourceType(id string) (string, bool) {
	k := key(id)
	switch {
	case db.state.Resources[k] != nil:
		return db.state.Resources[k].Type, true
	case db.state.Pools[k] != nil:
		return poolType, true
	case db.state.Clusters[k] != nil:
		return "Microsoft.ContainerService/managedClusters", true
	case db.state.VNets[k] != nil:
		return vnetType, true
	}
	return "", false
}

// poolReferencing returns the name of a pool whose properties name the
// resource id (a Compute group, a prefix, a security group, a snapshot), or
// "". The caller holds db.mu.
func (db *store) poolReferencing(id string) string {
	needle := strings.ToLower(`"` + strings.TrimSuffix(id, "/") + `"`)
	for _, p := range db.state.Pools {
		raw, _ := json.Marshal(p.Pool.Properties)
		if strings.Contains(strings.ToLower(string(raw)), needle) {
			return deref(p.Pool.Name)
		}
	}
	return ""
}
