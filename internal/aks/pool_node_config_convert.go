package aks

// kubelet_config and linux_os_config to and from the API's kubeletConfig and linuxOSConfig.

import (
	"context"
	"reflect"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// expandNodeConfig sets kubeletConfig and linuxOSConfig of a create body; unknown and null
// values are left out, so AKS applies its defaults.
func expandNodeConfig(ctx context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics {
	var diags diag.Diagnostics
	if known(s.KubeletConfig) {
		var m kubeletConfigModel
		diags.Append(s.KubeletConfig.As(ctx, &m, basetypes.ObjectAsOptions{})...)
		k, d := expandKubeletConfig(ctx, m)
		diags.Append(d...)
		p.KubeletConfig = k
	}
	if known(s.LinuxOSConfig) {
		var m linuxOSConfigModel
		diags.Append(s.LinuxOSConfig.As(ctx, &m, basetypes.ObjectAsOptions{})...)
		p.LinuxOSConfig = expandLinuxOSConfig(m)
	}
	return diags
}

func expandKubeletConfig(ctx context.Context, m kubeletConfigModel) (*armcontainerservice.KubeletConfig, diag.Diagnostics) {
	k := &armcontainerservice.KubeletConfig{
		CPUManagerPolicy:      stringPointer(m.CPUManagerPolicy),
		CPUCfsQuota:           boolPointer(m.CPUCfsQuotaEnabled),
		CPUCfsQuotaPeriod:     stringPointer(m.CPUCfsQuotaPeriod),
		ImageGcHighThreshold:  int32Pointer(m.ImageGcHighThreshold),
		ImageGcLowThreshold:   int32Pointer(m.ImageGcLowThreshold),
		TopologyManagerPolicy: stringPointer(m.TopologyManagerPolicy),
		ContainerLogMaxSizeMB: int32Pointer(m.ContainerLogMaxSizeMB),
		ContainerLogMaxFiles:  int32Pointer(m.ContainerLogMaxFiles),
		PodMaxPids:            int32Pointer(m.PodMaxPid),
		FailSwapOn:            boolPointer(m.FailSwapOn),
	}
	sysctls, diags := stringPointers(ctx, m.AllowedUnsafeSysctls)
	if len(sysctls) > 0 {
		k.AllowedUnsafeSysctls = sysctls
	}
	if reflect.ValueOf(*k).IsZero() {
		return nil, diags
	}
	return k, diags
}

func expandLinuxOSConfig(m linuxOSConfigModel) *armcontainerservice.LinuxOSConfig {
	l := &armcontainerservice.LinuxOSConfig{
		SwapFileSizeMB:             int32Pointer(m.SwapFileSizeMB),
		TransparentHugePageEnabled: stringPointer(m.TransparentHugePage),
		TransparentHugePageDefrag:  stringPointer(m.TransparentHugePageDefrag),
		Sysctls:                    expandSysctls(m.SysctlConfig),
	}
	if *l == (armcontainerservice.LinuxOSConfig{}) {
		return nil
	}
	return l
}

// nullNodeConfig is a pool without custom node configuration.
func nullNodeConfig() poolNodeConfig {
	return poolNodeConfig{KubeletConfig: types.ObjectNull(kubeletConfigAttrTypes), LinuxOSConfig: types.ObjectNull(linuxOSConfigAttrTypes)}
}

// flattenNodeConfig reads kubeletConfig and linuxOSConfig back. What AKS doesn't hold is null,
// and so is a whole attribute AKS holds nothing of when the prior value was null.
func flattenNodeConfig(_ context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics {
	prior := nullNodeConfig()
	if opts.prior != nil && !opts.importing {
		prior = opts.prior.poolNodeConfig
	}
	s.KubeletConfig = flattenKubeletConfig(p.KubeletConfig, prior.KubeletConfig)
	s.LinuxOSConfig = flattenLinuxOSConfig(p.LinuxOSConfig, prior.LinuxOSConfig)
	return nil
}

func flattenKubeletConfig(k *armcontainerservice.KubeletConfig, prior types.Object) types.Object {
	if k == nil && !known(prior) {
		return types.ObjectNull(kubeletConfigAttrTypes)
	}
	if k == nil {
		k = &armcontainerservice.KubeletConfig{}
	}
	sysctls := types.SetNull(types.StringType)
	if len(k.AllowedUnsafeSysctls) > 0 || priorEmptySet(prior, "allowed_unsafe_sysctls") {
		values := make([]attr.Value, 0, len(k.AllowedUnsafeSysctls))
		for _, v := range k.AllowedUnsafeSysctls {
			if v != nil {
				values = append(values, types.StringValue(*v))
			}
		}
		sysctls = types.SetValueMust(types.StringType, values)
	}
	return types.ObjectValueMust(kubeletConfigAttrTypes, map[string]attr.Value{
		"cpu_manager_policy":        types.StringPointerValue(k.CPUManagerPolicy),
		"cpu_cfs_quota_enabled":     types.BoolPointerValue(k.CPUCfsQuota),
		"cpu_cfs_quota_period":      types.StringPointerValue(k.CPUCfsQuotaPeriod),
		"image_gc_high_threshold":   int64FromInt32(k.ImageGcHighThreshold),
		"image_gc_low_threshold":    int64FromInt32(k.ImageGcLowThreshold),
		"topology_manager_policy":   types.StringPointerValue(k.TopologyManagerPolicy),
		"allowed_unsafe_sysctls":    sysctls,
		"container_log_max_size_mb": int64FromInt32(k.ContainerLogMaxSizeMB),
		"container_log_max_files":   int64FromInt32(k.ContainerLogMaxFiles),
		"pod_max_pid":               int64FromInt32(k.PodMaxPids),
		"fail_swap_on":              types.BoolPointerValue(k.FailSwapOn),
	})
}

// priorEmptySet reports whether the prior object held an empty set at name (kept as written).
func priorEmptySet(prior types.Object, name string) bool {
	if !known(prior) {
		return false
	}
	s, ok := prior.Attributes()[name].(types.Set)
	return ok && known(s) && len(s.Elements()) == 0
}

func flattenLinuxOSConfig(l *armcontainerservice.LinuxOSConfig, prior types.Object) types.Object {
	if l == nil && !known(prior) {
		return types.ObjectNull(linuxOSConfigAttrTypes)
	}
	if l == nil {
		l = &armcontainerservice.LinuxOSConfig{}
	}
	priorSysctls := types.ObjectNull(sysctlAttrTypes())
	if known(prior) {
		if o, ok := prior.Attributes()["sysctl_config"].(types.Object); ok {
			priorSysctls = o
		}
	}
	return types.ObjectValueMust(linuxOSConfigAttrTypes, map[string]attr.Value{
		"swap_file_size_mb":            int64FromInt32(l.SwapFileSizeMB),
		"transparent_huge_page":        types.StringPointerValue(l.TransparentHugePageEnabled),
		"transparent_huge_page_defrag": types.StringPointerValue(l.TransparentHugePageDefrag),
		"sysctl_config":                flattenSysctls(l.Sysctls, priorSysctls),
	})
}
