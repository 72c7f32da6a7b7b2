package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
	"github.com/aksforge/terraform-provider-aks/internal/skudata"
)

// What managed clusters and agent pools share: the rules' view of the world,
// read-only fields, ETag preconditions and the 409 for concurrent operations.

const (
	clusterType = "Microsoft.ContainerService/ManagedClusters"
	poolType    = "Microsoft.ContainerService/managedClusters/agentPools"
	aksNS       = "Microsoft.ContainerService"
)

// pendingOperationHelp ends AKS's OperationNotAllowed texts.
const pendingOperationHelp = "See https://aka.ms/aks-pending-operation for more details"

func clusterID(sub, rg, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s", sub, rg, name)
}

func clusterIDOf(q *request) string {
	return clusterID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("resourceName"))
}

func poolIDOf(q *request) string { return clusterIDOf(q) + "/agentPools/" + q.param("agentPoolName") }

// world is what aksrules may consult for a request on cluster c (nil while
// the cluster is being created), without the pool excluded (the one being
// created). The caller holds s.mu.
func (s *Server) world(location string, c *clusterRecord, exclude string) aksrules.World {
	loc := normLocation(location)
	w := aksrules.World{
		Location: loc,
		SKU: func(name string) (skudata.SKU, bool) {
			sku, ok := s.skusIn(loc)[strings.ToLower(name)]
			return sku, ok
		},
		KubernetesVersions: s.rulesVersions(),
		Subnet:             s.subnetVNet,
		LatestNodeImage:    s.latestNodeImage,
	}
	if c != nil {
		w.Cluster = s.clusterView(c)
		for _, p := range s.st.poolsOf(key(deref(c.Cluster.ID))) {
			if exclude != "" && key(deref(p.Pool.ID)) == exclude {
				continue
			}
			w.Pools = append(w.Pools, clone(p.Pool))
		}
	}
	return w
}

// clusterView is a deep copy of the cluster as GET answers it: the stored
// cluster with its agentPoolProfiles built from its pools. The rules get
// copies, so that nothing they (or defaults sharing their pointers) do can
// reach the store. The caller holds s.mu.
func (s *Server) clusterView(c *clusterRecord) *armcontainerservice.ManagedCluster {
	mc := clone(c.Cluster)
	if mc.Properties == nil {
		mc.Properties = &armcontainerservice.ManagedClusterProperties{}
	}
	mc.Properties.AgentPoolProfiles = nil
	for _, p := range s.st.poolsOf(key(deref(c.Cluster.ID))) {
		if prof := aksrules.AgentPoolToProfile(clone(p.Pool)); prof != nil {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, prof)
		}
	}
	return mc
}

// clusterJSON marshals the cluster as GET answers it, without the deep copy
// clusterView makes: the answer shares the stored values only while they are
// marshaled, under s.mu. GETs are the hot path. The caller holds s.mu.
func (s *Server) clusterJSON(c *clusterRecord) json.RawMessage {
	mc := *c.Cluster
	var props armcontainerservice.ManagedClusterProperties
	if c.Cluster.Properties != nil {
		props = *c.Cluster.Properties
	}
	props.AgentPoolProfiles = nil
	for _, p := range s.st.poolsOf(key(deref(c.Cluster.ID))) {
		if prof := aksrules.AgentPoolToProfile(p.Pool); prof != nil {
			props.AgentPoolProfiles = append(props.AgentPoolProfiles, prof)
		}
	}
	withoutSecrets(&props)
	mc.Properties = &props
	return mustMarshal(&mc)
}

// withoutSecrets drops from props the secrets AKS is given but never returns
// (the Windows admin password, the service principal's secret, the legacy AAD
// server application's secret). It replaces the profiles holding them with
// copies, so that the stored cluster, which props may share them with, keeps
// its secrets.
func withoutSecrets(props *armcontainerservice.ManagedClusterProperties) {
	if props.WindowsProfile != nil && props.WindowsProfile.AdminPassword != nil {
		wp := *props.WindowsProfile
		wp.AdminPassword = nil
		props.WindowsProfile = &wp
	}
	if props.ServicePrincipalProfile != nil && props.ServicePrincipalProfile.Secret != nil {
		sp := *props.ServicePrincipalProfile
		sp.Secret = nil
		props.ServicePrincipalProfile = &sp
	}
	if props.AADProfile != nil && props.AADProfile.ServerAppSecret != nil {
		aad := *props.AADProfile
		aad.ServerAppSecret = nil
		props.AADProfile = &aad
	}
}

// keepSecrets gives an update the stored secrets it doesn't send: answers
// never carry them, so a GET→modify→PUT round trip omits them, and AKS keeps
// the ones it has. A secret is kept only for the same account (admin user,
// service principal, server application); a new value replaces it.
func keepSecrets(old, p *armcontainerservice.ManagedClusterProperties) {
	if old == nil || p == nil {
		return
	}
	if wp, owp := p.WindowsProfile, old.WindowsProfile; wp != nil && owp != nil && deref(wp.AdminPassword) == "" &&
		owp.AdminPassword != nil && strings.EqualFold(deref(wp.AdminUsername), deref(owp.AdminUsername)) {
		wp.AdminPassword = owp.AdminPassword
	}
	if sp, osp := p.ServicePrincipalProfile, old.ServicePrincipalProfile; sp != nil && osp != nil && deref(sp.Secret) == "" &&
		osp.Secret != nil && strings.EqualFold(deref(sp.ClientID), deref(osp.ClientID)) {
		sp.Secret = osp.Secret
	}
	if aad, oaad := p.AADProfile, old.AADProfile; aad != nil && oaad != nil && deref(aad.ServerAppSecret) == "" &&
		oaad.ServerAppSecret != nil && strings.EqualFold(deref(aad.ServerAppID), deref(oaad.ServerAppID)) {
		aad.ServerAppSecret = oaad.ServerAppSecret
	}
}

// poolJSON marshals the pool as GET answers it. The caller holds s.mu.
func poolJSON(p *poolRecord) json.RawMessage { return mustMarshal(p.Pool) }

// mustMarshal marshals a stored model; they always marshal (they were read from JSON).
func mustMarshal(v any) json.RawMessage {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("emulator: marshal %T: %v", v, err))
	}
	return raw
}

// writeRuleError answers an aksrules refusal.
func writeRuleError(q *request, e *aksrules.Error) {
	status := e.Status
	if status == 0 {
		status = http.StatusBadRequest
	}
	writeError(q, status, e.Code, e.Message, e.Target)
}

// stripPoolReadOnly drops what a client may send back from a GET but may not set.
func stripPoolReadOnly(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	if p == nil {
		return
	}
	p.ProvisioningState = nil
	p.CurrentOrchestratorVersion = nil
	p.NodeImageVersion = nil
	p.ETag = nil
	p.Status = nil
}

func stripProfileReadOnly(p *armcontainerservice.ManagedClusterAgentPoolProfile) {
	if p == nil {
		return
	}
	p.ProvisioningState = nil
	p.CurrentOrchestratorVersion = nil
	p.NodeImageVersion = nil
	p.ETag = nil
	p.Status = nil
}

func stripClusterReadOnly(mc *armcontainerservice.ManagedCluster) {
	mc.ID, mc.Name, mc.Type, mc.ETag, mc.SystemData = nil, nil, nil, nil, nil
	if mc.Identity != nil {
		mc.Identity.PrincipalID, mc.Identity.TenantID = nil, nil
		for _, v := range mc.Identity.UserAssignedIdentities {
			if v != nil {
				v.PrincipalID, v.ClientID = nil, nil
			}
		}
	}
	p := mc.Properties
	if p == nil {
		return
	}
	p.ProvisioningState, p.Fqdn, p.AzurePortalFQDN, p.PrivateFQDN = nil, nil, nil, nil
	p.CurrentKubernetesVersion, p.MaxAgentPools, p.PowerState, p.ResourceUID = nil, nil, nil, nil
	if p.OidcIssuerProfile != nil {
		p.OidcIssuerProfile.IssuerURL = nil
	}
	for _, prof := range p.AgentPoolProfiles {
		stripProfileReadOnly(prof)
	}
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

// conflict answers 409 OperationNotAllowed, with AKS's texts, when an
// operation runs on the cluster (or, for a pool request, on that pool), and
// returns true. action is what the new request would do (e.g. "Scaling").
// The caller holds s.mu.
func (s *Server) conflict(q *request, clusterKey, poolKey, poolName, action string) bool {
	if poolKey != "" {
		if op := s.runningOn(poolKey); op != nil {
			msg := fmt.Sprintf("Operation is not allowed: Another agentpool operation (%s - %s) is in progress, please wait for it to finish before starting a new operation. %s",
				poolName, op.Action, pendingOperationHelp)
			if op.Action == "Deleting" {
				msg = fmt.Sprintf("Unable to perform '%s' operation on '%s' since deletion was issued on '%s'. The only allowed operation is deletion once deletion has started. %s",
					action, poolName, poolName, pendingOperationHelp)
			}
			writeError(q, http.StatusConflict, "OperationNotAllowed", msg, "")
			return true
		}
	}
	for id := range s.timers {
		op := s.st.Operations[id]
		if op == nil || !op.running() {
			continue
		}
		if op.Target == targetCluster && key(op.ResourceID) == clusterKey {
			name := clusterNameOf(op.ResourceID)
			msg := fmt.Sprintf("Operation is not allowed: Another operation (%s) is in progress, please wait for it to finish before starting a new operation. %s",
				op.Action, pendingOperationHelp)
			if op.Action == "Deleting" {
				msg = fmt.Sprintf("Unable to perform '%s' operation on '%s' since deletion was issued on '%s'. The only allowed operation is deletion once deletion has started. %s",
					action, name, name, pendingOperationHelp)
			}
			writeError(q, http.StatusConflict, "OperationNotAllowed", msg, "")
			return true
		}
		if poolKey == "" && op.Target == targetPool && strings.HasPrefix(key(op.ResourceID), clusterKey+"/agentpools/") {
			writeError(q, http.StatusConflict, "OperationNotAllowed",
				fmt.Sprintf("Managed Cluster operation is not allowed: Another operation (%s) is in progress on agent pool (%s), please wait for it to finish before starting a new operation. %s",
					op.Action, poolNameOf(op.ResourceID), pendingOperationHelp), "")
			return true
		}
	}
	// operations being aborted have no timer but still hold the resource
	for _, op := range s.st.Operations {
		if op.running() && op.AbortedBy != "" && (op.touches(clusterKey) || (poolKey != "" && op.touches(poolKey))) {
			writeError(q, http.StatusConflict, "OperationNotAllowed",
				fmt.Sprintf("Operation is not allowed: Another operation (Canceling) is in progress, please wait for it to finish before starting a new operation. %s", pendingOperationHelp), "")
			return true
		}
	}
	return false
}

func clusterNameOf(id string) string {
	if rid, err := parseID(id); err == nil {
		return rid.Name
	}
	return id
}

func poolNameOf(id string) string { return id[strings.LastIndex(id, "/")+1:] }

// clusterNotFound answers AKS's 404 for a missing cluster.
func clusterNotFound(q *request) {
	writeError(q, http.StatusNotFound, "ResourceNotFound",
		fmt.Sprintf("The Resource 'Microsoft.ContainerService/managedClusters/%s' under resource group '%s' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
			q.param("resourceName"), q.param("resourceGroupName")), "")
}

// requireCluster returns the path's cluster, or answers 404. The caller holds s.mu.
func (s *Server) requireCluster(q *request) *clusterRecord {
	c := s.st.Clusters[key(clusterIDOf(q))]
	if c == nil {
		if s.requireResourceGroup(q) == nil {
			return nil
		}
		clusterNotFound(q)
	}
	return c
}
