package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestCheckAutoscaler(t *testing.T) {
	auto := with(userPool(), func(p *Pool) {
		p.AutoScalingEnabled, p.MinCount, p.MaxCount, p.NodeCount = flag(true), num(1), num(5), types.Int64Null()
	})
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"autoscaler", auto, nil},
		{"count within limits", with(auto, func(p *Pool) { p.NodeCount = num(5) }), nil},
		{"no autoscaler", userPool(), nil},
		{"min without autoscaler", with(userPool(), func(p *Pool) { p.MinCount = num(1) }),
			[]want{errAt("min_count", "Autoscaler limits without the autoscaler", "auto_scaling_enabled is not true", "auto_scaling_enabled = true")}},
		{"both with autoscaler off", with(userPool(), func(p *Pool) { p.AutoScalingEnabled, p.MinCount, p.MaxCount = flag(false), num(1), num(3) }),
			[]want{errAt("min_count", "Autoscaler limits without the autoscaler"), errAt("max_count", "Autoscaler limits without the autoscaler")}},
		{"max missing", with(auto, func(p *Pool) { p.MaxCount = types.Int64Null() }),
			[]want{errAt("max_count", "Autoscaler needs min_count and max_count", "max_count is not set")}},
		{"both missing", with(auto, func(p *Pool) { p.MinCount, p.MaxCount = types.Int64Null(), types.Int64Null() }),
			[]want{errAt("min_count", "Autoscaler needs min_count and max_count"), errAt("max_count", "Autoscaler needs min_count and max_count")}},
		{"min above max", with(auto, func(p *Pool) { p.MinCount = num(6) }),
			[]want{errAt("min_count", "Autoscaler minimum above maximum", "min_count = 6 is greater than max_count = 5")}},
		// Only a create needs the count within the limits (TestCheckAutoscalerCountAtCreation).
		{"count outside the limits", with(auto, func(p *Pool) { p.NodeCount = num(9) }), nil},
		{"unknown switch", with(userPool(), func(p *Pool) { p.AutoScalingEnabled, p.MinCount = types.BoolUnknown(), num(3) }), nil},
		{"unknown limits", with(auto, func(p *Pool) { p.MinCount, p.NodeCount = types.Int64Unknown(), num(99) }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkAutoscaler(path.Empty(), tt.pool), tt.wants...) })
	}
}

func TestCheckAutoscalerCountAtCreation(t *testing.T) {
	auto := with(userPool(), func(p *Pool) {
		p.AutoScalingEnabled, p.MinCount, p.MaxCount, p.NodeCount = flag(true), num(1), num(5), types.Int64Null()
	})
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"no count", auto, nil},
		{"count within limits", with(auto, func(p *Pool) { p.NodeCount = num(5) }), nil},
		{"count below min", with(auto, func(p *Pool) { p.NodeCount = num(0) }),
			[]want{errAt("node_count", "Node count outside the autoscaler's limits", "node_count = 0 is outside min_count = 1 and max_count = 5", "between 1 and 5")}},
		{"count above max", with(auto, func(p *Pool) { p.NodeCount = num(9) }),
			[]want{errAt("node_count", "Node count outside the autoscaler's limits")}},
		{"no autoscaler", with(userPool(), func(p *Pool) { p.NodeCount = num(9) }), nil},
		{"limits reversed (checkAutoscaler's error)", with(auto, func(p *Pool) { p.MinCount, p.NodeCount = num(6), num(9) }), nil},
		{"unknown limits", with(auto, func(p *Pool) { p.MinCount, p.NodeCount = types.Int64Unknown(), num(99) }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, CheckAutoscalerCountAtCreation(path.Empty(), tt.pool), tt.wants...) })
	}
}
