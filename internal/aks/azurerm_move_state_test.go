package aks

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The movers from azurerm's states, without the CLI: the recorded states of testdata/azurerm and
// variations of them.

const azurermRegistryAddress = "registry.terraform.io/hashicorp/azurerm"

type attrValue = attr.Value

// recordedAttributes is the attributes JSON of the one instance of a recorded state.
func recordedAttributes(t *testing.T, name string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "azurerm", name))
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Instances []struct {
				Attributes map[string]any `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &state); err != nil {
		t.Fatal(err)
	}
	return state.Resources[0].Instances[0].Attributes
}

// moveRequest is the request Terraform sends for a move of azurerm's typeName.
func moveRequest(t *testing.T, typeName string, version int64, attributes map[string]any) resource.MoveStateRequest {
	t.Helper()
	raw, err := json.Marshal(attributes)
	if err != nil {
		t.Fatal(err)
	}
	return resource.MoveStateRequest{
		SourceProviderAddress: azurermRegistryAddress, SourceTypeName: typeName, SourceSchemaVersion: version,
		SourceRawState: &tfprotov6.RawState{JSON: raw},
	}
}

// runMove runs mover as the framework does and returns its response.
func runMove(t *testing.T, r resource.ResourceWithIdentity, mover func(context.Context, resource.MoveStateRequest, *resource.MoveStateResponse), req resource.MoveStateRequest) resource.MoveStateResponse {
	t.Helper()
	ctx := context.Background()
	var schema resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schema)
	var identity resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identity)
	resp := resource.MoveStateResponse{
		TargetState:    tfsdk.State{Schema: schema.Schema, Raw: tftypes.NewValue(schema.Schema.Type().TerraformType(ctx), nil)},
		TargetIdentity: &tfsdk.ResourceIdentity{Schema: identity.IdentitySchema, Raw: tftypes.NewValue(identity.IdentitySchema.Type().TerraformType(ctx), nil)},
	}
	mover(ctx, req, &resp)
	return resp
}

func movedPool(t *testing.T, req resource.MoveStateRequest) (nodePoolResourceModel, nodePoolResourceIdentity) {
	t.Helper()
	resp := runMove(t, &nodePoolResource{}, moveNodePoolFromAzurerm, req)
	if resp.Diagnostics.HasError() {
		t.Fatalf("move: %v", resp.Diagnostics)
	}
	var model nodePoolResourceModel
	var identity nodePoolResourceIdentity
	if d := resp.TargetState.Get(context.Background(), &model); d.HasError() {
		t.Fatal(d)
	}
	if d := resp.TargetIdentity.Get(context.Background(), &identity); d.HasError() {
		t.Fatal(d)
	}
	return model, identity
}

func TestNodePoolMoveReadsAzurerm4xState(t *testing.T) {
	pool, identity := movedPool(t, moveRequest(t, azurermNodePoolType, 1, recordedAttributes(t, "node_pool_4x.tfstate")))
	if !strings.HasSuffix(pool.ID.ValueString(), "/managedClusters/aks-demo/agentPools/user1") || !strings.HasSuffix(pool.ClusterID.ValueString(), "/managedClusters/aks-demo") {
		t.Errorf("id %s, cluster_id %s", pool.ID, pool.ClusterID)
	}
	if identity.ClusterName.ValueString() != "aks-demo" || identity.Name.ValueString() != "user1" || identity.ResourceGroupName.ValueString() != "rg-aks-demo" {
		t.Errorf("identity %+v", identity)
	}
	checks := map[string][2]any{
		"auto_scaling_enabled": {pool.AutoScalingEnabled, types.BoolValue(true)},
		"min_count":            {pool.MinCount, types.Int64Value(1)},
		"max_count":            {pool.MaxCount, types.Int64Value(5)},
		"node_count":           {pool.NodeCount, types.Int64Value(2)},
		"zones":                {pool.Zones, types.SetValueMust(types.StringType, []attrValue{types.StringValue("1"), types.StringValue("2")})},
		"node_taints":          {pool.NodeTaints, types.ListValueMust(types.StringType, []attrValue{types.StringValue("dedicated=batch:NoSchedule")})},
		"node_labels":          {pool.NodeLabels, types.MapValueMust(types.StringType, map[string]attrValue{"workload": types.StringValue("batch")})},
		"vnet_subnet_id":       {pool.VnetSubnetID, types.StringNull()},
		"eviction_policy":      {pool.EvictionPolicy, types.StringNull()}, // a Regular pool
		"spot_max_price":       {pool.SpotMaxPrice, types.Float64Null()},
		"upgrade_settings":     {pool.UpgradeSettings, types.ObjectNull(upgradeSettingsAttrTypes)},
		"ignore_pdb_on_delete": {pool.IgnorePodDisruptionBudgetOnDelete, types.BoolValue(false)},
		"current_node_count":   {pool.CurrentNodeCount, types.Int64Null()}, // read by the refresh
		"mode":                 {pool.Mode, types.StringValue("User")},
		"os_disk_size_gb":      {pool.OSDiskSizeGB, types.Int64Value(128)},
	}
	expectValues(t, checks)
	if !pool.Timeouts.IsNull() {
		t.Errorf("timeouts = %v, want null", pool.Timeouts)
	}
}

func TestNodePoolMoveReadsAzurerm5xState(t *testing.T) {
	pool, _ := movedPool(t, moveRequest(t, azurermNodePoolType, 1, recordedAttributes(t, "node_pool_5x.tfstate")))
	expectValues(t, map[string][2]any{
		"auto_scaling_enabled": {pool.AutoScalingEnabled, types.BoolValue(false)},
		"min_count":            {pool.MinCount, types.Int64Null()}, // azurerm's 0 without autoscaling
		"max_count":            {pool.MaxCount, types.Int64Null()},
		"node_count":           {pool.NodeCount, types.Int64Value(3)},
		"zones":                {pool.Zones, types.SetNull(types.StringType)}, // azurerm's [] is no zones
		"node_labels":          {pool.NodeLabels, types.MapNull(types.StringType)},
		"node_taints":          {pool.NodeTaints, types.ListNull(types.StringType)},
		"os_sku":               {pool.OSSKU, types.StringValue("AzureLinux")},
		"upgrade_settings": {pool.UpgradeSettings, types.ObjectValueMust(upgradeSettingsAttrTypes, map[string]attrValue{
			"max_surge": types.StringValue("33%"), "max_unavailable": types.StringNull(),
			"drain_timeout_in_minutes": types.Int64Value(45), "node_soak_duration_in_minutes": types.Int64Value(5),
			"undrainable_node_behavior": types.StringNull(), // azurerm records "" when unset
		})},
	})
	create, _ := pool.Timeouts.Create(context.Background(), 0)
	if create.Minutes() != 90 {
		t.Errorf("timeouts.create = %s, want 90m", create)
	}
}

// azurerm before 4.0 spelled the autoscaler and host encryption switches enable_*; Spot settings
// are kept for Spot pools only.
func TestNodePoolMoveReadsOlderSpellingsAndSpot(t *testing.T) {
	attrs := recordedAttributes(t, "node_pool_4x.tfstate")
	delete(attrs, "auto_scaling_enabled")
	delete(attrs, "host_encryption_enabled")
	attrs["enable_auto_scaling"] = true
	attrs["enable_host_encryption"] = true
	attrs["priority"] = "Spot"
	attrs["eviction_policy"] = "Delete"
	attrs["spot_max_price"] = 0.25
	pool, _ := movedPool(t, moveRequest(t, azurermNodePoolType, 0, attrs))
	expectValues(t, map[string][2]any{
		"auto_scaling_enabled":    {pool.AutoScalingEnabled, types.BoolValue(true)},
		"host_encryption_enabled": {pool.HostEncryptionEnabled, types.BoolValue(true)},
		"eviction_policy":         {pool.EvictionPolicy, types.StringValue("Delete")},
		"spot_max_price":          {pool.SpotMaxPrice, types.Float64Value(0.25)},
	})
}

func TestNodePoolMoveLeavesOtherSourcesAndRefusesNewerVersions(t *testing.T) {
	attrs := recordedAttributes(t, "node_pool_4x.tfstate")
	for name, req := range map[string]resource.MoveStateRequest{
		"another type": moveRequest(t, azurermClusterType, 1, attrs),
		"another provider": func() resource.MoveStateRequest {
			r := moveRequest(t, azurermNodePoolType, 1, attrs)
			r.SourceProviderAddress = "registry.terraform.io/example/aks"
			return r
		}(),
	} {
		resp := runMove(t, &nodePoolResource{}, moveNodePoolFromAzurerm, req)
		if resp.Diagnostics.HasError() || !resp.TargetState.Raw.IsNull() {
			t.Errorf("%s: the mover must leave the request to others, got %v", name, resp.Diagnostics)
		}
	}
	// A private registry or mirror serves azurerm under another host: the host is ignored.
	mirrored := moveRequest(t, azurermNodePoolType, 1, attrs)
	mirrored.SourceProviderAddress = "terraform.example.com/hashicorp/azurerm"
	if resp := runMove(t, &nodePoolResource{}, moveNodePoolFromAzurerm, mirrored); resp.Diagnostics.HasError() || resp.TargetState.Raw.IsNull() {
		t.Errorf("a mirrored azurerm must be moved, got %v", resp.Diagnostics)
	}
	resp := runMove(t, &nodePoolResource{}, moveNodePoolFromAzurerm, moveRequest(t, azurermNodePoolType, 2, attrs))
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics[0].Detail(), "schema version 2") {
		t.Errorf("a newer schema version must be refused, got %v", resp.Diagnostics)
	}
	attrs["id"] = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
	if resp := runMove(t, &nodePoolResource{}, moveNodePoolFromAzurerm, moveRequest(t, azurermNodePoolType, 1, attrs)); !resp.Diagnostics.HasError() {
		t.Error("an ID that is not a pool's must be refused")
	}
}

func movedCluster(t *testing.T, req resource.MoveStateRequest) (clusterResourceModel, clusterResourceIdentity) {
	t.Helper()
	resp := runMove(t, &clusterResource{}, moveClusterFromAzurerm, req)
	if resp.Diagnostics.HasError() {
		t.Fatalf("move: %v", resp.Diagnostics)
	}
	var model clusterResourceModel
	var identity clusterResourceIdentity
	if d := resp.TargetState.Get(context.Background(), &model); d.HasError() {
		t.Fatal(d)
	}
	if d := resp.TargetIdentity.Get(context.Background(), &identity); d.HasError() {
		t.Fatal(d)
	}
	return model, identity
}

func TestClusterMoveReadsAzurerm4xState(t *testing.T) {
	ctx := context.Background()
	c, identity := movedCluster(t, moveRequest(t, azurermClusterType, 2, recordedAttributes(t, "cluster_4x.tfstate")))
	if identity.Name.ValueString() != "aks-demo" || identity.ResourceGroupName.ValueString() != "rg-aks-demo" {
		t.Errorf("identity %+v", identity)
	}
	network, _ := objectAs[networkProfileModel](ctx, c.NetworkProfile)
	id, _ := objectAs[clusterIdentityModel](ctx, c.Identity)
	if network == nil || id == nil || c.DefaultNodePool == nil {
		t.Fatalf("network_profile %v, identity %v, default_node_pool %v", c.NetworkProfile, c.Identity, c.DefaultNodePool)
	}
	expectValues(t, map[string][2]any{
		"kubernetes_version":        {c.KubernetesVersion, types.StringValue("1.33.3")},
		"sku_tier":                  {c.SKUTier, types.StringValue("Free")},
		"automatic_upgrade_channel": {c.AutomaticUpgradeChannel, types.StringNull()}, // azurerm's "" is unset
		"node_os_upgrade_channel":   {c.NodeOSUpgradeChannel, types.StringValue("NodeImage")},
		"identity.type":             {id.Type, types.StringValue("SystemAssigned")},
		"identity.identity_ids":     {id.IdentityIDs, types.SetNull(types.StringType)},
		"network_dataplane":         {network.NetworkDataplane, types.StringValue("azure")}, // azurerm's network_data_plane
		"network_plugin_mode":       {network.NetworkPluginMode, types.StringValue("overlay")},
		"network_policy":            {network.NetworkPolicy, types.StringNull()},
		"tags":                      {c.Tags, types.MapNull(types.StringType)},
		"pool.name":                 {c.DefaultNodePool.Name, types.StringValue("nodepool1")},
		"pool.node_count":           {c.DefaultNodePool.NodeCount, types.Int64Value(2)},
		"pool.temporary_name":       {c.DefaultNodePool.TemporaryNameForRotation, types.StringNull()},
		"pool.critical_addons":      {c.DefaultNodePool.OnlyCriticalAddonsEnabled, types.BoolValue(false)},
	})
	if c.LinuxProfile != nil || c.WindowsProfile != nil || c.MicrosoftDefender != nil {
		t.Errorf("blocks azurerm did not have: linux %v, windows %v, defender %v", c.LinuxProfile, c.WindowsProfile, c.MicrosoftDefender)
	}
}

func TestClusterMoveReadsAzurerm5xState(t *testing.T) {
	c, _ := movedCluster(t, moveRequest(t, azurermClusterType, 2, recordedAttributes(t, "cluster_5x.tfstate")))
	if c.LinuxProfile == nil || !strings.HasPrefix(c.LinuxProfile.SSHPublicKey.ValueString(), "ssh-ed25519 ") {
		t.Fatalf("linux_profile %+v", c.LinuxProfile)
	}
	expectValues(t, map[string][2]any{
		"oidc_issuer_enabled":       {c.OIDCIssuerEnabled, types.BoolValue(true)},
		"workload_identity_enabled": {c.WorkloadIdentityEnabled, types.BoolValue(true)},
		"linux.admin_username":      {c.LinuxProfile.AdminUsername, types.StringValue("azureuser")},
		"tags":                      {c.Tags, types.MapValueMust(types.StringType, map[string]attrValue{"env": types.StringValue("demo")})},
	})
	update, _ := c.Timeouts.Update(context.Background(), 0)
	if update.Hours() != 2 {
		t.Errorf("timeouts.update = %s, want 2h", update)
	}
}

// The Entra ID, API server and Windows settings, in 3.x's and 4.x's shapes.
func TestClusterMoveReadsAccessSettings(t *testing.T) {
	ctx := context.Background()
	attrs := recordedAttributes(t, "cluster_4x.tfstate")
	group := "55555555-5555-4555-8555-555555555555"
	attrs["azure_active_directory_role_based_access_control"] = []any{map[string]any{"azure_rbac_enabled": true, "admin_group_object_ids": []any{group}, "tenant_id": ""}}
	attrs["api_server_access_profile"] = []any{map[string]any{"authorized_ip_ranges": []any{"203.0.113.0/24"}, "subnet_id": "", "virtual_network_integration_enabled": false}}
	attrs["windows_profile"] = []any{map[string]any{"admin_username": "azureadmin", "admin_password": "P@ssw0rd-from-azurerm", "license": "", "gmsa": []any{}}}
	attrs["automatic_upgrade_channel"] = "patch"
	c, _ := movedCluster(t, moveRequest(t, azurermClusterType, 2, attrs))
	var ranges, groups []string
	_ = c.APIServerAuthorizedIPRanges.ElementsAs(ctx, &ranges, false)
	_ = c.AdminGroupObjectIDs.ElementsAs(ctx, &groups, false)
	if len(ranges) != 1 || ranges[0] != "203.0.113.0/24" || len(groups) != 1 || groups[0] != group || !c.AzureRBACEnabled.ValueBool() {
		t.Errorf("ranges %v, groups %v, azure_rbac_enabled %v", ranges, groups, c.AzureRBACEnabled)
	}
	if c.WindowsProfile == nil || c.WindowsProfile.AdminPassword.ValueString() != "P@ssw0rd-from-azurerm" || !c.WindowsProfile.AdminPasswordWO.IsNull() {
		t.Errorf("windows_profile %+v", c.WindowsProfile)
	}
	if c.AutomaticUpgradeChannel.ValueString() != "patch" {
		t.Errorf("automatic_upgrade_channel = %s", c.AutomaticUpgradeChannel)
	}

	// 3.x: the ranges at the top level, the channels under their old names.
	delete(attrs, "api_server_access_profile")
	delete(attrs, "automatic_upgrade_channel")
	attrs["api_server_authorized_ip_ranges"] = []any{"198.51.100.0/24"}
	attrs["automatic_channel_upgrade"] = "stable"
	c, _ = movedCluster(t, moveRequest(t, azurermClusterType, 2, attrs))
	ranges = nil
	_ = c.APIServerAuthorizedIPRanges.ElementsAs(ctx, &ranges, false)
	if len(ranges) != 1 || ranges[0] != "198.51.100.0/24" || c.AutomaticUpgradeChannel.ValueString() != "stable" {
		t.Errorf("3.x shape: ranges %v, automatic_upgrade_channel %s", ranges, c.AutomaticUpgradeChannel)
	}
}

func TestClusterMoveRefusesOtherSchemaVersions(t *testing.T) {
	attrs := recordedAttributes(t, "cluster_4x.tfstate")
	resp := runMove(t, &clusterResource{}, moveClusterFromAzurerm, moveRequest(t, azurermClusterType, 1, attrs))
	if !resp.Diagnostics.HasError() {
		t.Error("schema version 1 (azurerm 2.x) must be refused")
	}
	resp = runMove(t, &clusterResource{}, moveClusterFromAzurerm, moveRequest(t, azurermNodePoolType, 1, attrs))
	if resp.Diagnostics.HasError() || !resp.TargetState.Raw.IsNull() {
		t.Errorf("a node pool is not the cluster mover's: %v", resp.Diagnostics)
	}
}

// expectValues compares each got value with the wanted one.
func expectValues(t *testing.T, checks map[string][2]any) {
	t.Helper()
	for name, c := range checks {
		got, ok1 := c[0].(attrValue)
		want, ok2 := c[1].(attrValue)
		if !ok1 || !ok2 {
			t.Fatalf("%s: not attribute values", name)
		}
		if !got.Equal(want) {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
}
