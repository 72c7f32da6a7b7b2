package aks

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A pool AKS left Failed (its last operation failed: a quota, an extension, a node that never
// joined) still runs, with whatever nodes it has, and its settings may equal the configuration:
// without this, Terraform would plan "No changes" and the failure would stay silent. AKS's way
// out is a reconcile, a PUT of the same settings (what `az aks nodepool update` with no arguments
// sends), so that is what the plan proposes, with a warning saying why.

// isFailed reports whether a recorded provisioning state is Failed.
func isFailed(state types.String) bool {
	return known(state) && strings.EqualFold(state.ValueString(), "Failed")
}

// planReconcile plans the reconcile of a Failed pool, whose provisioning state is at base: the
// state becomes unknown (an update), and a warning explains it.
func planReconcile(base path.Path, poolName string, provisioningState *types.String) diag.Diagnostics {
	if !isFailed(*provisioningState) {
		return nil
	}
	*provisioningState = types.StringUnknown()
	var diags diag.Diagnostics
	diags.AddAttributeWarning(base.AtName("provisioning_state"), "The node pool's last operation failed: this plan reconciles it",
		fmt.Sprintf("AKS reports node pool %q as Failed: its last operation (by Terraform or by anyone else) did not succeed, and the pool may lack nodes or run with part of a change. "+
			"Its settings may match this configuration, so there is nothing else to change; applying sends one PUT of the pool's current settings, "+
			"the reconcile `az aks nodepool update` with no arguments performs, and AKS retries what failed.\n\n"+
			"If the reconcile fails again, the error names AKS's reason (quota, subnet space, a VM extension): fix that first. "+
			"The troubleshooting guide lists the usual reasons.", poolName))
	return diags
}
