package emulator

import (
	"fmt"
	"net/http"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Version answers: the location's Kubernetes versions, the cluster's and the
// pools' upgrade profiles, and the versions a new pool may run.

// handleKubernetesVersions answers GET .../locations/{location}/kubernetesVersions.
// An unknown location is refused as ARM refuses a location-scoped request no provider serves
// there. Unverified: the code NoRegisteredProviderFound, status 400 and the message's wording are
// ARM's usual answer for a location a resource type is not registered in (seen in public CI logs),
// not confirmed for this resource type by Microsoft's docs or the REST spec.
func (s *Server) handleKubernetesVersions(q *request) {
	if loc := q.param("location"); !knownLocation(loc) {
		writeError(q, http.StatusBadRequest, "NoRegisteredProviderFound",
			fmt.Sprintf("No registered resource provider found for location '%s' and API version '%s' for type 'locations/kubernetesVersions'. The supported locations are '%s'.",
				loc, q.apiVersion, locationNames()), "")
		return
	}
	type minorGroup struct {
		minor   string
		patches []SeedKubernetesVersion
	}
	var groups []*minorGroup
	for _, kv := range s.db.catalogue() {
		p, _ := parseVersion(kv.Version)
		m := fmt.Sprintf("%d.%d", p[0], p[1])
		if len(groups) == 0 || groups[len(groups)-1].minor != m {
			groups = append(groups, &minorGroup{minor: m})
		}
		g := groups[len(groups)-1]
		g.patches = append(g.patches, kv)
	}
	result := armcontainerservice.KubernetesVersionListResult{Values: []*armcontainerservice.KubernetesVersion{}}
	for _, g := range groups {
		kv := &armcontainerservice.KubernetesVersion{
			Version:       to.Ptr(g.minor),
			PatchVersions: map[string]*armcontainerservice.KubernetesPatchVersion{},
			Capabilities: &armcontainerservice.KubernetesVersionCapabilities{
				SupportPlan: []*armcontainerservice.KubernetesSupportPlan{to.Ptr(armcontainerservice.KubernetesSupportPlanKubernetesOfficial)},
			},
		}
		allPreview, lts := true, false
		for _, p := range g.patches {
			if p.IsDefault {
				kv.IsDefault = to.Ptr(true)
			}
			allPreview = allPreview && p.IsPreview
			lts = lts || p.LTS
			upgrades := []*string{}
			for _, u := range s.db.upgradesFrom(p.Version) {
				upgrades = append(upgrades, to.Ptr(u.Version))
			}
			kv.PatchVersions[p.Version] = &armcontainerservice.KubernetesPatchVersion{Upgrades: upgrades}
		}
		if allPreview {
			kv.IsPreview = to.Ptr(true)
		}
		if lts {
			kv.Capabilities.SupportPlan = append(kv.Capabilities.SupportPlan, to.Ptr(armcontainerservice.KubernetesSupportPlanAKSLongTermSupport))
		}
		result.Values = append(result.Values, kv)
	}
	writeJSON(q, http.StatusOK, result)
}

func (s *Server) handleClusterUpgradeProfile(q *request) {
	s.db.mu.Lock()
	s.db.settle(time.Now())
	c := s.requireCluster(q)
	if c == nil {
		s.db.mu.Unlock()
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
	for _, u := range s.db.upgradesFrom(current) {
		item := &armcontainerservice.ManagedClusterPoolUpgradeProfileUpgradesItem{KubernetesVersion: to.Ptr(u.Version)}
		if u.IsPreview {
			item.IsPreview = to.Ptr(true)
		}
		profile.Properties.ControlPlaneProfile.Upgrades = append(profile.Properties.ControlPlaneProfile.Upgrades, item)
	}
	for _, p := range s.db.poolsOf(deref(c.Cluster.ID)) {
		pv := deref(p.Pool.Properties.CurrentOrchestratorVersion)
		pp := &armcontainerservice.ManagedClusterPoolUpgradeProfile{
			Name: p.Pool.Name, KubernetesVersion: to.Ptr(pv), OSType: p.Pool.Properties.OSType,
			Upgrades: []*armcontainerservice.ManagedClusterPoolUpgradeProfileUpgradesItem{},
		}
		if pp.OSType == nil {
			pp.OSType = to.Ptr(armcontainerservice.OSTypeLinux)
		}
		for _, v := range s.db.poolUpgrades(pv, cp) {
			item := &armcontainerservice.ManagedClusterPoolUpgradeProfileUpgradesItem{KubernetesVersion: to.Ptr(v.Version)}
			if v.IsPreview {
				item.IsPreview = to.Ptr(true)
			}
			pp.Upgrades = append(pp.Upgrades, item)
		}
		profile.Properties.AgentPoolProfiles = append(profile.Properties.AgentPoolProfiles, pp)
	}
	s.db.mu.Unlock()
	writeJSON(q, http.StatusOK, profile)
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
	s.db.mu.Lock()
	c := s.requireCluster(q)
	if c == nil {
		s.db.mu.Unlock()
		return
	}
	current := deref(c.Cluster.Properties.CurrentKubernetesVersion)
	id := deref(c.Cluster.ID)
	s.db.mu.Unlock()
	cp, _ := parseVersion(current)
	out := armcontainerservice.AgentPoolAvailableVersions{
		ID:         to.Ptr(id + "/availableagentpoolversions"),
		Name:       to.Ptr("default"),
		Type:       to.Ptr("Microsoft.ContainerService/managedClusters/availableAgentpoolVersions"),
		Properties: &armcontainerservice.AgentPoolAvailableVersionsProperties{AgentPoolVersions: []*armcontainerservice.AgentPoolAvailableVersionsPropertiesAgentPoolVersionsItem{}},
	}
	for _, kv := range s.db.catalogue() {
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

func (s *Server) handlePoolUpgradeProfile(q *request) {
	s.db.mu.Lock()
	s.db.settle(time.Now())
	c, p := s.requirePool(q)
	if p == nil {
		s.db.mu.Unlock()
		return
	}
	cp, _ := parseVersion(deref(c.Cluster.Properties.CurrentKubernetesVersion))
	pv := deref(p.Pool.Properties.CurrentOrchestratorVersion)
	osType := p.Pool.Properties.OSType
	if osType == nil {
		osType = to.Ptr(armcontainerservice.OSTypeLinux)
	}
	out := armcontainerservice.AgentPoolUpgradeProfile{
		ID:   to.Ptr(deref(p.Pool.ID) + "/upgradeProfiles/default"),
		Name: to.Ptr("default"),
		Type: to.Ptr("Microsoft.ContainerService/managedClusters/agentPools/upgradeProfiles"),
		Properties: &armcontainerservice.AgentPoolUpgradeProfileProperties{
			KubernetesVersion:      to.Ptr(pv),
			OSType:                 osType,
			LatestNodeImageVersion: to.Ptr(s.db.latestNodeImage(string(*osType), string(deref(p.Pool.Properties.OSSKU)))),
			Upgrades:               []*armcontainerservice.AgentPoolUpgradeProfilePropertiesUpgradesItem{},
		},
	}
	for _, v := range s.db.poolUpgrades(pv, cp) {
		item := &armcontainerservice.AgentPoolUpgradeProfilePropertiesUpgradesItem{KubernetesVersion: to.Ptr(v.Version)}
		if v.IsPreview {
			item.IsPreview = to.Ptr(true)
		}
		out.Properties.Upgrades = append(out.Properties.Upgrades, item)
	}
	s.db.mu.Unlock()
	writeJSON(q, http.StatusOK, out)
}
