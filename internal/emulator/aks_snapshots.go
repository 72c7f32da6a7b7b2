package emulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// Microsoft.ContainerService/snapshots: node pool snapshots, taken from an
// agent pool (properties.creationData.sourceResourceId) and recording its
// OS type and SKU, Kubernetes version, node image, VM size and FIPS setting
// (learn.microsoft.com/azure/aks/node-pool-snapshot). Shapes from the spec
// (aks/stable/2025-10-01/managedClusters.json, Snapshot) and its examples
// SnapshotsCreate.json / SnapshotsGet.json: PUT answers 200/201 and DELETE
// 200/204 synchronously, and the answers spell the type
// "Microsoft.ContainerService/Snapshots".

const (
	snapshotType       = "Microsoft.ContainerService/snapshots" // as in its IDs
	snapshotAnswerType = "Microsoft.ContainerService/Snapshots" // as its answers spell it
)

var snapshots = &resourceKind{armType: snapshotType, param: "resourceName", prepare: prepareSnapshot}

// prepareSnapshot takes a snapshot of the pool the body names. An update
// changes only tags: what was recorded stays.
func prepareSnapshot(s *Server, q *request, id string, old json.RawMessage) (json.RawMessage, *aksrules.Error) {
	var snap armcontainerservice.Snapshot
	if e := decodeResource(q, &snap, &snap.Location); e != nil {
		return nil, e
	}
	if old != nil {
		var stored armcontainerservice.Snapshot
		if err := json.Unmarshal(old, &stored); err == nil {
			stored.Tags = snap.Tags
			return marshalResource(&stored)
		}
	}
	p := snap.Properties
	if p == nil || p.CreationData == nil || !isSetStr(p.CreationData.SourceResourceID) {
		// Unverified text: the source pool is what a snapshot is taken from.
		return nil, &aksrules.Error{Status: http.StatusBadRequest, Code: "InvalidParameter", Target: "properties.creationData.sourceResourceId",
			Message: "properties.creationData.sourceResourceId is required: the resource ID of the agent pool to take the snapshot of."}
	}
	if p.SnapshotType != nil && !strings.EqualFold(string(*p.SnapshotType), string(armcontainerservice.SnapshotTypeNodePool)) {
		// The 2025-10-01 spec's only SnapshotType is NodePool. Unverified text.
		return nil, &aksrules.Error{Status: http.StatusBadRequest, Code: "InvalidParameter", Target: "properties.snapshotType",
			Message: fmt.Sprintf("The snapshot type '%s' is not supported. The supported snapshot type is 'NodePool'.", *p.SnapshotType)}
	}
	src := *p.CreationData.SourceResourceID
	pool, e := s.snapshotSource(src, *snap.Location)
	if e != nil {
		return nil, e
	}
	pp := pool.Properties
	snap.ID, snap.Name, snap.Type = to.Ptr(id), to.Ptr(poolNameOf(id)), to.Ptr(snapshotAnswerType)
	snap.Properties = &armcontainerservice.SnapshotProperties{
		CreationData:      &armcontainerservice.CreationData{SourceResourceID: to.Ptr(src)},
		SnapshotType:      to.Ptr(armcontainerservice.SnapshotTypeNodePool),
		OSType:            pp.OSType,
		OSSKU:             pp.OSSKU,
		KubernetesVersion: pp.CurrentOrchestratorVersion,
		NodeImageVersion:  pp.NodeImageVersion,
		VMSize:            pp.VMSize,
		EnableFIPS:        to.Ptr(deref(pp.EnableFIPS)),
	}
	snap.SystemData = snapshotSystemData(q.claims.AppID, time.Now().UTC())
	return marshalResource(&snap)
}

// snapshotSystemData is ARM's record of who created a snapshot, as the examples answer it.
func snapshotSystemData(by string, at time.Time) *armcontainerservice.SystemData {
	return &armcontainerservice.SystemData{
		CreatedAt: &at, CreatedBy: to.Ptr(by), CreatedByType: to.Ptr(armcontainerservice.CreatedByTypeApplication),
		LastModifiedAt: &at, LastModifiedBy: to.Ptr(by), LastModifiedByType: to.Ptr(armcontainerservice.CreatedByTypeApplication),
	}
}

// snapshotSource returns a copy of the agent pool src, which must exist and
// be in location ("Snapshots must be created same region as the source node
// pool", node-pool-snapshot.md). The errors' texts are unverified. The caller holds db.mu.
func (s *Server) snapshotSource(src, location string) (*armcontainerservice.AgentPool, *aksrules.Error) {
	const target = "properties.creationData.sourceResourceId"
	rid, err := parseID(src)
	if err != nil || !strings.EqualFold(rid.ResourceType.String(), poolType) {
		return nil, &aksrules.Error{Status: http.StatusBadRequest, Code: "InvalidParameter", Target: target,
			Message: fmt.Sprintf("The source resource ID '%s' is not an agent pool ID (.../providers/Microsoft.ContainerService/managedClusters/{cluster}/agentPools/{pool}).", src)}
	}
	p := s.db.pool(src)
	if p == nil {
		return nil, &aksrules.Error{Status: http.StatusNotFound, Code: "NotFound", Target: target,
			Message: fmt.Sprintf("The agent pool '%s' the snapshot is to be taken from was not found.", src)}
	}
	c := s.db.cluster(rid.Parent.String())
	if c != nil && !strings.EqualFold(normLocation(deref(c.Cluster.Location)), location) {
		return nil, &aksrules.Error{Status: http.StatusBadRequest, Code: "InvalidParameter", Target: "location",
			Message: fmt.Sprintf("The snapshot's location '%s' must be the location of its source agent pool, '%s'.", location, normLocation(deref(c.Cluster.Location)))}
	}
	return clone(p.Pool), nil
}

// handleSnapshotPatch updates a snapshot's tags (Snapshots_UpdateTags).
func (s *Server) handleSnapshotPatch(q *request) {
	var body armcontainerservice.TagsObject
	if !decodeBody(q, &body) {
		return
	}
	end := s.db.beginWrite()
	defer end()
	if s.requireResourceGroup(q) == nil {
		return
	}
	id := snapshots.resourceID(q)
	r := s.db.resource(id)
	if r == nil {
		snapshots.notFound(q)
		return
	}
	var snap armcontainerservice.Snapshot
	if err := json.Unmarshal(r.Body, &snap); err != nil {
		writeError(q, http.StatusInternalServerError, "InternalServerError", err.Error(), "")
		return
	}
	snap.Tags = body.Tags
	raw, e := marshalResource(&snap)
	if e != nil {
		writeRuleError(q, e)
		return
	}
	r.Body = raw
	writeRaw(q, http.StatusOK, raw)
}

// snapshotOf decodes the stored snapshot id (aksrules.World.Snapshot). The caller holds db.mu.
func (db *store) snapshotOf(id string) (*armcontainerservice.Snapshot, bool) {
	r := db.resource(id)
	if r == nil || !strings.EqualFold(r.Type, snapshotType) {
		return nil, false
	}
	var snap armcontainerservice.Snapshot
	if err := json.Unmarshal(r.Body, &snap); err != nil {
		return nil, false
	}
	return &snap, true
}

// seedSnapshot builds a seeded snapshot's answer.
func (s *Seed) seedSnapshot(id string, r SeedSnapshot) json.RawMessage {
	or := func(v, def string) string {
		if v == "" {
			return def
		}
		return v
	}
	osSKU := or(r.OSSKU, "Ubuntu")
	src := or(r.SourceResourceID, clusterID(r.SubscriptionID, r.ResourceGroup, "aks-snapshot-source")+"/agentPools/nodepool1")
	snap := armcontainerservice.Snapshot{
		ID: to.Ptr(id), Name: to.Ptr(r.Name), Type: to.Ptr(snapshotAnswerType), Location: to.Ptr(normLocation(r.Location)),
		Properties: &armcontainerservice.SnapshotProperties{
			CreationData:      &armcontainerservice.CreationData{SourceResourceID: to.Ptr(src)},
			SnapshotType:      to.Ptr(armcontainerservice.SnapshotTypeNodePool),
			OSType:            to.Ptr(armcontainerservice.OSType(or(r.OSType, "Linux"))),
			OSSKU:             to.Ptr(armcontainerservice.OSSKU(osSKU)),
			KubernetesVersion: to.Ptr(or(r.KubernetesVersion, s.defaultVersion())),
			NodeImageVersion:  to.Ptr(or(r.NodeImageVersion, s.nodeImage(osSKU))),
			VMSize:            to.Ptr(or(r.VMSize, "Standard_DS2_v2")),
			EnableFIPS:        to.Ptr(r.EnableFIPS),
		},
		SystemData: snapshotSystemData(DefaultClientID, time.Now().UTC()),
	}
	raw, _ := json.Marshal(&snap)
	return raw
}

func isSetStr(p *string) bool { return p != nil && *p != "" }
