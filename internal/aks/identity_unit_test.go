package aks

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// identityRequest is an import request by identity, the way Terraform sends an import block's
// identity argument.
func identityRequest(t *testing.T, r resource.ResourceWithIdentity, values map[string]string) resource.ImportStateRequest {
	t.Helper()
	ctx := context.Background()
	var resp resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &resp)
	typ := resp.IdentitySchema.Type().TerraformType(ctx)
	attrs := map[string]tftypes.Value{}
	for name := range resp.IdentitySchema.Attributes {
		v, ok := values[name]
		if ok {
			attrs[name] = tftypes.NewValue(tftypes.String, v)
		} else {
			attrs[name] = tftypes.NewValue(tftypes.String, nil)
		}
	}
	return resource.ImportStateRequest{Identity: &tfsdk.ResourceIdentity{Schema: resp.IdentitySchema, Raw: tftypes.NewValue(typ, attrs)}}
}

func TestNodePoolImportByIdentity(t *testing.T) {
	ctx := context.Background()
	full := map[string]string{"subscription_id": "00000000-0000-4000-8000-000000000002", "resource_group_name": "rg-aks-demo", "cluster_name": "aks-demo", "name": "user1"}
	id, ok := nodePoolToImport(ctx, identityRequest(t, &nodePoolResource{}, full), new(diag.Diagnostics))
	if !ok || id.String() != "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo/agentPools/user1" {
		t.Errorf("got %s, %v", id, ok)
	}
	delete(full, "cluster_name")
	diags := new(diag.Diagnostics)
	if _, ok := nodePoolToImport(ctx, identityRequest(t, &nodePoolResource{}, full), diags); ok || !strings.Contains((*diags)[0].Detail(), "cluster_name") {
		t.Errorf("an identity without cluster_name must be refused, got %v", *diags)
	}
	diags = new(diag.Diagnostics)
	if _, ok := nodePoolToImport(ctx, resource.ImportStateRequest{ID: "/subscriptions/x/resourceGroups/rg"}, diags); ok || !strings.Contains((*diags)[0].Detail(), "az aks nodepool show") {
		t.Errorf("an ID that is not a pool's must be refused, got %v", *diags)
	}
}

func TestClusterImportByIdentity(t *testing.T) {
	ctx := context.Background()
	full := map[string]string{"subscription_id": "00000000-0000-4000-8000-000000000002", "resource_group_name": "rg-aks-demo", "name": "aks-demo"}
	id, ok := clusterToImport(ctx, identityRequest(t, &clusterResource{}, full), new(diag.Diagnostics))
	if !ok || id.Name != "aks-demo" || id.ResourceGroup != "rg-aks-demo" {
		t.Errorf("got %+v, %v", id, ok)
	}
	full["resource_group_name"] = ""
	diags := new(diag.Diagnostics)
	if _, ok := clusterToImport(ctx, identityRequest(t, &clusterResource{}, full), diags); ok || !diags.HasError() {
		t.Errorf("an identity with an empty resource group must be refused, got %v", *diags)
	}
}
