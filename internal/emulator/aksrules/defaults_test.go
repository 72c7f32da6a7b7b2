package aksrules

import (
	"regexp"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$`)

func check[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func TestDefaultAgentPoolOnCreate(t *testing.T) {
	w := worldWith(newCluster(t, nil))
	ap := newPool("user", nil)
	DefaultAgentPool(w, nil, ap)
	p := ap.Properties
	check(t, "mode", deref(p.Mode), armcontainerservice.AgentPoolModeUser)
	check(t, "type", deref(p.Type), armcontainerservice.AgentPoolTypeVirtualMachineScaleSets)
	check(t, "osType", deref(p.OSType), armcontainerservice.OSTypeLinux)
	check(t, "osSKU", deref(p.OSSKU), armcontainerservice.OSSKUUbuntu)
	check(t, "vmSize", deref(p.VMSize), "Standard_DS2_v2")
	check(t, "count", deref(p.Count), 1)
	check(t, "maxPods (Azure CNI Overlay)", deref(p.MaxPods), 250)
	check(t, "orchestratorVersion", deref(p.OrchestratorVersion), "1.33.3")
	check(t, "currentOrchestratorVersion", deref(p.CurrentOrchestratorVersion), "1.33.3")
	check(t, "nodeImageVersion", deref(p.NodeImageVersion), "AKSUbuntu-202510.01.0")
	check(t, "kubeletDiskType", deref(p.KubeletDiskType), armcontainerservice.KubeletDiskTypeOS)
	check(t, "osDiskType", deref(p.OSDiskType), armcontainerservice.OSDiskTypeManaged)
	check(t, "osDiskSizeGB", deref(p.OSDiskSizeGB), 128)
	check(t, "maxSurge", deref(p.UpgradeSettings.MaxSurge), "10%")
	check(t, "enableFIPS", deref(p.EnableFIPS), false)
	check(t, "enableAutoScaling", deref(p.EnableAutoScaling) || p.EnableAutoScaling == nil, false)
	check(t, "scaleSetPriority", deref(p.ScaleSetPriority), armcontainerservice.ScaleSetPriorityRegular)
	check(t, "powerState", deref(p.PowerState.Code), armcontainerservice.CodeRunning)
	check(t, "type of resource", deref(ap.Type), agentPoolResourceType)
	if err := CheckAgentPoolCreate(w, ap); err != nil {
		t.Fatalf("a defaulted pool must be accepted: %v", err)
	}
}

func TestDefaultAgentPoolVariants(t *testing.T) {
	windowsCluster := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to("azureuser")}
	})
	t.Run("windows", func(t *testing.T) {
		ap := newPool("win", windows)
		DefaultAgentPool(worldWith(windowsCluster), nil, ap)
		check(t, "osSKU", deref(ap.Properties.OSSKU), armcontainerservice.OSSKUWindows2022)
		check(t, "vmSize", deref(ap.Properties.VMSize), "Standard_D2s_v3")
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSWindows-Windows2022-containerd-20348.2025.1001")
	})
	t.Run("windows below 1.25 defaults to Windows2019", func(t *testing.T) {
		check(t, "osSKU", defaultOSSKU(props(windows), kubeVersion{major: 1, minor: 24, patch: 9, hasPatch: true}), armcontainerservice.OSSKUWindows2019)
	})
	t.Run("spot", func(t *testing.T) {
		ap := newPool("spot", func(p *poolProperties) { p.ScaleSetPriority = to(armcontainerservice.ScaleSetPrioritySpot) })
		DefaultAgentPool(worldWith(newCluster(t, nil)), nil, ap)
		check(t, "eviction", deref(ap.Properties.ScaleSetEvictionPolicy), armcontainerservice.ScaleSetEvictionPolicyDelete)
		check(t, "spotMaxPrice", deref(ap.Properties.SpotMaxPrice), -1)
		if ap.Properties.UpgradeSettings != nil {
			t.Errorf("spot pools get no surge settings, got %+v", ap.Properties.UpgradeSettings)
		}
	})
	t.Run("version alias keeps the text, resolves the current version", func(t *testing.T) {
		mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.33") })
		ap := newPool("user", func(p *poolProperties) { p.OrchestratorVersion = to("1.32") })
		DefaultAgentPool(worldWith(mc), nil, ap)
		check(t, "orchestratorVersion", deref(ap.Properties.OrchestratorVersion), "1.32")
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.32.7")
	})
	t.Run("unset version follows the control plane text", func(t *testing.T) {
		mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.32") })
		ap := newPool("user", func(p *poolProperties) { p.OrchestratorVersion = to("") })
		DefaultAgentPool(worldWith(mc), nil, ap)
		check(t, "orchestratorVersion", deref(ap.Properties.OrchestratorVersion), "1.32")
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.32.7")
	})
	t.Run("subnet inherited from the cluster's custom subnet", func(t *testing.T) {
		mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to(snetSystem)
		})
		ap := newPool("user", nil)
		DefaultAgentPool(worldWith(mc), nil, ap)
		check(t, "vnetSubnetID", deref(ap.Properties.VnetSubnetID), snetSystem)
	})
	t.Run("ephemeral default on a size whose cache holds it", func(t *testing.T) {
		ap := newPool("user", func(p *poolProperties) { p.VMSize = to("Standard_DS3_v2") })
		DefaultAgentPool(worldWith(newCluster(t, nil)), nil, ap)
		check(t, "osDiskType", deref(ap.Properties.OSDiskType), armcontainerservice.OSDiskTypeEphemeral)
	})
	t.Run("localDNS state follows the mode", func(t *testing.T) {
		for mode, want := range map[armcontainerservice.LocalDNSMode]armcontainerservice.LocalDNSState{
			armcontainerservice.LocalDNSModeRequired:  armcontainerservice.LocalDNSStateEnabled,
			armcontainerservice.LocalDNSModePreferred: armcontainerservice.LocalDNSStateEnabled,
			armcontainerservice.LocalDNSModeDisabled:  armcontainerservice.LocalDNSStateDisabled,
		} {
			ap := newPool("dns", func(p *poolProperties) { p.LocalDNSProfile = &armcontainerservice.LocalDNSProfile{Mode: to(mode)} })
			DefaultAgentPool(worldWith(newCluster(t, nil)), nil, ap)
			check(t, "localDNS state for "+string(mode), deref(ap.Properties.LocalDNSProfile.State), want)
		}
	})
	t.Run("virtual machines pool", func(t *testing.T) {
		ap := newPool("vms", func(p *poolProperties) {
			p.Type = to(armcontainerservice.AgentPoolTypeVirtualMachines)
			p.VirtualMachinesProfile = &armcontainerservice.VirtualMachinesProfile{Scale: &armcontainerservice.ScaleProfile{
				Manual: []*armcontainerservice.ManualScaleProfile{{Size: to("Standard_D2s_v3"), Count: to[int32](2)}},
			}}
		})
		DefaultAgentPool(worldWith(newCluster(t, nil)), nil, ap)
		if ap.Properties.VMSize != nil {
			t.Errorf("VirtualMachines pools get no vmSize, got %s", *ap.Properties.VMSize)
		}
		if len(ap.Properties.VirtualMachineNodesStatus) != 1 || deref(ap.Properties.VirtualMachineNodesStatus[0].Count) != 2 {
			t.Errorf("virtualMachineNodesStatus = %+v", ap.Properties.VirtualMachineNodesStatus)
		}
	})
}

func TestDefaultMaxPods(t *testing.T) {
	network := func(plugin armcontainerservice.NetworkPlugin, mode *armcontainerservice.NetworkPluginMode) *armcontainerservice.ManagedCluster {
		return &armcontainerservice.ManagedCluster{Properties: &armcontainerservice.ManagedClusterProperties{
			NetworkProfile: &armcontainerservice.NetworkProfile{NetworkPlugin: to(plugin), NetworkPluginMode: mode},
		}}
	}
	overlay := to(armcontainerservice.NetworkPluginModeOverlay)
	tests := []struct {
		name string
		mc   *armcontainerservice.ManagedCluster
		p    *poolProperties
		want int32
	}{
		{"azure cni overlay", network(armcontainerservice.NetworkPluginAzure, overlay), props(nil), 250},
		{"azure cni with pod subnet", network(armcontainerservice.NetworkPluginAzure, nil), props(podSubnet(snetPods)), 110},
		{"legacy azure cni", network(armcontainerservice.NetworkPluginAzure, nil), props(nil), 30},
		{"kubenet", network(armcontainerservice.NetworkPluginKubenet, nil), props(nil), 110},
		{"bring your own cni", network(armcontainerservice.NetworkPluginNone, nil), props(nil), 250},
		{"no cluster", nil, props(nil), 110},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, "maxPods", defaultMaxPods(tt.mc, tt.p), tt.want)
		})
	}
}

func TestDefaultAgentPoolOnUpdate(t *testing.T) {
	w := worldWith(newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.33") }))
	stored := createdPool(t, w, "user", func(p *poolProperties) {
		p.OrchestratorVersion = to("1.32")
		p.NodeLabels = map[string]*string{"team": to("a")}
		autoscale(1, 5)(p)
		p.Count = to[int32](2)
	})
	stored.Properties.CurrentOrchestratorVersion = to("1.32.6") // created before 1.32.7 was offered
	stored.Properties.NodeImageVersion = to("AKSUbuntu-202501.01.0")

	t.Run("unset properties keep the stored values", func(t *testing.T) {
		ap := newPool("user", func(p *poolProperties) { p.Tags = map[string]*string{"env": to("dev")} })
		DefaultAgentPool(w, stored, ap)
		check(t, "vmSize", deref(ap.Properties.VMSize), "Standard_DS2_v2")
		check(t, "count", deref(ap.Properties.Count), 2)
		check(t, "label", deref(ap.Properties.NodeLabels["team"]), "a")
		check(t, "tag", deref(ap.Properties.Tags["env"]), "dev")
		check(t, "minCount", deref(ap.Properties.MinCount), 1)
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202501.01.0")
	})
	t.Run("re-sending the alias doesn't upgrade", func(t *testing.T) {
		ap := newPool("user", func(p *poolProperties) { p.OrchestratorVersion = to("1.32") })
		DefaultAgentPool(w, stored, ap)
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.32.6")
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202501.01.0")
	})
	t.Run("empty version keeps the stored one", func(t *testing.T) {
		ap := newPool("user", func(p *poolProperties) { p.OrchestratorVersion = to("") })
		DefaultAgentPool(w, stored, ap)
		check(t, "orchestratorVersion", deref(ap.Properties.OrchestratorVersion), "1.32")
	})
	t.Run("a new version upgrades and reimages", func(t *testing.T) {
		ap := newPool("user", func(p *poolProperties) { p.OrchestratorVersion = to("1.33.2") })
		DefaultAgentPool(w, stored, ap)
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.33.2")
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202510.01.0")
	})
	t.Run("an OS SKU migration reimages", func(t *testing.T) {
		ap := newPool("user", osSKU(armcontainerservice.OSSKUAzureLinux))
		DefaultAgentPool(w, stored, ap)
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSAzureLinux-202510.01.0")
	})
	t.Run("turning autoscaling off clears the bounds", func(t *testing.T) {
		ap := newPool("user", func(p *poolProperties) { p.EnableAutoScaling = to(false) })
		DefaultAgentPool(w, stored, ap)
		if ap.Properties.MinCount != nil || ap.Properties.MaxCount != nil {
			t.Fatalf("bounds kept: %v %v", deref(ap.Properties.MinCount), deref(ap.Properties.MaxCount))
		}
		wantError(t, CheckAgentPoolUpdate(w, stored, ap), "", "")
	})
	t.Run("read-only values in the request are the server's", func(t *testing.T) {
		ap := newPool("user", func(p *poolProperties) {
			p.CurrentOrchestratorVersion = to("9.9.9")
			p.NodeImageVersion = to("forged")
		})
		DefaultAgentPool(w, stored, ap)
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.32.6")
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202501.01.0")
	})
}

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
