package aks

import (
	"context"
	"slices"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func securityProfileValue(ssh string, boot, vtpm bool) types.Object {
	return types.ObjectValueMust(securityProfileAttrTypes, map[string]attr.Value{
		"ssh_access": types.StringValue(ssh), "secure_boot_enabled": types.BoolValue(boot), "vtpm_enabled": types.BoolValue(vtpm),
	})
}

// A pool AKS answers without the hardware fields reads as AKS's defaults; with them, as sent.
func TestFlattenHardware(t *testing.T) {
	s := settingsFrom(t, apiPool(nil))
	if s.WorkloadRuntime.ValueString() != "OCIContainer" || s.UltraSSDEnabled.ValueBool() || !s.GPUInstanceProfile.IsNull() || !s.GPUDriver.IsNull() {
		t.Errorf("defaults = %v %v %v %v", s.WorkloadRuntime, s.UltraSSDEnabled, s.GPUInstanceProfile, s.GPUDriver)
	}
	if !s.SecurityProfile.Equal(securityProfileValue("LocalUser", false, false)) {
		t.Errorf("security_profile = %v", s.SecurityProfile)
	}
	s = settingsFrom(t, apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.GpuInstanceProfile = to.Ptr(armcontainerservice.GPUInstanceProfileMIG2G)
		p.GpuProfile = &armcontainerservice.GPUProfile{Driver: to.Ptr(armcontainerservice.GPUDriverNone)}
		p.WorkloadRuntime = to.Ptr(armcontainerservice.WorkloadRuntimeKataVMIsolation)
		p.EnableUltraSSD = to.Ptr(true)
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{SSHAccess: to.Ptr(armcontainerservice.AgentPoolSSHAccessDisabled), EnableVTPM: to.Ptr(true)}
	}))
	if s.GPUInstanceProfile.ValueString() != "MIG2g" || s.GPUDriver.ValueString() != "None" || s.WorkloadRuntime.ValueString() != "KataVmIsolation" || !s.UltraSSDEnabled.ValueBool() {
		t.Errorf("read back = %v %v %v %v", s.GPUInstanceProfile, s.GPUDriver, s.WorkloadRuntime, s.UltraSSDEnabled)
	}
	if !s.SecurityProfile.Equal(securityProfileValue("Disabled", false, true)) {
		t.Errorf("security_profile = %v", s.SecurityProfile)
	}
	// A configured "Install" that AKS leaves out of its answer stays: it is AKS's default.
	prior := nodePoolSettings{}
	prior.GPUDriver = types.StringValue("Install")
	s, _, _ = flattenNodePool(context.Background(), apiPool(nil), flattenOptions{prior: &prior})
	if s.GPUDriver.ValueString() != "Install" {
		t.Errorf("gpu_driver = %v, want the prior Install", s.GPUDriver)
	}
}

// The create body carries what is planned, except the driver's default "Install".
func TestExpandHardware(t *testing.T) {
	s := settingsFrom(t, apiPool(nil))
	s.GPUInstanceProfile = types.StringValue("MIG1g")
	s.GPUDriver = types.StringValue("Install")
	s.UltraSSDEnabled = types.BoolValue(true)
	s.SecurityProfile = securityProfileValue("Disabled", true, false)
	p := &poolProperties{}
	if diags := expandHardware(context.Background(), s, p); diags.HasError() {
		t.Fatal(diags)
	}
	if *p.GpuInstanceProfile != "MIG1g" || p.GpuProfile != nil || *p.WorkloadRuntime != "OCIContainer" || !*p.EnableUltraSSD {
		t.Errorf("body = %+v", p)
	}
	if *p.SecurityProfile.SSHAccess != "Disabled" || !*p.SecurityProfile.EnableSecureBoot || *p.SecurityProfile.EnableVTPM {
		t.Errorf("securityProfile = %+v", p.SecurityProfile)
	}
	s.GPUDriver = types.StringValue("None")
	s.SecurityProfile = types.ObjectUnknown(securityProfileAttrTypes)
	p = &poolProperties{}
	expandHardware(context.Background(), s, p)
	if *p.GpuProfile.Driver != "None" || p.SecurityProfile != nil {
		t.Errorf("body = %+v", p)
	}
}

// The security profile changes in place, one field at a time over what AKS holds; the rest
// needs a new pool, where an unset value and AKS's default are the same.
func TestHardwareChangesAndReplacements(t *testing.T) {
	state := settingsFrom(t, apiPool(nil))
	plan := state
	plan.SecurityProfile = securityProfileValue("LocalUser", true, false)
	live := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{SSHAccess: to.Ptr(armcontainerservice.AgentPoolSSHAccessLocalUser)}
	})
	names := applyChanges(t, state, plan, live)
	if !slices.Equal(names, []string{"security_profile.secure_boot_enabled"}) || !*live.Properties.SecurityProfile.EnableSecureBoot ||
		*live.Properties.SecurityProfile.SSHAccess != "LocalUser" || live.Properties.SecurityProfile.EnableVTPM != nil {
		t.Errorf("changes = %v, securityProfile = %+v", names, live.Properties.SecurityProfile)
	}
	if got := hardwareReplacements(state, plan); len(got) != 0 {
		t.Errorf("replacements = %v", got)
	}

	explicitDefaults := state
	explicitDefaults.GPUDriver = types.StringValue("Install")
	if got := hardwareReplacements(state, explicitDefaults); len(got) != 0 {
		t.Errorf("writing AKS's default driver replaces: %v", got)
	}
	other := state
	other.GPUInstanceProfile = types.StringValue("MIG1g")
	other.GPUDriver = types.StringValue("None")
	other.WorkloadRuntime = types.StringValue("KataVmIsolation")
	other.UltraSSDEnabled = types.BoolUnknown()
	want := []string{"gpu_instance_profile", "gpu_driver", "workload_runtime", "ultra_ssd_enabled"}
	if got := hardwareReplacements(state, other); !slices.Equal(got, want) {
		t.Errorf("replacements = %v, want %v", got, want)
	}
}

// Trusted Launch changes reimage the nodes: the node image is planned unknown, and a pinned
// one is refused.
func TestPlanHardwareTrustedLaunch(t *testing.T) {
	state := poolValues{nodePoolSettings: settingsFrom(t, apiPool(nil)), UpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes)}
	plan := state
	plan.SecurityProfile = securityProfileValue("Disabled", false, true)
	config := poolValues{}
	diags := planHardware(path.Empty(), state, &plan, config)
	if diags.HasError() || diags.WarningsCount() != 2 || !plan.CurrentNodeImageVersion.IsUnknown() || !plan.NodeImageVersion.IsUnknown() {
		t.Errorf("diags = %v, current image %v, image %v", diags, plan.CurrentNodeImageVersion, plan.NodeImageVersion)
	}
	plan = state
	plan.SecurityProfile = securityProfileValue("LocalUser", true, false)
	config.NodeImageVersion = types.StringValue("AKSUbuntu-2204gen2containerd-202509.01.0")
	if diags := planHardware(path.Empty(), state, &plan, config); !diags.HasError() {
		t.Errorf("a pinned node image with a Trusted Launch change: %v", diags)
	}
	plan = state
	if diags := planHardware(path.Empty(), state, &plan, config); len(diags) != 0 || plan.CurrentNodeImageVersion.IsUnknown() {
		t.Errorf("no change: %v", diags)
	}
}
