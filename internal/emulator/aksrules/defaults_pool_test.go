package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

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
	for _, tt := range []struct{ name, controlPlane, pool string }{
		{"version alias keeps the text, resolves the current version", "1.33", "1.32"},
		{"unset version follows the control plane text", "1.32", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to(tt.controlPlane) })
			ap := newPool("user", func(p *poolProperties) { p.OrchestratorVersion = to(tt.pool) })
			DefaultAgentPool(worldWith(mc), nil, ap)
			check(t, "orchestratorVersion", deref(ap.Properties.OrchestratorVersion), "1.32")
			check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.32.7")
		})
	}
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
	// defaulted is the PUT newPool("user", edit) after DefaultAgentPool against stored.
	defaulted := func(edit func(*poolProperties)) *armcontainerservice.AgentPool {
		ap := newPool("user", edit)
		DefaultAgentPool(w, stored, ap)
		return ap
	}

	t.Run("unset properties keep the stored values", func(t *testing.T) {
		ap := defaulted(func(p *poolProperties) { p.Tags = map[string]*string{"env": to("dev")} })
		check(t, "vmSize", deref(ap.Properties.VMSize), "Standard_DS2_v2")
		check(t, "count", deref(ap.Properties.Count), 2)
		check(t, "label", deref(ap.Properties.NodeLabels["team"]), "a")
		check(t, "tag", deref(ap.Properties.Tags["env"]), "dev")
		check(t, "minCount", deref(ap.Properties.MinCount), 1)
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202501.01.0")
	})
	t.Run("re-sending the alias doesn't upgrade", func(t *testing.T) {
		ap := defaulted(func(p *poolProperties) { p.OrchestratorVersion = to("1.32") })
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.32.6")
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202501.01.0")
	})
	t.Run("empty version keeps the stored one", func(t *testing.T) {
		ap := defaulted(func(p *poolProperties) { p.OrchestratorVersion = to("") })
		check(t, "orchestratorVersion", deref(ap.Properties.OrchestratorVersion), "1.32")
	})
	t.Run("empty strings, 0 GB and an empty upgradeSettings keep the stored values", func(t *testing.T) {
		ap := defaulted(func(p *poolProperties) {
			p.KubeletDiskType = to(armcontainerservice.KubeletDiskType(""))
			p.OSType = to(armcontainerservice.OSType(""))
			p.OSDiskSizeGB = to[int32](0)
			p.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{}
		})
		check(t, "kubeletDiskType", deref(ap.Properties.KubeletDiskType), armcontainerservice.KubeletDiskTypeOS)
		check(t, "osType", deref(ap.Properties.OSType), armcontainerservice.OSTypeLinux)
		check(t, "osDiskSizeGB", deref(ap.Properties.OSDiskSizeGB), deref(stored.Properties.OSDiskSizeGB))
		check(t, "maxSurge", deref(ap.Properties.UpgradeSettings.MaxSurge), deref(stored.Properties.UpgradeSettings.MaxSurge))
		wantError(t, CheckAgentPoolUpdate(w, stored, ap), "", "")
	})
	t.Run("a new version upgrades and reimages", func(t *testing.T) {
		ap := defaulted(func(p *poolProperties) { p.OrchestratorVersion = to("1.33.2") })
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.33.2")
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202510.01.0")
	})
	t.Run("an OS SKU migration reimages", func(t *testing.T) {
		ap := defaulted(osSKU(armcontainerservice.OSSKUAzureLinux))
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSAzureLinux-202510.01.0")
	})
	t.Run("turning autoscaling off clears the bounds", func(t *testing.T) {
		ap := defaulted(func(p *poolProperties) { p.EnableAutoScaling = to(false) })
		if ap.Properties.MinCount != nil || ap.Properties.MaxCount != nil {
			t.Fatalf("bounds kept: %v %v", deref(ap.Properties.MinCount), deref(ap.Properties.MaxCount))
		}
		wantError(t, CheckAgentPoolUpdate(w, stored, ap), "", "")
	})
	t.Run("read-only values in the request are the server's", func(t *testing.T) {
		ap := defaulted(func(p *poolProperties) {
			p.CurrentOrchestratorVersion = to("9.9.9")
			p.NodeImageVersion = to("forged")
		})
		check(t, "currentOrchestratorVersion", deref(ap.Properties.CurrentOrchestratorVersion), "1.32.6")
		check(t, "nodeImageVersion", deref(ap.Properties.NodeImageVersion), "AKSUbuntu-202501.01.0")
	})
}
