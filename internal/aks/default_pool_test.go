package aks

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

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
