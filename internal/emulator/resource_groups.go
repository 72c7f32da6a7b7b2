package emulator

import (
	"fmt"
	"net/http"
	"strings"
)

// Microsoft.Resources resource groups: the handlers. Deleting a group is a
// long-running operation that deletes what it holds (store_resource_groups.go).

func (s *Server) resourceGroupNotFound(q *request, name string) {
	writeError(q, http.StatusNotFound, "ResourceGroupNotFound", fmt.Sprintf("Resource group '%s' could not be found.", name), "")
}

// beingDeleted answers ARM's 409 for a write to a resource group that is being
// deleted, or to a resource in it, and returns true. The caller holds db.mu.
func beingDeleted(q *request, rg *resourceGroup) bool {
	if rg.Properties.ProvisioningState != "Deleting" {
		return false
	}
	writeError(q, http.StatusConflict, "ResourceGroupBeingDeleted",
		fmt.Sprintf("The resource group '%s' is in deprovisioning state and cannot perform this operation.", rg.Name), "")
	return true
}

// requireResourceGroup returns the resource group of the request's path, or answers 404.
// The caller holds db.mu.
func (s *Server) requireResourceGroup(q *request) *resourceGroup {
	rg := s.db.resourceGroup(rgID(q.param("subscriptionId"), q.param("resourceGroupName")))
	if rg == nil {
		s.resourceGroupNotFound(q, q.param("resourceGroupName"))
	}
	return rg
}

func (s *Server) handleResourceGroupList(q *request) {
	s.db.mu.Lock()
	out := cloneAll(s.db.resourceGroupsUnder("/subscriptions/" + q.param("subscriptionId")))
	s.db.mu.Unlock()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleResourceGroupGet(q *request) {
	s.db.mu.Lock()
	out := clone(s.requireResourceGroup(q))
	s.db.mu.Unlock()
	writeFound(q, out)
}

func (s *Server) handleResourceGroupHead(q *request) {
	s.db.mu.Lock()
	rg := s.db.resourceGroup(rgID(q.param("subscriptionId"), q.param("resourceGroupName")))
	s.db.mu.Unlock()
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
	s.db.mu.Lock()
	id := rgID(q.param("subscriptionId"), name)
	rg := s.db.resourceGroup(id)
	status := http.StatusOK
	if rg == nil {
		rg = &resourceGroup{ID: id, Name: name, Type: "Microsoft.Resources/resourceGroups", Location: normLocation(body.Location)}
		rg.Properties.ProvisioningState = "Succeeded"
		s.db.putResourceGroup(rg)
		status = http.StatusCreated
	} else if beingDeleted(q, rg) {
		s.db.mu.Unlock()
		return
	} else if !strings.EqualFold(rg.Location, normLocation(body.Location)) {
		loc := rg.Location
		s.db.mu.Unlock()
		writeError(q, http.StatusConflict, "InvalidResourceGroupLocation",
			fmt.Sprintf("Invalid resource group location '%s'. The Resource group already exists in location '%s'.", body.Location, loc), "")
		return
	}
	rg.Tags = body.Tags
	if body.ManagedBy != "" {
		rg.ManagedBy = body.ManagedBy
	}
	out := clone(rg)
	s.db.mu.Unlock()
	_ = s.db.save()
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
	s.db.mu.Lock()
	rg := s.requireResourceGroup(q)
	if rg == nil || beingDeleted(q, rg) {
		s.db.mu.Unlock()
		return
	}
	if body.Tags != nil {
		rg.Tags = body.Tags
	}
	if body.ManagedBy != nil {
		rg.ManagedBy = *body.ManagedBy
	}
	out := clone(rg)
	s.db.mu.Unlock()
	_ = s.db.save()
	writeJSON(q, http.StatusOK, out)
}

// handleResourceGroupDelete deletes a resource group and everything in it, as
// a long-running operation polled through Location (ARM's way for resource groups).
func (s *Server) handleResourceGroupDelete(q *request) {
	s.db.mu.Lock()
	rg := s.requireResourceGroup(q)
	if rg == nil {
		s.db.mu.Unlock()
		return
	}
	// A second DELETE while the first runs answers the same operation.
	if op := s.db.runningOn(key(rg.ID)); op != nil {
		s.setPollingHeaders(q, op, false, true)
		s.db.mu.Unlock()
		q.w.WriteHeader(http.StatusAccepted)
		return
	}
	rg.Properties.ProvisioningState = "Deleting"
	op := s.startOperation(q, &operation{
		Target: targetResourceGroup, ResourceID: rg.ID, Kind: LatencyDelete, Action: "Deleting", Location: rg.Location,
	})
	s.setPollingHeaders(q, op, false, true)
	s.db.mu.Unlock()
	_ = s.db.save()
	q.w.WriteHeader(http.StatusAccepted)
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
