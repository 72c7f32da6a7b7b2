package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckSpotOnlyArguments(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"spot with both", with(userPool(), func(p *Pool) {
			p.Priority, p.EvictionPolicy, p.SpotMaxPrice = str("Spot"), str("Delete"), types.Float64Value(-1)
		}), nil},
		{"regular with eviction policy", with(userPool(), func(p *Pool) { p.EvictionPolicy = str("Deallocate") }),
			[]want{errAt("eviction_policy", "Spot-only argument on a non-Spot pool", `priority is "Regular"`, `priority = "Spot"`)}},
		{"explicit regular with price", with(userPool(), func(p *Pool) { p.Priority, p.SpotMaxPrice = str("Regular"), types.Float64Value(0.5) }),
			[]want{errAt("spot_max_price", "Spot-only argument on a non-Spot pool")}},
		{"unknown priority", with(userPool(), func(p *Pool) { p.Priority, p.EvictionPolicy = types.StringUnknown(), str("Delete") }), nil},
		{"unknown price value still counts as set", with(userPool(), func(p *Pool) { p.SpotMaxPrice = types.Float64Unknown() }),
			[]want{errAt("spot_max_price", "Spot-only argument on a non-Spot pool")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkSpotOnlyArguments(path.Empty(), tt.pool), tt.wants...) })
	}
}

func runFloat(v validator.Float64, value types.Float64) diag.Diagnostics {
	resp := &validator.Float64Response{}
	v.ValidateFloat64(context.Background(), validator.Float64Request{Path: path.Root("spot_max_price"), ConfigValue: value}, resp)
	return resp.Diagnostics
}

func TestSpotMaxPrice(t *testing.T) {
	v := SpotMaxPrice()
	if v.Description(context.Background()) == "" || v.MarkdownDescription(context.Background()) == "" {
		t.Error("no description")
	}
	for _, ok := range []float64{-1, 0.00001, 0.5, 12.34567, 100} {
		expectDiags(t, runFloat(v, types.Float64Value(ok)))
	}
	expectDiags(t, runFloat(v, types.Float64Value(0)), errAt("spot_max_price", "Invalid Spot maximum price", "spot_max_price = 0 is neither -1 nor above 0"))
	expectDiags(t, runFloat(v, types.Float64Value(-2)), errAt("spot_max_price", "Invalid Spot maximum price", "-2 is neither"))
	expectDiags(t, runFloat(v, types.Float64Value(0.000001)), errAt("spot_max_price", "Invalid Spot maximum price", "has 6 decimals"))
	expectDiags(t, runFloat(v, types.Float64Null()))
	expectDiags(t, runFloat(v, types.Float64Unknown()))
}
