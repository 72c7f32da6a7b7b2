package rules

import (
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func anyUnknown(values ...attr.Value) bool {
	return slices.ContainsFunc(values, func(v attr.Value) bool { return v.IsUnknown() })
}

// stringOr returns the value, or def when it is null.
func stringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueString()
}

func isSet(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

func isTrue(v types.Bool) bool { return isSet(v) && v.ValueBool() }

func setLen(s types.Set) (int, bool) {
	if !isSet(s) {
		return 0, !s.IsUnknown()
	}
	return len(s.Elements()), true
}
