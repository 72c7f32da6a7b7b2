package conformance_test

import (
	"net/http"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Every AKS rule, through the typed clients: the request fails with AKS's
// status, code and message, and the emulator's state is unchanged.

const bad = http.StatusBadRequest

func vmSize(s string) func(*poolProps) { return func(p *poolProps) { p.VMSize = to.Ptr(s) } }

func windows(p *poolProps) { p.OSType = to.Ptr(armcontainerservice.OSTypeWindows) }

func system(p *poolProps) { p.Mode = to.Ptr(armcontainerservice.AgentPoolModeSystem) }

func spot(p *poolProps) { p.ScaleSetPriority = to.Ptr(armcontainerservice.ScaleSetPrioritySpot) }

func fips(p *poolProps) { p.EnableFIPS = to.Ptr(true) }

func osSKU(s armcontainerservice.OSSKU) func(*poolProps) {
	return func(p *poolProps) { p.OSSKU = to.Ptr(s) }
}

func version(v string) func(*poolProps) {
	return func(p *poolProps) { p.OrchestratorVersion = to.Ptr(v) }
}

func count(n int32) func(*poolProps) { return func(p *poolProps) { p.Count = to.Ptr(n) } }

func subnet(id string) func(*poolProps) { return func(p *poolProps) { p.VnetSubnetID = to.Ptr(id) } }

func autoscale(minCount, maxCount int32) func(*poolProps) {
	return func(p *poolProps) {
		p.EnableAutoScaling, p.MinCount, p.MaxCount = to.Ptr(true), to.Ptr(minCount), to.Ptr(maxCount)
	}
}

func all(edits ...func(*poolProps)) func(*poolProps) {
	return func(p *poolProps) {
		for _, e := range edits {
			e(p)
		}
	}
}

func TestPoolCreateRules(t *testing.T) {
	e := newEnv(t)
	e.createCluster(t, "rules", nil) // 1.33.3, managed VNet, Windows profile
	e.createCluster(t, "custom", func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.WindowsProfile = nil
		mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to.Ptr(snetSystem)
	})
	e.createCluster(t, "old", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to.Ptr("1.32.7") })
	e.createCluster(t, "basiclb", func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{LoadBalancerSKU: to.Ptr(armcontainerservice.LoadBalancerSKUBasic)}
	})
	e.createCluster(t, "defender", func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.KubernetesVersion = to.Ptr("1.28.15")
		mc.Properties.SecurityProfile = &armcontainerservice.ManagedClusterSecurityProfile{Defender: &armcontainerservice.ManagedClusterSecurityProfileDefender{
			LogAnalyticsWorkspaceResourceID: to.Ptr("/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.OperationalInsights/workspaces/ws"),
			SecurityMonitoring:              &armcontainerservice.ManagedClusterSecurityProfileDefenderSecurityMonitoring{Enabled: to.Ptr(true)},
		}}
	})

	tests := []struct {
		name, cluster, pool string
		edit                func(*poolProps)
		code, message       string
	}{
		// names
		{"name with upper case", "rules", "User1", nil, "InvalidParameter", "The agent pool name 'User1' is invalid. A Linux agent pool name must be 1-12 characters long"},
		{"linux name of 13 characters", "rules", "abcdefghijklm", nil, "InvalidParameter", "A Linux agent pool name must be 1-12 characters long"},
		{"windows name of 7 characters", "rules", "winpool", windows, "InvalidParameter", "A Windows agent pool name must be 1-6 characters long"},
		// VM size
		{"unknown VM size", "rules", "user", vmSize("Standard_Imaginary_v9"), "InvalidParameter", "The requested VM size Standard_Imaginary_v9 is not available in the current region. The sizes available in the current region are:"},
		// OS type and OS SKU
		{"windows OS SKU on a linux pool", "rules", "user", osSKU(armcontainerservice.OSSKUWindows2022), "InvalidParameter", "OSSKU 'Windows2022' is not supported for osType 'Linux'"},
		{"linux OS SKU on a windows pool", "rules", "win", all(windows, osSKU(armcontainerservice.OSSKUUbuntu)), "InvalidParameter", "OSSKU 'Ubuntu' is not supported for osType 'Windows'"},
		{"windows2019 on Kubernetes 1.33", "rules", "win", all(windows, osSKU(armcontainerservice.OSSKUWindows2019)), "InvalidParameter", "OSSKU 'Windows2019' is not supported for Kubernetes version 1.33.3"},
		{"windows pool without a windows profile", "custom", "win", all(windows, subnet(snetUser)), "WindowsProfileMissing", "Windows profile definition is missing for the cluster."},
		// System pools
		{"windows system pool", "rules", "win", all(windows, system), "InvalidParameter", "System agent pools must have osType Linux"},
		{"system pool without nodes", "rules", "sys2", all(system, count(0)), "InvalidParameter", "agentPoolProfile.count was 0. It must be greater or equal to minCount:1 and less than or equal to maxCount:1000."},
		{"system pool autoscaling from zero", "rules", "sys2", all(system, autoscale(0, 3), count(1)), "InvalidParameter", "minCount must be at least 1 for System agent pools"},
		{"spot system pool", "rules", "sys2", all(system, spot), "InvalidParameter", "Spot agent pools must use mode User"},
		// ephemeral OS disks
		{"ephemeral larger than the cache", "rules", "eph", all(vmSize("Standard_DS2_v2"), func(p *poolProps) { p.OSDiskType = to.Ptr(armcontainerservice.OSDiskTypeEphemeral) }),
			"VMCacheSizeTooSmall", "The virtual machine size Standard_DS2_v2 has a cache size of 92341796864 bytes, but the OS disk requires 137438953472 bytes. Use a VM size with larger cache or disable ephemeral OS."},
		{"ephemeral larger than the temp disk", "rules", "eph", all(vmSize("Standard_D4ds_v5"), func(p *poolProps) {
			p.OSDiskType, p.OSDiskSizeGB = to.Ptr(armcontainerservice.OSDiskTypeEphemeral), to.Ptr[int32](200)
		}), "VMCacheSizeTooSmall", "has a temporary disk size of 161061273600 bytes, but the OS disk requires 214748364800 bytes"},
		{"ephemeral larger than the NVMe disk", "rules", "eph", all(vmSize("Standard_D2pds_v6"), func(p *poolProps) {
			p.OSDiskType, p.OSDiskSizeGB = to.Ptr(armcontainerservice.OSDiskTypeEphemeral), to.Ptr[int32](128)
		}), "VMCacheSizeTooSmall", "has an NVMe disk size of 118111600640 bytes, but the OS disk requires 137438953472 bytes"},
		{"ephemeral on a size without support", "rules", "eph", all(vmSize("Standard_D2s_v5"), func(p *poolProps) { p.OSDiskType = to.Ptr(armcontainerservice.OSDiskTypeEphemeral) }),
			"InvalidParameter", "The Virtual Machine size Standard_D2s_v5 does not support Ephemeral OS disk"},
		{"OS disk under 30 GB", "rules", "user", func(p *poolProps) { p.OSDiskSizeGB = to.Ptr[int32](20) }, "InvalidParameter", "the minimum size for AKS node images is 30 GB"},
		// Arm64
		{"arm64 windows", "rules", "win", all(windows, vmSize("Standard_D4pds_v5")), "InvalidParameter", "uses the Arm64 architecture, which is not supported for Windows agent pools"},
		{"arm64 FIPS on Ubuntu", "rules", "arm", all(vmSize("Standard_D4pds_v5"), fips), "InvalidParameter", "require osSKU AzureLinux or AzureLinux3 and Kubernetes version 1.31 or later"},
		{"arm64 FIPS on Azure Linux 1.30", "rules", "arm", all(vmSize("Standard_D4pds_v5"), fips, osSKU(armcontainerservice.OSSKUAzureLinux), version("1.30.14")),
			"InvalidParameter", "got osSKU 'AzureLinux' and Kubernetes version 1.30.14"},
		{"arm64 on a Defender cluster below 1.29", "defender", "arm", vmSize("Standard_D4pds_v5"), "InvalidParameter", "not supported on clusters with Microsoft Defender enabled and a Kubernetes version lower than 1.29.0"},
		// networking
		{"subnet that doesn't exist", "custom", "user", subnet(snetNone), "SubnetNotFound", "Could not find subnet snet-does-not-exist in vnet vnet-aks-demo from resource group rg-aks-demo"},
		{"subnet in another VNet", "custom", "user", subnet(snetOther), "InvalidParameter", "All subnets assigned to the node pools of a cluster must belong to the same virtual network."},
		{"pod subnet in another VNet", "custom", "user", all(subnet(snetUser), func(p *poolProps) { p.PodSubnetID = to.Ptr(snetOther) }), "InvalidParameter", "Pod and node subnets must belong to the same virtual network"},
		{"custom subnet next to the managed VNet", "rules", "user", subnet(snetUser), "InvalidParameter", "Cannot use a custom subnet because agent pool system is using a managed subnet. Please omit the vnetSubnetID parameter from the request."},
		{"second pool on a basic load balancer", "basiclb", "user", nil, "InvalidParameter", "Multiple agent pools require the Standard load balancer"},
		{"availability set pool next to scale sets", "rules", "avset", func(p *poolProps) { p.Type = to.Ptr(armcontainerservice.AgentPoolTypeAvailabilitySet) },
			"AgentPoolAPIsNotSupported", "AgentPool APIs supported only for clusters with VMSS agentpools."},
		// versions
		{"version newer than the control plane", "old", "user", version("1.33.3"), "NodePoolMcVersionIncompatible",
			"Node pool version 1.33.3 and control plane version 1.32.7 are incompatible. Minor version of node pool version 33 is bigger than control plane version 32."},
		{"version four minors behind", "rules", "user", version("1.29.15"), "NodePoolMcVersionIncompatible", "Minor version of node pool cannot be more than 3 versions less than control plane's version"},
		{"version not offered", "rules", "user", version("1.33.1"), "AgentPoolK8sVersionNotSupported", "Version 1.33.1 is not supported in this region."},
		// autoscaler, count and maxPods
		{"minCount above maxCount", "rules", "user", all(autoscale(5, 2), count(3)), "InvalidParameter", "minCount (5) must be less than or equal to maxCount (2)"},
		{"count outside the autoscaler bounds", "rules", "user", all(autoscale(2, 4), count(5)), "InvalidParameter", "count (5) must be between minCount (2) and maxCount (4)"},
		{"bounds without autoscaling", "rules", "user", func(p *poolProps) { p.MinCount, p.MaxCount = to.Ptr[int32](1), to.Ptr[int32](3) }, "InvalidParameter", "minCount and maxCount can only be set when enableAutoScaling is true"},
		{"autoscaling without bounds", "rules", "user", func(p *poolProps) { p.EnableAutoScaling = to.Ptr(true) }, "InvalidParameter", "minCount and maxCount must both be specified"},
		{"more than 1000 nodes", "rules", "user", count(1001), "InvalidParameter", "agentPoolProfile.count was 1001. It must be greater or equal to minCount:0 and less than or equal to maxCount:1000."},
		{"maxPods under 10", "rules", "user", func(p *poolProps) { p.MaxPods = to.Ptr[int32](9) }, "InvalidParameter", "The value of parameter maxPods is invalid: 9. maxPods must be between 10 and 250."},
		{"maxPods over 250", "rules", "user", func(p *poolProps) { p.MaxPods = to.Ptr[int32](251) }, "InvalidParameter", "maxPods must be between 10 and 250"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.refusedPoolCreate(t, tt.cluster, tt.pool, tt.edit, bad, tt.code, tt.message)
		})
	}

	// The same requests, made valid, are accepted: the refusals above are
	// the rules', not the requests' shape.
	accepted := []struct {
		name, cluster, pool string
		edit                func(*poolProps)
	}{
		{"windows pool", "rules", "win1", all(windows, osSKU(armcontainerservice.OSSKUWindows2022))},
		{"ephemeral within the cache", "rules", "eph", all(vmSize("Standard_DS2_v2"), func(p *poolProps) {
			p.OSDiskType, p.OSDiskSizeGB = to.Ptr(armcontainerservice.OSDiskTypeEphemeral), to.Ptr[int32](64)
		})},
		{"arm64 FIPS on Azure Linux 3", "rules", "arm", all(vmSize("Standard_D4pds_v5"), fips, osSKU(armcontainerservice.OSSKUAzureLinux3))},
		{"pool in the cluster's VNet with a pod subnet", "custom", "user", all(subnet(snetUser), func(p *poolProps) { p.PodSubnetID = to.Ptr(snetPods) })},
		{"spot user pool", "rules", "spot", spot},
		{"three minors behind", "rules", "older", version("1.30.14")},
	}
	for _, tt := range accepted {
		t.Run("accepted/"+tt.name, func(t *testing.T) {
			e.createPool(t, tt.cluster, tt.pool, tt.edit)
		})
	}
}

func TestPoolUpdateRules(t *testing.T) {
	e := newEnv(t)
	e.createCluster(t, "rules", nil)
	e.createPool(t, "rules", "user", version("1.32.7"))
	e.createPool(t, "rules", "scaled", all(autoscale(1, 5), count(2)))
	e.createPool(t, "rules", "win1", all(windows, osSKU(armcontainerservice.OSSKUWindows2022)))
	e.createCluster(t, "custom", func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to.Ptr(snetSystem)
	})
	e.createPool(t, "custom", "user", subnet(snetUser))

	tests := []struct {
		name, pool    string
		edit          func(*poolProps)
		code, message string
	}{
		{"vmSize", "user", vmSize("Standard_D4s_v3"), "PropertyChangeNotAllowed", "Changing property 'vmSize' is not allowed."},
		{"osDiskSizeGB", "user", func(p *poolProps) { p.OSDiskSizeGB = to.Ptr[int32](256) }, "PropertyChangeNotAllowed", "Changing property 'osDiskSizeGB' is not allowed."},
		{"osDiskType", "user", func(p *poolProps) { p.OSDiskType = to.Ptr(armcontainerservice.OSDiskTypeEphemeral) }, "PropertyChangeNotAllowed", "Changing property 'osDiskType' is not allowed."},
		{"maxPods", "user", func(p *poolProps) { p.MaxPods = to.Ptr[int32](110) }, "PropertyChangeNotAllowed", "Changing property 'maxPods' is not allowed."},
		{"availabilityZones", "user", func(p *poolProps) { p.AvailabilityZones = []*string{to.Ptr("1")} }, "PropertyChangeNotAllowed", "Changing property 'availabilityZones' is not allowed."},
		{"enableEncryptionAtHost", "user", func(p *poolProps) { p.EnableEncryptionAtHost = to.Ptr(true) }, "PropertyChangeNotAllowed", "Changing property 'enableEncryptionAtHost' is not allowed."},
		{"scaleSetPriority", "user", spot, "PropertyChangeNotAllowed", "Changing property 'scaleSetPriority' is not allowed."},
		{"kubeletConfig", "user", func(p *poolProps) {
			p.KubeletConfig = &armcontainerservice.KubeletConfig{CPUManagerPolicy: to.Ptr("static")}
		}, "CustomKubeletConfigOrCustomLinuxOSConfigCanNotBeChanged", "CustomKubeletConfig or CustomLinuxOSConfig can not be changed for this operation."},
		{"windows OS SKU", "win1", osSKU(armcontainerservice.OSSKUWindows2019), "PropertyChangeNotAllowed", "Changing property 'osSKU' is not allowed."},
		{"downgrade", "user", version("1.32.6"), "OperationNotAllowed", "Downgrading Kubernetes version 1.32.7 to 1.32.6 is not allowed"},
		{"upgrade past the control plane", "user", version("1.34.0"), "NodePoolMcVersionIncompatible", "Minor version of node pool version 34 is bigger than control plane version 33"},
		{"upgrade to a version not offered", "user", version("1.33.9"), "AgentPoolK8sVersionNotSupported", "Version 1.33.9 is not supported in this region."},
		{"manual scale with the autoscaler on", "scaled", count(3), "InvalidParameter",
			"Cannot manually scale AgentPool 'scaled' of an AKS cluster with cluster autoscaler enabled. Please disable cluster autoscaler in the cluster to manually scale."},
		{"enable the autoscaler and scale at once", "user", all(autoscale(1, 5), count(2)), "InvalidParameter",
			"Cannot manually scale and enable cluster autoscaler in the same update operation on VMSS Agentpool 'user'."},
		{"demote the last system pool", "system", func(p *poolProps) { p.Mode = to.Ptr(armcontainerservice.AgentPoolModeUser) }, "OperationNotAllowed", "There has to be at least one system agent pool"},
		{"system pool to zero nodes", "system", count(0), "InvalidParameter", "agentPoolProfile.count was 0"},
		{"stop the system pool", "system", func(p *poolProps) {
			p.PowerState = &armcontainerservice.PowerState{Code: to.Ptr(armcontainerservice.CodeStopped)}
		}, "OperationNotAllowed", "System agent pools can't be stopped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.refusedPoolUpdate(t, "rules", tt.pool, tt.edit, bad, tt.code, tt.message)
		})
	}
	t.Run("vnetSubnetID", func(t *testing.T) {
		e.refusedPoolUpdate(t, "custom", "user", subnet(snetPods), bad, "PropertyChangeNotAllowed", "Changing property 'vnetSubnetID' is not allowed.")
	})

	t.Run("delete the last system pool", func(t *testing.T) {
		before, err := e.getPool(t, "rules", "system")
		if err != nil {
			t.Fatal(err)
		}
		wantRefused(t, e.deletePool(t, "rules", "system"), bad, "OperationNotAllowed", "There has to be at least one system agent pool")
		after, err := e.getPool(t, "rules", "system")
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, before, after)
	})

	// What AKS changes in place is accepted.
	t.Run("accepted/in-place changes", func(t *testing.T) {
		pool, err := e.getPool(t, "rules", "user")
		if err != nil {
			t.Fatal(err)
		}
		p := pool.Properties
		p.Count = to.Ptr[int32](3)
		p.NodeLabels = map[string]*string{"team": to.Ptr("a")}
		p.OSSKU = to.Ptr(armcontainerservice.OSSKUAzureLinux)
		p.OrchestratorVersion = to.Ptr("1.33")
		if err := e.putPool(t, "rules", "user", pool); err != nil {
			t.Fatal(err)
		}
		got, err := e.getPool(t, "rules", "user")
		if err != nil {
			t.Fatal(err)
		}
		if *got.Properties.CurrentOrchestratorVersion != "1.33.3" || *got.Properties.OSSKU != armcontainerservice.OSSKUAzureLinux || *got.Properties.Count != 3 {
			t.Fatalf("update not applied: version %s, osSKU %s, count %d", *got.Properties.CurrentOrchestratorVersion, *got.Properties.OSSKU, *got.Properties.Count)
		}
	})
	t.Run("accepted/a second system pool lets the first go", func(t *testing.T) {
		e.createPool(t, "rules", "system2", system)
		pool, err := e.getPool(t, "rules", "system")
		if err != nil {
			t.Fatal(err)
		}
		pool.Properties.Mode = to.Ptr(armcontainerservice.AgentPoolModeUser)
		if err := e.putPool(t, "rules", "system", pool); err != nil {
			t.Fatal(err)
		}
		if err := e.deletePool(t, "rules", "system"); err != nil {
			t.Fatal(err)
		}
		_, err = e.getPool(t, "rules", "system")
		wantNotFound(t, err)
	})
}

func TestClusterRules(t *testing.T) {
	e := newEnv(t)
	e.createCluster(t, "rules", func(mc *armcontainerservice.ManagedCluster) {
		mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, &armcontainerservice.ManagedClusterAgentPoolProfile{
			Name: to.Ptr("user"), Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), Count: to.Ptr[int32](1),
		})
	})
	e.createCluster(t, "old", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to.Ptr("1.32.7") })
	e.createCluster(t, "nolocal", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.DisableLocalAccounts = to.Ptr(true) })

	creates := []struct {
		name, cluster string
		edit          func(*armcontainerservice.ManagedCluster)
		code, message string
	}{
		{"reserved name", "azure", func(*armcontainerservice.ManagedCluster) {}, "ReservedResourceName", "The resource name 'azure' or a part of the name is a trademarked or reserved word."},
		{"name with a reserved word inside", "mymicrosoftaks", func(*armcontainerservice.ManagedCluster) {}, "ReservedResourceName", "trademarked or reserved word"},
		{"name ending with a hyphen", "bad-", func(*armcontainerservice.ManagedCluster) {}, "InvalidParameter", "The managed cluster name 'bad-' is invalid"},
		{"dns prefix starting with a hyphen", "dnsbad", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.DNSPrefix = to.Ptr("-dns") }, "InvalidParameter", "The DNS prefix '-dns' is invalid"},
		{"no identity", "noid", func(mc *armcontainerservice.ManagedCluster) { mc.Identity = nil }, "InvalidParameter", "The managed cluster needs an identity"},
		{"no system pool", "nosys", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[0].Mode = to.Ptr(armcontainerservice.AgentPoolModeUser)
		}, "MustDefineAtLeastOneSystemPool", "Must define at least one system pool."},
		{"no pools", "nopools", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.AgentPoolProfiles = nil }, "InvalidParameter", "Required parameter agentPoolProfiles is missing (null)."},
		{"version not offered", "v125", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.KubernetesVersion = to.Ptr("1.25.6") }, "K8sVersionNotSupported", "Version 1.25.6 is not supported in this region."},
		{"inline pool at another version", "mixed", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, &armcontainerservice.ManagedClusterAgentPoolProfile{
				Name: to.Ptr("user"), Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), OrchestratorVersion: to.Ptr("1.32.7"),
			})
		}, "InvalidParameter", "the agent pools' Kubernetes version must match the control plane's"},
		{"inline pools in two VNets", "twovnets", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to.Ptr(snetSystem)
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, &armcontainerservice.ManagedClusterAgentPoolProfile{
				Name: to.Ptr("user"), Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), VnetSubnetID: to.Ptr(snetOther),
			})
		}, "InvalidParameter", "must belong to the same virtual network"},
		{"inline windows system pool", "winsys", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[0].OSType = to.Ptr(armcontainerservice.OSTypeWindows)
			mc.Properties.AgentPoolProfiles[0].Name = to.Ptr("win")
		}, "InvalidParameter", "System agent pools must have osType Linux"},
	}
	for _, tt := range creates {
		t.Run("create/"+tt.name, func(t *testing.T) {
			e.refusedClusterCreate(t, tt.cluster, tt.edit, bad, tt.code, tt.message)
		})
	}

	updates := []struct {
		name, cluster string
		edit          func(*armcontainerservice.ManagedCluster)
		code, message string
	}{
		{"upgrade skipping a minor", "old", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to.Ptr("1.34.0")
			mc.Properties.AgentPoolProfiles = nil
		}, "OperationNotAllowed", "Upgrading Kubernetes version 1.32.7 to 1.34.0 is not allowed. Available upgrades: ["},
		{"downgrade", "rules", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.KubernetesVersion = to.Ptr("1.32.7")
			mc.Properties.AgentPoolProfiles = nil
		}, "OperationNotAllowed", "Upgrading Kubernetes version 1.33.3 to 1.32.7 is not allowed."},
		{"pool change through the cluster", "rules", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[1].Count = to.Ptr[int32](4)
		}, "OperationNotAllowed", "Node pool update via managed cluster not allowed. Use per nodepool operations."},
		{"pool added through the cluster", "rules", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles = append(mc.Properties.AgentPoolProfiles, &armcontainerservice.ManagedClusterAgentPoolProfile{
				Name: to.Ptr("extra"), Mode: to.Ptr(armcontainerservice.AgentPoolModeUser),
			})
		}, "OperationNotAllowed", "Adding agent pools to an existing cluster is not allowed through managed cluster operations"},
		{"versions of some pools only", "rules", func(mc *armcontainerservice.ManagedCluster) {
			mc.Properties.AgentPoolProfiles[1].OrchestratorVersion = nil
		}, "NotAllAgentPoolOrchestratorVersionSpecifiedAndUnchanged",
			"Using managed cluster api, all Agent pools' OrchestratorVersion must be all specified or all unspecified."},
		{"dnsPrefix", "rules", func(mc *armcontainerservice.ManagedCluster) { mc.Properties.DNSPrefix = to.Ptr("other") }, "PropertyChangeNotAllowed", "Changing property 'dnsPrefix' is not allowed."},
	}
	for _, tt := range updates {
		t.Run("update/"+tt.name, func(t *testing.T) {
			e.refusedClusterUpdate(t, tt.cluster, tt.edit, bad, tt.code, tt.message)
		})
	}

	t.Run("admin credentials with local accounts disabled", func(t *testing.T) {
		_, err := e.aks.NewManagedClustersClient().ListClusterAdminCredentials(t.Context(), rulesRG, "nolocal", nil)
		wantRefused(t, err, bad, "BadRequest", "Getting static credential isn't allowed because this cluster is set to disable local accounts.")
		if _, err := e.aks.NewManagedClustersClient().ListClusterUserCredentials(t.Context(), rulesRG, "nolocal", nil); err != nil {
			t.Fatalf("user credentials stay available: %v", err)
		}
	})

	// The GET model goes back unchanged, and an upgrade of the control plane
	// with every pool (as `az aks upgrade` sends it) is accepted.
	t.Run("accepted/GET→PUT round trip and full upgrade", func(t *testing.T) {
		mc, err := e.getCluster(t, "old")
		if err != nil {
			t.Fatal(err)
		}
		if err := e.putCluster(t, "old", mc); err != nil {
			t.Fatalf("round trip refused: %v", err)
		}
		mc, err = e.getCluster(t, "old")
		if err != nil {
			t.Fatal(err)
		}
		mc.Properties.KubernetesVersion = to.Ptr("1.33.3")
		for _, p := range mc.Properties.AgentPoolProfiles {
			p.OrchestratorVersion = to.Ptr("1.33.3")
		}
		if err := e.putCluster(t, "old", mc); err != nil {
			t.Fatalf("upgrade refused: %v", err)
		}
		got, err := e.getCluster(t, "old")
		if err != nil {
			t.Fatal(err)
		}
		if v := *got.Properties.CurrentKubernetesVersion; v != "1.33.3" {
			t.Fatalf("control plane at %s after the upgrade", v)
		}
		if v := *got.Properties.AgentPoolProfiles[0].CurrentOrchestratorVersion; v != "1.33.3" {
			t.Fatalf("pool at %s after the upgrade", v)
		}
	})
}
