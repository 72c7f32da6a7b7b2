// Package functions holds the aks provider's functions (provider::aks::name(...)): pure
// computations that need no provider configuration and make no network call. Each function
// reuses the rule or parser of its home package (internal/aksapi for ARM IDs, internal/rules for
// pool names, internal/vmsizes for the embedded VM size catalogue), so a function and the
// resources never disagree.
package functions

import "github.com/hashicorp/terraform-plugin-framework/function"

// Functions lists the constructors of every function the provider serves.
func Functions() []func() function.Function {
	return []func() function.Function{
		NewParseClusterIDFunction,
		NewParseNodePoolIDFunction,
		NewEphemeralOSDiskFitsFunction,
		NewNodePoolNameValidFunction,
	}
}
