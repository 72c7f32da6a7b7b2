package aks

// Custom node configuration (kubelet_config and linux_os_config): AKS's agentPool kubeletConfig
// and linuxOSConfig, on aks_node_pool and default_node_pool. AKS takes them when a pool is
// created and can't change them afterwards: `az aks nodepool add` has --kubelet-config and
// --linux-os-config, `az aks nodepool update` has neither, and AKS answers an update that
// changes them with CustomKubeletConfigOrCustomLinuxOSConfigCanNotBeChanged (Azure/AKS#2300,
// #2591). A change therefore replaces an aks_node_pool and rotates the default pool.

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// poolNodeConfig is the custom node configuration of a pool (embedded in poolSettings).
type poolNodeConfig struct {
	KubeletConfig types.Object `tfsdk:"kubelet_config"`
	LinuxOSConfig types.Object `tfsdk:"linux_os_config"`
}

// kubeletConfigModel is kubelet_config.
type kubeletConfigModel struct {
	CPUManagerPolicy      types.String `tfsdk:"cpu_manager_policy"`
	CPUCfsQuotaEnabled    types.Bool   `tfsdk:"cpu_cfs_quota_enabled"`
	CPUCfsQuotaPeriod     types.String `tfsdk:"cpu_cfs_quota_period"`
	ImageGcHighThreshold  types.Int64  `tfsdk:"image_gc_high_threshold"`
	ImageGcLowThreshold   types.Int64  `tfsdk:"image_gc_low_threshold"`
	TopologyManagerPolicy types.String `tfsdk:"topology_manager_policy"`
	AllowedUnsafeSysctls  types.Set    `tfsdk:"allowed_unsafe_sysctls"`
	ContainerLogMaxSizeMB types.Int64  `tfsdk:"container_log_max_size_mb"`
	ContainerLogMaxFiles  types.Int64  `tfsdk:"container_log_max_files"`
	PodMaxPid             types.Int64  `tfsdk:"pod_max_pid"`
	FailSwapOn            types.Bool   `tfsdk:"fail_swap_on"`
}

// linuxOSConfigModel is linux_os_config.
type linuxOSConfigModel struct {
	SwapFileSizeMB            types.Int64  `tfsdk:"swap_file_size_mb"`
	TransparentHugePage       types.String `tfsdk:"transparent_huge_page"`
	TransparentHugePageDefrag types.String `tfsdk:"transparent_huge_page_defrag"`
	SysctlConfig              types.Object `tfsdk:"sysctl_config"`
}

var kubeletConfigAttrTypes = map[string]attr.Type{
	"cpu_manager_policy": types.StringType, "cpu_cfs_quota_enabled": types.BoolType, "cpu_cfs_quota_period": types.StringType,
	"image_gc_high_threshold": types.Int64Type, "image_gc_low_threshold": types.Int64Type, "topology_manager_policy": types.StringType,
	"allowed_unsafe_sysctls": types.SetType{ElemType: types.StringType}, "container_log_max_size_mb": types.Int64Type,
	"container_log_max_files": types.Int64Type, "pod_max_pid": types.Int64Type, "fail_swap_on": types.BoolType,
}

var linuxOSConfigAttrTypes = map[string]attr.Type{
	"swap_file_size_mb": types.Int64Type, "transparent_huge_page": types.StringType, "transparent_huge_page_defrag": types.StringType,
	"sysctl_config": types.ObjectType{AttrTypes: sysctlAttrTypes()},
}

// nodeConfigAttributes declares kubelet_config and linux_os_config. Both are Optional and
// Computed, as is each setting in them: what AKS fills in is recorded, and a setting left out
// of the configuration keeps the pool's value (keepState) rather than planning a replacement.
func nodeConfigAttributes(k poolKind) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"kubelet_config": schema.SingleNestedAttribute{
			Optional: true, Computed: true, MarkdownDescription: nodeConfigDoc(k, "kubelet_config"),
			PlanModifiers: []planmodifier.Object{keepState{}}, Attributes: kubeletConfigAttributes(k),
		},
		"linux_os_config": schema.SingleNestedAttribute{
			Optional: true, Computed: true, MarkdownDescription: nodeConfigDoc(k, "linux_os_config"),
			PlanModifiers: []planmodifier.Object{keepState{}}, Attributes: linuxOSConfigAttributes(k),
		},
	}
}

func kubeletConfigAttributes(k poolKind) map[string]schema.Attribute {
	doc := func(name string) string { return nodeConfigDoc(k, "kubelet_config."+name) }
	str := func(name string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Computed: true, MarkdownDescription: doc(name), Validators: v, PlanModifiers: []planmodifier.String{keepState{}}}
	}
	num := func(name, setting string, minimum, maximum int64) schema.Int64Attribute {
		return schema.Int64Attribute{Optional: true, Computed: true, MarkdownDescription: doc(name),
			Validators: []validator.Int64{rules.NodeConfigRange(setting, minimum, maximum)}, PlanModifiers: []planmodifier.Int64{keepState{}}}
	}
	flag := func(name string) schema.BoolAttribute {
		return schema.BoolAttribute{Optional: true, Computed: true, MarkdownDescription: doc(name), PlanModifiers: []planmodifier.Bool{keepState{}}}
	}
	return map[string]schema.Attribute{
		"cpu_manager_policy":      str("cpu_manager_policy", stringvalidator.OneOf(rules.CPUManagerPolicies...)),
		"cpu_cfs_quota_enabled":   flag("cpu_cfs_quota_enabled"),
		"cpu_cfs_quota_period":    str("cpu_cfs_quota_period", rules.CPUCfsQuotaPeriod()),
		"image_gc_high_threshold": num("image_gc_high_threshold", "imageGcHighThreshold", rules.MinImageGCThreshold, rules.MaxImageGCThreshold),
		"image_gc_low_threshold":  num("image_gc_low_threshold", "imageGcLowThreshold", rules.MinImageGCThreshold, rules.MaxImageGCThreshold),
		"topology_manager_policy": str("topology_manager_policy", stringvalidator.OneOf(rules.TopologyManagerPolicies...)),
		"allowed_unsafe_sysctls": schema.SetAttribute{
			Optional: true, Computed: true, ElementType: types.StringType, MarkdownDescription: doc("allowed_unsafe_sysctls"),
			Validators:    []validator.Set{setvalidator.ValueStringsAre(rules.UnsafeSysctl())},
			PlanModifiers: []planmodifier.Set{keepState{}},
		},
		"container_log_max_size_mb": num("container_log_max_size_mb", "containerLogMaxSizeMB", 1, rules.MaxInt32),
		"container_log_max_files":   num("container_log_max_files", "containerLogMaxFiles", rules.MinContainerLogMaxFiles, rules.MaxInt32),
		"pod_max_pid":               num("pod_max_pid", "podMaxPids", rules.MinPodMaxPids, rules.MaxInt32),
		"fail_swap_on":              flag("fail_swap_on"),
	}
}

func linuxOSConfigAttributes(k poolKind) map[string]schema.Attribute {
	doc := func(name string) string { return nodeConfigDoc(k, "linux_os_config."+name) }
	return map[string]schema.Attribute{
		"swap_file_size_mb": schema.Int64Attribute{
			Optional: true, Computed: true, MarkdownDescription: doc("swap_file_size_mb"),
			Validators: []validator.Int64{rules.NodeConfigRange("swapFileSizeMB", 1, rules.MaxInt32)}, PlanModifiers: []planmodifier.Int64{keepState{}},
		},
		"transparent_huge_page": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: doc("transparent_huge_page"),
			Validators: []validator.String{stringvalidator.OneOf(rules.TransparentHugePageValues...)}, PlanModifiers: []planmodifier.String{keepState{}},
		},
		"transparent_huge_page_defrag": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: doc("transparent_huge_page_defrag"),
			Validators: []validator.String{stringvalidator.OneOf(rules.TransparentHugePageDefragValues...)}, PlanModifiers: []planmodifier.String{keepState{}},
		},
		"sysctl_config": schema.SingleNestedAttribute{
			Optional: true, Computed: true, MarkdownDescription: doc("sysctl_config"),
			PlanModifiers: []planmodifier.Object{keepState{}}, Attributes: sysctlAttributes(k),
		},
	}
}
