package aks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// recordIdentity sets the identity from the id the state records. Create, Read and Update defer it,
// so that every path that records a resource (a failed create too) records its identity. A Read
// that removes the resource (it is gone) still answers an identity, which the framework requires:
// the one of requested, the ID the Read was asked about (unless it was never parsed: zero).
func recordIdentity[ID comparable](ctx context.Context, state *tfsdk.State, requested *ID, identity *tfsdk.ResourceIdentity,
	parse func(string) (ID, error), identityOf func(ID) any, invalidSummary string, diags *diag.Diagnostics) {
	if identity == nil {
		return
	}
	if state.Raw.IsNull() {
		var zero ID
		if requested != nil && *requested != zero {
			diags.Append(identity.Set(ctx, identityOf(*requested))...)
		}
		return
	}
	var raw types.String
	diags.Append(state.GetAttribute(ctx, path.Root("id"), &raw)...)
	if !known(raw) {
		return
	}
	id, err := parse(raw.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("id"), invalidSummary, err.Error())
		return
	}
	diags.Append(identity.Set(ctx, identityOf(id))...)
}
