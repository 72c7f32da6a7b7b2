package aks

// Reading the state azurerm records for azurerm_kubernetes_cluster and
// azurerm_kubernetes_cluster_node_pool, for the moved blocks that bring those resources to
// aks_cluster and aks_node_pool (cluster_move_state.go, node_pool_move_state.go).
//
// azurerm is built on terraform-plugin-sdk/v2, whose state has no null collections: an unset
// string is "", an unset number 0, an unset block or list [] and an unset map {}. The readers
// below turn those back into null, which is what a configuration that leaves the argument out
// means to this provider. The shapes are azurerm's documented schema (registry docs of
// azurerm_kubernetes_cluster and azurerm_kubernetes_cluster_node_pool, 4.x and 5.x): nested blocks
// are lists of one object; azurerm 4.0 renamed enable_auto_scaling and enable_host_encryption to
// auto_scaling_enabled and host_encryption_enabled, and both spellings are read.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// azurermAddress is azurerm's provider address without its host, which the framework recommends
// ignoring (a mirror or a private registry may serve the same provider).
const azurermAddress = "hashicorp/azurerm"

// fromAzurerm reports whether the move request is from azurerm's resource typeName.
func fromAzurerm(req resource.MoveStateRequest, typeName string) bool {
	return req.SourceTypeName == typeName && strings.HasSuffix(strings.ToLower(req.SourceProviderAddress), azurermAddress)
}

// azurermState is one object of an azurerm state: the resource's attributes or a nested block.
type azurermState map[string]any

// decodeAzurermState decodes the source state's JSON.
func decodeAzurermState(req resource.MoveStateRequest) (azurermState, error) {
	if req.SourceRawState == nil || len(req.SourceRawState.JSON) == 0 {
		return nil, fmt.Errorf("the %s state holds no attributes", req.SourceTypeName)
	}
	var s azurermState
	if err := json.Unmarshal(req.SourceRawState.JSON, &s); err != nil {
		return nil, fmt.Errorf("decoding the %s state: %w", req.SourceTypeName, err)
	}
	return s, nil
}

// str is the string attribute key, null when absent or empty; with more keys, the first one set
// (a renamed attribute).
func (s azurermState) str(keys ...string) types.String {
	for _, k := range keys {
		if v, ok := s[k].(string); ok && v != "" {
			return types.StringValue(v)
		}
	}
	return types.StringNull()
}

// strOr is str with a default for an attribute azurerm may leave empty.
func (s azurermState) strOr(def string, keys ...string) types.String {
	if v := s.str(keys...); !v.IsNull() {
		return v
	}
	return types.StringValue(def)
}

// count is the number attribute key, null when absent or 0 (SDKv2's unset number).
func (s azurermState) count(key string) types.Int64 {
	if v, ok := s[key].(float64); ok && v != 0 {
		return types.Int64Value(int64(v))
	}
	return types.Int64Null()
}

// number is the number attribute key, null only when absent: for counts where 0 is a value.
func (s azurermState) number(key string) types.Int64 {
	if v, ok := s[key].(float64); ok {
		return types.Int64Value(int64(v))
	}
	return types.Int64Null()
}

// flag is the bool attribute of the first key present, false when none is.
func (s azurermState) flag(keys ...string) types.Bool {
	for _, k := range keys {
		if v, ok := s[k].(bool); ok {
			return types.BoolValue(v)
		}
	}
	return types.BoolValue(false)
}

// block is the nested block key (a list of at most one object), nil when absent or empty.
func (s azurermState) block(key string) azurermState {
	list, _ := s[key].([]any)
	if len(list) == 0 {
		return nil
	}
	obj, _ := list[0].(map[string]any)
	return obj
}

func (s azurermState) strings(key string) []string {
	list, _ := s[key].([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		if str, ok := v.(string); ok {
			out = append(out, str)
		}
	}
	return out
}

// set, list and stringMap are the collection attribute key, null when absent or empty.
func (s azurermState) set(ctx context.Context, key string) (types.Set, diag.Diagnostics) {
	return stringSetOrNull(ctx, s.strings(key), types.SetNull(types.StringType))
}

func (s azurermState) list(ctx context.Context, key string) (types.List, diag.Diagnostics) {
	return stringListOrNull(ctx, s.strings(key), types.ListNull(types.StringType))
}

func (s azurermState) stringMap(ctx context.Context, key string) (types.Map, diag.Diagnostics) {
	values := map[string]string{}
	m, _ := s[key].(map[string]any)
	for k, v := range m {
		if str, ok := v.(string); ok {
			values[k] = str
		}
	}
	return stringMapOrNull(ctx, values, types.MapNull(types.StringType))
}

// timeouts is the timeouts block azurerm recorded, which the configuration keeps.
func (s azurermState) timeouts() timeouts.Value {
	t, _ := s["timeouts"].(map[string]any)
	if t == nil {
		return timeouts.Value{Object: types.ObjectNull(timeoutsAttrTypes)}
	}
	values := map[string]attr.Value{}
	for name := range timeoutsAttrTypes {
		values[name] = azurermState(t).str(name)
	}
	return timeouts.Value{Object: types.ObjectValueMust(timeoutsAttrTypes, values)}
}

// poolSettingsFromAzurerm reads the settings azurerm's node pool and default_node_pool share with
// ours. What only AKS reports (current counts and versions, provisioning state) is left null: the
// refresh that follows the move reads it.
func poolSettingsFromAzurerm(ctx context.Context, s azurermState) (poolSettings, diag.Diagnostics) {
	var diags, d diag.Diagnostics
	p := poolSettings{
		OSSKU:                      s.str("os_sku"),
		VMSize:                     s.str("vm_size"),
		NodeCount:                  s.number("node_count"), // 0 is a User pool scaled to zero
		CurrentNodeCount:           types.Int64Null(),
		AutoScalingEnabled:         s.flag("auto_scaling_enabled", "enable_auto_scaling"),
		MinCount:                   types.Int64Null(),
		MaxCount:                   types.Int64Null(),
		OrchestratorVersion:        s.str("orchestrator_version"),
		CurrentOrchestratorVersion: types.StringNull(),
		NodeImageVersion:           s.str("node_image_version"),
		CurrentNodeImageVersion:    types.StringNull(),
		VnetSubnetID:               s.str("vnet_subnet_id"),
		PodSubnetID:                s.str("pod_subnet_id"),
		FIPSEnabled:                s.flag("fips_enabled"),
		OSDiskType:                 s.strOr(rules.OSDiskTypeManaged, "os_disk_type"),
		OSDiskSizeGB:               s.count("os_disk_size_gb"),
		KubeletDiskType:            s.str("kubelet_disk_type"),
		MaxPods:                    s.count("max_pods"),
		HostEncryptionEnabled:      s.flag("host_encryption_enabled", "enable_host_encryption"),
		ProvisioningState:          types.StringNull(),
		poolNodeConfig:             nullNodeConfig(), // the refresh after the move reads AKS's
	}
	if p.AutoScalingEnabled.ValueBool() {
		// The bounds mean something only with autoscaling on; azurerm records 0 otherwise.
		p.MinCount, p.MaxCount = s.number("min_count"), s.number("max_count")
	}
	p.Zones, d = s.set(ctx, "zones")
	diags.Append(d...)
	p.NodeLabels, d = s.stringMap(ctx, "node_labels")
	diags.Append(d...)
	p.NodeTaints, d = s.list(ctx, "node_taints")
	diags.Append(d...)
	p.Tags, d = s.stringMap(ctx, "tags")
	diags.Append(d...)
	p.poolHardware = hardwareFromAzurerm(s)
	p.poolNetwork, p.poolLocalDNS, d = networkFromAzurerm(ctx, s)
	diags.Append(d...)
	return p, diags
}

// upgradeSettingsFromAzurerm is the upgrade_settings block: null when azurerm had none, so that
// a configuration without the block plans cleanly. azurerm records the setting it does not send
// as ""; the refresh that follows the move reads AKS's value.
func upgradeSettingsFromAzurerm(s azurermState) types.Object {
	u := s.block("upgrade_settings")
	if u == nil {
		return types.ObjectNull(upgradeSettingsAttrTypes)
	}
	return types.ObjectValueMust(upgradeSettingsAttrTypes, map[string]attr.Value{
		"max_surge":                     u.str("max_surge"),
		"max_unavailable":               u.str("max_unavailable"),
		"drain_timeout_in_minutes":      u.count("drain_timeout_in_minutes"),
		"node_soak_duration_in_minutes": u.count("node_soak_duration_in_minutes"),
		"undrainable_node_behavior":     u.str("undrainable_node_behavior"),
	})
}
