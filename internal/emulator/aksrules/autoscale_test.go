package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func autoscale(minCount, maxCount int32) func(*poolProperties) {
	return func(p *poolProperties) {
		p.EnableAutoScaling = to(true)
		p.MinCount, p.MaxCount = to(minCount), to(maxCount)
	}
}

func count(n int32) func(*poolProperties) { return func(p *poolProperties) { p.Count = to(n) } }

func both(edits ...func(*poolProperties)) func(*poolProperties) {
	return func(p *poolProperties) {
		for _, e := range edits {
			e(p)
		}
	}
}

func TestCheckCount(t *testing.T) {
	tests := []struct {
		name, code, message string
		p                   *armcontainerservice.ManagedClusterAgentPoolProfileProperties
	}{
		{"user pool scaled to zero", "", "", props(count(0))},
		{"system pool with one node", "", "", props(both(system, count(1)))},
		{"maximum", "", "", props(count(1000))},
		{"system pool with zero nodes", codeInvalidParameter,
			"agentPoolProfile.count was 0. It must be greater or equal to minCount:1 and less than or equal to maxCount:1000. If allowedMinCount was expected to be 0 but is 1: 1) The nodepool is a VMAS pool. 2) api Version is less than 2020-03-01. 3) The node is a system pool.",
			props(both(system, count(0)))},
		{"negative", codeInvalidParameter, "agentPoolProfile.count was -1. It must be greater or equal to minCount:0", props(count(-1))},
		{"over the maximum", codeInvalidParameter, "less than or equal to maxCount:1000", props(count(1001))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkCount(tt.p), tt.code, tt.message)
		})
	}
}

func TestCheckAutoscalerBounds(t *testing.T) {
	tests := []struct {
		name     string
		p        *armcontainerservice.ManagedClusterAgentPoolProfileProperties
		creating bool
		code     string
		message  string
	}{
		{"bounds around the count", props(both(autoscale(1, 5), count(3))), true, "", ""},
		{"min equals max", props(both(autoscale(2, 2), count(2))), true, "", ""},
		{"user pool may scale from zero", props(both(autoscale(0, 3), count(0))), true, "", ""},
		{"count outside bounds is fine on update", props(both(autoscale(3, 5), count(1))), false, "", ""},
		{"no autoscaling, no bounds", props(count(3)), true, "", ""},
		{"no autoscaling, zero bounds count as unset", props(func(p *poolProperties) { p.MinCount, p.MaxCount = to[int32](0), to[int32](0) }), true, "", ""},
		{"bounds without autoscaling", props(func(p *poolProperties) { p.MinCount, p.MaxCount = to[int32](1), to[int32](3) }), true,
			codeInvalidParameter, "minCount and maxCount can only be set when enableAutoScaling is true"},
		{"autoscaling without bounds", props(func(p *poolProperties) { p.EnableAutoScaling = to(true) }), true,
			codeInvalidParameter, "minCount and maxCount must both be specified"},
		{"min above max", props(both(autoscale(5, 2), count(3))), true, codeInvalidParameter, "minCount (5) must be less than or equal to maxCount (2)"},
		{"max over 1000", props(both(autoscale(1, 1001), count(3))), true, codeInvalidParameter, "must be between 0 and 1000"},
		{"system pool min zero", props(both(system, autoscale(0, 3), count(1))), true, codeInvalidParameter, "minCount must be at least 1 for System agent pools"},
		{"count below min on create", props(both(autoscale(2, 5), count(1))), true, codeInvalidParameter, "count (1) must be between minCount (2) and maxCount (5)"},
		{"count above max on create", props(both(autoscale(1, 3), count(4))), true, codeInvalidParameter, "count (4) must be between minCount (1) and maxCount (3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkAutoscalerBounds("pool", tt.p, tt.creating), tt.code, tt.message)
		})
	}
}

func TestCheckManualScale(t *testing.T) {
	tests := []struct {
		name     string
		old, new *armcontainerservice.ManagedClusterAgentPoolProfileProperties
		code     string
		message  string
	}{
		{"count sent back unchanged", props(both(autoscale(1, 5), count(3))), props(both(autoscale(1, 5), count(3))), "", ""},
		{"bounds change only", props(both(autoscale(1, 5), count(3))), props(both(autoscale(2, 6), count(3))), "", ""},
		{"manual scale without autoscaling", props(count(3)), props(count(5)), "", ""},
		{"disable autoscaling and scale", props(both(autoscale(1, 5), count(3))), props(count(5)), "", ""},
		{"enable autoscaling, count unchanged", props(count(3)), props(both(autoscale(1, 5), count(3))), "", ""},
		{"manual scale with autoscaling", props(both(autoscale(1, 5), count(3))), props(both(autoscale(1, 5), count(4))), codeInvalidParameter,
			"Cannot manually scale AgentPool 'pool' of an AKS cluster with cluster autoscaler enabled. Please disable cluster autoscaler in the cluster to manually scale."},
		{"enable autoscaling and scale", props(count(3)), props(both(autoscale(1, 5), count(4))), codeInvalidParameter,
			"Cannot manually scale and enable cluster autoscaler in the same update operation on VMSS Agentpool 'pool'."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkManualScale("pool", tt.old, tt.new), tt.code, tt.message)
		})
	}
}
