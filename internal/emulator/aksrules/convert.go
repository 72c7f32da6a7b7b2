package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// agentPoolResourceType is the ARM type of an agentPools resource.
const agentPoolResourceType = "Microsoft.ContainerService/managedClusters/agentPools"

// profileToAgentPool turns an inline profile into its agentPools resource.
// The two SDK types carry the same properties (the profile adds the name);
// fields are copied one by one, sharing pointers with p.
func profileToAgentPool(clusterID string, p *armcontainerservice.ManagedClusterAgentPoolProfile) *armcontainerservice.AgentPool {
	if p == nil {
		return nil
	}
	ap := &armcontainerservice.AgentPool{
		Name: p.Name,
		Type: to(agentPoolResourceType),
		Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
			AvailabilityZones:          p.AvailabilityZones,
			CapacityReservationGroupID: p.CapacityReservationGroupID,
			Count:                      p.Count,
			CreationData:               p.CreationData,
			EnableAutoScaling:          p.EnableAutoScaling,
			EnableEncryptionAtHost:     p.EnableEncryptionAtHost,
			EnableFIPS:                 p.EnableFIPS,
			EnableNodePublicIP:         p.EnableNodePublicIP,
			EnableUltraSSD:             p.EnableUltraSSD,
			GatewayProfile:             p.GatewayProfile,
			GpuInstanceProfile:         p.GpuInstanceProfile,
			GpuProfile:                 p.GpuProfile,
			HostGroupID:                p.HostGroupID,
			KubeletConfig:              p.KubeletConfig,
			KubeletDiskType:            p.KubeletDiskType,
			LinuxOSConfig:              p.LinuxOSConfig,
			LocalDNSProfile:            p.LocalDNSProfile,
			MaxCount:                   p.MaxCount,
			MaxPods:                    p.MaxPods,
			MessageOfTheDay:            p.MessageOfTheDay,
			MinCount:                   p.MinCount,
			Mode:                       p.Mode,
			NetworkProfile:             p.NetworkProfile,
			NodeLabels:                 p.NodeLabels,
			NodePublicIPPrefixID:       p.NodePublicIPPrefixID,
			NodeTaints:                 p.NodeTaints,
			OSDiskSizeGB:               p.OSDiskSizeGB,
			OSDiskType:                 p.OSDiskType,
			OSSKU:                      p.OSSKU,
			OSType:                     p.OSType,
			OrchestratorVersion:        p.OrchestratorVersion,
			PodIPAllocationMode:        p.PodIPAllocationMode,
			PodSubnetID:                p.PodSubnetID,
			PowerState:                 p.PowerState,
			ProximityPlacementGroupID:  p.ProximityPlacementGroupID,
			ScaleDownMode:              p.ScaleDownMode,
			ScaleSetEvictionPolicy:     p.ScaleSetEvictionPolicy,
			ScaleSetPriority:           p.ScaleSetPriority,
			SecurityProfile:            p.SecurityProfile,
			SpotMaxPrice:               p.SpotMaxPrice,
			Status:                     p.Status,
			Tags:                       p.Tags,
			Type:                       p.Type,
			UpgradeSettings:            p.UpgradeSettings,
			VMSize:                     p.VMSize,
			VirtualMachineNodesStatus:  p.VirtualMachineNodesStatus,
			VirtualMachinesProfile:     p.VirtualMachinesProfile,
			VnetSubnetID:               p.VnetSubnetID,
			WindowsProfile:             p.WindowsProfile,
			WorkloadRuntime:            p.WorkloadRuntime,
			CurrentOrchestratorVersion: p.CurrentOrchestratorVersion,
			ETag:                       p.ETag,
			NodeImageVersion:           p.NodeImageVersion,
			ProvisioningState:          p.ProvisioningState,
		},
	}
	if clusterID != "" && isSet(p.Name) {
		ap.ID = to(strings.TrimSuffix(clusterID, "/") + "/agentPools/" + *p.Name)
	}
	return ap
}

// agentPoolToProfile turns a stored agentPools resource into the inline
// profile a cluster GET shows; fields are copied one by one, sharing
// pointers with ap.
func agentPoolToProfile(ap *armcontainerservice.AgentPool) *armcontainerservice.ManagedClusterAgentPoolProfile {
	if ap == nil {
		return nil
	}
	p := ap.Properties
	if p == nil {
		p = &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	}
	name := ap.Name
	if !isSet(name) {
		if n := poolName(ap); n != "" {
			name = to(n)
		}
	}
	return &armcontainerservice.ManagedClusterAgentPoolProfile{
		Name:                       name,
		AvailabilityZones:          p.AvailabilityZones,
		CapacityReservationGroupID: p.CapacityReservationGroupID,
		Count:                      p.Count,
		CreationData:               p.CreationData,
		EnableAutoScaling:          p.EnableAutoScaling,
		EnableEncryptionAtHost:     p.EnableEncryptionAtHost,
		EnableFIPS:                 p.EnableFIPS,
		EnableNodePublicIP:         p.EnableNodePublicIP,
		EnableUltraSSD:             p.EnableUltraSSD,
		GatewayProfile:             p.GatewayProfile,
		GpuInstanceProfile:         p.GpuInstanceProfile,
		GpuProfile:                 p.GpuProfile,
		HostGroupID:                p.HostGroupID,
		KubeletConfig:              p.KubeletConfig,
		KubeletDiskType:            p.KubeletDiskType,
		LinuxOSConfig:              p.LinuxOSConfig,
		LocalDNSProfile:            p.LocalDNSProfile,
		MaxCount:                   p.MaxCount,
		MaxPods:                    p.MaxPods,
		MessageOfTheDay:            p.MessageOfTheDay,
		MinCount:                   p.MinCount,
		Mode:                       p.Mode,
		NetworkProfile:             p.NetworkProfile,
		NodeLabels:                 p.NodeLabels,
		NodePublicIPPrefixID:       p.NodePublicIPPrefixID,
		NodeTaints:                 p.NodeTaints,
		OSDiskSizeGB:               p.OSDiskSizeGB,
		OSDiskType:                 p.OSDiskType,
		OSSKU:                      p.OSSKU,
		OSType:                     p.OSType,
		OrchestratorVersion:        p.OrchestratorVersion,
		PodIPAllocationMode:        p.PodIPAllocationMode,
		PodSubnetID:                p.PodSubnetID,
		PowerState:                 p.PowerState,
		ProximityPlacementGroupID:  p.ProximityPlacementGroupID,
		ScaleDownMode:              p.ScaleDownMode,
		ScaleSetEvictionPolicy:     p.ScaleSetEvictionPolicy,
		ScaleSetPriority:           p.ScaleSetPriority,
		SecurityProfile:            p.SecurityProfile,
		SpotMaxPrice:               p.SpotMaxPrice,
		Status:                     p.Status,
		Tags:                       p.Tags,
		Type:                       p.Type,
		UpgradeSettings:            p.UpgradeSettings,
		VMSize:                     p.VMSize,
		VirtualMachineNodesStatus:  p.VirtualMachineNodesStatus,
		VirtualMachinesProfile:     p.VirtualMachinesProfile,
		VnetSubnetID:               p.VnetSubnetID,
		WindowsProfile:             p.WindowsProfile,
		WorkloadRuntime:            p.WorkloadRuntime,
		CurrentOrchestratorVersion: p.CurrentOrchestratorVersion,
		ETag:                       p.ETag,
		NodeImageVersion:           p.NodeImageVersion,
		ProvisioningState:          p.ProvisioningState,
	}
}
