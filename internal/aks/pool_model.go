package aks

// The node pool settings shared by aks_node_pool, aks_cluster's default_node_pool and the node
// pool data sources: the Terraform model of an agent pool.

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// nodeImageLatest is the node_image_version value that asks for the newest node image.
const nodeImageLatest = "latest"

// AKS's own labels and taints on Spot pools. AKS adds them whatever the request says, so they
// are neither shown as drift nor removed by an update.
const (
	spotLabelKey   = "kubernetes.azure.com/scalesetpriority"
	spotLabelValue = "spot"
	spotTaint      = "kubernetes.azure.com/scalesetpriority=spot:NoSchedule"
)

// nodePoolSettings are an agent pool's settings, the attributes every node pool schema shares:
// poolSettings plus what only aks_node_pool sets (the default pool is always a Regular Linux
// System pool).
type nodePoolSettings struct {
	Mode   types.String `tfsdk:"mode"`
	OSType types.String `tfsdk:"os_type"`
	poolSettings
	Priority       types.String  `tfsdk:"priority"`
	EvictionPolicy types.String  `tfsdk:"eviction_policy"`
	SpotMaxPrice   types.Float64 `tfsdk:"spot_max_price"`
	nodePoolWindows
	nodePoolLifecycle
}

// poolSettings are the settings aks_node_pool and aks_cluster's default_node_pool have in common.
type poolSettings struct {
	OSSKU                      types.String `tfsdk:"os_sku"`
	VMSize                     types.String `tfsdk:"vm_size"`
	NodeCount                  types.Int64  `tfsdk:"node_count"`
	CurrentNodeCount           types.Int64  `tfsdk:"current_node_count"`
	AutoScalingEnabled         types.Bool   `tfsdk:"auto_scaling_enabled"`
	MinCount                   types.Int64  `tfsdk:"min_count"`
	MaxCount                   types.Int64  `tfsdk:"max_count"`
	OrchestratorVersion        types.String `tfsdk:"orchestrator_version"`
	CurrentOrchestratorVersion types.String `tfsdk:"current_orchestrator_version"`
	NodeImageVersion           types.String `tfsdk:"node_image_version"`
	CurrentNodeImageVersion    types.String `tfsdk:"current_node_image_version"`
	VnetSubnetID               types.String `tfsdk:"vnet_subnet_id"`
	PodSubnetID                types.String `tfsdk:"pod_subnet_id"`
	FIPSEnabled                types.Bool   `tfsdk:"fips_enabled"`
	OSDiskType                 types.String `tfsdk:"os_disk_type"`
	OSDiskSizeGB               types.Int64  `tfsdk:"os_disk_size_gb"`
	KubeletDiskType            types.String `tfsdk:"kubelet_disk_type"`
	MaxPods                    types.Int64  `tfsdk:"max_pods"`
	Zones                      types.Set    `tfsdk:"zones"`
	NodeLabels                 types.Map    `tfsdk:"node_labels"`
	NodeTaints                 types.List   `tfsdk:"node_taints"`
	Tags                       types.Map    `tfsdk:"tags"`
	HostEncryptionEnabled      types.Bool   `tfsdk:"host_encryption_enabled"`
	ProvisioningState          types.String `tfsdk:"provisioning_state"`
	poolNetwork
	poolLocalDNS
	poolHardware
	poolNodeConfig
	poolPlacement
}

// poolValues is one agent pool as the shared pool code (planning, changes, node images) reads and
// fills it: its settings and its upgrade_settings block. aks_node_pool and default_node_pool each
// convert their model to it, so the shared code serves both without knowing either.
type poolValues struct {
	nodePoolSettings
	UpgradeSettings types.Object
}

// upgradeSettingsModel is the upgrade_settings block.
type upgradeSettingsModel struct {
	MaxSurge                  types.String `tfsdk:"max_surge"`
	MaxUnavailable            types.String `tfsdk:"max_unavailable"`
	DrainTimeoutInMinutes     types.Int64  `tfsdk:"drain_timeout_in_minutes"`
	NodeSoakDurationInMinutes types.Int64  `tfsdk:"node_soak_duration_in_minutes"`
	UndrainableNodeBehavior   types.String `tfsdk:"undrainable_node_behavior"`
}

var upgradeSettingsAttrTypes = map[string]attr.Type{
	"max_surge":                     types.StringType,
	"max_unavailable":               types.StringType,
	"drain_timeout_in_minutes":      types.Int64Type,
	"node_soak_duration_in_minutes": types.Int64Type,
	"undrainable_node_behavior":     types.StringType,
}

// AKS's defaults for upgradeSettings on a new pool: a pool imported with exactly these is shown
// without an upgrade_settings block, the way it was most likely written.
const (
	defaultMaxSurge              = "10%"
	defaultDrainTimeoutInMinutes = 30
)

// isLinuxOSSKU reports whether sku is a Linux OS SKU, ignoring letter case as AKS does.
func isLinuxOSSKU(sku string) bool {
	for _, s := range rules.LinuxOSSKUs {
		if strings.EqualFold(s, sku) {
			return true
		}
	}
	return false
}
