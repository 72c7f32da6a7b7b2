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
	s.listClusters(q, key("/subscriptions/"+q.param("subscriptionId"))+"/")
}

func (s *Server) handleClusterList(q *request) {
	s.mu.Lock()
	rg := s.requireResourceGroup(q)
	s.mu.Unlock()
	if rg == nil {
		return
	}
	s.listClusters(q, key(rg.ID)+"/")
}

func (s *Server) listClusters(q *request, prefix string) {
	s.mu.Lock()
	changed := s.settle(time.Now())
	var out []any
	for _, c := range underPrefix(s.st.Clusters, prefix) {
		out = append(out, s.clusterJSON(c))
	}
	s.mu.Unlock()
	s.saveIf(changed)
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleClusterGet(q *request) {
	s.mu.Lock()
	changed := s.settle(time.Now())
	c := s.requireCluster(q)
	var out json.RawMessage
	if c != nil {
		out = s.clusterJSON(c)
	}
	s.mu.Unlock()
	s.saveIf(changed)
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
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	rg := s.requireResourceGroup(q)
	if rg == nil || beingDeleted(q, rg) {
		return
	}
	id := clusterIDOf(q)
	ck := key(id)
	old := s.st.Clusters[ck]
	oldETag := ""
	if old != nil {
		oldETag = deref(old.Cluster.ETag)
	}
	if !checkPreconditions(q, old != nil, oldETag) {
		return
	}
	if mc.Location == nil || *mc.Location == "" {
		writeError(q, http.StatusBadRequest, "LocationRequired", "The location property is required for this definition.", "")
		return
	}
	action := "Creating"
	if old != nil {
		action = "Updating"
		if !strings.EqualFold(normLocation(*mc.Location), normLocation(deref(old.Cluster.Location))) {
			writeError(q, http.StatusBadRequest, "PropertyChangeNotAllowed", "Changing property 'location' is not allowed.", "location")
			return
		}
		if s.conflict(q, ck, "", "", action) {
			return
		}
	}

	stripClusterReadOnly(&mc)
	if mc.Properties == nil {
		mc.Properties = &armcontainerservice.ManagedClusterProperties{}
	}
	mc.ID, mc.Name, mc.Type = to.Ptr(id), to.Ptr(q.param("resourceName")), to.Ptr(clusterType)
	mc.Location = to.Ptr(normLocation(*mc.Location))

	var oldView *armcontainerservice.ManagedCluster
	if old != nil {
		oldView = s.clusterView(old)
		keepSecrets(oldView.Properties, mc.Properties)
	}
	w := s.world(*mc.Location, old, "")
	aksrules.DefaultManagedCluster(w, oldView, &mc)
	var ruleErr *aksrules.Error
	if old == nil {
		ruleErr = aksrules.CheckManagedClusterCreate(w, &mc)
	} else {
		ruleErr = aksrules.CheckManagedClusterUpdate(w, oldView, &mc)
	}
	if ruleErr != nil {
		writeRuleError(q, ruleErr)
		return
	}
	targets := map[string]versionTarget{}
	clusterTarget := deref(mc.Properties.CurrentKubernetesVersion)
	if clusterTarget == "" {
		clusterTarget = s.resolveVersion(deref(mc.Properties.KubernetesVersion))
	}
	targets[ck] = versionTarget{Current: clusterTarget}
	if old != nil && clusterTarget != deref(old.Cluster.Properties.CurrentKubernetesVersion) {
		action = "Upgrading"
	}

	// The pools the profiles stand for. On create every profile is a new
	// pool; on update aksrules lets a profile change only the pool's version.
	profiles := mc.Properties.AgentPoolProfiles
	mc.Properties.AgentPoolProfiles = nil
	var children []string
	var pools []*poolRecord
	for _, prof := range profiles {
		ap := aksrules.ProfileToAgentPool(id, prof)
		if ap == nil || ap.Name == nil {
			writeError(q, http.StatusBadRequest, "InvalidParameter", "Every agentPoolProfile needs a name.", "agentPoolProfiles")
			return
		}
		pid := id + "/agentPools/" + *ap.Name
		pk := key(pid)
		ap.ID, ap.Name, ap.Type = to.Ptr(pid), to.Ptr(*ap.Name), to.Ptr(poolType)
		if ap.Properties == nil {
			ap.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
		}
		prev := s.st.Pools[pk]
		rec := &poolRecord{Pool: ap, ClusterKey: ck}
		if prev != nil {
			oldPool := clone(prev.Pool)
			aksrules.DefaultAgentPool(w, oldPool, ap)
			t := s.poolTarget(ap)
			if t.Current == deref(prev.Pool.Properties.CurrentOrchestratorVersion) {
				continue // nothing for this pool to do
			}
			rec.Seq = prev.Seq
			ap.Properties.ProvisioningState = to.Ptr("Upgrading")
			ap.Properties.CurrentOrchestratorVersion = prev.Pool.Properties.CurrentOrchestratorVersion
			ap.Properties.NodeImageVersion = prev.Pool.Properties.NodeImageVersion
			targets[pk] = t
		} else {
			t := s.poolTarget(ap)
			s.st.Seq++
			rec.Seq = s.st.Seq
			ap.Properties.ProvisioningState = to.Ptr("Creating")
			ap.Properties.CurrentOrchestratorVersion = to.Ptr(t.Current)
			ap.Properties.NodeImageVersion = to.Ptr(t.NodeImage)
			targets[pk] = t
		}
		pools = append(pools, rec)
		children = append(children, pid)
	}

	now := time.Now().UTC()
	s.fillClusterReadOnly(q, &mc, old, rg, action, now)
	status := http.StatusOK
	if old == nil {
		status = http.StatusCreated
		s.createNodeResourceGroup(&mc)
	}
	s.st.Clusters[ck] = &clusterRecord{Cluster: &mc}
	for _, p := range pools {
		s.st.Pools[key(deref(p.Pool.ID))] = p
	}
	// Every pool has an eTag, whether created here (inline, from
	// agentPoolProfiles) or through agentPools, and a cluster operation
	// changes every pool's eTag (aks-api.md §1.2, §1.3).
	for _, p := range s.st.poolsOf(ck) {
		p.Pool.Properties.ETag = to.Ptr(newETag())
	}
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: *mc.Location, Kind: kindOf(action), Action: action,
		Target: targetCluster, ResourceID: id, Children: children, Targets: targets,
	})
	s.setPollingHeaders(q, op, true, false)
	writeRaw(q, status, s.clusterJSON(s.st.Clusters[ck]))
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

func (s *Server) resolveVersionPtr(v *string) *string {
	if v == nil {
		return nil
	}
	return to.Ptr(s.resolveVersion(*v))
}

// fillClusterReadOnly sets what the service owns and aksrules' defaults don't
// (provisioning state, eTag, resource UID, system data), and on an update keeps
// the stored FQDNs, versions and identities. The FQDNs, identity IDs and OIDC
// issuer of a new cluster come from aksrules.DefaultManagedCluster. The
// caller holds s.mu.
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
			p.CurrentKubernetesVersion = s.resolveVersionPtr(p.KubernetesVersion)
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

// createNodeResourceGroup creates the MC_ resource group AKS manages for the cluster. The caller holds s.mu.
func (s *Server) createNodeResourceGroup(mc *armcontainerservice.ManagedCluster) {
	rid, err := parseID(deref(mc.ID))
	if err != nil {
		return
	}
	id := rgID(rid.SubscriptionID, deref(mc.Properties.NodeResourceGroup))
	if s.st.ResourceGroups[key(id)] != nil {
		return
	}
	rg := &resourceGroup{
		ID: id, Name: deref(mc.Properties.NodeResourceGroup), Type: "Microsoft.Resources/resourceGroups",
		Location: deref(mc.Location), ManagedBy: deref(mc.ID),
		Tags: map[string]string{"aks-managed-cluster-name": deref(mc.Name), "aks-managed-cluster-rg": rid.ResourceGroupName},
	}
	rg.Properties.ProvisioningState = "Succeeded"
	s.st.ResourceGroups[key(id)] = rg
}

// removeCluster deletes a cluster, its pools and its node resource group. The caller holds s.mu.
func (s *Server) removeCluster(ck string) {
	c := s.st.Clusters[ck]
	if c == nil {
		return
	}
	for k, p := range s.st.Pools {
		if p.ClusterKey == ck {
			delete(s.st.Pools, k)
		}
	}
	if rid, err := parseID(deref(c.Cluster.ID)); err == nil && c.Cluster.Properties != nil {
		nrg := key(rgID(rid.SubscriptionID, deref(c.Cluster.Properties.NodeResourceGroup)))
		if rg := s.st.ResourceGroups[nrg]; rg != nil && key(rg.ManagedBy) == ck {
			delete(s.st.ResourceGroups, nrg)
		}
	}
	delete(s.st.Clusters, ck)
}

// handleClusterPatch updates tags (ManagedClusters_UpdateTags).
func (s *Server) handleClusterPatch(q *request) {
	var body armcontainerservice.TagsObject
	if !decodeBody(q, &body) {
		return
	}
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	c := s.requireCluster(q)
	if c == nil {
		return
	}
	ck := key(deref(c.Cluster.ID))
	if !checkPreconditions(q, true, deref(c.Cluster.ETag)) || s.conflict(q, ck, "", "", "Updating") {
		return
	}
	c.Cluster.Tags = body.Tags
	s.touchCluster(c)
	c.Cluster.Properties.ProvisioningState = to.Ptr("Updating")
	if c.Cluster.SystemData != nil {
		c.Cluster.SystemData.LastModifiedAt = to.Ptr(time.Now().UTC())
	}
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: deref(c.Cluster.Location), Kind: LatencyUpdate, Action: "Updating",
		Target: targetCluster, ResourceID: deref(c.Cluster.ID),
	})
	s.setPollingHeaders(q, op, true, false)
	writeRaw(q, http.StatusOK, s.clusterJSON(c))
}

func (s *Server) handleClusterDelete(q *request) {
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	c := s.st.Clusters[key(clusterIDOf(q))]
	if c == nil {
		q.w.WriteHeader(http.StatusNoContent)
		return
	}
	ck := key(deref(c.Cluster.ID))
	if !checkPreconditions(q, true, deref(c.Cluster.ETag)) {
		return
	}
	if op := s.runningOn(ck); op != nil && op.Target == targetCluster && op.Action == "Deleting" && key(op.ResourceID) == ck {
		s.setPollingHeaders(q, op, true, true) // deletion already under way: the same operation
		q.w.WriteHeader(http.StatusAccepted)
		return
	}
	if s.conflict(q, ck, "", "", "Deleting") {
		return
	}
	var children []string
	for _, p := range s.st.poolsOf(ck) {
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

// finishClusterOperation applies the end of a cluster operation. The caller holds s.mu.
func (s *Server) finishClusterOperation(op *operation) {
	ck := key(op.ResourceID)
	c := s.st.Clusters[ck]
	if c == nil {
		return
	}
	if op.Status == statusSucceeded && op.Action == "Deleting" {
		s.removeCluster(ck)
		return
	}
	state := op.Status // Succeeded, Failed or Canceled: the provisioning states have the same names
	c.Cluster.Properties.ProvisioningState = to.Ptr(state)
	if t, ok := op.Targets[ck]; ok && op.Status == statusSucceeded && t.Current != "" {
		c.Cluster.Properties.CurrentKubernetesVersion = to.Ptr(t.Current)
	}
	for _, child := range op.Children {
		p := s.st.Pools[key(child)]
		if p == nil {
			continue
		}
		p.Pool.Properties.ProvisioningState = to.Ptr(state)
		if op.Status == statusSucceeded {
			s.settlePool(p, op.Targets[key(child)])
		}
	}
}

func (s *Server) handleClusterUserCredential(q *request)  { s.credentials(q, false) }
func (s *Server) handleClusterAdminCredential(q *request) { s.credentials(q, true) }

// credentials answers listClusterUserCredential / listClusterAdminCredential
// with a kubeconfig for the cluster's API server.
func (s *Server) credentials(q *request, admin bool) {
	s.mu.Lock()
	c := s.requireCluster(q)
	if c == nil {
		s.mu.Unlock()
		return
	}
	mc := clone(c.Cluster)
	s.mu.Unlock()
	p := mc.Properties
	if admin && deref(p.DisableLocalAccounts) {
		writeError(q, http.StatusBadRequest, "BadRequest",
			"Getting static credential isn't allowed because this cluster is set to disable local accounts.", "")
		return
	}
	format := q.r.URL.Query().Get("format")
	aad := p.AADProfile != nil && deref(p.AADProfile.Managed)
	if format != "" && !strings.EqualFold(format, "azure") && !strings.EqualFold(format, "exec") {
		writeError(q, http.StatusBadRequest, "InvalidParameter", fmt.Sprintf("The value '%s' of parameter 'format' is not valid; it must be 'azure' or 'exec'.", format), "format")
		return
	}
	server := deref(p.Fqdn)
	if server == "" {
		server = deref(p.PrivateFQDN)
	}
	if sf := q.r.URL.Query().Get("server-fqdn"); sf != "" {
		server = sf
	}
	kc, err := s.kubeconfig(mc, server, admin, aad && !admin, q.claims.TenantID)
	if err != nil {
		writeError(q, http.StatusInternalServerError, "InternalServerError", err.Error(), "")
		return
	}
	name := "clusterUser"
	if admin {
		name = "clusterAdmin"
	}
	writeJSON(q, http.StatusOK, armcontainerservice.CredentialResults{
		Kubeconfigs: []*armcontainerservice.CredentialResult{{Name: to.Ptr(name), Value: kc}},
	})
}

func (s *Server) handleClusterUpgradeProfile(q *request) {
	s.mu.Lock()
	s.settle(time.Now())
	c := s.requireCluster(q)
	if c == nil {
		s.mu.Unlock()
		return
	}
	current := deref(c.Cluster.Properties.CurrentKubernetesVersion)
	cp, _ := parseVersion(current)
	profile := armcontainerservice.ManagedClusterUpgradeProfile{
		ID:   to.Ptr(deref(c.Cluster.ID) + "/upgradeprofiles/default"),
		Name: to.Ptr("default"),
		Type: to.Ptr("Microsoft.ContainerService/managedClusters/upgradeprofiles"),
		Properties: &armcontainerservice.ManagedClusterUpgradeProfileProperties{
			ControlPlaneProfile: &armcontainerservice.ManagedClusterPoolUpgradeProfile{
				Name: to.Ptr("master"), KubernetesVersion: to.Ptr(current), OSType: to.Ptr(armcontainerservice.OSTypeLinux),
				Upgrades: []*armcontainerservice.ManagedClusterPoolUpgradeProfileUpgradesItem{},
			},
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterPoolUpgradeProfile{},
		},
	}
	for _, u := range s.upgradesFrom(current) {
		item := &armcontainerservice.ManagedClusterPoolUpgradeProfileUpgradesItem{KubernetesVersion: to.Ptr(u.Version)}
		if u.IsPreview {
			item.IsPreview = to.Ptr(true)
		}
		profile.Properties.ControlPlaneProfile.Upgrades = append(profile.Properties.ControlPlaneProfile.Upgrades, item)
	}
	for _, p := range s.st.poolsOf(key(deref(c.Cluster.ID))) {
		pv := deref(p.Pool.Properties.CurrentOrchestratorVersion)
		pp := &armcontainerservice.ManagedClusterPoolUpgradeProfile{
			Name: p.Pool.Name, KubernetesVersion: to.Ptr(pv), OSType: p.Pool.Properties.OSType,
			Upgrades: []*armcontainerservice.ManagedClusterPoolUpgradeProfileUpgradesItem{},
		}
		if pp.OSType == nil {
			pp.OSType = to.Ptr(armcontainerservice.OSTypeLinux)
		}
		for _, v := range s.poolUpgrades(pv, cp) {
			item := &armcontainerservice.ManagedClusterPoolUpgradeProfileUpgradesItem{KubernetesVersion: to.Ptr(v.Version)}
			if v.IsPreview {
				item.IsPreview = to.Ptr(true)
			}
			pp.Upgrades = append(pp.Upgrades, item)
		}
		profile.Properties.AgentPoolProfiles = append(profile.Properties.AgentPoolProfiles, pp)
	}
	s.mu.Unlock()
	writeJSON(q, http.StatusOK, profile)
}

// poolUpgrades lists the versions a pool at v may move to: newer, and not past the control plane.
func (s *Server) poolUpgrades(v string, controlPlane [3]int) []SeedKubernetesVersion {
	cur, ok := parseVersion(v)
	if !ok {
		return nil
	}
	var out []SeedKubernetesVersion
	for _, kv := range s.catalogue() {
		p, _ := parseVersion(kv.Version)
		if compareVersions(p, cur) > 0 && compareVersions(p, controlPlane) <= 0 {
			out = append(out, kv)
		}
	}
	return out
}

// handleAvailableAgentPoolVersions answers the versions a new pool of the
// cluster may run: the catalogue's versions from three minors behind the
// control plane up to the control plane's own, preview ones included with
// isPreview: true. The default one is the control plane's version, the one a
// pool that names none gets (aksrules' pool defaults). This is the shape of
// Microsoft's example, whose default is its newest version and a preview one
// (a cluster running a preview version), and of what AKS answers for a
// cluster on a version it no longer supports: an empty list, not the
// location's versions (hashicorp/terraform-provider-azurerm#16173, #27245).
func (s *Server) handleAvailableAgentPoolVersions(q *request) {
	s.mu.Lock()
	c := s.requireCluster(q)
	if c == nil {
		s.mu.Unlock()
		return
	}
	current := deref(c.Cluster.Properties.CurrentKubernetesVersion)
	id := deref(c.Cluster.ID)
	s.mu.Unlock()
	cp, _ := parseVersion(current)
	out := armcontainerservice.AgentPoolAvailableVersions{
		ID:         to.Ptr(id + "/availableagentpoolversions"),
		Name:       to.Ptr("default"),
		Type:       to.Ptr("Microsoft.ContainerService/managedClusters/availableAgentpoolVersions"),
		Properties: &armcontainerservice.AgentPoolAvailableVersionsProperties{AgentPoolVersions: []*armcontainerservice.AgentPoolAvailableVersionsPropertiesAgentPoolVersionsItem{}},
	}
	for _, kv := range s.catalogue() {
		p, _ := parseVersion(kv.Version)
		if compareVersions(p, cp) > 0 || p[0] != cp[0] || p[1] < cp[1]-3 {
			continue
		}
		item := &armcontainerservice.AgentPoolAvailableVersionsPropertiesAgentPoolVersionsItem{KubernetesVersion: to.Ptr(kv.Version)}
		if kv.Version == current {
			item.Default = to.Ptr(true)
		}
		if kv.IsPreview {
			item.IsPreview = to.Ptr(true)
		}
		out.Properties.AgentPoolVersions = append(out.Properties.AgentPoolVersions, item)
	}
	writeJSON(q, http.StatusOK, out)
}

// handleClusterAbort aborts the operation running on the cluster.
func (s *Server) handleClusterAbort(q *request) {
	s.mu.Lock()
	defer func() { _ = s.save() }()
	defer s.mu.Unlock()
	s.settle(time.Now())
	c := s.requireCluster(q)
	if c == nil {
		return
	}
	target := s.abortable(targetCluster, key(deref(c.Cluster.ID)))
	s.abort(q, target, deref(c.Cluster.Location), c.Cluster.Name)
}

// abortable returns the operation an abort request on the resource with key k
// (of kind target) cancels: the one running on it, also when it is already
// being canceled (it then has no timer), but never a running abort itself.
// The caller holds s.mu.
func (s *Server) abortable(target, k string) *operation {
	for _, op := range s.st.Operations {
		if op.running() && op.AbortOf == "" && op.Target == target && key(op.ResourceID) == k {
			return op
		}
	}
	return nil
}

// abort starts an operation that cancels target. The caller holds s.mu.
func (s *Server) abort(q *request, target *operation, location string, name *string) {
	if target == nil {
		writeError(q, http.StatusConflict, "OperationNotAllowed",
			fmt.Sprintf("There is no operation in progress on '%s' to abort: it completed before it could be canceled.", deref(name)), "")
		return
	}
	if target.AbortedBy != "" {
		if running := s.st.Operations[target.AbortedBy]; running != nil && running.running() {
			s.setPollingHeaders(q, running, true, true)
			q.w.WriteHeader(http.StatusAccepted)
			return
		}
	}
	if t := s.timers[target.ID]; t != nil {
		t.Stop()
		delete(s.timers, target.ID)
	}
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: location, Kind: LatencyAbort, Action: "Canceling",
		Target: target.Target, ResourceID: target.ResourceID, Children: target.Children, AbortOf: target.ID,
	})
	target.AbortedBy = op.ID
	s.setResourceState(target, "Canceling")
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}

// rawJSON marshals v for comparisons.
func rawJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
