package rules

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// problem is what a single-value check found wrong.
type problem struct {
	summary, detail string
}

// stringCheck is a framework string validator built from a description and a
// check of one known, non-null value. name is the attribute path as the user
// wrote it, for messages.
type stringCheck struct {
	description string
	check       func(ctx context.Context, name, value string) *problem
}

var _ validator.String = stringCheck{}

func (v stringCheck) Description(context.Context) string { return v.description }

func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

func (v stringCheck) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if p := v.check(ctx, shown(req.Path), req.ConfigValue.ValueString()); p != nil {
		resp.Diagnostics.Append(ruleError(req.Path, p.summary, p.detail))
	}
}
