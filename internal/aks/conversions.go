package aks

// Conversions between the framework's values and the SDK's pointers, in one place. The null and
// empty rule, the same for every attribute: a value that is null or unknown in Terraform is left
// out of a request (nil), so AKS applies its default and the read-back records it; an empty map,
// list or set AKS answers reads as null unless the prior value was an empty one, so a
// configuration without the attribute plans cleanly; IDs and names AKS spells with other letter
// cases keep the prior spelling (ARM compares them case-insensitively).

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// changed reports a difference Terraform plans to apply: unknown planned values count as changes
// only when the state had a value.
func changed(state, plan attr.Value) bool {
	if plan.IsUnknown() {
		return false
	}
	return !plan.Equal(state)
}

func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// keepSpelling returns AKS's value, or the prior one when the two differ only in letter case
// (ARM IDs, VM size names): ARM compares them case-insensitively and a case-only difference is
// not drift.
func keepSpelling(prior types.String, api *string) types.String {
	if api == nil || *api == "" {
		return types.StringNull()
	}
	if known(prior) && strings.EqualFold(prior.ValueString(), *api) {
		return prior
	}
	return types.StringValue(*api)
}

func stringFromEnum[T ~string](v *T) types.String {
	if v == nil || *v == "" {
		return types.StringNull()
	}
	return types.StringValue(string(*v))
}

func enumPointer[T ~string](v types.String) *T {
	if !known(v) {
		return nil
	}
	out := T(v.ValueString())
	return &out
}

func enumString[T ~string](v *T) *string {
	if v == nil {
		return nil
	}
	s := string(*v)
	return &s
}

func stringPointer(v types.String) *string {
	if !known(v) {
		return nil
	}
	return v.ValueStringPointer()
}

func boolPointer(v types.Bool) *bool {
	if !known(v) {
		return nil
	}
	return v.ValueBoolPointer()
}

func int32Pointer(v types.Int64) *int32 {
	if !known(v) {
		return nil
	}
	return to.Ptr(int32(v.ValueInt64()))
}

// float64FromFloat32 widens the SDK's float32 by its shortest decimal form, so that 0.05 stays 0.05
// rather than 0.05000000074505806 (which would plan as a change of the configured 0.05).
func float64FromFloat32(f float32) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(float64(f), 'g', -1, 32), 64)
	if err != nil {
		return float64(f)
	}
	return v
}

func int64FromInt32(v *int32) types.Int64 {
	if v == nil {
		return types.Int64Null()
	}
	return types.Int64Value(int64(*v))
}

func stringPointers[T interface {
	ElementsAs(context.Context, any, bool) diag.Diagnostics
	attr.Value
}](ctx context.Context, v T) ([]*string, diag.Diagnostics) {
	if !known(v) {
		return nil, nil
	}
	var values []string
	diags := v.ElementsAs(ctx, &values, false)
	out := make([]*string, 0, len(values))
	for _, s := range values {
		out = append(out, to.Ptr(s))
	}
	return out, diags
}

func stringPointerMap(ctx context.Context, v types.Map) (map[string]*string, diag.Diagnostics) {
	if !known(v) {
		return nil, nil
	}
	values := map[string]string{}
	diags := v.ElementsAs(ctx, &values, false)
	out := make(map[string]*string, len(values))
	for k, s := range values {
		out[k] = to.Ptr(s)
	}
	return out, diags
}

// stringMapOrNull is values as a map, or null when values is empty and the prior value was not an
// empty map (a configuration without the attribute then plans cleanly).
func stringMapOrNull(ctx context.Context, values map[string]string, prior types.Map) (types.Map, diag.Diagnostics) {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.MapNull(types.StringType), nil
	}
	return types.MapValueFrom(ctx, types.StringType, values)
}

func stringListOrNull(ctx context.Context, values []string, prior types.List) (types.List, diag.Diagnostics) {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.ListNull(types.StringType), nil
	}
	if values == nil {
		values = []string{}
	}
	return types.ListValueFrom(ctx, types.StringType, values)
}

func stringSetOrNull(ctx context.Context, values []string, prior types.Set) (types.Set, diag.Diagnostics) {
	if len(values) == 0 && (prior.IsNull() || prior.IsUnknown()) {
		return types.SetNull(types.StringType), nil
	}
	if values == nil {
		values = []string{}
	}
	return types.SetValueFrom(ctx, types.StringType, values)
}

func nonEmptyString(v *string) types.String {
	if v == nil || *v == "" {
		return types.StringNull()
	}
	return types.StringValue(*v)
}

func boolValue(v *bool) bool { return v != nil && *v }

func derefStrings(values []*string) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		if v != nil {
			out = append(out, *v)
		}
	}
	sort.Strings(out)
	return out
}

func deref[T ~string](v *T) string {
	if v == nil {
		return ""
	}
	return string(*v)
}

// objectAs reads an object attribute into its model; nil when null or unknown.
func objectAs[T any](ctx context.Context, o types.Object) (*T, diag.Diagnostics) {
	if o.IsNull() || o.IsUnknown() {
		return nil, nil
	}
	var out T
	diags := o.As(ctx, &out, basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true})
	return &out, diags
}

// nullUnknownStrings sets each unknown value to null.
func nullUnknownStrings(values ...*types.String) {
	for _, v := range values {
		if v.IsUnknown() {
			*v = types.StringNull()
		}
	}
}

// nullUnknownInts sets each unknown value to null.
func nullUnknownInts(values ...*types.Int64) {
	for _, v := range values {
		if v.IsUnknown() {
			*v = types.Int64Null()
		}
	}
}

// nullIfPartlyUnknown is o, or a null object of attrTypes when o or any of its attributes is
// unknown.
func nullIfPartlyUnknown(o types.Object, attrTypes map[string]attr.Type) types.Object {
	if o.IsUnknown() || (!o.IsNull() && hasUnknown(o)) {
		return types.ObjectNull(attrTypes)
	}
	return o
}

func hasUnknown(o types.Object) bool {
	for _, v := range o.Attributes() {
		if v.IsUnknown() {
			return true
		}
	}
	return false
}

// Field-by-field merges of plan, state and configuration values, generic over the value type.

// takeIfUnknown sets v to from when v is unknown.
func takeIfUnknown[T attr.Value](v *T, from T) {
	if (*v).IsUnknown() {
		*v = from
	}
}

// takeIfNull sets v to from when v is null and from is known.
func takeIfNull[T attr.Value](v *T, from T) {
	if (*v).IsNull() && known(from) {
		*v = from
	}
}

// unknownIfNotConfigured sets v to unknown when the configuration leaves it unset.
func unknownIfNotConfigured[T attr.Value](v *T, configured T, unknown T) {
	if configured.IsNull() {
		*v = unknown
	}
}
