package emulator

import (
	"fmt"
	"strings"
)

// The seed's resources that agent pools reference by ID: Compute groups,
// Network prefixes and security groups, node pool snapshots.

// SeedResource is a seeded capacity reservation group, dedicated host group,
// proximity placement group, public IP prefix or application security group.
type SeedResource struct {
	SubscriptionID string            `json:"subscriptionId"`
	ResourceGroup  string            `json:"resourceGroup"`
	Name           string            `json:"name"`
	Location       string            `json:"location"`
	Zones          []string          `json:"zones,omitempty"`
	Tags           map[string]string `json:"tags,omitempty"`
	// PlatformFaultDomainCount of a host group (default 1).
	PlatformFaultDomainCount int32 `json:"platformFaultDomainCount,omitempty"`
	// PrefixLength of a public IP prefix (default 28).
	PrefixLength int32 `json:"prefixLength,omitempty"`
}

// SeedSnapshot is a seeded Microsoft.ContainerService/snapshots NodePool
// snapshot: what it recorded of the pool it was taken from. Empty fields take
// Linux, Ubuntu, Standard_DS2_v2, the seed's default Kubernetes version and
// the seed's node image of the OS SKU.
type SeedSnapshot struct {
	SubscriptionID    string `json:"subscriptionId"`
	ResourceGroup     string `json:"resourceGroup"`
	Name              string `json:"name"`
	Location          string `json:"location"`
	OSType            string `json:"osType,omitempty"`
	OSSKU             string `json:"osSku,omitempty"`
	KubernetesVersion string `json:"kubernetesVersion,omitempty"`
	NodeImageVersion  string `json:"nodeImageVersion,omitempty"`
	VMSize            string `json:"vmSize,omitempty"`
	EnableFIPS        bool   `json:"enableFIPS,omitempty"`
	// SourceResourceID is the agent pool it was taken from (creationData); by
	// default a pool "nodepool1" of a cluster "aks-snapshot-source" in its resource group.
	SourceResourceID string `json:"sourceResourceId,omitempty"`
}

// demoResource is a built-in seeded resource in rg-aks-demo, eastus.
func demoResource(name string) SeedResource {
	return SeedResource{SubscriptionID: DefaultSubscriptionID, ResourceGroup: "rg-aks-demo", Name: name, Location: "eastus"}
}

func resourceKey(x SeedResource) string {
	return x.SubscriptionID + "/" + x.ResourceGroup + "/" + x.Name
}

// extendResources merges other's resources into out (a copy of s).
func (out *Seed) extendResources(s, other *Seed) {
	out.CapacityReservationGroups = mergeByKey(s.CapacityReservationGroups, other.CapacityReservationGroups, resourceKey)
	out.HostGroups = mergeByKey(s.HostGroups, other.HostGroups, resourceKey)
	out.ProximityPlacementGroups = mergeByKey(s.ProximityPlacementGroups, other.ProximityPlacementGroups, resourceKey)
	out.PublicIPPrefixes = mergeByKey(s.PublicIPPrefixes, other.PublicIPPrefixes, resourceKey)
	out.ApplicationSecurityGroups = mergeByKey(s.ApplicationSecurityGroups, other.ApplicationSecurityGroups, resourceKey)
	out.Snapshots = mergeByKey(s.Snapshots, other.Snapshots, func(x SeedSnapshot) string {
		return x.SubscriptionID + "/" + x.ResourceGroup + "/" + x.Name
	})
}

// validateResources: every seeded resource has a name and a location, in a seeded resource group.
func (s *Seed) validateResources() error {
	check := func(what, sub, rg, name, location string) error {
		if name == "" || location == "" {
			return fmt.Errorf("%s %q: needs a name and a location", what, name)
		}
		for _, g := range s.ResourceGroups {
			if strings.EqualFold(g.SubscriptionID, sub) && strings.EqualFold(g.Name, rg) {
				return nil
			}
		}
		return fmt.Errorf("%s %q: resource group %q is not seeded", what, name, rg)
	}
	for what, list := range map[string][]SeedResource{
		"capacity reservation group": s.CapacityReservationGroups, "host group": s.HostGroups,
		"proximity placement group": s.ProximityPlacementGroups, "public IP prefix": s.PublicIPPrefixes,
		"application security group": s.ApplicationSecurityGroups,
	} {
		for _, r := range list {
			if err := check(what, r.SubscriptionID, r.ResourceGroup, r.Name, r.Location); err != nil {
				return err
			}
		}
	}
	for _, r := range s.Snapshots {
		if err := check("snapshot", r.SubscriptionID, r.ResourceGroup, r.Name, r.Location); err != nil {
			return err
		}
	}
	return nil
}

// seedResources adds the seed's referenced resources to st.
func (s *Seed) seedResources(st *state) {
	put := func(armType string, r SeedResource, body []byte) {
		st.Resources[key(seedResourceID(armType, r))] = &storedResource{Type: armType, Body: body}
	}
	for _, r := range s.CapacityReservationGroups {
		put(crgType, r, seedComputeGroup(crgType, r))
	}
	for _, r := range s.HostGroups {
		put(hostGrpType, r, seedComputeGroup(hostGrpType, r))
	}
	for _, r := range s.ProximityPlacementGroups {
		put(ppgType, r, seedComputeGroup(ppgType, r))
	}
	for i, r := range s.PublicIPPrefixes {
		put(ipPrefixType, r, seedPublicIPPrefix(r, i))
	}
	for _, r := range s.ApplicationSecurityGroups {
		put(asgType, r, seedApplicationSecurityGroup(r))
	}
	for _, r := range s.Snapshots {
		id := seedResourceID(snapshotType, SeedResource{SubscriptionID: r.SubscriptionID, ResourceGroup: r.ResourceGroup, Name: r.Name})
		st.Resources[key(id)] = &storedResource{Type: snapshotType, Body: s.seedSnapshot(id, r)}
	}
}

// defaultVersion is the seed's default Kubernetes version.
func (s *Seed) defaultVersion() string {
	for _, v := range s.KubernetesVersions {
		if v.IsDefault {
			return v.Version
		}
	}
	return ""
}

// nodeImage is the seed's node image of an OS SKU (any case).
func (s *Seed) nodeImage(osSKU string) string {
	for k, v := range s.NodeImages {
		if strings.EqualFold(k, osSKU) {
			return v
		}
	}
	return ""
}
