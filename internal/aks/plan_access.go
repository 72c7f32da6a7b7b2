package aks

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

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

// checkSubnetsExist fails the plan of a create whose known vnet_subnet_id or pod_subnet_id (at
// base) names a subnet that does not exist; a read that is refused or fails only warns.
func checkSubnetsExist(ctx context.Context, client *clients.Client, base path.Path, subnets map[string]types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	if client == nil {
		return diags
	}
	for _, name := range []string{"vnet_subnet_id", "pod_subnet_id"} {
		id := subnets[name]
		if !known(id) || id.ValueString() == "" {
			continue
		}
		at := base.AtName(name)
		exists, err := client.SubnetExists(ctx, id.ValueString())
		switch {
		case err != nil:
			diags.AddAttributeWarning(at, "Subnet not checked at plan", fmt.Sprintf("Reading subnet %s failed: %s\n\nAKS checks it at apply.", id.ValueString(), err))
		case !exists:
			diags.AddAttributeError(at, "Subnet not found",
				fmt.Sprintf("%s = %q names a subnet that does not exist (or whose virtual network does not), so AKS can't place nodes or pods in it.\n\n"+
					"Fix: create the subnet first (reference its id so Terraform orders the two), or correct %s; `az network vnet subnet list --resource-group <group> --vnet-name <vnet>` lists the subnets.",
					at, id.ValueString(), at))
		}
	}
	return diags
}
