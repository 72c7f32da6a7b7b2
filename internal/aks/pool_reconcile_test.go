package aks

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestPlanReconcile(t *testing.T) {
	failed := types.StringValue("Failed")
	diags := planReconcile(path.Root("default_node_pool"), "nodepool1", &failed)
	if !failed.IsUnknown() {
		t.Errorf("provisioning_state planned %v, want unknown (an update)", failed)
	}
	if len(diags) != 1 || diags.WarningsCount() != 1 || !strings.Contains(diags[0].Detail(), "az aks nodepool update") {
		t.Fatalf("diagnostics %v, want one warning naming the reconcile", diags)
	}
	for _, state := range []types.String{types.StringValue("Succeeded"), types.StringValue("Updating"), types.StringNull()} {
		planned := state
		if diags := planReconcile(path.Empty(), "p", &planned); len(diags) != 0 || !planned.Equal(state) {
			t.Errorf("%v: planned %v with %v, want no change and no diagnostic", state, planned, diags)
		}
	}
}
