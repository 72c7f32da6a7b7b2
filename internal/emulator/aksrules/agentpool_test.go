package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Each case goes through the public entry points exactly as the core calls
// them: DefaultAgentPool, then CheckAgentPoolCreate.
func TestCheckAgentPoolCreate(t *testing.T) {
	plain := newCluster(t, nil)
	windowsCluster := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.WindowsProfile = &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to("azureuser")}
	})
	customSubnets := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to(snetSystem)
	})
	oldControlPlane := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.32.7") })
	tests := []struct {
		name    string
		mc      *armcontainerservice.ManagedCluster
		pool    string
		edit    func(*poolProperties)
		code    string
		message string
	}{
		{"defaults only", plain, "user", nil, "", ""},
		{"ephemeral on a size that holds it", plain, "eph", func(p *poolProperties) {
			p.VMSize, p.OSDiskType, p.OSDiskSizeGB = to("Standard_DS2_v2"), to(armcontainerservice.OSDiskTypeEphemeral), to[int32](64)
		}, "", ""},
		{"windows pool", windowsCluster, "win1", windows, "", ""},
		{"arm64 azure linux FIPS", plain, "arm", both(fips, osSKU(armcontainerservice.OSSKUAzureLinux3), func(p *poolProperties) { p.VMSize = to("Standard_D4pds_v5") }), "", ""},
		{"spot user pool", plain, "spot", func(p *poolProperties) { p.ScaleSetPriority = to(armcontainerservice.ScaleSetPrioritySpot) }, "", ""},
		{"second system pool", plain, "sys2", system, "", ""},
		{"pool in the cluster's vnet", customSubnets, "user", subnet(snetUser), "", ""},
		{"user pool scaled to zero", plain, "zero", count(0), "", ""},
		{"bad name", plain, "User-1", nil, codeInvalidParameter, "The agent pool name 'User-1' is invalid"},
		{"windows name too long", windowsCluster, "winpool", windows, codeInvalidParameter, "A Windows agent pool name must be 1-6 characters"},
		{"unknown size", plain, "user", func(p *poolProperties) { p.VMSize = to("Standard_Nope") }, codeInvalidParameter, "The requested VM size Standard_Nope is not available in the current region"},
		{"windows SKU on linux", plain, "user", osSKU(armcontainerservice.OSSKUWindows2022), codeInvalidParameter, "OSSKU 'Windows2022' is not supported for osType 'Linux'"},
		{"windows without profile", plain, "win1", windows, codeWindowsProfileMissing, "Windows profile definition is missing for the cluster."},
		{"windows system pool", windowsCluster, "win1", both(windows, system), codeInvalidParameter, "System agent pools must have osType Linux"},
		{"spot system pool", plain, "spot", both(system, func(p *poolProperties) { p.ScaleSetPriority = to(armcontainerservice.ScaleSetPrioritySpot) }), codeInvalidParameter, "Spot agent pools must use mode User"},
		{"system pool without nodes", plain, "sys2", both(system, count(0)), codeInvalidParameter, "agentPoolProfile.count was 0"},
		{"autoscaler bounds exclude count", plain, "user", both(autoscale(2, 4), count(5)), codeInvalidParameter, "count (5) must be between minCount (2) and maxCount (4)"},
		{"maxPods too high", plain, "user", func(p *poolProperties) { p.MaxPods = to[int32](300) }, codeInvalidParameter, "The value of parameter maxPods is invalid"},
		{"OS disk under 30 GB", plain, "user", func(p *poolProperties) { p.OSDiskSizeGB = to[int32](20) }, codeInvalidParameter, "minimum size for AKS node images is 30 GB"},
		{"ephemeral too big for the cache", plain, "eph", func(p *poolProperties) {
			p.VMSize, p.OSDiskType = to("Standard_DS2_v2"), to(armcontainerservice.OSDiskTypeEphemeral)
		}, codeVMCacheSizeTooSmall, "The virtual machine size Standard_DS2_v2 has a cache size of 92341796864 bytes, but the OS disk requires 137438953472 bytes."},
		{"ephemeral unsupported", plain, "eph", func(p *poolProperties) {
			p.VMSize, p.OSDiskType = to("Standard_D2s_v5"), to(armcontainerservice.OSDiskTypeEphemeral)
		}, codeInvalidParameter, "does not support Ephemeral OS disk"},
		{"arm64 windows", windowsCluster, "win1", both(windows, func(p *poolProperties) { p.VMSize = to("Standard_D4pds_v5") }), codeInvalidParameter, "not supported for Windows agent pools"},
		{"arm64 FIPS on Ubuntu", plain, "arm", both(fips, func(p *poolProperties) { p.VMSize = to("Standard_D4pds_v5") }), codeInvalidParameter, "require osSKU AzureLinux or AzureLinux3"},
		{"version newer than the control plane", oldControlPlane, "user", func(p *poolProperties) { p.OrchestratorVersion = to("1.33.3") }, codeNodePoolVersionMismatch, "Minor version of node pool version 33 is bigger than control plane version 32"},
		{"version not offered", plain, "user", func(p *poolProperties) { p.OrchestratorVersion = to("1.33.1") }, codeAgentPoolK8sVersionNotSupported, "Version 1.33.1 is not supported in this region"},
		{"version four minors behind", plain, "user", func(p *poolProperties) { p.OrchestratorVersion = to("1.29") }, codeNodePoolVersionMismatch, "cannot be more than 3 versions less"},
		{"missing subnet", customSubnets, "user", subnet(snetMissing), codeSubnetNotFound, "Could not find subnet snet-missing"},
		{"subnet in another vnet", customSubnets, "user", subnet(snetOther), codeInvalidParameter, "must belong to the same virtual network"},
		{"custom subnet next to managed", plain, "user", subnet(snetUser), codeInvalidParameter, "Cannot use a custom subnet because agent pool system is using a managed subnet."},
		{"availability set next to scale sets", plain, "avset", func(p *poolProperties) { p.Type = to(armcontainerservice.AgentPoolTypeAvailabilitySet) }, codeAgentPoolAPIsUnsupported, "AgentPool APIs supported only for clusters with VMSS agentpools"},
		{"stopped system pool", plain, "sys2", both(system, func(p *poolProperties) {
			p.PowerState = &armcontainerservice.PowerState{Code: to(armcontainerservice.CodeStopped)}
		}), codeOperationNotAllowed, "System agent pools can't be stopped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := worldWith(tt.mc)
			ap := newPool(tt.pool, tt.edit)
			DefaultAgentPool(w, nil, ap)
			wantError(t, CheckAgentPoolCreate(w, ap), tt.code, tt.message)
		})
	}
}

func TestCheckAgentPoolCreateDefenderArm64(t *testing.T) {
	mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.KubernetesVersion = to("1.28.15")
		mc.Properties.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{Defender: &armcontainerservice.ManagedClusterSecurityProfileDefender{
			SecurityMonitoring: &armcontainerservice.ManagedClusterSecurityProfileDefenderSecurityMonitoring{Enabled: to(true)},
		}}
	})
	w := worldWith(mc)
	ap := newPool("arm", func(p *poolProperties) { p.VMSize = to("Standard_D2pds_v5") })
	DefaultAgentPool(w, nil, ap)
	wantError(t, CheckAgentPoolCreate(w, ap), codeInvalidParameter, "Microsoft Defender enabled and a Kubernetes version lower than 1.29.0")
}

func TestCheckAgentPoolUpdate(t *testing.T) {
	mc := newCluster(t, func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to("1.33") })
	w := worldWith(mc)
	user := createdPool(t, w, "user", func(p *poolProperties) { p.OrchestratorVersion = to("1.32.7") })
	scaled := createdPool(t, w, "scaled", both(autoscale(1, 5), count(3)))
	w.Pools = append(w.Pools, user, scaled)
	systemPool := w.Pools[0]
	tests := []struct {
		name    string
		stored  *armcontainerservice.AgentPool
		edit    func(*poolProperties)
		code    string
		message string
	}{
		{"GET→PUT round trip", user, func(p *poolProperties) { *p = *clonePoolProperties(user.Properties) }, "", ""},
		{"scale", user, count(4), "", ""},
		{"labels, taints and tags", user, func(p *poolProperties) {
			p.NodeLabels = map[string]*string{"a": to("b")}
			p.NodeTaints = []*string{to("k=v:NoSchedule")}
			p.Tags = map[string]*string{"t": to("v")}
		}, "", ""},
		{"upgrade to the control plane", user, func(p *poolProperties) { p.OrchestratorVersion = to("1.33") }, "", ""},
		{"ubuntu to azure linux", user, osSKU(armcontainerservice.OSSKUAzureLinux), "", ""},
		{"enable FIPS", user, fips, "", ""},
		{"promote to system", user, system, "", ""},
		{"autoscaler bounds change", scaled, autoscale(2, 6), "", ""},
		{"disable autoscaling and scale", scaled, func(p *poolProperties) { p.EnableAutoScaling = to(false); p.Count = to[int32](2) }, "", ""},
		{"vmSize change", user, func(p *poolProperties) { p.VMSize = to("Standard_D4s_v3") }, codePropertyChangeNotAllowed, "Changing property 'vmSize' is not allowed."},
		{"osDiskSizeGB change", user, func(p *poolProperties) { p.OSDiskSizeGB = to[int32](256) }, codePropertyChangeNotAllowed, "Changing property 'osDiskSizeGB' is not allowed."},
		{"downgrade", user, func(p *poolProperties) { p.OrchestratorVersion = to("1.32.6") }, codeOperationNotAllowed, "Downgrading Kubernetes version 1.32.7 to 1.32.6 is not allowed"},
		{"upgrade past the control plane", user, func(p *poolProperties) { p.OrchestratorVersion = to("1.34.0") }, codeNodePoolVersionMismatch, "is bigger than control plane version 33"},
		{"upgrade to a version not offered", user, func(p *poolProperties) { p.OrchestratorVersion = to("1.33.9") }, codeAgentPoolK8sVersionNotSupported, "Version 1.33.9 is not supported"},
		{"manual scale with autoscaler", scaled, count(4), codeInvalidParameter, "Cannot manually scale AgentPool 'scaled' of an AKS cluster with cluster autoscaler enabled."},
		{"demote the last system pool", systemPool, func(p *poolProperties) { p.Mode = to(armcontainerservice.AgentPoolModeUser) }, codeOperationNotAllowed, "There has to be at least one system agent pool"},
		{"system pool to zero nodes", systemPool, count(0), codeInvalidParameter, "agentPoolProfile.count was 0"},
		{"spot priority change", user, func(p *poolProperties) { p.ScaleSetPriority = to(armcontainerservice.ScaleSetPrioritySpot) }, codePropertyChangeNotAllowed, "Changing property 'scaleSetPriority' is not allowed."},
		{"stop the system pool", systemPool, func(p *poolProperties) {
			p.PowerState = &armcontainerservice.PowerState{Code: to(armcontainerservice.CodeStopped)}
		}, codeOperationNotAllowed, "can't be stopped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ap := newPool(poolName(tt.stored), tt.edit)
			DefaultAgentPool(w, tt.stored, ap)
			wantError(t, CheckAgentPoolUpdate(w, tt.stored, ap), tt.code, tt.message)
		})
	}
}

func TestCheckAgentPoolDelete(t *testing.T) {
	mc := newCluster(t, nil)
	w := worldWith(mc)
	systemPool := w.Pools[0]
	user := createdPool(t, w, "user", nil)
	wantError(t, CheckAgentPoolDelete(w, user), "", "")
	wantError(t, CheckAgentPoolDelete(w, systemPool), codeOperationNotAllowed, "There has to be at least one system agent pool")

	second := createdPool(t, w, "sys2", system)
	w.Pools = append(w.Pools, second)
	wantError(t, CheckAgentPoolDelete(w, systemPool), "", "")
}
