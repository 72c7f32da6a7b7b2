package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/atomicfile"
)

// state is every resource the emulator holds. It is guarded by store.mu and
// persisted whole, as JSON, to Options.StateFile after every change. AKS and
// network resources are kept as the SDK's own models, so they marshal exactly
// as the SDK expects them. Map keys are lower-cased ARM IDs: ARM IDs are
// case-insensitive, while the stored resources keep the case their creator gave.
type state struct {
	Version        int                                   `json:"version"`
	Seq            int64                                 `json:"seq"` // orders pools by creation
	ResourceGroups map[string]*resourceGroup             `json:"resourceGroups"`
	VNets          map[string]*armnetwork.VirtualNetwork `json:"virtualNetworks"`
	Clusters       map[string]*clusterRecord             `json:"managedClusters"`
	Pools          map[string]*poolRecord                `json:"agentPools"`
	// Maintenance holds the clusters' maintenance configurations.
	Maintenance map[string]*maintenanceRecord `json:"maintenanceConfigurations"`
	Operations  map[string]*operation         `json:"operations"`
	// NodeImages maps lower-cased OS SKU to the latest node image version.
	NodeImages map[string]string `json:"nodeImages"`
	// Registrations maps lower-cased subscription ID to lower-cased namespace to registration state.
	Registrations map[string]map[string]string `json:"registrations"`
	// Machines maps a pool's key to its machines (aks_machines.go); created on first use.
	Machines map[string]*machineSet `json:"machines,omitempty"`
	// Resources holds the resources kept as their JSON answer (resources.go):
	// Compute groups, Network prefixes and security groups, AKS snapshots.
	Resources map[string]*storedResource `json:"resources,omitempty"`
}

// storedResource is a resource kept as the body GET answers, with its type
// (as ARM spells it, e.g. "Microsoft.Compute/hostGroups") for lookups.
type storedResource struct {
	Type string          `json:"type"`
	Body json.RawMessage `json:"body"`
}

const stateVersion = 1

// resourceGroup is a Microsoft.Resources/resourceGroups resource in ARM's shape.
type resourceGroup struct {
	ID         string            `json:"id"`
	Name       string            `json:"name"`
	Type       string            `json:"type"`
	Location   string            `json:"location"`
	ManagedBy  string            `json:"managedBy,omitempty"`
	Tags       map[string]string `json:"tags,omitempty"`
	Properties struct {
		ProvisioningState string `json:"provisioningState"`
	} `json:"properties"`
}

type clusterRecord struct {
	Cluster *armcontainerservice.ManagedCluster `json:"cluster"`
}

type poolRecord struct {
	Pool       *armcontainerservice.AgentPool `json:"pool"`
	ClusterKey string                         `json:"clusterKey"`
	Seq        int64                          `json:"seq"`
	// Resume is what a stopped pool runs again with when started (store_power.go).
	Resume *poolResume `json:"resume,omitempty"`
}

func newState() *state {
	return &state{
		Version:        stateVersion,
		ResourceGroups: map[string]*resourceGroup{},
		VNets:          map[string]*armnetwork.VirtualNetwork{},
		Clusters:       map[string]*clusterRecord{},
		Pools:          map[string]*poolRecord{},
		Maintenance:    map[string]*maintenanceRecord{},
		Operations:     map[string]*operation{},
		NodeImages:     map[string]string{},
		Registrations:  map[string]map[string]string{},
		Resources:      map[string]*storedResource{},
	}
}

// orEmpty gives a nil map an empty one.
func orEmpty[K comparable, V any](m *map[K]V) {
	if *m == nil {
		*m = map[K]V{}
	}
}

// key turns an ARM ID into a map key.
func key(id string) string { return strings.ToLower(strings.TrimSuffix(id, "/")) }

// newETag returns a fresh entity tag. AKS's are opaque strings; a random hex
// string is as opaque.
func newETag() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// poolsOf returns the pools of a cluster in creation order.
func (st *state) poolsOf(clusterKey string) []*poolRecord {
	var out []*poolRecord
	for _, p := range st.Pools {
		if p.ClusterKey == clusterKey {
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

// underPrefix returns the values of m whose keys start with prefix, in key
// order: the resources of one subscription or resource group, as lists answer them.
func underPrefix[V any](m map[string]V, prefix string) []V {
	var keys []string
	for k := range m {
		if strings.HasPrefix(k, prefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	out := make([]V, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

// clone deep-copies a JSON-marshalable value through its JSON form, which for
// the SDK models is the ground truth of what they hold.
func clone[T any](v *T) *T {
	if v == nil {
		return nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("emulator: clone %T: %v", v, err))
	}
	out := new(T)
	if err := json.Unmarshal(raw, out); err != nil {
		panic(fmt.Sprintf("emulator: clone %T: %v", v, err))
	}
	return out
}

// cloneAll copies each of vs, as the items of a page (writePage).
func cloneAll[T any](vs []*T) []any {
	var out []any
	for _, v := range vs {
		out = append(out, clone(v))
	}
	return out
}

// persister writes snapshots of the state to a file, atomically, never an
// older snapshot over a newer one.
type persister struct {
	path    string
	mu      sync.Mutex
	written int64
}

// save writes snapshot number seq unless a newer one was already written.
func (p *persister) save(seq int64, snapshot []byte) error {
	if p == nil || p.path == "" {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if seq <= p.written {
		return nil
	}
	if err := atomicfile.Write(p.path, snapshot, 0o600); err != nil {
		return err
	}
	p.written = seq
	return nil
}

// loadState reads a state file; ok is false when there is none yet.
func loadState(path string) (st *state, ok bool, err error) {
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	st = newState()
	if err := json.Unmarshal(raw, st); err != nil {
		return nil, false, fmt.Errorf("emulator: state file %s: %w", path, err)
	}
	if st.Version != stateVersion {
		return nil, false, fmt.Errorf("emulator: state file %s has version %d, want %d", path, st.Version, stateVersion)
	}
	// a map a hand-edited file sets to null (absent ones keep newState's)
	orEmpty(&st.ResourceGroups)
	orEmpty(&st.VNets)
	orEmpty(&st.Clusters)
	orEmpty(&st.Pools)
	orEmpty(&st.Maintenance)
	orEmpty(&st.Operations)
	orEmpty(&st.NodeImages)
	orEmpty(&st.Registrations)
	orEmpty(&st.Resources)
	return st, true, nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
