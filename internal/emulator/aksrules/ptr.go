package aksrules

import "strings"

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
