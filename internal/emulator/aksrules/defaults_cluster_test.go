package aksrules

import (
	"regexp"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestDefaultManagedClusterOnCreate(t *testing.T) {
	mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.OidcIssuerProfile = &armcontainerservice.ManagedClusterOIDCIssuerProfile{Enabled: to(true)}
	})
	p := mc.Properties
	check(t, "kubernetesVersion", deref(p.KubernetesVersion), "1.33.3")
	check(t, "currentKubernetesVersion", deref(p.CurrentKubernetesVersion), "1.33.3")
	check(t, "sku", string(deref(mc.SKU.Name))+"/"+string(deref(mc.SKU.Tier)), "Base/Free")
	check(t, "nodeResourceGroup", deref(p.NodeResourceGroup), "MC_rg-aks-demo_demo_eastus")
	if !regexp.MustCompile(`^demo-[0-9a-f]{8}\.hcp\.eastus\.azmk8s\.io$`).MatchString(deref(p.Fqdn)) {
		t.Errorf("fqdn = %q", deref(p.Fqdn))
	}
	if !regexp.MustCompile(`^demo-[0-9a-f]{8}\.portal\.hcp\.eastus\.azmk8s\.io$`).MatchString(deref(p.AzurePortalFQDN)) {
		t.Errorf("azurePortalFQDN = %q", deref(p.AzurePortalFQDN))
	}
	if p.PrivateFQDN != nil {
		t.Errorf("public cluster got privateFQDN %q", *p.PrivateFQDN)
	}
	np := p.NetworkProfile
	check(t, "networkPlugin", deref(np.NetworkPlugin), armcontainerservice.NetworkPluginAzure)
	check(t, "networkPluginMode", deref(np.NetworkPluginMode), armcontainerservice.NetworkPluginModeOverlay)
	check(t, "podCidr", deref(np.PodCidr), "10.244.0.0/16")
	check(t, "serviceCidr", deref(np.ServiceCidr), "10.0.0.0/16")
	check(t, "dnsServiceIP", deref(np.DNSServiceIP), "10.0.0.10")
	check(t, "loadBalancerSku", deref(np.LoadBalancerSKU), armcontainerservice.LoadBalancerSKUStandard)
	check(t, "outboundType", deref(np.OutboundType), armcontainerservice.OutboundTypeLoadBalancer)
	check(t, "podCidrs", len(np.PodCidrs), 1)
	check(t, "serviceCidrs", len(np.ServiceCidrs), 1)
	check(t, "ipFamilies", deref(np.IPFamilies[0]), armcontainerservice.IPFamilyIPv4)
	check(t, "managed outbound IPs", deref(np.LoadBalancerProfile.ManagedOutboundIPs.Count), 1)
	check(t, "effective outbound IPs", len(np.LoadBalancerProfile.EffectiveOutboundIPs), 1)
	if !regexp.MustCompile(`^/subscriptions/` + testSub + `/resourceGroups/MC_rg-aks-demo_demo_eastus/providers/Microsoft.Network/publicIPAddresses/`).
		MatchString(deref(np.LoadBalancerProfile.EffectiveOutboundIPs[0].ID)) {
		t.Errorf("effective outbound IP = %q", deref(np.LoadBalancerProfile.EffectiveOutboundIPs[0].ID))
	}
	check(t, "principalId is a UUID", uuidPattern.MatchString(deref(mc.Identity.PrincipalID)), true)
	check(t, "tenantId", deref(mc.Identity.TenantID), defaultTenantID)
	check(t, "kubelet identity", deref(p.IdentityProfile["kubeletidentity"].ResourceID),
		"/subscriptions/"+testSub+"/resourcegroups/MC_rg-aks-demo_demo_eastus/providers/Microsoft.ManagedIdentity/userAssignedIdentities/demo-agentpool")
	check(t, "servicePrincipalProfile", deref(p.ServicePrincipalProfile.ClientID), "msi")
	check(t, "oidc issuer", regexp.MustCompile(`^https://eastus\.oic\.prod-aks\.azure\.com/`+defaultTenantID+`/[0-9a-f-]{36}/$`).MatchString(deref(p.OidcIssuerProfile.IssuerURL)), true)
	check(t, "powerState", deref(p.PowerState.Code), armcontainerservice.CodeRunning)
	check(t, "maxAgentPools", deref(p.MaxAgentPools), 100)
	check(t, "enableRBAC", deref(p.EnableRBAC), true)
	pool := p.AgentPoolProfiles[0]
	check(t, "inline pool orchestratorVersion", deref(pool.OrchestratorVersion), "1.33.3")
	check(t, "inline pool maxPods", deref(pool.MaxPods), 250)
	check(t, "inline pool mode", deref(pool.Mode), armcontainerservice.AgentPoolModeSystem)

	again := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.OidcIssuerProfile = &armcontainerservice.ManagedClusterOIDCIssuerProfile{Enabled: to(true)}
	})
	check(t, "fqdn is deterministic", deref(again.Properties.Fqdn), deref(p.Fqdn))
	check(t, "principalId is deterministic", deref(again.Identity.PrincipalID), deref(mc.Identity.PrincipalID))
}

func TestDefaultManagedClusterVariants(t *testing.T) {
	t.Run("dns prefix from name, group and subscription", func(t *testing.T) {
		mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.DNSPrefix = nil })
		check(t, "dnsPrefix", deref(mc.Properties.DNSPrefix), "demo-rg-aks-demo-000000")
		wantError(t, checkDNSPrefix(mc.Properties.DNSPrefix), "", "")
	})
	t.Run("version alias", func(t *testing.T) {
		mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.32") })
		check(t, "kubernetesVersion", deref(mc.Properties.KubernetesVersion), "1.32")
		check(t, "currentKubernetesVersion", deref(mc.Properties.CurrentKubernetesVersion), "1.32.7")
		check(t, "pool currentOrchestratorVersion", deref(mc.Properties.AgentPoolProfiles[0].CurrentOrchestratorVersion), "1.32.7")
	})
	t.Run("kubenet gets a pod CIDR, legacy Azure CNI none", func(t *testing.T) {
		kubenet := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{NetworkPlugin: to(armcontainerservice.NetworkPluginKubenet)}
		})
		check(t, "kubenet podCidr", deref(kubenet.Properties.NetworkProfile.PodCidr), "10.244.0.0/16")
		check(t, "kubenet maxPods", deref(kubenet.Properties.AgentPoolProfiles[0].MaxPods), 110)
		legacy := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{NetworkPlugin: to(armcontainerservice.NetworkPluginAzure)}
		})
		if legacy.Properties.NetworkProfile.PodCidr != nil {
			t.Errorf("legacy Azure CNI got podCidr %q", *legacy.Properties.NetworkProfile.PodCidr)
		}
		check(t, "legacy maxPods", deref(legacy.Properties.AgentPoolProfiles[0].MaxPods), 30)
	})
	t.Run("private cluster", func(t *testing.T) {
		mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.APIServerAccessProfile = &armcontainerservice.ManagedClusterAPIServerAccessProfile{EnablePrivateCluster: to(true)}
		})
		if !regexp.MustCompile(`^demo-[0-9a-f]{8}\.[0-9a-f-]{36}\.privatelink\.eastus\.azmk8s\.io$`).MatchString(deref(mc.Properties.PrivateFQDN)) {
			t.Errorf("privateFQDN = %q", deref(mc.Properties.PrivateFQDN))
		}
	})
	t.Run("user-assigned identity", func(t *testing.T) {
		uai := "/subscriptions/" + testSub + "/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"
		mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
			mc.Identity = &armcontainerservice.ManagedClusterIdentity{
				Type:                   to(armcontainerservice.ResourceIdentityTypeUserAssigned),
				UserAssignedIdentities: map[string]*armcontainerservice.ManagedServiceIdentityUserAssignedIdentitiesValue{uai: {}},
			}
		})
		got := mc.Identity.UserAssignedIdentities[uai]
		check(t, "clientId", uuidPattern.MatchString(deref(got.ClientID)), true)
		check(t, "principalId", uuidPattern.MatchString(deref(got.PrincipalID)), true)
	})
}

func TestDefaultManagedClusterOnUpdate(t *testing.T) {
	stored := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.32") })
	stored.Properties.CurrentKubernetesVersion = to("1.32.6")
	w := worldWith(stored)
	update := func(edit func(*armcontainerservice.ManagedCluster)) *armcontainerservice.ManagedCluster {
		mc := &armcontainerservice.ManagedCluster{ID: stored.ID, Name: stored.Name, Location: stored.Location,
			Properties: &armcontainerservice.ManagedClusterProperties{}}
		edit(mc)
		DefaultManagedCluster(w, stored, mc)
		return mc
	}
	t.Run("unset properties keep the stored values", func(t *testing.T) {
		mc := update(func(mc *armcontainerservice.ManagedCluster) { mc.Tags = map[string]*string{"env": to("prod")} })
		check(t, "networkPlugin", deref(mc.Properties.NetworkProfile.NetworkPlugin), armcontainerservice.NetworkPluginAzure)
		check(t, "dnsPrefix", deref(mc.Properties.DNSPrefix), "demo")
		check(t, "fqdn", deref(mc.Properties.Fqdn), deref(stored.Properties.Fqdn))
		check(t, "identity", deref(mc.Identity.PrincipalID), deref(stored.Identity.PrincipalID))
		check(t, "kubernetesVersion", deref(mc.Properties.KubernetesVersion), "1.32")
		check(t, "currentKubernetesVersion", deref(mc.Properties.CurrentKubernetesVersion), "1.32.6")
		wantError(t, CheckManagedClusterUpdate(w, stored, mc), "", "")
	})
	t.Run("re-sending the alias doesn't upgrade", func(t *testing.T) {
		mc := update(func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.32") })
		check(t, "currentKubernetesVersion", deref(mc.Properties.CurrentKubernetesVersion), "1.32.6")
	})
	t.Run("an upgrade resolves the new version", func(t *testing.T) {
		mc := update(func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.33") })
		check(t, "currentKubernetesVersion", deref(mc.Properties.CurrentKubernetesVersion), "1.33.3")
		wantError(t, CheckManagedClusterUpdate(w, stored, mc), "", "")
	})
}
