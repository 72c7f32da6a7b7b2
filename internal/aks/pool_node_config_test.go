package aks

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// officialNodeConfig is the kubeletConfig and linuxOSConfig of Microsoft's CustomNodeConfig request.
func officialNodeConfig(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
	p.KubeletConfig = &armcontainerservice.KubeletConfig{
		CPUManagerPolicy: to.Ptr("static"), CPUCfsQuota: to.Ptr(true), CPUCfsQuotaPeriod: to.Ptr("200ms"),
		ImageGcHighThreshold: to.Ptr[int32](90), ImageGcLowThreshold: to.Ptr[int32](70), TopologyManagerPolicy: to.Ptr("best-effort"),
		AllowedUnsafeSysctls: []*string{to.Ptr("kernel.msg*"), to.Ptr("net.core.somaxconn")}, FailSwapOn: to.Ptr(false),
	}
	p.LinuxOSConfig = &armcontainerservice.LinuxOSConfig{
		Sysctls: &armcontainerservice.SysctlConfig{
			NetCoreWmemDefault: to.Ptr[int32](12345), NetIPv4TCPTwReuse: to.Ptr(true), NetIPv4IPLocalPortRange: to.Ptr("20000 60000"), KernelThreadsMax: to.Ptr[int32](99999),
		},
		TransparentHugePageEnabled: to.Ptr("always"), TransparentHugePageDefrag: to.Ptr("madvise"), SwapFileSizeMB: to.Ptr[int32](1500),
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// What AKS returns reads back, and expands to the same request.
func TestNodeConfig_flattenThenExpandRoundTrips(t *testing.T) {
	pool := apiPool(officialNodeConfig)
	s := settingsFrom(t, pool)
	if got := s.KubeletConfig.Attributes()["cpu_manager_policy"]; !got.Equal(types.StringValue("static")) {
		t.Errorf("cpu_manager_policy = %v", got)
	}
	if got := s.KubeletConfig.Attributes()["pod_max_pid"]; !got.IsNull() {
		t.Errorf("pod_max_pid = %v, want null (AKS holds none)", got)
	}
	sysctls := sysctlConfigOf(t, s.LinuxOSConfig).Attributes()
	if !sysctls["kernel_threads_max"].Equal(types.Int64Value(99999)) || !sysctls["net_ipv4_tcp_tw_reuse"].Equal(types.BoolValue(true)) || !sysctls["vm_swappiness"].IsNull() {
		t.Errorf("sysctl_config = %v", sysctls)
	}
	body := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	requireNoErrors(t, expandNodeConfig(context.Background(), s, body))
	if got, want := jsonOf(t, body.KubeletConfig), jsonOf(t, pool.Properties.KubeletConfig); got != want {
		t.Errorf("kubeletConfig = %s, want %s", got, want)
	}
	if got, want := jsonOf(t, body.LinuxOSConfig), jsonOf(t, pool.Properties.LinuxOSConfig); got != want {
		t.Errorf("linuxOSConfig = %s, want %s", got, want)
	}
}

// A pool without custom configuration reads as null, and expands to nothing; an empty
// kubelet_config = {} written by the user stays an (empty) object.
func TestNodeConfig_absentReadsNull(t *testing.T) {
	s := settingsFrom(t, apiPool(nil))
	if !s.KubeletConfig.IsNull() || !s.LinuxOSConfig.IsNull() {
		t.Fatalf("kubelet_config = %v, linux_os_config = %v, want null", s.KubeletConfig, s.LinuxOSConfig)
	}
	body := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{}
	requireNoErrors(t, expandNodeConfig(context.Background(), s, body))
	if body.KubeletConfig != nil || body.LinuxOSConfig != nil {
		t.Errorf("expanded %s / %s, want nothing", jsonOf(t, body.KubeletConfig), jsonOf(t, body.LinuxOSConfig))
	}

	empty := flattenKubeletConfig(nil, types.ObjectValueMust(kubeletConfigAttrTypes, nullAttrs(kubeletConfigAttrTypes)))
	if empty.IsNull() || !empty.Attributes()["cpu_manager_policy"].IsNull() {
		t.Errorf("kubelet_config = {} read back as %v", empty)
	}
	k, diags := expandKubeletConfig(context.Background(), kubeletConfigModel{AllowedUnsafeSysctls: types.SetNull(types.StringType)})
	requireNoErrors(t, diags)
	if k != nil {
		t.Errorf("an empty kubelet_config expanded to %s", jsonOf(t, k))
	}
}

// A value AKS fills in (the official answer's podMaxPids) is recorded, also on import.
func TestNodeConfig_recordsWhatAKSFills(t *testing.T) {
	pool := apiPool(func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		officialNodeConfig(p)
		p.KubeletConfig.PodMaxPids = to.Ptr[int32](100)
	})
	s, _, diags := flattenNodePool(context.Background(), pool, flattenOptions{prior: &nodePoolSettings{}, importing: true})
	requireNoErrors(t, diags)
	if got := s.KubeletConfig.Attributes()["pod_max_pid"]; !got.Equal(types.Int64Value(100)) {
		t.Errorf("pod_max_pid = %v, want 100", got)
	}
	data, _, diags := flattenNodePool(context.Background(), pool, flattenOptions{})
	requireNoErrors(t, diags)
	if !data.LinuxOSConfig.Equal(s.LinuxOSConfig) {
		t.Errorf("data source reads %v, resource %v", data.LinuxOSConfig, s.LinuxOSConfig)
	}
}

func sysctlConfigOf(t *testing.T, linuxOS types.Object) types.Object {
	t.Helper()
	o, ok := linuxOS.Attributes()["sysctl_config"].(types.Object)
	if !ok {
		t.Fatalf("linux_os_config = %v", linuxOS)
	}
	return o
}

func withAttr(t *testing.T, o types.Object, name string, v attr.Value) types.Object {
	t.Helper()
	attrs := map[string]attr.Value{}
	for k, a := range o.Attributes() {
		attrs[k] = a
	}
	attrs[name] = v
	out, diags := types.ObjectValue(o.AttributeTypes(context.Background()), attrs)
	requireNoErrors(t, diags)
	return out
}

// Any change of a setting, nested sysctls included, or an unknown planned value replaces the
// pool; the same settings don't, and neither do changes elsewhere (which change nothing in place).
func TestNodeConfig_replacements(t *testing.T) {
	state := settingsFrom(t, apiPool(officialNodeConfig))
	if got := nodeConfigReplacements(state, state); len(got) != 0 {
		t.Errorf("same settings replace %v", got)
	}
	plan := state
	plan.KubeletConfig = withAttr(t, state.KubeletConfig, "pod_max_pid", types.Int64Value(4096))
	if got := nodeConfigReplacements(state, plan); !slices.Equal(got, []string{"kubelet_config"}) {
		t.Errorf("pod_max_pid replaces %v", got)
	}
	plan = state
	sysctls := withAttr(t, sysctlConfigOf(t, state.LinuxOSConfig), "vm_swappiness", types.Int64Value(10))
	plan.LinuxOSConfig = withAttr(t, state.LinuxOSConfig, "sysctl_config", sysctls)
	if got := nodeConfigReplacements(state, plan); !slices.Equal(got, []string{"linux_os_config"}) {
		t.Errorf("vm_swappiness replaces %v", got)
	}
	plan = state
	plan.KubeletConfig = withAttr(t, state.KubeletConfig, "cpu_manager_policy", types.StringUnknown())
	plan.LinuxOSConfig = types.ObjectUnknown(linuxOSConfigAttrTypes)
	if got := nodeConfigReplacements(state, plan); !slices.Equal(got, []string{"kubelet_config", "linux_os_config"}) {
		t.Errorf("unknown values replace %v", got)
	}
	plan = state
	plan.KubeletConfig = types.ObjectNull(kubeletConfigAttrTypes)
	if got := nodeConfigReplacements(state, plan); !slices.Equal(got, []string{"kubelet_config"}) {
		t.Errorf("removing the whole block replaces %v", got)
	}
	plan = state
	plan.NodeCount = types.Int64Value(5)
	if got := applyChanges(t, state, plan, apiPool(officialNodeConfig)); !slices.Equal(got, []string{"node_count"}) {
		t.Errorf("in-place changes %v", got)
	}
}

// The rules read the configured settings; an unknown block is read with every setting unknown.
func TestNodeConfig_rulesPool(t *testing.T) {
	s := settingsFrom(t, apiPool(officialNodeConfig))
	r := rulesPool(nodePoolResourceModel{nodePoolSettings: s})
	if r.Kubelet == nil || r.Kubelet.ImageGcLowThreshold.ValueInt64() != 70 || r.LinuxOS == nil || r.LinuxOS.SwapFileSizeMB.ValueInt64() != 1500 || !r.LinuxOS.Sysctls {
		t.Fatalf("rules pool = %+v %+v", r.Kubelet, r.LinuxOS)
	}
	s.KubeletConfig, s.LinuxOSConfig = types.ObjectUnknown(kubeletConfigAttrTypes), types.ObjectNull(linuxOSConfigAttrTypes)
	r = rulesPool(nodePoolResourceModel{nodePoolSettings: s})
	if r.Kubelet == nil || !r.Kubelet.FailSwapOn.IsUnknown() || r.LinuxOS != nil {
		t.Fatalf("rules pool = %+v %+v", r.Kubelet, r.LinuxOS)
	}
}

func nullAttrs(attrTypes map[string]attr.Type) map[string]attr.Value {
	ctx := context.Background()
	out := map[string]attr.Value{}
	for name, t := range attrTypes {
		v, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
		if err != nil {
			panic(err)
		}
		out[name] = v
	}
	return out
}

// keepState keeps an unconfigured value of an existing pool, null included, but only where its
// block was recorded; new pools and configured values are left to the plan.
func TestNodeConfig_keepState(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"kubelet_config": schema.SingleNestedAttribute{Optional: true, Computed: true, Attributes: map[string]schema.Attribute{
			"pod_max_pid": schema.Int64Attribute{Optional: true, Computed: true},
		}},
	}}
	objType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"pod_max_pid": tftypes.Number}}
	rootType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"kubelet_config": objType}}
	state := func(kubelet tftypes.Value) tfsdk.State {
		return tfsdk.State{Schema: s, Raw: tftypes.NewValue(rootType, map[string]tftypes.Value{"kubelet_config": kubelet})}
	}
	recorded := state(tftypes.NewValue(objType, map[string]tftypes.Value{"pod_max_pid": tftypes.NewValue(tftypes.Number, nil)}))
	absent := state(tftypes.NewValue(objType, nil))
	nested := path.Root("kubelet_config").AtName("pod_max_pid")
	run := func(st tfsdk.State, config types.Int64) types.Int64 {
		req := planmodifier.Int64Request{Path: nested, State: st, ConfigValue: config, PlanValue: types.Int64Unknown(), StateValue: types.Int64Null()}
		resp := &planmodifier.Int64Response{PlanValue: req.PlanValue}
		keepState{}.PlanModifyInt64(ctx, req, resp)
		return resp.PlanValue
	}
	if got := run(recorded, types.Int64Null()); !got.IsNull() {
		t.Errorf("recorded block: planned %v, want the state's null", got)
	}
	if got := run(absent, types.Int64Null()); !got.IsUnknown() {
		t.Errorf("block added now: planned %v, want unknown", got)
	}
	if got := run(tfsdk.State{Schema: s, Raw: tftypes.NewValue(rootType, nil)}, types.Int64Null()); !got.IsUnknown() {
		t.Errorf("new pool: planned %v, want unknown", got)
	}
	if got := run(recorded, types.Int64Unknown()); !got.IsUnknown() {
		t.Errorf("configured (unknown) value: planned %v, want it kept unknown", got)
	}
}
