package aksrules

import (
	"reflect"
	"strings"
)

// to returns a pointer to a copy of v: the SDK models are all pointers.
func to[T any](v T) *T { return &v }

// deref returns *p, or the zero value when p is nil: for the rules an unset
// field and its zero value mean the same thing.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// equalFoldPtr compares a string-typed enum pointer with a value, ignoring
// case as ARM does for enum values.
func equalFoldPtr[T ~string](p *T, value T) bool {
	return p != nil && strings.EqualFold(string(*p), string(value))
}

// isSet reports whether a string pointer holds a non-empty value; AKS treats
// "" like an absent field (the official examples send orchestratorVersion "").
func isSet[T ~string](p *T) bool {
	return p != nil && *p != ""
}

// dropEmptyStrings sets every string-typed pointer field of the struct *v
// that holds "" to nil: AKS reads "" as an absent value, and answers a
// default or nothing for it, never "" (the official examples' answers carry
// no empty enum). azurerm sends "" for unset enums such as workloadRuntime.
func dropEmptyStrings[T any](v *T) {
	if v == nil {
		return
	}
	d := reflect.ValueOf(v).Elem()
	for i := range d.NumField() {
		f := d.Field(i)
		if f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.String && f.Elem().Len() == 0 && f.CanSet() {
			f.Set(reflect.Zero(f.Type()))
		}
	}
}
