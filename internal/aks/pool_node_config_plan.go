package aks

// Planning kubelet_config and linux_os_config: what a change does (replace or rotate), what a
// setting left unset plans as, and the settings the rules read.

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// keepState plans a setting left out of the configuration of an existing pool as the pool's
// value, null included (AKS can't change it in place, and a null AKS left stays null), where
// UseStateForUnknown would leave a null state unknown and so plan a replacement.
type keepState struct{}

var (
	_ planmodifier.String = keepState{}
	_ planmodifier.Int64  = keepState{}
	_ planmodifier.Bool   = keepState{}
	_ planmodifier.Set    = keepState{}
	_ planmodifier.Object = keepState{}
)

func (keepState) Description(context.Context) string {
	return "Unset, keeps the value the existing pool has."
}

func (m keepState) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

// keep reports whether the planned value at p is to be the state's: the pool exists, the
// value is not configured, and the object holding it was recorded (a setting of a block added
// now is AKS's to fill, so stays unknown).
func (keepState) keep(ctx context.Context, state tfsdk.State, p path.Path, config, plan attr.Value) bool {
	if state.Raw.IsNull() || !config.IsNull() || !plan.IsUnknown() {
		return false
	}
	parent := p.ParentPath()
	if len(parent.Steps()) == 0 {
		return true
	}
	var holder types.Object
	diags := state.GetAttribute(ctx, parent, &holder)
	return !diags.HasError() && !holder.IsNull() && !holder.IsUnknown()
}

func (m keepState) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if m.keep(ctx, req.State, req.Path, req.ConfigValue, req.PlanValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m keepState) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request, resp *planmodifier.Int64Response) {
	if m.keep(ctx, req.State, req.Path, req.ConfigValue, req.PlanValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m keepState) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest, resp *planmodifier.BoolResponse) {
	if m.keep(ctx, req.State, req.Path, req.ConfigValue, req.PlanValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m keepState) PlanModifySet(ctx context.Context, req planmodifier.SetRequest, resp *planmodifier.SetResponse) {
	if m.keep(ctx, req.State, req.Path, req.ConfigValue, req.PlanValue) {
		resp.PlanValue = req.StateValue
	}
}

func (m keepState) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest, resp *planmodifier.ObjectResponse) {
	if m.keep(ctx, req.State, req.Path, req.ConfigValue, req.PlanValue) {
		resp.PlanValue = req.StateValue
	}
}

// nodeConfigReplacements names kubelet_config and linux_os_config when the plan changes them:
// AKS can't change either on an existing pool. An unknown planned value counts as a change.
func nodeConfigReplacements(state, plan nodePoolSettings) []string {
	var out []string
	if nodeConfigDiffers(state.KubeletConfig, plan.KubeletConfig) {
		out = append(out, "kubelet_config")
	}
	if nodeConfigDiffers(state.LinuxOSConfig, plan.LinuxOSConfig) {
		out = append(out, "linux_os_config")
	}
	return out
}

// nodeConfigDiffers compares two objects setting by setting, nested objects included; a planned
// unknown anywhere is a change.
func nodeConfigDiffers(state, plan types.Object) bool {
	if plan.IsUnknown() {
		return true
	}
	if plan.IsNull() || state.IsNull() || state.IsUnknown() {
		return plan.IsNull() != state.IsNull()
	}
	stateAttrs := state.Attributes()
	for name, p := range plan.Attributes() {
		s := stateAttrs[name]
		if po, ok := p.(types.Object); ok {
			so, _ := s.(types.Object)
			if nodeConfigDiffers(so, po) {
				return true
			}
			continue
		}
		if p.IsUnknown() || s == nil || !p.Equal(s) {
			return true
		}
	}
	return false
}

// nodeConfigRules copies the configured kubelet_config and linux_os_config into the rules' pool.
// An unknown attribute is read with every setting unknown, so that no rule judges it.
func nodeConfigRules(s nodePoolSettings, r *rules.Pool) {
	ctx := context.Background()
	opts := basetypes.ObjectAsOptions{UnhandledUnknownAsEmpty: true}
	switch {
	case s.KubeletConfig.IsUnknown():
		r.Kubelet = &rules.KubeletConfig{
			CPUManagerPolicy: types.StringUnknown(), CPUCfsQuotaEnabled: types.BoolUnknown(), CPUCfsQuotaPeriod: types.StringUnknown(),
			ImageGcHighThreshold: types.Int64Unknown(), ImageGcLowThreshold: types.Int64Unknown(), TopologyManagerPolicy: types.StringUnknown(),
			AllowedUnsafeSysctls: types.SetUnknown(types.StringType), ContainerLogMaxSizeMB: types.Int64Unknown(),
			ContainerLogMaxFiles: types.Int64Unknown(), PodMaxPid: types.Int64Unknown(), FailSwapOn: types.BoolUnknown(),
		}
	case !s.KubeletConfig.IsNull():
		var m kubeletConfigModel
		if !s.KubeletConfig.As(ctx, &m, opts).HasError() {
			r.Kubelet = &rules.KubeletConfig{
				CPUManagerPolicy: m.CPUManagerPolicy, CPUCfsQuotaEnabled: m.CPUCfsQuotaEnabled, CPUCfsQuotaPeriod: m.CPUCfsQuotaPeriod,
				ImageGcHighThreshold: m.ImageGcHighThreshold, ImageGcLowThreshold: m.ImageGcLowThreshold, TopologyManagerPolicy: m.TopologyManagerPolicy,
				AllowedUnsafeSysctls: m.AllowedUnsafeSysctls, ContainerLogMaxSizeMB: m.ContainerLogMaxSizeMB,
				ContainerLogMaxFiles: m.ContainerLogMaxFiles, PodMaxPid: m.PodMaxPid, FailSwapOn: m.FailSwapOn,
			}
		}
	}
	switch {
	case s.LinuxOSConfig.IsUnknown():
		r.LinuxOS = &rules.LinuxOSConfig{SwapFileSizeMB: types.Int64Unknown(), TransparentHugePage: types.StringUnknown(), TransparentHugePageDefrag: types.StringUnknown(), Sysctls: true}
	case !s.LinuxOSConfig.IsNull():
		var m linuxOSConfigModel
		if !s.LinuxOSConfig.As(ctx, &m, opts).HasError() {
			r.LinuxOS = &rules.LinuxOSConfig{SwapFileSizeMB: m.SwapFileSizeMB, TransparentHugePage: m.TransparentHugePage,
				TransparentHugePageDefrag: m.TransparentHugePageDefrag, Sysctls: sysctlsSet(m.SysctlConfig)}
		}
	}
}
