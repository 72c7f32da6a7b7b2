package aks

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// guidePoolModel is the guide's nodepool1 as the plan of a create holds it.
func guidePoolModel() defaultNodePoolModel {
	return defaultNodePoolModel{
		Name:                      types.StringValue("nodepool1"),
		TemporaryNameForRotation:  types.StringNull(),
		OnlyCriticalAddonsEnabled: types.BoolValue(false),
		poolSettings: poolSettings{
			OSSKU:                      types.StringUnknown(),
			VMSize:                     types.StringValue("Standard_DS2_v2"),
			NodeCount:                  types.Int64Value(2),
			CurrentNodeCount:           types.Int64Unknown(),
			AutoScalingEnabled:         types.BoolValue(false),
			MinCount:                   types.Int64Null(),
			MaxCount:                   types.Int64Null(),
			OrchestratorVersion:        types.StringUnknown(),
			CurrentOrchestratorVersion: types.StringUnknown(),
			NodeImageVersion:           types.StringUnknown(),
			CurrentNodeImageVersion:    types.StringUnknown(),
			VnetSubnetID:               types.StringNull(),
			PodSubnetID:                types.StringNull(),
			FIPSEnabled:                types.BoolValue(false),
			OSDiskType:                 types.StringUnknown(),
			OSDiskSizeGB:               types.Int64Unknown(),
			KubeletDiskType:            types.StringUnknown(),
			MaxPods:                    types.Int64Unknown(),
			Zones:                      types.SetNull(types.StringType),
			NodeLabels:                 types.MapNull(types.StringType),
			NodeTaints:                 types.ListNull(types.StringType),
			Tags:                       types.MapNull(types.StringType),
			HostEncryptionEnabled:      types.BoolValue(false),
			ProvisioningState:          types.StringUnknown(),
		},
		UpgradeSettings: types.ObjectNull(upgradeSettingsAttrTypes),
	}
}

func stringList(t *testing.T, values ...string) types.List {
	t.Helper()
	l, diags := types.ListValueFrom(context.Background(), types.StringType, values)
	requireNoErrors(t, diags)
	return l
}

func requireNoErrors(t *testing.T, diags diag.Diagnostics) {
	t.Helper()
	if diags.HasError() {
		t.Fatalf("unexpected errors: %v", diags)
	}
}

func TestDerivedTemporaryName(t *testing.T) {
	for name, want := range map[string]string{
		"nodepool1":    "nodepool1tmp",
		"sys":          "systmp",
		"systempool12": "systempootmp",
		"abcdefghitmp": "abcdefghirot", // the derived name would be the pool's own
	} {
		if got := derivedTemporaryName(name); got != want {
			t.Errorf("derivedTemporaryName(%q) = %q, want %q", name, got, want)
		}
		if got := derivedTemporaryName(name); len(got) > 12 || got == name {
			t.Errorf("derivedTemporaryName(%q) = %q is not a valid, different pool name", name, got)
		}
	}
	pool := guidePoolModel()
	pool.TemporaryNameForRotation = types.StringValue("rotating")
	if got := temporaryName(pool); got != "rotating" {
		t.Errorf("temporaryName with temporary_name_for_rotation = %q", got)
	}
}

func TestRotationChanges(t *testing.T) {
	current := guidePoolModel()
	current.OSDiskType = types.StringValue("Managed")
	current.OSDiskSizeGB = types.Int64Value(128)
	current.MaxPods = types.Int64Value(250)
	current.KubeletDiskType = types.StringValue("OS")

	tests := []struct {
		name   string
		change func(*defaultNodePoolModel)
		want   []string
	}{
		{"nothing", func(*defaultNodePoolModel) {}, nil},
		{"vm size in other letter case", func(p *defaultNodePoolModel) { p.VMSize = types.StringValue("standard_ds2_v2") }, nil},
		{"bigger vm size", func(p *defaultNodePoolModel) { p.VMSize = types.StringValue("Standard_DS3_v2") }, []string{"vm_size"}},
		{"values left to AKS", func(p *defaultNodePoolModel) {
			p.OSDiskType, p.OSDiskSizeGB, p.MaxPods = types.StringUnknown(), types.Int64Unknown(), types.Int64Unknown()
		}, nil},
		{"in-place changes only", func(p *defaultNodePoolModel) {
			p.NodeCount = types.Int64Value(5)
			p.FIPSEnabled = types.BoolValue(true)
			p.OSSKU = types.StringValue("AzureLinux")
		}, nil},
		{"disk, pods, subnet, zones, host encryption", func(p *defaultNodePoolModel) {
			p.OSDiskSizeGB = types.Int64Value(64)
			p.MaxPods = types.Int64Value(110)
			p.VnetSubnetID = types.StringValue("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/subnets/snet-system")
			p.Zones = types.SetValueMust(types.StringType, []attr.Value{types.StringValue("1")})
			p.HostEncryptionEnabled = types.BoolValue(true)
		}, []string{"vnet_subnet_id", "os_disk_size_gb", "max_pods", "zones", "host_encryption_enabled"}},
		{"empty zones equal no zones", func(p *defaultNodePoolModel) { p.Zones = types.SetValueMust(types.StringType, nil) }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			planned := current
			tc.change(&planned)
			got := rotationChanges(current, planned)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("rotationChanges = %v, want %v", got, tc.want)
			}
		})
	}
}

// The critical add-ons taint is only_critical_addons_enabled, not one of node_taints, both ways.
func TestDefaultPoolCriticalAddonsTaint(t *testing.T) {
	ctx := context.Background()
	pool := guidePoolModel()
	pool.OnlyCriticalAddonsEnabled = types.BoolValue(true)
	pool.NodeTaints = stringList(t, "dedicated=system:PreferNoSchedule")

	settings, diags := pool.settings(ctx)
	requireNoErrors(t, diags)
	var taints []string
	requireNoErrors(t, settings.NodeTaints.ElementsAs(ctx, &taints, false))
	if strings.Join(taints, ",") != "dedicated=system:PreferNoSchedule,"+criticalAddonsTaint {
		t.Errorf("taints sent = %v", taints)
	}
	if settings.Mode.ValueString() != "System" || settings.OSType.ValueString() != "Linux" {
		t.Errorf("the default pool is sent as mode %s os %s", settings.Mode, settings.OSType)
	}

	back, diags := pool.fromSettings(ctx, settings, types.ObjectNull(upgradeSettingsAttrTypes))
	requireNoErrors(t, diags)
	if !back.OnlyCriticalAddonsEnabled.ValueBool() || !back.NodeTaints.Equal(pool.NodeTaints) {
		t.Errorf("read back only_critical_addons_enabled %s node_taints %s", back.OnlyCriticalAddonsEnabled, back.NodeTaints)
	}

	// Only the critical taint, node_taints unset: it reads back unset, not as an empty list.
	pool.NodeTaints = types.ListNull(types.StringType)
	settings, diags = pool.settings(ctx)
	requireNoErrors(t, diags)
	back, diags = pool.fromSettings(ctx, settings, types.ObjectNull(upgradeSettingsAttrTypes))
	requireNoErrors(t, diags)
	if !back.NodeTaints.IsNull() || !back.OnlyCriticalAddonsEnabled.ValueBool() {
		t.Errorf("read back node_taints %s only_critical_addons_enabled %s", back.NodeTaints, back.OnlyCriticalAddonsEnabled)
	}

	// Without the flag, a taint list is passed through.
	pool.OnlyCriticalAddonsEnabled = types.BoolValue(false)
	pool.NodeTaints = stringList(t, "a=b:NoSchedule")
	settings, diags = pool.settings(ctx)
	requireNoErrors(t, diags)
	if !settings.NodeTaints.Equal(pool.NodeTaints) {
		t.Errorf("taints sent without the flag = %s", settings.NodeTaints)
	}
}

func guidePlan(t *testing.T) clusterResourceModel {
	t.Helper()
	pool := guidePoolModel()
	return clusterResourceModel{
		clusterAttributes: clusterAttributes{
			Name:                        types.StringValue("aks-demo"),
			ResourceGroupName:           types.StringValue("rg-aks-demo"),
			Location:                    types.StringValue("East US"),
			DNSPrefix:                   types.StringValue("aks-demo"),
			KubernetesVersion:           types.StringValue("1.33"),
			SKUTier:                     types.StringUnknown(),
			NodeResourceGroup:           types.StringUnknown(),
			OIDCIssuerEnabled:           types.BoolValue(false),
			WorkloadIdentityEnabled:     types.BoolValue(false),
			LocalAccountDisabled:        types.BoolValue(false),
			AzureRBACEnabled:            types.BoolValue(false),
			AdminGroupObjectIDs:         types.SetNull(types.StringType),
			PrivateClusterEnabled:       types.BoolValue(false),
			APIServerAuthorizedIPRanges: types.SetNull(types.StringType),
			AutomaticUpgradeChannel:     types.StringUnknown(),
			NodeOSUpgradeChannel:        types.StringUnknown(),
			Tags:                        types.MapNull(types.StringType),
			Identity:                    types.ObjectUnknown(clusterIdentityAttrTypes),
			NetworkProfile:              types.ObjectUnknown(networkProfileAttrTypes),
			KubeletIdentity:             types.ObjectUnknown(kubeletIdentityAttrTypes),
		},
		DefaultNodePool: &pool,
	}
}

func TestExpandClusterCreate(t *testing.T) {
	ctx := context.Background()
	plan := guidePlan(t)
	plan.WindowsProfile = &windowsProfileModel{AdminUsername: types.StringValue("azureuser"), AdminPassword: types.StringNull()}
	plan.AzureRBACEnabled = types.BoolValue(true)
	mc, diags := expandCluster(ctx, plan, "Wo-Passw0rd!")
	requireNoErrors(t, diags)

	if got := string(*mc.Identity.Type); got != "SystemAssigned" {
		t.Errorf("identity when unset = %s, want SystemAssigned", got)
	}
	if mc.Properties.NetworkProfile != nil {
		t.Errorf("an unset network profile must leave AKS's defaults, sent %+v", mc.Properties.NetworkProfile)
	}
	if mc.SKU != nil {
		t.Errorf("an unset sku_tier must leave AKS's default, sent %+v", mc.SKU)
	}
	if got := *mc.Properties.WindowsProfile.AdminPassword; got != "Wo-Passw0rd!" {
		t.Errorf("windows password sent = %q", got)
	}
	if aad := mc.Properties.AADProfile; aad == nil || !*aad.Managed || !*aad.EnableAzureRBAC {
		t.Errorf("Azure RBAC needs managed Entra ID integration, sent %+v", aad)
	}
	if len(mc.Properties.AgentPoolProfiles) != 1 {
		t.Fatalf("want the default pool inline, got %d profiles", len(mc.Properties.AgentPoolProfiles))
	}
	raw, err := json.Marshal(mc.Properties.AgentPoolProfiles[0])
	if err != nil {
		t.Fatal(err)
	}
	var profile map[string]any
	if err := json.Unmarshal(raw, &profile); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]any{"name": "nodepool1", "mode": "System", "osType": "Linux", "count": float64(2), "vmSize": "Standard_DS2_v2", "type": "VirtualMachineScaleSets"} {
		if profile[key] != want {
			t.Errorf("profile %s = %v, want %v", key, profile[key], want)
		}
	}
	for _, unset := range []string{"orchestratorVersion", "osDiskType", "maxPods", "nodeImageVersion"} {
		if _, ok := profile[unset]; ok {
			t.Errorf("profile sends %s although the plan leaves it to AKS", unset)
		}
	}
}

func TestClusterChanges(t *testing.T) {
	ctx := context.Background()
	state := guidePlan(t)
	state.SKUTier = types.StringValue("Free")
	state.AutomaticUpgradeChannel = types.StringValue("none")
	state.NodeOSUpgradeChannel = types.StringValue("NodeImage")
	plan := state

	mc := &armcontainerservice.ManagedCluster{Properties: &armcontainerservice.ManagedClusterProperties{}}
	got, diags := clusterChanges(ctx, mc, state, plan, nil)
	requireNoErrors(t, diags)
	if len(got) != 0 {
		t.Errorf("no change must need no PUT, got %v", got)
	}

	plan.SKUTier = types.StringValue("Standard")
	plan.Tags = types.MapValueMust(types.StringType, map[string]attr.Value{"env": types.StringValue("demo")})
	plan.KubernetesVersion = types.StringValue("1.34")
	plan.APIServerAuthorizedIPRanges = types.SetValueMust(types.StringType, []attr.Value{types.StringValue("203.0.113.0/24")})
	pw := "New-Passw0rd!"
	plan.WindowsProfile = &windowsProfileModel{AdminUsername: types.StringValue("azureuser")}
	got, diags = clusterChanges(ctx, mc, state, plan, &pw)
	requireNoErrors(t, diags)
	if strings.Join(got, ",") != "sku_tier,windows_profile.admin_password,api_server_authorized_ip_ranges" {
		t.Errorf("changes = %v (tags and the version have their own calls)", got)
	}
	if *mc.SKU.Tier != armcontainerservice.ManagedClusterSKUTierStandard || mc.Properties.KubernetesVersion != nil || mc.Tags != nil {
		t.Errorf("applied: sku %v version %v tags %v", mc.SKU, mc.Properties.KubernetesVersion, mc.Tags)
	}
	if *mc.Properties.WindowsProfile.AdminPassword != pw {
		t.Errorf("the new password was not applied")
	}
}

func TestWindowsPasswordChange(t *testing.T) {
	plain := func(pw string) *windowsProfileModel {
		return &windowsProfileModel{AdminUsername: types.StringValue("u"), AdminPassword: types.StringValue(pw), AdminPasswordWO: types.StringNull(), AdminPasswordWOVersion: types.Int64Null()}
	}
	writeOnly := func(pw string, version int64) *windowsProfileModel {
		return &windowsProfileModel{AdminUsername: types.StringValue("u"), AdminPassword: types.StringNull(), AdminPasswordWO: types.StringValue(pw), AdminPasswordWOVersion: types.Int64Value(version)}
	}
	stateOf := func(m *windowsProfileModel) *windowsProfileModel {
		s := *m
		s.AdminPasswordWO = types.StringNull() // never in the state
		return &s
	}
	if got := windowsPasswordChange(plain("a"), plain("a"), plain("a")); got != nil {
		t.Errorf("unchanged password sent again")
	}
	if got := windowsPasswordChange(plain("a"), plain("b"), plain("b")); got == nil || *got != "b" {
		t.Errorf("changed password not sent: %v", got)
	}
	plan := writeOnly("c", 1)
	if got := windowsPasswordChange(stateOf(plan), stateOf(plan), plan); got != nil {
		t.Errorf("write-only password sent again with the same version")
	}
	next := writeOnly("d", 2)
	if got := windowsPasswordChange(stateOf(plan), stateOf(next), next); got == nil || *got != "d" {
		t.Errorf("write-only password not sent with a new version: %v", got)
	}
	if got := windowsPasswordToSend(stateOf(next), next); got != "d" {
		t.Errorf("create sends %q", got)
	}
}

func TestFlattenClusterKeepsConfiguredSpellings(t *testing.T) {
	ctx := context.Background()
	prior := guidePlan(t)
	mc := &armcontainerservice.ManagedCluster{
		ID:       to.Ptr("/subscriptions/00000000-0000-4000-8000-000000000002/resourcegroups/RG-AKS-DEMO/providers/Microsoft.ContainerService/managedClusters/aks-demo"),
		Location: to.Ptr("eastus"),
		Properties: &armcontainerservice.ManagedClusterProperties{
			KubernetesVersion:        to.Ptr("1.33.3"),
			CurrentKubernetesVersion: to.Ptr("1.33.3"),
			DNSPrefix:                to.Ptr("aks-demo"),
			WindowsProfile:           &armcontainerservice.ManagedClusterWindowsProfile{AdminUsername: to.Ptr("azureuser")},
			LinuxProfile: &armcontainerservice.LinuxProfile{AdminUsername: to.Ptr("azureuser"), SSH: &armcontainerservice.SSHConfiguration{
				PublicKeys: []*armcontainerservice.SSHPublicKey{{KeyData: to.Ptr("ssh-ed25519 AAAA")}}}},
		},
	}
	got, diags := flattenCluster(ctx, mc, clusterFlattenOptions{prior: &prior.clusterAttributes})
	requireNoErrors(t, diags)
	if got.Location.ValueString() != "East US" {
		t.Errorf("location = %s, want the configured East US", got.Location)
	}
	if got.KubernetesVersion.ValueString() != "1.33" {
		t.Errorf("kubernetes_version = %s, want the configured alias 1.33", got.KubernetesVersion)
	}
	if got.ResourceGroupName.ValueString() != "rg-aks-demo" {
		t.Errorf("resource_group_name = %s", got.ResourceGroupName)
	}
	if got.LinuxProfile != nil || got.MicrosoftDefender != nil {
		t.Errorf("blocks the configuration doesn't have must stay absent")
	}
	if got.SKUTier.ValueString() != "Free" || got.AutomaticUpgradeChannel.ValueString() != "none" {
		t.Errorf("AKS's defaults for unset values: sku %s channel %s", got.SKUTier, got.AutomaticUpgradeChannel)
	}

	// On import every block AKS has is recorded; the Windows password, never returned, stays null.
	imported, diags := flattenCluster(ctx, mc, clusterFlattenOptions{importing: true})
	requireNoErrors(t, diags)
	if imported.LinuxProfile == nil || imported.LinuxProfile.SSHPublicKey.ValueString() != "ssh-ed25519 AAAA" {
		t.Errorf("imported linux_profile = %+v", imported.LinuxProfile)
	}
	wp := flattenWindowsProfile(mc.Properties.WindowsProfile, nil, true)
	if wp == nil || !wp.AdminPassword.IsNull() || wp.AdminUsername.ValueString() != "azureuser" {
		t.Errorf("imported windows_profile = %+v", wp)
	}
	prior.WindowsProfile = &windowsProfileModel{AdminUsername: types.StringValue("azureuser"), AdminPassword: types.StringValue("kept"), AdminPasswordWOVersion: types.Int64Null()}
	if wp := flattenWindowsProfile(mc.Properties.WindowsProfile, prior.WindowsProfile, false); wp.AdminPassword.ValueString() != "kept" {
		t.Errorf("refresh lost the configured password: %+v", wp)
	}
}

func TestUnderDefaultPool(t *testing.T) {
	var diags diag.Diagnostics
	diags.AddAttributeWarning(path.Root("orchestrator_version"), "upgrade", "detail")
	diags.AddAttributeError(path.Root("upgrade_settings").AtName("max_surge"), "bad", "detail")
	diags.AddError("no path", "detail")
	got := underDefaultPool(diags)
	want := []string{"default_node_pool.orchestrator_version", "default_node_pool.upgrade_settings.max_surge", ""}
	for i, d := range got {
		p := ""
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			p = withPath.Path().String()
		}
		if p != want[i] {
			t.Errorf("diagnostic %d at %q, want %q", i, p, want[i])
		}
	}
	if got[0].Severity() != diag.SeverityWarning || got[1].Severity() != diag.SeverityError {
		t.Errorf("severities changed")
	}
}

func TestParseKubeconfig(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	kubeconfig := `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ` + b64("-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n") + `
    server: https://aks-demo-1234.hcp.eastus.azmk8s.io:443
  name: aks-demo
- cluster:
    server: https://other:443
  name: other
contexts:
- context:
    cluster: other
    user: someone
  name: other
- context:
    cluster: aks-demo
    user: clusterUser_rg-aks-demo_aks-demo
  name: aks-demo
current-context: aks-demo
kind: Config
preferences: {}
users:
- name: someone
  user:
    token: not-this-one
- name: clusterUser_rg-aks-demo_aks-demo
  user:
    client-certificate-data: ` + b64("CERT") + `
    client-key-data: ` + b64("KEY") + `
    token: 0123abcd
`
	got, err := parseKubeconfig([]byte(kubeconfig))
	if err != nil {
		t.Fatal(err)
	}
	want := kubeconfigCredentials{
		Host:                 "https://aks-demo-1234.hcp.eastus.azmk8s.io:443",
		ClusterCACertificate: "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n",
		ClientCertificate:    "CERT",
		ClientKey:            "KEY",
		Token:                "0123abcd",
		Username:             "clusterUser_rg-aks-demo_aks-demo",
	}
	if got != want {
		t.Errorf("parseKubeconfig = %+v\nwant %+v", got, want)
	}

	// An Entra ID user authenticates through kubelogin: no certificate, key or token.
	entra := strings.Replace(kubeconfig, "    client-certificate-data: "+b64("CERT")+"\n    client-key-data: "+b64("KEY")+"\n    token: 0123abcd\n",
		"    exec:\n      command: kubelogin\n      args:\n      - get-token\n", 1)
	got, err = parseKubeconfig([]byte(entra))
	if err != nil {
		t.Fatal(err)
	}
	if got.ClientKey != "" || got.Token != "" || got.Host == "" {
		t.Errorf("Entra ID kubeconfig parsed as %+v", got)
	}

	for name, bad := range map[string]string{
		"not YAML":          "clusters: [",
		"no cluster":        "apiVersion: v1\nkind: Config\n",
		"undefined cluster": "clusters:\n- name: a\n  cluster:\n    server: s\ncontexts:\n- name: c\n  context:\n    cluster: b\ncurrent-context: c\n",
		"bad base64":        "clusters:\n- name: a\n  cluster:\n    server: s\n    certificate-authority-data: '%%%'\n",
	} {
		if _, err := parseKubeconfig([]byte(bad)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}
