package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// Microsoft.ContainerService/managedClusters/agentPools.

func (s *Server) handlePoolList(q *request) {
	end := s.db.beginRead()
	c := s.requireCluster(q)
	if c == nil {
		end()
		return
	}
	var out []any
	for _, p := range s.db.poolsOf(deref(c.Cluster.ID)) {
		out = append(out, poolJSON(p))
	}
	end()
	writePage(q, out, s.opts.PageSize)
}

func poolNotFound(q *request) {
	writeError(q, http.StatusNotFound, "NotFound",
		fmt.Sprintf("The Resource 'Microsoft.ContainerService/managedClusters/%s/agentPools/%s' under resource group '%s' was not found.",
			q.param("resourceName"), q.param("agentPoolName"), q.param("resourceGroupName")), "")
}

// requirePool returns the path's pool (and cluster), or answers 404. The caller holds db.mu.
func (s *Server) requirePool(q *request) (*clusterRecord, *poolRecord) {
	c := s.requireCluster(q)
	if c == nil {
		return nil, nil
	}
	p := s.db.pool(poolIDOf(q))
	if p == nil {
		poolNotFound(q)
		return nil, nil
	}
	return c, p
}

func (s *Server) handlePoolGet(q *request) {
	end := s.db.beginRead()
	_, p := s.requirePool(q)
	var out json.RawMessage
	if p != nil {
		out = poolJSON(p)
	}
	end()
	if out != nil {
		writeRaw(q, http.StatusOK, out)
	}
}

// poolAction names the provisioning state an update of old to ap runs under;
// target is the version the pool will run.
func poolAction(old, ap *armcontainerservice.AgentPool, target string) string {
	if old == nil || old.Properties == nil || ap.Properties == nil {
		return "Creating"
	}
	if action := powerAction(old.Properties, ap.Properties); action != "" {
		return action
	}
	if target != deref(old.Properties.CurrentOrchestratorVersion) {
		return "Upgrading"
	}
	if deref(ap.Properties.Count) != deref(old.Properties.Count) {
		// a count change alone is a scale; anything else with it is an update
		a, b := clone(old), clone(ap)
		stripPoolReadOnly(a.Properties)
		stripPoolReadOnly(b.Properties)
		a.Properties.Count, b.Properties.Count = nil, nil
		if rawJSON(a.Properties) == rawJSON(b.Properties) {
			return "Scaling"
		}
	}
	return "Updating"
}

func (s *Server) handlePoolPut(q *request) {
	var ap armcontainerservice.AgentPool
	if !decodeBody(q, &ap) || !s.checkRegistered(q, aksNS) {
		return
	}
	end := s.db.beginWrite()
	defer end()
	c := s.requireCluster(q)
	if c == nil {
		return
	}
	ck := key(deref(c.Cluster.ID))
	id := deref(c.Cluster.ID) + "/agentPools/" + q.param("agentPoolName")
	pk := key(id)
	old := s.db.pool(pk)
	oldETag := ""
	if old != nil {
		oldETag = deref(old.Pool.Properties.ETag)
	}
	if !checkPreconditions(q, old != nil, oldETag) {
		return
	}
	stripPoolReadOnly(ap.Properties)
	if ap.Properties == nil {
		ap.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	}
	ap.ID, ap.Name, ap.Type = to.Ptr(id), to.Ptr(q.param("agentPoolName")), to.Ptr(poolType)

	var oldPool *armcontainerservice.AgentPool
	exclude := pk
	if old != nil {
		oldPool = clone(old.Pool)
		exclude = ""
	}
	w := s.db.world(deref(c.Cluster.Location), c, exclude)
	aksrules.DefaultAgentPool(w, oldPool, &ap)
	target := s.db.poolTarget(&ap)
	action := poolAction(oldPool, &ap, target.Current)
	if s.conflict(q, ck, pk, q.param("agentPoolName"), action) {
		return
	}
	var ruleErr *aksrules.Error
	if old == nil {
		ruleErr = aksrules.CheckAgentPoolCreate(w, &ap)
	} else {
		ruleErr = aksrules.CheckAgentPoolUpdate(w, oldPool, &ap)
	}
	if ruleErr != nil {
		writeRuleError(q, ruleErr)
		return
	}

	rec := &poolRecord{Pool: &ap, ClusterKey: ck}
	applyPowerState(rec, old)
	status := http.StatusOK
	if old == nil {
		status = http.StatusCreated
	}
	s.db.stagePool(rec, old, target, action)
	ap.Properties.ETag = to.Ptr(newETag())
	s.db.putPool(rec)
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: deref(c.Cluster.Location), Kind: kindOf(action), Action: action,
		Target: targetPool, ResourceID: id, Targets: map[string]versionTarget{pk: target},
	})
	s.setPollingHeaders(q, op, true, false)
	writeRaw(q, status, poolJSON(rec))
}

// checkIgnorePDB answers 400 when the DELETE's ignore-pod-disruption-budget
// query parameter (agentPools and, since the spec has it there too,
// managedClusters) is not a boolean.
func checkIgnorePDB(q *request) bool {
	ignorePDB := q.r.URL.Query().Get("ignore-pod-disruption-budget")
	if ignorePDB != "" && !strings.EqualFold(ignorePDB, "true") && !strings.EqualFold(ignorePDB, "false") {
		writeError(q, http.StatusBadRequest, "InvalidParameter",
			fmt.Sprintf("The value '%s' of query parameter 'ignore-pod-disruption-budget' is not a boolean.", ignorePDB), "ignore-pod-disruption-budget")
		return false
	}
	return true
}

func (s *Server) handlePoolDelete(q *request) {
	if !checkIgnorePDB(q) {
		return
	}
	end := s.db.beginWrite()
	defer end()
	c := s.db.cluster(clusterIDOf(q))
	p := s.db.pool(poolIDOf(q))
	if c == nil || p == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	pk := key(deref(p.Pool.ID))
	if !checkPreconditions(q, true, deref(p.Pool.Properties.ETag)) {
		return
	}
	if op := s.db.runningOn(pk); op != nil && op.Target == targetPool && op.Action == "Deleting" {
		s.setPollingHeaders(q, op, true, true)
		q.w.WriteHeader(http.StatusAccepted)
		return
	}
	if s.conflict(q, key(deref(c.Cluster.ID)), pk, deref(p.Pool.Name), "Deleting") {
		return
	}
	w := s.db.world(deref(c.Cluster.Location), c, "")
	if e := aksrules.CheckAgentPoolDelete(w, clone(p.Pool)); e != nil {
		writeRuleError(q, e)
		return
	}
	p.Pool.Properties.ProvisioningState = to.Ptr("Deleting")
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: deref(c.Cluster.Location), Kind: LatencyDelete, Action: "Deleting",
		Target: targetPool, ResourceID: deref(p.Pool.ID),
	})
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}

// handlePoolUpgradeNodeImage moves the pool to the latest node image of its OS SKU.
func (s *Server) handlePoolUpgradeNodeImage(q *request) {
	end := s.db.beginWrite()
	defer end()
	c, p := s.requirePool(q)
	if p == nil {
		return
	}
	if s.conflict(q, key(deref(c.Cluster.ID)), key(deref(p.Pool.ID)), deref(p.Pool.Name), "UpgradingNodeImageVersion") {
		return
	}
	p.Pool.Properties.ProvisioningState = to.Ptr("UpgradingNodeImageVersion")
	p.Pool.Properties.ETag = to.Ptr(newETag())
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: deref(c.Cluster.Location), Kind: LatencyNodeImage, Action: "UpgradingNodeImageVersion",
		Target: targetPool, ResourceID: deref(p.Pool.ID), ResultBody: true,
	})
	s.setPollingHeaders(q, op, true, true)
	writeRaw(q, http.StatusAccepted, poolJSON(p))
}

func (s *Server) handlePoolAbort(q *request) {
	end := s.db.beginWrite()
	defer end()
	c, p := s.requirePool(q)
	if p == nil {
		return
	}
	target := s.db.abortable(targetPool, key(deref(p.Pool.ID)))
	s.abort(q, target, deref(c.Cluster.Location), p.Pool.Name)
}

// rawJSON marshals v for comparisons.
func rawJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
