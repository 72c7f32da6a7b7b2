package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func profile(name string, edit func(*armcontainerservice.ManagedClusterAgentPoolProfile)) *armcontainerservice.ManagedClusterAgentPoolProfile {
	p := &armcontainerservice.ManagedClusterAgentPoolProfile{Name: to(name), Mode: to(armcontainerservice.AgentPoolModeUser)}
	if edit != nil {
		edit(p)
	}
	return p
}

// Each case shapes a create request, defaults it and checks it, as the core does.
func TestCheckManagedClusterCreate(t *testing.T) {
	sysProfile := func(edit func(*armcontainerservice.ManagedClusterAgentPoolProfile)) *armcontainerservice.ManagedClusterAgentPoolProfile {
		p := profile("system", edit)
		p.Mode = to(armcontainerservice.AgentPoolModeSystem)
		return p
	}
	tests := []struct {
		name    string
		edit    func(*armcontainerservice.ManagedCluster)
		code    string
		message string
	}{
		{"defaults only", nil, "", ""},
		{"several pools at the control plane version", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to("1.32")
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, profile("user", func(p *armcontainerservice.ManagedClusterAgentPoolProfile) {
				p.OrchestratorVersion = to("1.32.7")
			}))
		}, "", ""},
		{"service principal instead of identity", func(mc *armcontainerservice.ManagedCluster) {
			mc.Identity = nil
			mc.Properties.ServicePrincipalProfile = &armcontainerservice.ManagedClusterServicePrincipalProfile{ClientID: to("clientid"), Secret: to("secret")}
		}, "", ""},
		{"custom subnets in one vnet", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = []*armcontainerservice.ManagedClusterAgentPoolProfile{
				sysProfile(func(p *armcontainerservice.ManagedClusterAgentPoolProfile) { p.VnetSubnetID = to(snetSystem) }),
				profile("user", func(p *armcontainerservice.ManagedClusterAgentPoolProfile) { p.VnetSubnetID = to(snetUser) }),
			}
		}, "", ""},
		{"reserved name", func(mc *armcontainerservice.ManagedCluster) { mc.Name = to("azure") }, codeReservedResourceName, "trademarked or reserved word"},
		{"no identity", func(mc *armcontainerservice.ManagedCluster) { mc.Identity = nil }, codeInvalidParameter, "The managed cluster needs an identity"},
		{"two user-assigned identities", func(mc *armcontainerservice.ManagedCluster) {
			mc.Identity = &armcontainerservice.ManagedClusterIdentity{
				Type: to(armcontainerservice.ResourceIdentityTypeUserAssigned),
				UserAssignedIdentities: map[string]*armcontainerservice.ManagedServiceIdentityUserAssignedIdentitiesValue{
					"/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a": {},
					"/subscriptions/s/resourceGroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/b": {},
				},
			}
		}, codeInvalidParameter, "requires exactly one user-assigned identity"},
		{"bad dns prefix", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.DNSPrefix = to("-bad") }, codeInvalidParameter, "The DNS prefix '-bad' is invalid"},
		{"version not offered", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.25.6") }, codeK8sVersionNotSupported, "Version 1.25.6 is not supported in this region"},
		{"no pools", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.AgentPoolProfiles = nil }, codeInvalidParameter, "Required parameter agentPoolProfiles is missing (null)."},
		{"duplicate pool names", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, sysProfile(nil))
		}, codeInvalidParameter, "is used more than once"},
		{"no system pool", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = []*armcontainerservice.ManagedClusterAgentPoolProfile{profile("user", nil)}
		}, codeMustDefineSystemPool, "Must define at least one system pool."},
		{"pool version differs from the control plane", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, profile("user", func(p *armcontainerservice.ManagedClusterAgentPoolProfile) {
				p.OrchestratorVersion = to("1.32.7")
			}))
		}, codeInvalidParameter, "agent pool 'user' has orchestratorVersion 1.32.7, the control plane 1.33.3"},
		{"windows pool without windows profile", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, profile("win1", func(p *armcontainerservice.ManagedClusterAgentPoolProfile) {
				p.OSType = to(armcontainerservice.OSTypeWindows)
			}))
		}, codeWindowsProfileMissing, "Windows profile definition is missing for the cluster."},
		{"inline pool rules apply", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[0].VMSize = to("Standard_Unknown")
		}, codeInvalidParameter, "The requested VM size Standard_Unknown is not available"},
		{"mixed subnets between inline pools", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = []*armcontainerservice.ManagedClusterAgentPoolProfile{
				sysProfile(func(p *armcontainerservice.ManagedClusterAgentPoolProfile) { p.VnetSubnetID = to(snetSystem) }),
				profile("user", func(p *armcontainerservice.ManagedClusterAgentPoolProfile) { p.VnetSubnetID = to(snetOther) }),
			}
		}, codeInvalidParameter, "must belong to the same virtual network"},
		{"two pools on a basic load balancer", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{LoadBalancerSKU: to(armcontainerservice.LoadBalancerSKUBasic)}
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, profile("user", nil))
		}, codeInvalidParameter, "Multiple agent pools require the Standard load balancer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mc := newCluster(t, tt.edit)
			wantError(t, CheckManagedClusterCreate(testWorld(), mc), tt.code, tt.message)
		})
	}
}

func TestCheckManagedClusterUpdate(t *testing.T) {
	stored := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.KubernetesVersion = to("1.32.7")
		mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, profile("user", nil))
	})
	w := worldWith(stored)
	// getModel is the cluster as GET shows it, with its pools as profiles.
	getModel := func() *armcontainerservice.ManagedCluster {
		mc := *stored
		props := *stored.Properties
		props.AgentPoolProfiles = nil
		for _, ap := range w.Pools {
			props.AgentPoolProfiles = append(props.AgentPoolProfiles, AgentPoolToProfile(ap))
		}
		mc.Properties = &props
		return &mc
	}
	tests := []struct {
		name    string
		edit    func(*armcontainerservice.ManagedCluster)
		code    string
		message string
	}{
		{"GET→PUT round trip", func(*armcontainerservice.ManagedCluster) {}, "", ""},
		{"tags only, no profiles", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = nil
			mc.Tags = map[string]*string{"env": to("prod")}
		}, "", ""},
		{"profiles without versions, one pool omitted", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = []*armcontainerservice.ManagedClusterAgentPoolProfile{{Name: to("system"), Count: to[int32](1)}}
		}, "", ""},
		{"profiles with read-only fields only differing", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[0].NodeImageVersion = to("something-else")
			mc.Properties.AgentPoolProfiles[0].ProvisioningState = to("Updating")
		}, "", ""},
		{"upgrade with every pool to the control plane", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to("1.33.3")
			for _, p := range mc.Properties.AgentPoolProfiles {
				p.OrchestratorVersion = to("1.33.3")
			}
		}, "", ""},
		{"control plane only upgrade", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to("1.33")
			mc.Properties.AgentPoolProfiles = nil
		}, "", ""},
		{"skip a minor", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to("1.34.0")
			mc.Properties.AgentPoolProfiles = nil
		}, codeOperationNotAllowed, "Upgrading Kubernetes version 1.32.7 to 1.34.0 is not allowed. Available upgrades: [1.33.3 1.33.2]."},
		{"downgrade", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to("1.31.11")
			mc.Properties.AgentPoolProfiles = nil
		}, codeOperationNotAllowed, "Upgrading Kubernetes version 1.32.7 to 1.31.11 is not allowed"},
		{"version not offered", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to("1.33.7")
			mc.Properties.AgentPoolProfiles = nil
		}, codeK8sVersionNotSupported, "Version 1.33.7 is not supported in this region"},
		{"pool change through the cluster", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[1].Count = to[int32](5)
		}, codeOperationNotAllowed, "Node pool update via managed cluster not allowed. Use per nodepool operations."},
		{"pool added through the cluster", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, profile("extra", nil))
		}, codeOperationNotAllowed, "Adding agent pools to an existing cluster is not allowed through managed cluster operations"},
		{"versions of some pools only", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[1].OrchestratorVersion = nil
		}, codeVersionsNotAllSpecified, "all Agent pools' OrchestratorVersion must be all specified or all unspecified"},
		{"version of an omitted pool's sibling", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = mc.Properties.AgentPoolProfiles[:1]
		}, codeVersionsNotAllSpecified, "must be all specified or all unspecified"},
		{"pool version changed to another than the control plane", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[1].OrchestratorVersion = to("1.31.11")
		}, codeVersionsNotAllSpecified, "If all specified, they must be stay unchanged or the same with control plane"},
		{"dnsPrefix change", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.DNSPrefix = to("other") }, codePropertyChangeNotAllowed, "Changing property 'dnsPrefix' is not allowed."},
		{"service CIDR change", func(mc *armcontainerservice.ManagedCluster) {
			np := *mc.Properties.NetworkProfile
			np.ServiceCidr = to("10.1.0.0/16")
			mc.Properties.NetworkProfile = &np
		}, codePropertyChangeNotAllowed, "Changing property 'networkProfile.serviceCidr' is not allowed."},
		{"windows profile added", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to("azureuser")}
		}, codePropertyChangeNotAllowed, "Changing property 'windowsProfile' is not allowed."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mc := getModel()
			tt.edit(mc)
			DefaultManagedCluster(w, stored, mc)
			wantError(t, CheckManagedClusterUpdate(w, stored, mc), tt.code, tt.message)
		})
	}
}

func TestCheckManagedClusterUpdateKeepsPoolsWithinSkew(t *testing.T) {
	stored := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.32.7") })
	w := worldWith(stored)
	w.Pools = append(w.Pools, createdPool(t, w, "old", func(p *poolProperties) { p.OrchestratorVersion = to("1.29.15") }))
	mc := &armcontainerservice.ManagedCluster{ID: stored.ID, Name: stored.Name, Location: stored.Location,
		Properties: &armcontainerservice.ManagedClusterProperties{KubernetesVersion: to("1.33.3")}}
	DefaultManagedCluster(w, stored, mc)
	wantError(t, CheckManagedClusterUpdate(w, stored, mc), codeNodePoolVersionMismatch,
		"Node pool version 1.29.15 and control plane version 1.33.3 are incompatible. Minor version of node pool cannot be more than 3 versions less")
}

func TestPoolsUpgradedByClusterUpdate(t *testing.T) {
	stored := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.32.7") })
	w := worldWith(stored)
	mc := &armcontainerservice.ManagedCluster{ID: stored.ID, Name: stored.Name, Location: stored.Location,
		Properties: &armcontainerservice.ManagedClusterProperties{
			KubernetesVersion: to("1.33.3"),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{Name: to("system"), OrchestratorVersion: to("1.33.3")}},
		}}
	DefaultManagedCluster(w, stored, mc)
	wantError(t, CheckManagedClusterUpdate(w, stored, mc), "", "")
	up := PoolsUpgradedByClusterUpdate(w, mc)
	if len(up) != 1 {
		t.Fatalf("want the system pool upgraded, got %d pools", len(up))
	}
	check(t, "name", deref(up[0].Name), "system")
	check(t, "orchestratorVersion", deref(up[0].Properties.OrchestratorVersion), "1.33.3")
	check(t, "currentOrchestratorVersion", deref(up[0].Properties.CurrentOrchestratorVersion), "1.33.3")
	check(t, "vmSize kept", deref(up[0].Properties.VMSize), "Standard_DS2_v2")
	check(t, "stored pool untouched", deref(w.Pools[0].Properties.CurrentOrchestratorVersion), "1.32.7")

	mc.Properties.AgentPoolProfiles[0].OrchestratorVersion = to("1.32.7")
	if got := PoolsUpgradedByClusterUpdate(w, mc); len(got) != 0 {
		t.Fatalf("an unchanged version upgrades nothing, got %d pools", len(got))
	}
}

func TestCheckListAdminCredentials(t *testing.T) {
	local := newCluster(t, nil)
	wantError(t, CheckListAdminCredentials(local), "", "")
	disabled := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.DisableLocalAccounts = to(true) })
	wantError(t, CheckListAdminCredentials(disabled), codeBadRequest,
		"Getting static credential isn't allowed because this cluster is set to disable local accounts.")
}
