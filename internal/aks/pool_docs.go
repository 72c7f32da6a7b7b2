package aks

import "github.com/aksforge/terraform-provider-aks/internal/rules"

// nodePoolDocs documents each node pool attribute once, for the resource and the data sources:
// what AKS does with it. Value lists come from the rules' vocabulary, as the validators' do.
var nodePoolDocs = map[string]string{
	"id":         "The ARM ID of the agent pool, `/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{cluster}/agentPools/{name}`. This is the ID `terraform import` takes.",
	"cluster_id": "The ARM ID of the managed cluster the pool belongs to. Compared ignoring letter case, as ARM does. Changing it replaces the node pool.",
	"name": "The node pool's name, which is also the prefix of its nodes' names. It must start with a lowercase letter and contain only lowercase letters and digits: " +
		"1-12 characters for Linux pools, 1-6 for Windows pools (Windows node names are limited). Changing it replaces the node pool.",
	"mode": rules.MarkdownOneOf(rules.Modes...) + ". System pools host critical system pods such as CoreDNS and konnectivity; they must run Linux, have at least one node and not be Spot. " +
		"A cluster always keeps at least one System pool, so the last one can be neither deleted nor demoted to `User`. Defaults to `User`; changed in place.",
	"os_type": rules.MarkdownOneOf(rules.OSTypes...) + ". Windows pools need a cluster created with a Windows profile and a name of at most 6 characters. Defaults to `Linux`. Changing it replaces the node pool.",
	"os_sku": "The node OS image family. Linux: " + rules.MarkdownList(rules.LinuxOSSKUs...) + "; Windows: " + rules.MarkdownList(rules.WindowsOSSKUs...) + ". " +
		"When unset AKS picks the default for the OS type and Kubernetes version (Ubuntu for Linux) and it is recorded here. " +
		"A change between Linux SKUs (such as Ubuntu to Azure Linux) is made in place: AKS migrates the nodes by reimaging them, like a node image upgrade. Any other change replaces the node pool.",
	"vm_size": "The VM size of the pool's nodes, such as `Standard_D2pds_v5` (ARM64) or `Standard_DS3_v2`. When unset AKS picks a size and it is recorded here. " +
		"AKS can't resize the nodes of an existing pool: changing it replaces the node pool.",
	"node_count": "The number of nodes. Without autoscaling AKS scales the pool to this count (in place). " +
		"With `auto_scaling_enabled`, it is only the starting count at creation (defaults to `min_count`): the autoscaler then owns the count, its changes are never shown as drift and never reverted; see `current_node_count`. " +
		"System pools need at least 1 node; user pools may have 0.",
	"current_node_count":   "The number of nodes the pool has now, as AKS reports it (with autoscaling, what the autoscaler chose).",
	"auto_scaling_enabled": "Whether the cluster autoscaler scales this pool between `min_count` and `max_count`. Defaults to false; changed in place.",
	"min_count":            "The fewest nodes the autoscaler keeps. Required with, and only allowed with, `auto_scaling_enabled`. At least 1 for System pools. Changed in place.",
	"max_count":            "The most nodes the autoscaler creates. Required with, and only allowed with, `auto_scaling_enabled`; at least `min_count`. Changed in place.",
	"orchestrator_version": "The pool's Kubernetes version, `major.minor` (AKS then runs that minor's latest patch and keeps the alias) or `major.minor.patch`. " +
		"When unset the pool gets the control plane's version at creation and it is recorded here. A newer version upgrades the pool in place (nodes are surged, drained and replaced per `upgrade_settings`). " +
		"It can't be above the control plane's version, more than three minors behind it, or a downgrade.",
	"current_orchestrator_version": "The exact Kubernetes version the pool's nodes run, such as `1.33.3` (resolves a `major.minor` `orchestrator_version`).",
	"node_image_version": "The node OS image. Unset: the running image is recorded here and newer images released by AKS are not applied. " +
		"`\"latest\"`: when AKS offers a newer image for the pool, the plan shows it in `current_node_image_version` and apply upgrades the nodes to it " +
		"(as `az aks nodepool upgrade --node-image-only` does, reimaging the nodes). A specific version must be the running one or the newest one offered.",
	"current_node_image_version": "The node image the pool's nodes run, such as `AKSUbuntu-2204gen2containerd-202509.01.0`.",
	"vnet_subnet_id": "The ARM ID of the subnet the nodes join, for a pool on its own subnet. All pools of a cluster must be in the same virtual network, and custom subnets can't be mixed with AKS-managed networking. " +
		"When unset the pool uses the cluster's networking. Changing it replaces the node pool.",
	"pod_subnet_id": "The ARM ID of the subnet pods get their IPs from (Azure CNI with dynamic pod IP allocation). Must be in the same virtual network as `vnet_subnet_id`. Changing it replaces the node pool.",
	"fips_enabled": "Whether nodes use a FIPS 140-2 enabled OS image. Not available with ARM64 sizes except on Azure Linux with Kubernetes 1.31 or later. " +
		"Defaults to false. Changed in place: AKS reimages every node of the pool.",
	"os_disk_type": "`Managed` (a network-attached Azure disk) or `Ephemeral` (on the VM's local cache, temporary or NVMe disk: faster, free, lost on reimage). " +
		"Ephemeral needs a size whose local disk holds the OS disk. When unset AKS uses Ephemeral where the size allows it and it is recorded here. Changing it replaces the node pool.",
	"os_disk_size_gb":   "The OS disk size in GB (GiB, as AKS compares sizes). When unset AKS picks one by VM size (128 GB for small sizes) and it is recorded here. At least 30 GB. Changing it replaces the node pool.",
	"kubelet_disk_type": "Where kubelet data (emptyDir volumes, container images) lives: `OS` (the OS disk) or `Temporary` (the VM's temporary disk). Recorded from AKS when unset. Changing it replaces the node pool.",
	"max_pods":          "The most pods a node runs, 10-250. When unset AKS sets it by network plugin (e.g. 250 for Azure CNI Overlay, 110 for kubenet) and it is recorded here. Changing it replaces the node pool.",
	"zones":             "The availability zones the nodes are spread over, such as `[\"1\", \"2\", \"3\"]`. Changing them replaces the node pool.",
	"node_labels":       "Kubernetes labels on every node of the pool. Keys under `kubernetes.azure.com/` are reserved for AKS. Changed in place.",
	"node_taints":       "Kubernetes taints on every node, each `key=value:Effect` with Effect " + rules.MarkdownOneOf(rules.TaintEffects...) + ". Changed in place (AKS applies them to new and existing nodes).",
	"tags":              "Azure tags on the pool's VM scale set. Changed in place.",
	"priority": rules.MarkdownOneOf(rules.Priorities...) + ". Spot nodes use spare capacity at a discount and can be evicted at any time; AKS adds its own " +
		"`kubernetes.azure.com/scalesetpriority=spot:NoSchedule` taint and label to them (not shown here). Spot pools must be `User` pools. Defaults to `Regular`. Changing it replaces the node pool.",
	"eviction_policy":         "What happens to evicted Spot nodes: `Delete` (AKS's default) or `Deallocate`. Only for Spot pools. Changing it replaces the node pool.",
	"spot_max_price":          "The most you pay per Spot node hour in US dollars, or `-1` (AKS's default) for up to the on-demand price. Only for Spot pools. Changing it replaces the node pool.",
	"host_encryption_enabled": "Whether the nodes' disks and caches are encrypted at the VM host (the size and the subscription feature must support it). Defaults to false. Changing it replaces the node pool.",
	"provisioning_state":      "AKS's provisioning state of the pool, such as `Succeeded` or `Failed`.",
	"upgrade_settings": "How AKS rolls nodes during upgrades and reimages (version upgrades, node image upgrades, OS SKU migration, FIPS changes). " +
		"Without the block AKS's settings are left as they are. Changed in place.",
	"max_surge":                     "Extra nodes created during an upgrade, a count (`1`) or a percentage of the pool (`33%`). AKS defaults to `10%`.",
	"max_unavailable":               "Nodes that may be unavailable during an upgrade, a count or a percentage. Typically `0` with a surge.",
	"drain_timeout_in_minutes":      "How long AKS waits to evict a node's pods (respecting PodDisruptionBudgets) before failing the upgrade. AKS defaults to 30.",
	"node_soak_duration_in_minutes": "How long AKS waits after reimaging a node before moving to the next one, 0-30 minutes.",
	"ignore_pod_disruption_budget_on_delete": "Whether deleting the pool evicts its pods without honouring their PodDisruptionBudgets (the `ignore-pod-disruption-budget` parameter of the delete call), " +
		"so a blocking budget can't stall the deletion. Only affects deletion; no API call is made when it changes. Defaults to false.",
}

// defaultPoolDocs documents aks_cluster's default_node_pool where it differs from aks_node_pool:
// its own attributes, and the settings whose change rotates the pool instead of replacing it.
var defaultPoolDocs = map[string]string{
	"name":                         "The default pool's name (the guide's `nodepool1`): a lowercase letter, then lowercase letters and digits, 1-12 characters. Changing it rotates the pool into a new pool of that name; the cluster is kept.",
	"temporary_name_for_rotation":  "The name of the temporary System pool a rotation creates. When unset, the pool's name cut to 9 characters followed by `tmp` (e.g. `nodepool1tmp`). Only used during a rotation; changing it makes no API call.",
	"only_critical_addons_enabled": "Whether the pool's nodes carry the `CriticalAddonsOnly=true:NoSchedule` taint, so that only AKS's critical add-ons (CoreDNS, konnectivity, ...) run there and applications go to user pools. Defaults to false; changed in place.",

	"os_sku":                  nodePoolDocs["os_sku"] + " The default pool runs Linux, so it takes the Linux SKUs only, and a change between them is made in place.",
	"vm_size":                 "The VM size of the pool's nodes, such as `Standard_DS2_v2`. When unset AKS picks a size and it is recorded here. AKS can't resize nodes in place: a change rotates the pool.",
	"orchestrator_version":    nodePoolDocs["orchestrator_version"] + " At cluster creation it must equal `kubernetes_version`; unset, the pool follows `kubernetes_version` upgrades.",
	"vnet_subnet_id":          "The ARM ID of the subnet the nodes join (the guide's `snet-system` pattern). All of the cluster's pools must use the same virtual network. A change rotates the pool.",
	"pod_subnet_id":           "The ARM ID of the subnet pods get their IPs from (Azure CNI with dynamic pod IP allocation). A change rotates the pool.",
	"os_disk_type":            rules.MarkdownOneOf(rules.OSDiskTypes...) + ". When unset AKS uses Ephemeral where the VM size allows it and it is recorded here. A change rotates the pool.",
	"os_disk_size_gb":         "The OS disk size in GB. When unset AKS picks one by VM size and it is recorded here. At least 30 GB. A change rotates the pool.",
	"kubelet_disk_type":       "Where kubelet data lives: " + rules.MarkdownOneOf(rules.KubeletDiskTypes...) + ". Recorded from AKS when unset. A change rotates the pool.",
	"max_pods":                "The most pods a node runs, 10-250 (System pools need room for at least 30). When unset AKS sets it by network plugin and it is recorded here. A change rotates the pool.",
	"zones":                   "The availability zones the nodes are spread over, such as `[\"1\", \"2\", \"3\"]`. A change rotates the pool.",
	"node_taints":             nodePoolDocs["node_taints"] + " Use `only_critical_addons_enabled` for the `CriticalAddonsOnly` taint.",
	"host_encryption_enabled": "Whether the nodes' disks and caches are encrypted at the VM host. Defaults to false. A change rotates the pool.",
}
