package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// Microsoft.ContainerService/managedClusters.

func (s *Server) handleClusterListAll(q *request) {
	s.listClusters(q, "/subscriptions/"+q.param("subscriptionId"))
}

func (s *Server) handleClusterList(q *request) {
	s.db.mu.Lock()
	rg := s.requireResourceGroup(q)
	s.db.mu.Unlock()
	if rg == nil {
		return
	}
	s.listClusters(q, rg.ID)
}

func (s *Server) listClusters(q *request, under string) {
	end := s.db.beginRead()
	var out []any
	for _, c := range s.db.clustersUnder(under) {
		out = append(out, s.db.clusterJSON(c))
	}
	end()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleClusterGet(q *request) {
	end := s.db.beginRead()
	c := s.requireCluster(q)
	var out json.RawMessage
	if c != nil {
		out = s.db.clusterJSON(c)
	}
	end()
	if out != nil {
		writeRaw(q, http.StatusOK, out)
	}
}

// handleClusterPut creates or updates a cluster and the pools of its agentPoolProfiles.
func (s *Server) handleClusterPut(q *request) {
	var mc armcontainerservice.ManagedCluster
	if !decodeBody(q, &mc) || !s.checkRegistered(q, aksNS) {
		return
	}
	// ARM refuses a location the resource type is not offered in before AKS sees the request.
	// Unverified: the code LocationNotAvailableForResourceType, status 400 and the wording follow
	// ARM's answers seen in public deployment logs, not Microsoft's docs or the REST spec.
	if mc.Location != nil && !knownLocation(*mc.Location) {
		writeError(q, http.StatusBadRequest, "LocationNotAvailableForResourceType",
			fmt.Sprintf("The provided location '%s' is not available for resource type 'Microsoft.ContainerService/managedClusters'. List of available regions for the resource type is '%s'.",
				*mc.Location, locationNames()), "")
		return
	}
	end := s.db.beginWrite()
	defer end()
	rg := s.requireResourceGroup(q)
	if rg == nil || beingDeleted(q, rg) {
		return
	}
	id := clusterIDOf(q)
	ck := key(id)
	old := s.db.cluster(ck)
	action, ok := s.clusterPutAction(q, &mc, old)
	if !ok {
		return
	}
	w, ok := s.defaultAndCheckCluster(q, &mc, old)
	if !ok {
		return
	}
	clusterTarget := deref(mc.Properties.CurrentKubernetesVersion)
	if clusterTarget == "" {
		clusterTarget = s.db.resolveVersion(deref(mc.Properties.KubernetesVersion))
	}
	targets := map[string]versionTarget{ck: {Current: clusterTarget}}
	if old != nil && clusterTarget != deref(old.Cluster.Properties.CurrentKubernetesVersion) {
		action = "Upgrading"
	}
	pools, ok := s.profilePools(q, w, &mc, targets)
	if !ok {
		return
	}

	s.fillClusterReadOnly(q, &mc, old, rg, action, time.Now().UTC())
	status := http.StatusOK
	if old == nil {
		status = http.StatusCreated
		s.db.createNodeResourceGroup(&mc)
	}
	s.db.putCluster(&clusterRecord{Cluster: &mc})
	var children []string
	for _, p := range pools {
		s.db.putPool(p)
		children = append(children, deref(p.Pool.ID))
	}
	// Every pool has an eTag, whether created here (inline, from
	// agentPoolProfiles) or through agentPools, and a cluster operation
	// changes every pool's eTag (aks-api.md §1.2, §1.3).
	for _, p := range s.db.poolsOf(ck) {
		p.Pool.Properties.ETag = to.Ptr(newETag())
	}
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: *mc.Location, Kind: kindOf(action), Action: action,
		Target: targetCluster, ResourceID: id, Children: children, Targets: targets,
	})
	s.setPollingHeaders(q, op, true, false)
	writeRaw(q, status, s.db.clusterJSON(s.db.cluster(ck)))
}

// clusterPutAction checks what a cluster PUT may do to the stored cluster old
// (nil: none) and returns the provisioning state it runs under, or answers
// and returns false. The caller holds db.mu.
func (s *Server) clusterPutAction(q *request, mc *armcontainerservice.ManagedCluster, old *clusterRecord) (string, bool) {
	oldETag := ""
	if old != nil {
		oldETag = deref(old.Cluster.ETag)
	}
	if !checkPreconditions(q, old != nil, oldETag) {
		return "", false
	}
	if mc.Location == nil || *mc.Location == "" {
		writeError(q, http.StatusBadRequest, "LocationRequired", "The location property is required for this definition.", "")
		return "", false
	}
	if old == nil {
		return "Creating", true
	}
	if !strings.EqualFold(normLocation(*mc.Location), normLocation(deref(old.Cluster.Location))) {
		writeError(q, http.StatusBadRequest, "PropertyChangeNotAllowed", "Changing property 'location' is not allowed.", "location")
		return "", false
	}
	if s.conflict(q, key(deref(old.Cluster.ID)), "", "", "Updating") {
		return "", false
	}
	return "Updating", true
}

// defaultAndCheckCluster gives the request's cluster its identity, its
// stored secrets and aksrules' defaults, then applies aksrules' checks,
// answering a refusal. The caller holds db.mu.
func (s *Server) defaultAndCheckCluster(q *request, mc *armcontainerservice.ManagedCluster, old *clusterRecord) (aksrules.World, bool) {
	stripClusterReadOnly(mc)
	if mc.Properties == nil {
		mc.Properties = &armcontainerservice.ManagedClusterProperties{}
	}
	mc.ID, mc.Name, mc.Type = to.Ptr(clusterIDOf(q)), to.Ptr(q.param("resourceName")), to.Ptr(clusterType)
	mc.Location = to.Ptr(normLocation(*mc.Location))

	var oldView *armcontainerservice.ManagedCluster
	if old != nil {
		oldView = s.db.clusterView(old)
		keepSecrets(oldView.Properties, mc.Properties)
	}
	w := s.db.world(*mc.Location, old, "")
	aksrules.DefaultManagedCluster(w, oldView, mc)
	var ruleErr *aksrules.Error
	if old == nil {
		ruleErr = aksrules.CheckManagedClusterCreate(w, mc)
	} else {
		ruleErr = aksrules.CheckManagedClusterUpdate(w, oldView, mc)
	}
	if ruleErr != nil {
		writeRuleError(q, ruleErr)
		return w, false
	}
	return w, true
}

// profilePools takes the agentPoolProfiles out of mc and returns the pools
// they stand for that have something to do, adding their targets. On create
// every profile is a new pool; on update aksrules lets a profile change only
// the pool's version. It answers and returns false for a profile without a
// name. The caller holds db.mu.
func (s *Server) profilePools(q *request, w aksrules.World, mc *armcontainerservice.ManagedCluster, targets map[string]versionTarget) ([]*poolRecord, bool) {
	id := deref(mc.ID)
	profiles := mc.Properties.AgentPoolProfiles
	mc.Properties.AgentPoolProfiles = nil
	var pools []*poolRecord
	for _, prof := range profiles {
		ap := aksrules.ProfileToAgentPool(id, prof)
		if ap == nil || ap.Name == nil {
			writeError(q, http.StatusBadRequest, "InvalidParameter", "Every agentPoolProfile needs a name.", "agentPoolProfiles")
			return nil, false
		}
		pid := id + "/agentPools/" + *ap.Name
		pk := key(pid)
		ap.ID, ap.Name, ap.Type = to.Ptr(pid), to.Ptr(*ap.Name), to.Ptr(poolType)
		if ap.Properties == nil {
			ap.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
		}
		prev := s.db.pool(pk)
		rec := &poolRecord{Pool: ap, ClusterKey: key(id)}
		action := "Creating"
		if prev != nil {
			aksrules.DefaultAgentPool(w, clone(prev.Pool), ap)
			action = "Upgrading"
			rec.Resume = prev.Resume // a stopped pool upgraded with its cluster starts again as it was
		}
		t := s.db.poolTarget(ap)
		if prev != nil && t.Current == deref(prev.Pool.Properties.CurrentOrchestratorVersion) {
			continue // nothing for this pool to do
		}
		s.db.stagePool(rec, prev, t, action)
		targets[pk] = t
		pools = append(pools, rec)
	}
	return pools, true
}

// kindOf maps a provisioning state to the latency kind of its operation.
func kindOf(action string) string {
	switch action {
	case "Creating":
		return LatencyCreate
	case "Deleting":
		return LatencyDelete
	case "UpgradingNodeImageVersion":
		return LatencyNodeImage
	}
	return LatencyUpdate
}

// fillClusterReadOnly sets what the service owns and aksrules' defaults don't
// (provisioning state, eTag, resource UID, system data), and on an update keeps
// the stored FQDNs, versions and identities. The FQDNs, identity IDs and OIDC
// issuer of a new cluster come from aksrules.DefaultManagedCluster. The
// caller holds db.mu.
func (s *Server) fillClusterReadOnly(q *request, mc *armcontainerservice.ManagedCluster, old *clusterRecord, rg *resourceGroup, action string, now time.Time) {
	p := mc.Properties
	p.ProvisioningState = to.Ptr(action)
	p.MaxAgentPools = to.Ptr[int32](100)
	mc.ETag = to.Ptr(newETag())
	caller := q.claims.AppID
	sd := &armcontainerservice.SystemData{
		CreatedAt: to.Ptr(now), CreatedBy: to.Ptr(caller), CreatedByType: to.Ptr(armcontainerservice.CreatedByTypeApplication),
		LastModifiedAt: to.Ptr(now), LastModifiedBy: to.Ptr(caller), LastModifiedByType: to.Ptr(armcontainerservice.CreatedByTypeApplication),
	}
	if old != nil {
		op := old.Cluster.Properties
		p.Fqdn, p.AzurePortalFQDN, p.PrivateFQDN, p.ResourceUID = op.Fqdn, op.AzurePortalFQDN, op.PrivateFQDN, op.ResourceUID
		p.CurrentKubernetesVersion = op.CurrentKubernetesVersion
		p.PowerState = op.PowerState
		if old.Cluster.SystemData != nil {
			sd.CreatedAt, sd.CreatedBy, sd.CreatedByType = old.Cluster.SystemData.CreatedAt, old.Cluster.SystemData.CreatedBy, old.Cluster.SystemData.CreatedByType
		}
		if p.OidcIssuerProfile != nil && op.OidcIssuerProfile != nil {
			p.OidcIssuerProfile.IssuerURL = op.OidcIssuerProfile.IssuerURL
		}
		if mc.Identity != nil && old.Cluster.Identity != nil && deref(mc.Identity.Type) == deref(old.Cluster.Identity.Type) {
			mc.Identity.PrincipalID, mc.Identity.TenantID = old.Cluster.Identity.PrincipalID, old.Cluster.Identity.TenantID
		}
		if p.IdentityProfile == nil {
			p.IdentityProfile = op.IdentityProfile
		}
		if p.NodeResourceGroup == nil {
			p.NodeResourceGroup = op.NodeResourceGroup
		}
	} else {
		if p.CurrentKubernetesVersion == nil {
			p.CurrentKubernetesVersion = s.db.resolveVersionPtr(p.KubernetesVersion)
		}
		if p.PowerState == nil {
			p.PowerState = &armcontainerservice.PowerState{Code: to.Ptr(armcontainerservice.CodeRunning)}
		}
		p.ResourceUID = to.Ptr(randomHex(12))
	}
	if p.NodeResourceGroup == nil {
		p.NodeResourceGroup = to.Ptr(fmt.Sprintf("MC_%s_%s_%s", rg.Name, deref(mc.Name), deref(mc.Location)))
	}
	mc.SystemData = sd
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// handleClusterPatch updates tags (ManagedClusters_UpdateTags).
func (s *Server) handleClusterPatch(q *request) {
	var body armcontainerservice.TagsObject
	if !decodeBody(q, &body) {
		return
	}
	end := s.db.beginWrite()
	defer end()
	c := s.requireCluster(q)
	if c == nil {
		return
	}
	ck := key(deref(c.Cluster.ID))
	if !checkPreconditions(q, true, deref(c.Cluster.ETag)) || s.conflict(q, ck, "", "", "Updating") {
		return
	}
	c.Cluster.Tags = body.Tags
	s.db.touchCluster(c)
	c.Cluster.Properties.ProvisioningState = to.Ptr("Updating")
	if c.Cluster.SystemData != nil {
		c.Cluster.SystemData.LastModifiedAt = to.Ptr(time.Now().UTC())
	}
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: deref(c.Cluster.Location), Kind: LatencyUpdate, Action: "Updating",
		Target: targetCluster, ResourceID: deref(c.Cluster.ID),
	})
	s.setPollingHeaders(q, op, true, false)
	writeRaw(q, http.StatusOK, s.db.clusterJSON(c))
}

func (s *Server) handleClusterDelete(q *request) {
	if !checkIgnorePDB(q) {
		return
	}
	end := s.db.beginWrite()
	defer end()
	c := s.db.cluster(clusterIDOf(q))
	if c == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	ck := key(deref(c.Cluster.ID))
	if !checkPreconditions(q, true, deref(c.Cluster.ETag)) {
		return
	}
	if op := s.db.runningOn(ck); op != nil && op.Target == targetCluster && op.Action == "Deleting" && key(op.ResourceID) == ck {
		s.setPollingHeaders(q, op, true, true) // deletion already under way: the same operation
		q.w.WriteHeader(http.StatusAccepted)
		return
	}
	if s.conflict(q, ck, "", "", "Deleting") {
		return
	}
	var children []string
	for _, p := range s.db.poolsOf(ck) {
		children = append(children, deref(p.Pool.ID))
		p.Pool.Properties.ProvisioningState = to.Ptr("Deleting")
	}
	c.Cluster.Properties.ProvisioningState = to.Ptr("Deleting")
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: deref(c.Cluster.Location), Kind: LatencyDelete, Action: "Deleting",
		Target: targetCluster, ResourceID: deref(c.Cluster.ID), Children: children,
	})
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}

// handleClusterAbort aborts the operation running on the cluster.
func (s *Server) handleClusterAbort(q *request) {
	end := s.db.beginWrite()
	defer end()
	c := s.requireCluster(q)
	if c == nil {
		return
	}
	target := s.db.abortable(targetCluster, key(deref(c.Cluster.ID)))
	s.abort(q, target, deref(c.Cluster.Location), c.Cluster.Name)
}
