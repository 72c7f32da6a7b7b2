package aks

// A pool created anew (aks_node_pool replaced, default_node_pool rotated) gets AKS's choices
// again for what its configuration leaves unset, so those can't be planned from the old pool.

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// unknownUnconfiguredGroupValues marks unknown, in plan (a pointer to a pool model), each computed
// attribute of the pool attribute groups that config (the same model) leaves null and that has no
// default.
func unknownUnconfiguredGroupValues(ctx context.Context, k poolKind, plan, config any) {
	attrs := groupAttributes(k)
	if k == nodePoolKind {
		for name, a := range nodePoolOnlyAttributes() {
			attrs[name] = a
		}
	}
	unknownUnconfigured(ctx, attrs, reflect.ValueOf(plan).Elem(), reflect.ValueOf(config))
}

func unknownUnconfigured(ctx context.Context, attrs map[string]schema.Attribute, plan, config reflect.Value) {
	for i := range plan.NumField() {
		field := plan.Type().Field(i)
		if field.Anonymous && field.Type.Kind() == reflect.Struct {
			unknownUnconfigured(ctx, attrs, plan.Field(i), config.Field(i))
			continue
		}
		a, ok := attrs[field.Tag.Get("tfsdk")]
		if !ok || !a.IsComputed() || hasDefault(a) {
			continue // not chosen by AKS, or the default is what the new pool gets
		}
		configured, ok := config.Field(i).Interface().(attr.Value)
		if !ok || !configured.IsNull() {
			continue
		}
		t := a.GetType()
		unknown, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), tftypes.UnknownValue))
		if err == nil && reflect.TypeOf(unknown) == field.Type {
			plan.Field(i).Set(reflect.ValueOf(unknown))
		}
	}
}

// hasDefault reports whether the attribute declares a Default (every framework attribute type
// names that field Default).
func hasDefault(a schema.Attribute) bool {
	d := reflect.ValueOf(a).FieldByName("Default")
	return d.IsValid() && !d.IsNil()
}

// nullUnknownGroupValues sets null, in model (a pointer to a pool model), each value of the pool
// attribute groups that is unknown or holds an unknown: state can't hold unknowns, and what a
// failed create leaves unknown wasn't chosen yet.
func nullUnknownGroupValues(ctx context.Context, model any) {
	attrs := groupAttributes(nodePoolKind)
	for name, a := range nodePoolOnlyAttributes() {
		attrs[name] = a
	}
	nullUnknown(ctx, attrs, reflect.ValueOf(model).Elem())
}

func nullUnknown(ctx context.Context, attrs map[string]schema.Attribute, model reflect.Value) {
	for i := range model.NumField() {
		field := model.Type().Field(i)
		if field.Anonymous && field.Type.Kind() == reflect.Struct {
			nullUnknown(ctx, attrs, model.Field(i))
			continue
		}
		a, ok := attrs[field.Tag.Get("tfsdk")]
		if !ok {
			continue
		}
		v, ok := model.Field(i).Interface().(attr.Value)
		if !ok {
			continue
		}
		if raw, err := v.ToTerraformValue(ctx); err == nil && raw.IsFullyKnown() {
			continue
		}
		t := a.GetType()
		null, err := t.ValueFromTerraform(ctx, tftypes.NewValue(t.TerraformType(ctx), nil))
		if err == nil && reflect.TypeOf(null) == field.Type {
			model.Field(i).Set(reflect.ValueOf(null))
		}
	}
}
