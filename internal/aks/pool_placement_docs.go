package aks

import "github.com/aksforge/terraform-provider-aks/internal/rules"

// placementDocs document the placement attributes (merged into nodePoolDocs).
var placementDocs = map[string]string{
	"capacity_reservation_group_id": "The ARM ID of a capacity reservation group (`Microsoft.Compute/capacityReservationGroups`) the pool's VMs take reserved capacity from. " +
		"The cluster's identity needs rights on the group (a user-assigned identity with `Contributor`, as Microsoft's guide describes), and the group needs at least one reservation, or AKS adds the pool without it and warns. " +
		"Compared ignoring letter case. Associating an existing pool is a preview feature outside API 2025-10-01, so changing it replaces the node pool " +
		"([source](https://learn.microsoft.com/azure/aks/use-capacity-reservation-groups)).",
	"host_group_id": "The ARM ID of an Azure Dedicated Host group (`Microsoft.Compute/hostGroups`, with automatic placement) the pool's VMs run on. " +
		"The pool's fault domain count is the host group's. Compared ignoring letter case. AKS can't move a pool onto, off or between host groups, so changing it replaces the node pool " +
		"([source](https://learn.microsoft.com/azure/aks/use-azure-dedicated-hosts)).",
	"proximity_placement_group_id": "The ARM ID of a proximity placement group (`Microsoft.Compute/proximityPlacementGroups`) that keeps the pool's VMs physically close. " +
		"A proximity placement group maps to one availability zone, so the pool uses at most one zone. Compared ignoring letter case. AKS associates it at pool creation only, so changing it replaces the node pool " +
		"([source](https://learn.microsoft.com/azure/aks/reduce-latency-ppg)).",
	"snapshot_id": "The ARM ID of a node pool snapshot (`Microsoft.ContainerService/snapshots`, sent as `creationData.sourceResourceId`) the pool is created from: " +
		"it gets the snapshot's node image and Kubernetes version, so `os_type`, `os_sku` and `orchestrator_version`, when set, must be the snapshot's (checked at plan by reading the snapshot). " +
		"Use a VM size of the snapshot's VM family. Changing it replaces the node pool ([source](https://learn.microsoft.com/azure/aks/node-pool-snapshot)).",
	"message_of_the_day": "The message of the day written to `/etc/motd` on the pool's Linux nodes, as plain text (a static string, printed, never executed). " +
		"The provider sends it base64-encoded, as AKS requires, and shows it decoded. Not for Windows pools. AKS sets it when the pool is created, so changing it replaces the node pool.",
	"scale_down_mode": rules.MarkdownOneOf(rules.ScaleDownModes...) + ": whether nodes removed by a scale-down (manual or by the autoscaler) are deleted or deallocated " +
		"(stopped: no compute charges, disks kept, started first on the next scale-up). `Deallocate` needs managed OS disks (`os_disk_type = \"Managed\"`). " +
		"Unset means AKS's default, `Delete`; removing it sets `Delete`, which deletes the deallocated nodes. Changed in place " +
		"([source](https://learn.microsoft.com/azure/aks/scale-down-mode)).",
	"pod_ip_allocation_mode": rules.MarkdownOneOf(rules.PodIPAllocationModes...) + ": how pods get IPs from `pod_subnet_id` (required with it): one at a time (`DynamicIndividual`, AKS's default) " +
		"or in /28 blocks per node (`StaticBlock`, Kubernetes 1.28 or later; best with `max_pods` = 16 × N − 1). A pod subnet is used in one mode by every pool on it. " +
		"AKS can't migrate a pool between modes, so changing it replaces the node pool " +
		"([source](https://learn.microsoft.com/azure/aks/configure-azure-cni-static-block-allocation)).",
	"undrainable_node_behavior": "What an upgrade does with a node it can't drain (for example because of a PodDisruptionBudget): `Schedule` (AKS's default: the node stays schedulable and the upgrade fails) " +
		"or `Cordon` (AKS cordons the node, labels it `kubernetes.azure.com/upgrade-status: Quarantined` and goes on with the other nodes). Changed in place " +
		"([source](https://learn.microsoft.com/azure/aks/upgrade-options)).",
}
