package rules

import (
	"strings"
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

func TestPoolNameProblem(t *testing.T) {
	tests := []struct {
		name, osType, contains string
	}{
		{"userpool1234", OSTypeLinux, ""},
		{"win123", OSTypeWindows, ""},
		{"win123", "windows", ""},
		{"userpool12345", OSTypeLinux, "13 characters long; Linux node pools allow at most 12"},
		{"windows", OSTypeWindows, "7 characters long; Windows node pools allow at most 6"},
		{"", OSTypeLinux, "the name is empty"},
		{"1pool", OSTypeLinux, `starts with "1"`},
		{"my-pool", OSTypeLinux, `contains "-"`},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.osType, func(t *testing.T) {
			got := PoolNameProblem(tt.name, tt.osType)
			if tt.contains == "" && got != "" {
				t.Fatalf("PoolNameProblem(%q, %q) = %q, want no problem", tt.name, tt.osType, got)
			}
			if tt.contains != "" && !strings.Contains(got, tt.contains) {
				t.Fatalf("PoolNameProblem(%q, %q) = %q, want it to contain %q", tt.name, tt.osType, got, tt.contains)
			}
		})
	}
}
