package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// What the managed cluster and agent pool handlers share: read-only fields,
// secrets kept across updates, rule refusals and the 409 for concurrent
// operations.

const (
	clusterType = "Microsoft.ContainerService/ManagedClusters"
	poolType    = "Microsoft.ContainerService/managedClusters/agentPools"
	aksNS       = "Microsoft.ContainerService"
)

// pendingOperationHelp ends AKS's OperationNotAllowed texts.
const pendingOperationHelp = "See https://aka.ms/aks-pending-operation for more details"

// poolJSON marshals the pool as GET answers it. The caller holds db.mu.
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
	if p != nil {
		p.ProvisioningState, p.CurrentOrchestratorVersion, p.NodeImageVersion, p.ETag, p.Status = nil, nil, nil, nil, nil
	}
}

// stripProfileReadOnly drops the same fields as stripPoolReadOnly from a
// cluster's inline profile (a different SDK type with the same fields).
func stripProfileReadOnly(p *armcontainerservice.ManagedClusterAgentPoolProfile) {
	if p != nil {
		p.ProvisioningState, p.CurrentOrchestratorVersion, p.NodeImageVersion, p.ETag, p.Status = nil, nil, nil, nil, nil
	}
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

// conflict answers 409 OperationNotAllowed, with AKS's texts, when an
// operation runs on the cluster (or, for a pool request, on that pool), and
// returns true. action is what the new request would do (e.g. "Scaling").
// The caller holds db.mu.
func (s *Server) conflict(q *request, clusterKey, poolKey, poolName, action string) bool {
	e := s.db.conflict(clusterKey, poolKey, poolName, action)
	if e != nil {
		writeError(q, http.StatusConflict, e.Code, e.Message, "")
	}
	return e != nil
}

// clusterNotFound answers AKS's 404 for a missing cluster.
func clusterNotFound(q *request) {
	writeError(q, http.StatusNotFound, "ResourceNotFound",
		fmt.Sprintf("The Resource 'Microsoft.ContainerService/managedClusters/%s' under resource group '%s' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
			q.param("resourceName"), q.param("resourceGroupName")), "")
}

// requireCluster returns the path's cluster, or answers 404. The caller holds db.mu.
func (s *Server) requireCluster(q *request) *clusterRecord {
	c := s.db.cluster(clusterIDOf(q))
	if c == nil {
		if s.requireResourceGroup(q) == nil {
			return nil
		}
		clusterNotFound(q)
	}
	return c
}
