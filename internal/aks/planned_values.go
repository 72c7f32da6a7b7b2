package aks

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
)

// What a successful write records. Terraform requires every value the plan knew to come back
// unchanged; AKS's answer, though, also carries what others changed between the plan and the
// apply (a colleague's tag, a label the portal added), which the If-Match re-read rightly kept on
// Azure. Recording AKS's answer would fail the apply ("inconsistent result after apply"); so the
// new state holds the planned value of every attribute the plan knew and AKS's value of the rest,
// and the colleague's change shows as drift on the next plan.

var attrValueType = reflect.TypeFor[attr.Value]()

// keepPlanned sets every attribute of written (a pointer to a model struct) whose planned value in
// plan (the same model) is wholly known to the planned value. It walks embedded and nested model
// structs (and non-nil pointers to them, when both sides have one); the exported fields of an
// unexported embedded struct (nodePoolSettings) are settable through it.
func keepPlanned(ctx context.Context, written, plan any) {
	keepPlannedValue(ctx, reflect.ValueOf(written).Elem(), reflect.ValueOf(plan))
}

func keepPlannedValue(ctx context.Context, written, plan reflect.Value) {
	if plan.Kind() == reflect.Pointer {
		if plan.IsNil() {
			return
		}
		plan = plan.Elem()
	}
	for i := range written.NumField() {
		field := written.Field(i)
		planned := plan.Field(i)
		switch {
		case field.Type().Implements(attrValueType):
			if !field.CanSet() {
				continue
			}
			if v, ok := planned.Interface().(attr.Value); ok && fullyKnown(ctx, v) {
				field.Set(planned)
			}
		case field.Kind() == reflect.Struct:
			keepPlannedValue(ctx, field, planned)
		case field.Kind() == reflect.Pointer && field.Type().Elem().Kind() == reflect.Struct && !field.IsNil():
			keepPlannedValue(ctx, field.Elem(), planned)
		}
	}
}

// fullyKnown reports whether v holds no unknown value, at any depth.
func fullyKnown(ctx context.Context, v attr.Value) bool {
	if v.IsUnknown() {
		return false
	}
	tv, err := v.ToTerraformValue(ctx)
	return err == nil && tv.IsFullyKnown()
}
