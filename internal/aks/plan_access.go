package aks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/aksforge/terraform-provider-aks/internal/clients"
)

// checkAccessAtPlan fails the plan of a create when the provider's credential or subscription is
// wrong (a wrong secret, an unknown tenant, a subscription the credential can't see): without it
// the plan of new resources makes no call that needs a token, and the mistake shows at apply.
// The check runs once per configured provider (clients.Client.CheckAccess).
func checkAccessAtPlan(ctx context.Context, client *clients.Client) diag.Diagnostics {
	var diags diag.Diagnostics
	if client == nil {
		return diags
	}
	access := client.CheckAccess(ctx)
	switch {
	case access.Summary != "":
		diags.AddError(access.Summary, access.Detail)
	case access.Warning != "":
		diags.AddWarning("Credential not checked at plan", access.Warning)
	}
	return diags
}
