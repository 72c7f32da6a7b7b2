package aksrules

import (
	"net/http"
	"reflect"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Texts of AKS's answers to pool changes through the managedClusters API:
// azurerm#3549 ("Node pool update via managed cluster not allowed…"),
// pulumi azure-native#579 ("Adding agent pools…"), and
// NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged (Azure/azure-cli#22807).
const (
	msgPoolUpdateViaCluster = "Node pool update via managed cluster not allowed. Use per nodepool operations."
	msgPoolAddViaCluster    = "Adding agent pools to an existing cluster is not allowed through managed cluster operations. Agent pool '%s' doesn't exist; use per agent pool operations: https://aka.ms/agent-pool-rest-api"
	msgVersionsNotAllSet    = "Using managed cluster api, all Agent pools' OrchestratorVersion must be all specified or all unspecified. If all specified, they must be stay unchanged or the same with control plane. For agent pool specific change, please use per agent pool operations: https://aka.ms/agent-pool-rest-api"
)

func clusterName(mc *armcontainerservice.ManagedCluster) string {
	if isSet(mc.Name) {
		return *mc.Name
	}
	if isSet(mc.ID) {
		return (*mc.ID)[strings.LastIndex(*mc.ID, "/")+1:]
	}
	return ""
}

// checkManagedClusterCreate runs the cluster rules, then every inline pool's
// rules (each pool sees the cluster being created and the pools before it).
func checkManagedClusterCreate(w World, mc *armcontainerservice.ManagedCluster) *Error {
	if mc == nil || mc.Properties == nil {
		return missingProperties("managed cluster")
	}
	props := mc.Properties
	if err := firstError(
		checkClusterName(clusterName(mc)),
		checkClusterIdentity(mc),
		checkDNSPrefix(props.DNSPrefix),
		checkClusterVersionOffered(w, deref(props.KubernetesVersion)),
		checkAgentPoolProfilesPresent(props.AgentPoolProfiles),
		checkUniquePoolNames(props.AgentPoolProfiles),
		checkClusterHasSystemPool(props.AgentPoolProfiles),
		checkInlinePoolVersions(w, props),
		checkServiceCIDROutsideSubnets(w, props),
	); err != nil {
		return err
	}
	inline := w
	inline.Cluster = mc
	inline.Pools = nil
	for _, prof := range props.AgentPoolProfiles {
		ap := profileToAgentPool(deref(mc.ID), prof)
		if err := checkNewPool(inline, deref(prof.Name), ap.Properties, inline.Pools); err != nil {
			return err
		}
		inline.Pools = append(inline.Pools, ap)
	}
	return nil
}

// checkManagedClusterUpdate runs the rules for a PUT over the stored cluster;
// mc has been through DefaultManagedCluster, so unset properties hold the
// stored values. w.Pools are the cluster's stored pools.
func checkManagedClusterUpdate(w World, old, mc *armcontainerservice.ManagedCluster) *Error {
	if mc == nil || mc.Properties == nil {
		return missingProperties("managed cluster")
	}
	if old == nil || old.Properties == nil {
		return checkManagedClusterCreate(w, mc)
	}
	current := controlPlaneVersion(w, old)
	next := current
	changed := versionTextChanged(old.Properties.KubernetesVersion, mc.Properties.KubernetesVersion)
	if changed {
		next = resolvedOrSelf(w, *mc.Properties.KubernetesVersion)
	}
	if err := checkImmutableClusterProperties(old.Properties, mc.Properties); err != nil {
		return err
	}
	if changed {
		if err := firstError(
			checkClusterVersionOffered(w, *mc.Properties.KubernetesVersion),
			checkControlPlaneUpgrade(w, current, next),
			checkPoolsKeepUpWith(w, next),
		); err != nil {
			return err
		}
	}
	return checkInlineProfilesOnUpdate(w, mc)
}

// checkClusterIdentity: a cluster needs a managed identity or a service
// principal; a user-assigned control-plane identity is exactly one.
// Unverified texts; the code is AKS's usual InvalidParameter.
func checkClusterIdentity(mc *armcontainerservice.ManagedCluster) *Error {
	id := mc.Identity
	managed := id != nil && (equalFoldPtr(id.Type, armcontainerservice.ResourceIdentityTypeSystemAssigned) ||
		equalFoldPtr(id.Type, armcontainerservice.ResourceIdentityTypeUserAssigned))
	if managed && equalFoldPtr(id.Type, armcontainerservice.ResourceIdentityTypeUserAssigned) && len(id.UserAssignedIdentities) != 1 {
		return badRequest(codeInvalidParameter, "identity.userAssignedIdentities",
			"The identity type UserAssigned requires exactly one user-assigned identity for the cluster; got %d.", len(id.UserAssignedIdentities))
	}
	sp := mc.Properties.ServicePrincipalProfile
	if managed || (sp != nil && isSet(sp.ClientID)) {
		return nil
	}
	return badRequest(codeInvalidParameter, "identity",
		"The managed cluster needs an identity: set identity.type to SystemAssigned or UserAssigned, or give servicePrincipalProfile.clientId and secret.")
}

// checkAgentPoolProfilesPresent: a cluster is created with its pools; the text
// is AKS's (Azure/ARO-HCP#629).
func checkAgentPoolProfilesPresent(profiles []*armcontainerservice.ManagedClusterAgentPoolProfile) *Error {
	if len(profiles) > 0 {
		return nil
	}
	return badRequest(codeInvalidParameter, "agentPoolProfiles", "Required parameter agentPoolProfiles is missing (null).")
}

// checkUniquePoolNames: inline pool names are unique (case-insensitively, as
// ARM names are). Unverified text.
func checkUniquePoolNames(profiles []*armcontainerservice.ManagedClusterAgentPoolProfile) *Error {
	seen := map[string]bool{}
	for _, p := range profiles {
		if p == nil {
			return badRequest(codeInvalidParameter, "agentPoolProfiles", "An agent pool profile is empty.")
		}
		key := strings.ToLower(deref(p.Name))
		if seen[key] {
			return badRequest(codeInvalidParameter, "agentPoolProfiles",
				"The agent pool name '%s' is used more than once. Agent pool names must be unique within a cluster.", deref(p.Name))
		}
		seen[key] = true
	}
	return nil
}

// checkInlinePoolVersions: pools created with the cluster run the control
// plane's version (create-node-pools.md). Unverified text and code.
func checkInlinePoolVersions(w World, props *armcontainerservice.ManagedClusterProperties) *Error {
	controlPlane := resolvedOrSelf(w, deref(props.KubernetesVersion))
	for _, p := range props.AgentPoolProfiles {
		if p == nil || !isSet(p.OrchestratorVersion) {
			continue
		}
		if v := resolvedOrSelf(w, *p.OrchestratorVersion); v.major != 0 && compareVersions(v, controlPlane) != 0 {
			return badRequest(codeInvalidParameter, "orchestratorVersion",
				"When creating a cluster with agent pools, the agent pools' Kubernetes version must match the control plane's: agent pool '%s' has orchestratorVersion %s, the control plane %s.",
				deref(p.Name), *p.OrchestratorVersion, controlPlane)
		}
	}
	return nil
}

// checkPoolsKeepUpWith: a control-plane upgrade can't leave a pool more than
// maxNodePoolMinorsBehind minors behind.
func checkPoolsKeepUpWith(w World, next kubeVersion) *Error {
	for _, ap := range w.Pools {
		if ap == nil || ap.Properties == nil {
			continue
		}
		v := resolvedOrSelf(w, deref(ap.Properties.CurrentOrchestratorVersion))
		if v.major == 0 {
			v = resolvedOrSelf(w, deref(ap.Properties.OrchestratorVersion))
		}
		if minorsBetween(v, next) > maxNodePoolMinorsBehind {
			return checkPoolVersionSkew(v, next)
		}
	}
	return nil
}

// immutableClusterProperties can't change once the cluster exists.
var immutableClusterProperties = []struct {
	name string
	get  func(*armcontainerservice.ManagedClusterProperties) any
}{
	{"dnsPrefix", func(p *armcontainerservice.ManagedClusterProperties) any { return p.DNSPrefix }},
	{"fqdnSubdomain", func(p *armcontainerservice.ManagedClusterProperties) any { return p.FqdnSubdomain }},
	{"nodeResourceGroup", func(p *armcontainerservice.ManagedClusterProperties) any { return p.NodeResourceGroup }},
	{"networkProfile.serviceCidr", func(p *armcontainerservice.ManagedClusterProperties) any {
		if p.NetworkProfile == nil {
			return nil
		}
		return p.NetworkProfile.ServiceCidr
	}},
	{"networkProfile.dnsServiceIP", func(p *armcontainerservice.ManagedClusterProperties) any {
		if p.NetworkProfile == nil {
			return nil
		}
		return p.NetworkProfile.DNSServiceIP
	}},
}

// checkImmutableClusterProperties: the properties above can't change, and a
// cluster created without a windowsProfile can't gain one ("You can't enable
// Windows support on a cluster that was created without it",
// create-node-pools.md).
func checkImmutableClusterProperties(old, p *armcontainerservice.ManagedClusterProperties) *Error {
	for _, prop := range immutableClusterProperties {
		if !sameValue(reflect.ValueOf(prop.get(old)), reflect.ValueOf(prop.get(p))) {
			return propertyChangeNotAllowed(prop.name)
		}
	}
	if old.WindowsProfile == nil && p.WindowsProfile != nil {
		return propertyChangeNotAllowed("windowsProfile")
	}
	return nil
}

// checkInlineProfilesOnUpdate judges a cluster PUT's agentPoolProfiles
// against the stored pools: profiles may be omitted (pools are kept: AKS
// doesn't delete pools missing from a cluster PUT, see Azure/ARO-HCP#662,
// where only the version rule fired) but not added; a profile may differ
// from its pool only in read-only fields; and orchestrator versions are all
// specified (for every pool) or none, each unchanged or equal to the control
// plane's (the upgrade `az aks upgrade` sends).
func checkInlineProfilesOnUpdate(w World, mc *armcontainerservice.ManagedCluster) *Error {
	profiles := mc.Properties.AgentPoolProfiles
	if len(profiles) == 0 {
		return nil
	}
	stored := map[string]*armcontainerservice.AgentPool{}
	for _, ap := range w.Pools {
		if ap != nil {
			stored[strings.ToLower(poolName(ap))] = ap
		}
	}
	if err := checkUniquePoolNames(profiles); err != nil {
		return err
	}
	specified := 0
	for _, prof := range profiles {
		if _, ok := stored[strings.ToLower(deref(prof.Name))]; !ok {
			return badRequest(codeOperationNotAllowed, "agentPoolProfiles", msgPoolAddViaCluster, deref(prof.Name))
		}
		if isSet(prof.OrchestratorVersion) {
			specified++
		}
	}
	versionsRefused := &Error{Status: http.StatusBadRequest, Code: codeVersionsNotAllSpecified, Target: "agentPoolProfiles", Message: msgVersionsNotAllSet}
	if specified > 0 && specified != len(stored) {
		return versionsRefused
	}
	controlPlaneText := deref(mc.Properties.KubernetesVersion)
	controlPlane := resolvedOrSelf(w, controlPlaneText)
	for _, prof := range profiles {
		pool := stored[strings.ToLower(deref(prof.Name))]
		if specified > 0 {
			v := *prof.OrchestratorVersion
			unchanged := strings.EqualFold(v, deref(pool.Properties.OrchestratorVersion))
			sameAsControlPlane := strings.EqualFold(v, controlPlaneText) || compareVersions(resolvedOrSelf(w, v), controlPlane) == 0
			if !unchanged && !sameAsControlPlane {
				return versionsRefused
			}
		}
		if len(changedProfileFields(agentPoolToProfile(pool), prof, "OrchestratorVersion")) > 0 {
			return badRequest(codeOperationNotAllowed, "agentPoolProfiles", msgPoolUpdateViaCluster)
		}
	}
	return nil
}

// PoolsUpgradedByClusterUpdate returns, for a cluster PUT that passed
// CheckManagedClusterUpdate, updated copies of the stored pools whose
// orchestratorVersion the PUT changed (only to the control plane's version:
// the `az aks upgrade` shape), with their current version and node image
// recomputed. Pools the PUT doesn't change are not returned.
func PoolsUpgradedByClusterUpdate(w World, mc *armcontainerservice.ManagedCluster) []*armcontainerservice.AgentPool {
	if mc == nil || mc.Properties == nil {
		return nil
	}
	var out []*armcontainerservice.AgentPool
	for _, prof := range mc.Properties.AgentPoolProfiles {
		if prof == nil || !isSet(prof.OrchestratorVersion) {
			continue
		}
		for _, ap := range w.Pools {
			if ap == nil || ap.Properties == nil || !strings.EqualFold(poolName(ap), deref(prof.Name)) ||
				!versionTextChanged(ap.Properties.OrchestratorVersion, prof.OrchestratorVersion) {
				continue
			}
			props := *ap.Properties
			upgraded := *ap
			upgraded.Properties = &props
			update := &armcontainerservice.AgentPool{Name: ap.Name, ID: ap.ID, Type: ap.Type,
				Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{OrchestratorVersion: prof.OrchestratorVersion}}
			DefaultAgentPool(w, &upgraded, update)
			out = append(out, update)
		}
	}
	return out
}

// CheckListAdminCredentials: clusters with local accounts disabled don't hand
// out admin credentials (local-accounts.md). The code is unverified: AKS
// documents "Bad Request" and the text.
func CheckListAdminCredentials(mc *armcontainerservice.ManagedCluster) *Error {
	if mc == nil || mc.Properties == nil || !deref(mc.Properties.DisableLocalAccounts) {
		return nil
	}
	return badRequest(codeBadRequest, "",
		"Getting static credential isn't allowed because this cluster is set to disable local accounts.")
}
