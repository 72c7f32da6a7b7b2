package aks

// A pool created anew (aks_node_pool replaced, default_node_pool rotated) gets AKS's choices
// again for what its configuration leaves unset, so those can't be planned from the old pool;
// and state can't hold the unknowns a failed create leaves.

import (
	"context"
	"maps"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// unknownUnconfiguredGroupValues marks unknown, in plan (a pointer to a pool model), each computed
// attribute of the pool attribute groups that config (the same model) leaves null and that has no
// default.
func unknownUnconfiguredGroupValues(ctx context.Context, k poolKind, plan, config any) {
	configured := reflect.ValueOf(config)
	eachGroupValue(k, reflect.ValueOf(plan).Elem(), func(a schema.Attribute, field reflect.Value, at []int) {
		if !a.IsComputed() || hasDefault(a) {
			return // not chosen by AKS, or the default is what the new pool gets
		}
		if c, ok := configured.FieldByIndex(at).Interface().(attr.Value); ok && c.IsNull() {
			setValue(ctx, a, field, tftypes.UnknownValue)
		}
	})
}

// nullUnknownGroupValues sets null, in model (a pointer to a pool model), each value of the pool
// attribute groups that is unknown or holds an unknown: state can't hold unknowns, and what a
// failed create leaves unknown wasn't chosen yet.
func nullUnknownGroupValues(ctx context.Context, model any) {
	eachGroupValue(nodePoolKind, reflect.ValueOf(model).Elem(), func(a schema.Attribute, field reflect.Value, _ []int) {
		if v, ok := field.Interface().(attr.Value); ok {
			if raw, err := v.ToTerraformValue(ctx); err != nil || !raw.IsFullyKnown() {
				setValue(ctx, a, field, nil)
			}
		}
	})
}

// eachGroupValue calls fn for each field of model (a pool model struct, embedded structs
// included) that holds an attribute of the pool attribute groups for a pool of kind k, with the
// attribute, the field and the field's index path in model.
func eachGroupValue(k poolKind, model reflect.Value, fn func(a schema.Attribute, field reflect.Value, at []int)) {
	attrs := groupAttributes(k)
	if k == nodePoolKind {
		maps.Copy(attrs, nodePoolOnlyAttributes())
	}
	var walk func(v reflect.Value, prefix []int)
	walk = func(v reflect.Value, prefix []int) {
		for i := range v.NumField() {
			f := v.Type().Field(i)
			at := append(append([]int{}, prefix...), i)
			if f.Anonymous && f.Type.Kind() == reflect.Struct {
				walk(v.Field(i), at)
			} else if a, ok := attrs[f.Tag.Get("tfsdk")]; ok {
				fn(a, v.Field(i), at)
			}
		}
	}
	walk(model, nil)
}

// setValue sets field to the attribute's value of raw (tftypes.UnknownValue, or nil for null).
func setValue(ctx context.Context, a schema.Attribute, field reflect.Value, raw any) {
	t := a.GetType()
	v, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), raw))
	if err == nil && reflect.TypeOf(v) == field.Type() {
		field.Set(reflect.ValueOf(v))
	}
}

// hasDefault reports whether the attribute declares a Default (every framework attribute type
// names that field Default).
func hasDefault(a schema.Attribute) bool {
	d := reflect.ValueOf(a).FieldByName("Default")
	return d.IsValid() && !d.IsNil()
}
