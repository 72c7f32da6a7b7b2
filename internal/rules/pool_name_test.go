package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNodePoolName(t *testing.T) {
	testStringValidator(t, NodePoolName(), "name", []stringCase{
		{value: "a"},
		{value: "mynodepool"},
		{value: "userpool1234"}, // 12
		{value: "", wantSummary: "Invalid node pool name", contains: []string{"name is empty"}},
		{value: "1pool", wantSummary: "Invalid node pool name", contains: []string{`starts with "1"`, "lowercase letter"}},
		{value: "Pool", wantSummary: "Invalid node pool name", contains: []string{`starts with "P"`}},
		{value: "my-pool", wantSummary: "Invalid node pool name", contains: []string{`contains "-"`}},
		{value: "myPool", wantSummary: "Invalid node pool name", contains: []string{`contains "P"`}},
		{value: "userpool12345"}, // the length depends on os_type: CheckPool's
	})
}

func TestCheckNameLength(t *testing.T) {
	tests := []struct {
		name  string
		pool  Pool
		wants []want
	}{
		{"linux 12", with(userPool(), func(p *Pool) { p.Name = str("userpool1234") }), nil},
		{"linux 13", with(userPool(), func(p *Pool) { p.Name = str("userpool12345") }),
			[]want{errAt("name", "Node pool name too long for a Linux pool", `name = "userpool12345" is 13 characters`, "at most 12", `os_type is "Linux"`, `"userpool1234"`)}},
		{"windows 6", with(userPool(), func(p *Pool) { p.Name, p.OSType = str("win123"), str("Windows") }), nil},
		{"windows 7", with(userPool(), func(p *Pool) { p.Name, p.OSType = str("windows"), str("Windows") }),
			[]want{errAt("name", "Node pool name too long for a Windows pool", "7 characters", "at most 6", "the Windows rule applied", `"window"`)}},
		{"unknown os_type", with(userPool(), func(p *Pool) { p.Name, p.OSType = str("windows"), types.StringUnknown() }), nil},
		{"unknown name", with(userPool(), func(p *Pool) { p.Name = types.StringUnknown() }), nil},
		{"empty is the charset validator's", with(userPool(), func(p *Pool) { p.Name = str("") }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectDiags(t, checkNameLength(path.Empty(), tt.pool), tt.wants...) })
	}
}
