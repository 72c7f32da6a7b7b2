package aks

// The hardware settings' conversions and planning: the create body, reading back, in-place
// changes (the security profile) and the changes that need a new pool (the rest).

import (
	"context"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// securityProfileOf decodes security_profile; ok is false when it is null or unknown.
func securityProfileOf(ctx context.Context, v types.Object) (m securityProfileModel, ok bool, diags diag.Diagnostics) {
	if v.IsNull() || v.IsUnknown() {
		return m, false, nil
	}
	diags = v.As(ctx, &m, basetypes.ObjectAsOptions{})
	return m, !diags.HasError(), diags
}

// expandHardware sets the hardware settings of a create body; unset and unknown values are left
// out so that AKS applies its defaults.
func expandHardware(ctx context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics {
	p.GpuInstanceProfile = enumPointer[armcontainerservice.GPUInstanceProfile](s.GPUInstanceProfile)
	// "Install" is AKS's default ("When it's not specified, default is Install"), and it is
	// refused on sizes without GPU: only the opt-out is sent, so that a value carried over from
	// the state into a replacement on another size can't make the create fail.
	if known(s.GPUDriver) && !strings.EqualFold(s.GPUDriver.ValueString(), rules.GPUDriverInstall) {
		p.GpuProfile = &armcontainerservice.GPUProfile{Driver: enumPointer[armcontainerservice.GPUDriver](s.GPUDriver)}
	}
	p.WorkloadRuntime = enumPointer[armcontainerservice.WorkloadRuntime](s.WorkloadRuntime)
	p.EnableUltraSSD = boolPointer(s.UltraSSDEnabled)
	m, ok, diags := securityProfileOf(ctx, s.SecurityProfile)
	if ok {
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{
			SSHAccess:        enumPointer[armcontainerservice.AgentPoolSSHAccess](m.SSHAccess),
			EnableSecureBoot: boolPointer(m.SecureBootEnabled),
			EnableVTPM:       boolPointer(m.VTPMEnabled),
		}
	}
	return diags
}

// flattenHardware reads the hardware settings back. AKS may leave its defaults out of its
// answer: an absent workload runtime is OCIContainer, an absent SSH access LocalUser, absent
// flags false, and an absent GPU driver keeps a prior "Install" (AKS's default).
func flattenHardware(_ context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics {
	prior := poolHardware{}
	if opts.prior != nil {
		prior = opts.prior.poolHardware
	}
	s.GPUInstanceProfile = keepSpelling(prior.GPUInstanceProfile, enumString(p.GpuInstanceProfile))
	s.GPUDriver = types.StringNull()
	if p.GpuProfile != nil && p.GpuProfile.Driver != nil && *p.GpuProfile.Driver != "" {
		s.GPUDriver = keepSpelling(prior.GPUDriver, enumString(p.GpuProfile.Driver))
	} else if known(prior.GPUDriver) && strings.EqualFold(prior.GPUDriver.ValueString(), rules.GPUDriverInstall) {
		s.GPUDriver = prior.GPUDriver
	}
	s.WorkloadRuntime = types.StringValue(rules.WorkloadRuntimeOCIContainer)
	if p.WorkloadRuntime != nil && *p.WorkloadRuntime != "" {
		s.WorkloadRuntime = keepSpelling(prior.WorkloadRuntime, enumString(p.WorkloadRuntime))
	}
	s.UltraSSDEnabled = types.BoolValue(p.EnableUltraSSD != nil && *p.EnableUltraSSD)

	sp := p.SecurityProfile
	if sp == nil {
		sp = &armcontainerservice.AgentPoolSecurityProfile{}
	}
	ssh := rules.SSHAccessLocalUser
	if sp.SSHAccess != nil && *sp.SSHAccess != "" {
		ssh = string(*sp.SSHAccess)
	}
	var priorSSH types.String
	if m, ok, _ := securityProfileOf(context.Background(), prior.SecurityProfile); ok {
		priorSSH = m.SSHAccess
	}
	var diags diag.Diagnostics
	s.SecurityProfile, diags = types.ObjectValue(securityProfileAttrTypes, map[string]attr.Value{
		"ssh_access":          keepSpelling(priorSSH, &ssh),
		"secure_boot_enabled": types.BoolValue(sp.EnableSecureBoot != nil && *sp.EnableSecureBoot),
		"vtpm_enabled":        types.BoolValue(sp.EnableVTPM != nil && *sp.EnableVTPM),
	})
	return diags
}

// hardwareChanges adds the in-place changes of the security profile, each applied onto the
// pool AKS holds: `az aks nodepool update --ssh-access`, `--enable/--disable-secure-boot`,
// `--enable/--disable-vtpm`.
func hardwareChanges(ctx context.Context, l *poolChangeList, state, plan poolValues) {
	planned, ok, d := securityProfileOf(ctx, plan.SecurityProfile)
	l.diags.Append(d...)
	if !ok {
		return
	}
	current, _, d := securityProfileOf(ctx, state.SecurityProfile)
	l.diags.Append(d...)
	onto := func(p *poolProperties) *armcontainerservice.AgentPoolSecurityProfile {
		if p.SecurityProfile == nil {
			p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{}
		}
		return p.SecurityProfile
	}
	if known(planned.SSHAccess) && changed(current.SSHAccess, planned.SSHAccess) {
		l.add("security_profile.ssh_access", func(p *poolProperties) {
			onto(p).SSHAccess = enumPointer[armcontainerservice.AgentPoolSSHAccess](planned.SSHAccess)
		})
	}
	if known(planned.SecureBootEnabled) && planned.SecureBootEnabled.ValueBool() != current.SecureBootEnabled.ValueBool() {
		l.add("security_profile.secure_boot_enabled", func(p *poolProperties) { onto(p).EnableSecureBoot = boolPointer(planned.SecureBootEnabled) })
	}
	if known(planned.VTPMEnabled) && planned.VTPMEnabled.ValueBool() != current.VTPMEnabled.ValueBool() {
		l.add("security_profile.vtpm_enabled", func(p *poolProperties) { onto(p).EnableVTPM = boolPointer(planned.VTPMEnabled) })
	}
}

// hardwareReplacements names the hardware attributes whose change needs a new pool. AKS's
// defaults equal the unset value (no MIG profile, Install, OCIContainer, no Ultra SSD), so
// writing a default that was unset before is no change.
func hardwareReplacements(state, plan nodePoolSettings) []string {
	var out []string
	differs := func(name string, s, p types.String, unset string) {
		if p.IsUnknown() || !strings.EqualFold(hardwareStringOr(s, unset), hardwareStringOr(p, unset)) {
			out = append(out, name)
		}
	}
	differs("gpu_instance_profile", state.GPUInstanceProfile, plan.GPUInstanceProfile, "")
	differs("gpu_driver", state.GPUDriver, plan.GPUDriver, rules.GPUDriverInstall)
	differs("workload_runtime", state.WorkloadRuntime, plan.WorkloadRuntime, rules.WorkloadRuntimeOCIContainer)
	if plan.UltraSSDEnabled.IsUnknown() || plan.UltraSSDEnabled.ValueBool() != state.UltraSSDEnabled.ValueBool() {
		out = append(out, "ultra_ssd_enabled")
	}
	return out
}

func hardwareStringOr(v types.String, unset string) string {
	if v.IsNull() || v.IsUnknown() {
		return unset
	}
	return v.ValueString()
}

// planHardware warns about the security profile's in-place changes: Trusted Launch reimages the
// nodes (so the node image changes), SSH access takes effect at the next node image upgrade.
func planHardware(base path.Path, state poolValues, plan *poolValues, config poolValues) diag.Diagnostics {
	var diags diag.Diagnostics
	ctx := context.Background()
	planned, ok, _ := securityProfileOf(ctx, plan.SecurityProfile)
	if !ok {
		return diags
	}
	current, _, _ := securityProfileOf(ctx, state.SecurityProfile)
	at := base.AtName("security_profile")
	if known(planned.SSHAccess) && changed(current.SSHAccess, planned.SSHAccess) {
		diags.AddAttributeWarning(at.AtName("ssh_access"), "SSH access changes at the next node image upgrade",
			fmt.Sprintf("ssh_access changes from %s to %s: AKS records it now, and the nodes apply it after their next node image upgrade or reimage "+
				"(set node_image_version = \"latest\" to upgrade when AKS offers a newer image).", current.SSHAccess.ValueString(), planned.SSHAccess.ValueString()))
	}
	bootChanges := known(planned.SecureBootEnabled) && planned.SecureBootEnabled.ValueBool() != current.SecureBootEnabled.ValueBool()
	tpmChanges := known(planned.VTPMEnabled) && planned.VTPMEnabled.ValueBool() != current.VTPMEnabled.ValueBool()
	if !bootChanges && !tpmChanges {
		return diags
	}
	diags.AddAttributeWarning(at, "The node pool will be reimaged",
		fmt.Sprintf("Trusted Launch changes (secure boot %t → %t, vTPM %t → %t): AKS reimages every node of the pool onto the matching node image, which recreates the nodes and disrupts workloads.",
			current.SecureBootEnabled.ValueBool(), planned.SecureBootEnabled.ValueBool(), current.VTPMEnabled.ValueBool(), planned.VTPMEnabled.ValueBool()))
	plan.CurrentNodeImageVersion = types.StringUnknown()
	switch {
	case config.NodeImageVersion.IsNull():
		plan.NodeImageVersion = types.StringUnknown()
	case config.NodeImageVersion.ValueString() != nodeImageLatest:
		diags.AddAttributeError(base.AtName("node_image_version"), "Pinned node image conflicts with a change that reimages the nodes",
			fmt.Sprintf("node_image_version is pinned to %q, but the Trusted Launch change makes AKS reimage the nodes with another image, so the pin can't hold.\n\n"+
				"Fix: set node_image_version = \"latest\" or remove it for this change, and pin again afterwards if needed.", config.NodeImageVersion.ValueString()))
	}
	return diags
}

// hardwareRules copies the hardware settings into the pool the rules read.
func hardwareRules(s nodePoolSettings, r *rules.Pool) {
	r.GPUInstanceProfile = s.GPUInstanceProfile
	r.GPUDriver = s.GPUDriver
	r.WorkloadRuntime = s.WorkloadRuntime
	r.UltraSSDEnabled = s.UltraSSDEnabled
	r.HardwareZones = s.Zones
	r.SSHAccess, r.SecureBootEnabled, r.VTPMEnabled = types.StringNull(), types.BoolNull(), types.BoolNull()
	switch {
	case s.SecurityProfile.IsUnknown():
		r.SSHAccess, r.SecureBootEnabled, r.VTPMEnabled = types.StringUnknown(), types.BoolUnknown(), types.BoolUnknown()
	case !s.SecurityProfile.IsNull():
		if m, ok, _ := securityProfileOf(context.Background(), s.SecurityProfile); ok {
			r.SSHAccess, r.SecureBootEnabled, r.VTPMEnabled = m.SSHAccess, m.SecureBootEnabled, m.VTPMEnabled
		}
	}
}

// hardwareFromAzurerm reads azurerm's hardware settings of a node pool (gpu_instance, gpu_driver,
// workload_runtime, ultra_ssd_enabled) for a moved state. azurerm has no security profile: it is
// null, and the refresh that follows the move reads AKS's.
func hardwareFromAzurerm(s azurermState) poolHardware {
	return poolHardware{
		GPUInstanceProfile: s.str("gpu_instance"),
		GPUDriver:          s.str("gpu_driver"),
		WorkloadRuntime:    s.strOr(rules.WorkloadRuntimeOCIContainer, "workload_runtime"),
		UltraSSDEnabled:    s.flag("ultra_ssd_enabled"),
		SecurityProfile:    types.ObjectNull(securityProfileAttrTypes),
	}
}
