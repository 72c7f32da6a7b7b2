package emulator

import (
	"fmt"
	"hash/fnv"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/aksrules"
)

// Microsoft.ContainerService/managedClusters/agentPools/machines, and the pool's deleteMachines
// action (REST spec 2025-10-01: Machines_List, Machines_Get, AgentPools_DeleteMachines; examples
// MachineList.json, MachineGet.json, AgentPoolsDeleteMachines.json).
//
// A pool's machines follow its count: a pool of count n has n machines, named as AKS names the
// VMSS instances of a pool (aks-{pool}-{8 digits}-vmss{instance ID in base 36, 6 characters}),
// with instance IDs that only grow, as a scale set's do. Scaling out adds machines with new IDs,
// scaling in removes the highest IDs (the scale set's default scale-in policy), and deleteMachines
// removes exactly the named ones and lowers the count by as many.

const machineType = "Microsoft.ContainerService/managedClusters/agentPools/machines"

// machineSet is the machines of one pool: the instance IDs that exist, and the next ID to give.
// Seq ties it to one life of the pool: a pool deleted and created again gets new machines.
type machineSet struct {
	Seq       int64 `json:"seq"`
	Instances []int `json:"instances"`
	Next      int   `json:"next"`
}

// machinesOf returns the pool's machine set, brought in line with its count. The caller holds db.mu.
func (db *store) machinesOf(p *poolRecord) *machineSet {
	if db.state.Machines == nil {
		db.state.Machines = map[string]*machineSet{}
	}
	pk := key(deref(p.Pool.ID))
	set := db.state.Machines[pk]
	if set == nil || set.Seq != p.Seq {
		set = &machineSet{Seq: p.Seq}
		db.state.Machines[pk] = set
	}
	count := 0
	if p.Pool.Properties != nil {
		count = int(deref(p.Pool.Properties.Count))
	}
	for len(set.Instances) < count {
		set.Instances = append(set.Instances, set.Next)
		set.Next++
	}
	if len(set.Instances) > count {
		set.Instances = set.Instances[:count] // IDs are kept in ascending order: the highest go
	}
	return set
}

// scaleSetName is the VMSS (or VM name prefix) AKS gives the pool: aks-{pool}-{8 digits}-vmss,
// the digits a hash of the cluster, so every pool of a cluster shares them.
func scaleSetName(c *clusterRecord, pool string) string {
	h := fnv.New32a()
	_, _ = h.Write([]byte(key(deref(c.Cluster.ID))))
	return fmt.Sprintf("aks-%s-%08d-vmss", pool, h.Sum32()%100000000)
}

// machineName is the computer name of instance id: the scale set's name and the instance ID in
// base 36, zero-padded to 6 characters (aks-nodepool1-42263519-vmss00000a).
func machineName(scaleSet string, id int) string {
	return fmt.Sprintf("%s%06s", scaleSet, strconv.FormatInt(int64(id), 36))
}

// machineJSON is a machine as Machines_Get answers it.
func machineJSON(c *clusterRecord, p *poolRecord, id int) armcontainerservice.Machine {
	poolName := deref(p.Pool.Name)
	vmss := scaleSetName(c, poolName)
	name := machineName(vmss, id)
	nodeRG := ""
	if c.Cluster.Properties != nil {
		nodeRG = deref(c.Cluster.Properties.NodeResourceGroup)
	}
	sub := subscriptionOf(deref(c.Cluster.ID))
	m := armcontainerservice.Machine{
		ID:   to.Ptr(deref(p.Pool.ID) + "/machines/" + name),
		Name: to.Ptr(name),
		Type: to.Ptr(machineType),
		Properties: &armcontainerservice.MachineProperties{
			ResourceID: to.Ptr(fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Compute/virtualMachineScaleSets/%s/virtualMachines/%d", sub, nodeRG, vmss, id)),
			Network: &armcontainerservice.MachineNetworkProperties{IPAddresses: []*armcontainerservice.MachineIPAddress{{
				IP:     to.Ptr(fmt.Sprintf("10.224.%d.%d", p.Seq%256, 4+id%250)),
				Family: to.Ptr(armcontainerservice.IPFamilyIPv4),
			}}},
		},
	}
	if zones := p.Pool.Properties.AvailabilityZones; len(zones) > 0 {
		m.Zones = []*string{zones[id%len(zones)]} // spread round-robin, as the scale set balances zones
	}
	return m
}

// subscriptionOf is the subscription of an ARM ID.
func subscriptionOf(id string) string {
	if rid, err := parseID(id); err == nil {
		return rid.SubscriptionID
	}
	return ""
}

// findMachine returns the instance ID of the pool's machine name (case-insensitively).
func findMachine(c *clusterRecord, p *poolRecord, set *machineSet, name string) (int, bool) {
	vmss := scaleSetName(c, deref(p.Pool.Name))
	for _, id := range set.Instances {
		if strings.EqualFold(machineName(vmss, id), name) {
			return id, true
		}
	}
	return 0, false
}

func (s *Server) handleMachineList(q *request) {
	end := s.db.beginWrite() // bringing the set in line with the count may change it
	c, p := s.requirePool(q)
	if p == nil {
		end()
		return
	}
	var out []any
	for _, id := range s.db.machinesOf(p).Instances {
		out = append(out, machineJSON(c, p, id))
	}
	end()
	writePage(q, out, s.opts.PageSize)
}

func (s *Server) handleMachineGet(q *request) {
	end := s.db.beginWrite()
	c, p := s.requirePool(q)
	if p == nil {
		end()
		return
	}
	id, ok := findMachine(c, p, s.db.machinesOf(p), q.param("machineName"))
	if !ok {
		end()
		writeError(q, http.StatusNotFound, "NotFound",
			fmt.Sprintf("The Resource 'Microsoft.ContainerService/managedClusters/%s/agentPools/%s/machines/%s' under resource group '%s' was not found.",
				q.param("resourceName"), q.param("agentPoolName"), q.param("machineName"), q.param("resourceGroupName")), "")
		return
	}
	m := machineJSON(c, p, id)
	end()
	writeJSON(q, http.StatusOK, m)
}

// handleDeleteMachines deletes the named machines of the pool: the pool's count drops by as many
// at once, and the pool shows Scaling until the operation ends (202 with Azure-AsyncOperation and
// Location, as the example and the spec's final-state-via azure-async-operation say).
func (s *Server) handleDeleteMachines(q *request) {
	var body armcontainerservice.AgentPoolDeleteMachinesParameter
	if !decodeBody(q, &body) || !s.checkRegistered(q, aksNS) {
		return
	}
	end := s.db.beginWrite()
	defer end()
	c, p := s.requirePool(q)
	if p == nil {
		return
	}
	names := machineNamesOf(body)
	if len(names) == 0 {
		writeError(q, http.StatusBadRequest, "InvalidParameter", "The value of parameter machineNames is invalid: at least one machine name is required.", "machineNames")
		return
	}
	set := s.db.machinesOf(p)
	var ids []int
	for _, name := range names {
		id, ok := findMachine(c, p, set, name)
		if !ok {
			writeError(q, http.StatusBadRequest, "InvalidParameter",
				fmt.Sprintf("The machine '%s' was not found in agent pool '%s'. Machine names are listed by GET .../agentPools/%s/machines.", name, deref(p.Pool.Name), deref(p.Pool.Name)), "machineNames")
			return
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if s.conflict(q, key(deref(c.Cluster.ID)), key(deref(p.Pool.ID)), deref(p.Pool.Name), "Scaling") {
		return
	}
	old := clone(p.Pool)
	after := clone(p.Pool)
	after.Properties.Count = to.Ptr(deref(old.Properties.Count) - int32(len(ids)))
	if e := aksrules.CheckAgentPoolUpdate(s.db.world(deref(c.Cluster.Location), c, ""), old, after); e != nil {
		writeRuleError(q, e)
		return
	}
	set.Instances = slices.DeleteFunc(set.Instances, func(id int) bool { return slices.Contains(ids, id) })
	props := p.Pool.Properties
	props.Count = after.Properties.Count
	props.ProvisioningState = to.Ptr("Scaling")
	props.ETag = to.Ptr(newETag())
	op := s.startOperation(q, &operation{
		Namespace: aksNS, Location: deref(c.Cluster.Location), Kind: LatencyUpdate, Action: "Scaling",
		Target: targetPool, ResourceID: deref(p.Pool.ID),
	})
	s.setPollingHeaders(q, op, true, true)
	q.w.WriteHeader(http.StatusAccepted)
}

// machineNamesOf returns the non-empty names of the request body.
func machineNamesOf(body armcontainerservice.AgentPoolDeleteMachinesParameter) []string {
	var names []string
	for _, n := range body.MachineNames {
		if n != nil && *n != "" {
			names = append(names, *n)
		}
	}
	return names
}
