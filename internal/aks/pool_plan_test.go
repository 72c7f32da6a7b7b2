package aks

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestPlanWarnsAboutChangesThatRollNodes(t *testing.T) {
	state := nodePoolResourceModel{
		ID:               types.StringValue(testPoolID),
		ClusterID:        types.StringValue("/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"),
		Name:             types.StringValue("mynodepool"),
		nodePoolSettings: settingsFrom(t, apiPool(nil)),
		UpgradeSettings:  types.ObjectNull(upgradeSettingsAttrTypes),
	}
	tests := []struct {
		name      string
		change    func(m *nodePoolResourceModel)
		warningAt string
		reimages  bool
	}{
		{"OS SKU migration", func(m *nodePoolResourceModel) { m.OSSKU = types.StringValue("AzureLinux") }, "os_sku", true},
		{"FIPS", func(m *nodePoolResourceModel) { m.FIPSEnabled = types.BoolValue(true) }, "fips_enabled", true},
		{"version upgrade", func(m *nodePoolResourceModel) { m.OrchestratorVersion = types.StringValue("1.34") }, "orchestrator_version", true},
		{"labels", func(m *nodePoolResourceModel) {
			m.NodeLabels = types.MapValueMust(types.StringType, map[string]attr.Value{"a": types.StringValue("b")})
		}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := state
			tt.change(&plan)
			config := plan
			config.NodeImageVersion = types.StringNull()
			planned := plan.values()
			diags := planPoolInPlace(path.Empty(), state.values(), &planned, config.values())
			plan.setValues(planned)
			if diags.HasError() {
				t.Fatal(diags)
			}
			if tt.warningAt == "" {
				if diags.WarningsCount() != 0 {
					t.Fatalf("unexpected warnings: %v", diags)
				}
			} else {
				if diags.WarningsCount() != 1 {
					t.Fatalf("warnings = %v, want one at %s", diags, tt.warningAt)
				}
				withPath, ok := diags.Warnings()[0].(interface{ Path() path.Path })
				if !ok || !withPath.Path().Equal(path.Root(tt.warningAt)) {
					t.Fatalf("warning %v is not at %s", diags.Warnings()[0], tt.warningAt)
				}
			}
			if got := plan.CurrentNodeImageVersion.IsUnknown(); got != tt.reimages {
				t.Fatalf("current_node_image_version unknown = %v, want %v", got, tt.reimages)
			}
			if tt.reimages && !plan.NodeImageVersion.IsUnknown() {
				t.Fatalf("an unset node_image_version must be unknown when the nodes are reimaged")
			}
		})
	}
}

// The shared pool planning reports at the pool's place in the schema: under default_node_pool
// for the default pool, with no path rewriting afterwards.
func TestPoolPlanningReportsUnderItsBasePath(t *testing.T) {
	state := guidePoolModel()
	state.CurrentOrchestratorVersion = types.StringValue("1.32.7")
	state.CurrentNodeImageVersion = types.StringValue("AKSUbuntu-2204gen2containerd-202509.01.0")
	plan := state
	plan.OrchestratorVersion = types.StringValue("1.33.3")
	config := plan
	config.NodeImageVersion = types.StringValue("AKSUbuntu-2204gen2containerd-202501.01.0")

	stateValues, d := state.values(context.Background())
	requireNoErrors(t, d)
	planValues, d := plan.values(context.Background())
	requireNoErrors(t, d)
	configValues, d := config.values(context.Background())
	requireNoErrors(t, d)
	diags := planPoolInPlace(path.Root("default_node_pool"), stateValues, &planValues, configValues)

	want := map[diag.Severity]string{
		diag.SeverityWarning: "default_node_pool.orchestrator_version",
		diag.SeverityError:   "default_node_pool.node_image_version",
	}
	if len(diags) != len(want) {
		t.Fatalf("diagnostics = %v, want a warning and an error", diags)
	}
	for _, got := range diags {
		withPath, ok := got.(diag.DiagnosticWithPath)
		if !ok || withPath.Path().String() != want[got.Severity()] {
			t.Errorf("%s %q is not at %s", got.Severity(), got.Summary(), want[got.Severity()])
		}
	}
}
