package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Mutate applies an out-of-band change: what the cluster autoscaler, the
// portal or a colleague would do behind a Terraform run's back. Mutations
// change eTags as real writes do (a cluster change changes its pools' eTags
// too) and are not journaled.
func (s *Server) Mutate(m Mutation) error {
	s.db.mu.Lock()
	err := s.db.mutate(m)
	s.db.mu.Unlock()
	if err != nil {
		return err
	}
	return s.db.save()
}

func (db *store) mutate(m Mutation) error {
	switch m.Kind {
	case MutateScalePool:
		p := db.state.Pools[key(m.ID)]
		if p == nil {
			return fmt.Errorf("mutate %s: no agent pool %q", m.Kind, m.ID)
		}
		if m.Count < 0 {
			return fmt.Errorf("mutate %s: count %d is negative", m.Kind, m.Count)
		}
		p.Pool.Properties.Count = to.Ptr(m.Count)
		p.Pool.Properties.ETag = to.Ptr(newETag())
	case MutateDeletePool:
		if db.state.Pools[key(m.ID)] == nil {
			return fmt.Errorf("mutate %s: no agent pool %q", m.Kind, m.ID)
		}
		delete(db.state.Pools, key(m.ID))
	case MutateSetField:
		return db.setField(m.ID, m.Path, m.Value)
	case MutateSetProvisioningState:
		if m.State == "" {
			return fmt.Errorf("mutate %s: state is empty", m.Kind)
		}
		return db.setField(m.ID, "properties.provisioningState", json.RawMessage(strconv.Quote(m.State)))
	case MutateUpgradeCluster:
		c := db.state.Clusters[key(m.ID)]
		if c == nil {
			return fmt.Errorf("mutate %s: no managed cluster %q", m.Kind, m.ID)
		}
		v := db.resolveVersion(m.Version)
		if _, ok := parseVersion(v); !ok || !db.offered(v) {
			return fmt.Errorf("mutate %s: version %q is not in the Kubernetes versions catalogue", m.Kind, m.Version)
		}
		c.Cluster.Properties.KubernetesVersion = to.Ptr(m.Version)
		c.Cluster.Properties.CurrentKubernetesVersion = to.Ptr(v)
		db.touchCluster(c)
	case MutateReleaseNodeImage:
		if m.OSSKU == "" || m.Version == "" {
			return fmt.Errorf("mutate %s: osSKU and version are required", m.Kind)
		}
		db.state.NodeImages[strings.ToLower(m.OSSKU)] = m.Version
	default:
		return fmt.Errorf("mutate: unknown kind %q", m.Kind)
	}
	return nil
}

// setField sets the field at a dotted JSON path (e.g. "properties.count",
// "tags.env", "properties.nodeTaints.0") of the resource with an ARM ID; a
// null value removes it. The caller holds db.mu.
func (db *store) setField(id, path string, value json.RawMessage) error {
	if path == "" {
		return errors.New("mutate set-field: path is empty")
	}
	if len(value) == 0 {
		return errors.New("mutate set-field: value is empty (use null to remove a field)")
	}
	var v any
	if err := json.Unmarshal(value, &v); err != nil {
		return fmt.Errorf("mutate set-field: value: %w", err)
	}
	k := key(id)
	switch {
	case db.state.Pools[k] != nil:
		p := db.state.Pools[k]
		out, err := editJSON(p.Pool, path, v)
		if err != nil {
			return err
		}
		p.Pool = out
		if p.Pool.Properties == nil {
			p.Pool.Properties = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
		}
		p.Pool.Properties.ETag = to.Ptr(newETag())
	case db.state.Clusters[k] != nil:
		c := db.state.Clusters[k]
		out, err := editJSON(c.Cluster, path, v)
		if err != nil {
			return err
		}
		if out.Properties == nil {
			out.Properties = &armcontainerservice.ManagedClusterProperties{}
		}
		out.Properties.AgentPoolProfiles = nil // pools are their own resources
		c.Cluster = out
		db.touchCluster(c)
	case db.state.ResourceGroups[k] != nil:
		out, err := editJSON(db.state.ResourceGroups[k], path, v)
		if err != nil {
			return err
		}
		db.state.ResourceGroups[k] = out
	default:
		vn, sn := db.networkOf(id)
		switch {
		case sn != nil:
			out, err := editJSON(sn, path, v)
			if err != nil {
				return err
			}
			i, _ := findSubnet(vn, deref(sn.Name))
			out.Etag = networkETag()
			vn.Properties.Subnets[i] = out
		case vn != nil && !strings.Contains(k, "/subnets/"):
			out, err := editJSON(vn, path, v)
			if err != nil {
				return err
			}
			out.Etag = networkETag()
			db.state.VNets[k] = out
		default:
			return fmt.Errorf("mutate set-field: no resource %q", id)
		}
	}
	return nil
}

// editJSON returns a copy of r with the field at path set to v, going through r's JSON form.
func editJSON[T any](r *T, path string, v any) (*T, error) {
	raw, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	doc, err = setPath(doc, strings.Split(path, "."), v)
	if err != nil {
		return nil, fmt.Errorf("mutate set-field %q: %w", path, err)
	}
	raw, err = json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if err := json.Unmarshal(raw, out); err != nil {
		return nil, fmt.Errorf("mutate set-field %q: the result doesn't fit the resource: %w", path, err)
	}
	return out, nil
}

func setPath(doc any, path []string, v any) (any, error) {
	if len(path) == 0 {
		return v, nil
	}
	head := path[0]
	switch d := doc.(type) {
	case map[string]any:
		if len(path) == 1 && v == nil {
			delete(d, head)
			return d, nil
		}
		child, err := setPath(d[head], path[1:], v)
		if err != nil {
			return nil, err
		}
		d[head] = child
		return d, nil
	case []any:
		i, err := strconv.Atoi(head)
		if err != nil || i < 0 || i > len(d) {
			return nil, fmt.Errorf("index %q out of range", head)
		}
		if i == len(d) {
			d = append(d, nil)
		}
		child, err := setPath(d[i], path[1:], v)
		if err != nil {
			return nil, err
		}
		d[i] = child
		return d, nil
	case nil:
		return setPath(map[string]any{}, path, v)
	default:
		return nil, fmt.Errorf("%q is not an object", head)
	}
}
