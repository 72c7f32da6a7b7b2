package rules

import (
	"strings"
	"testing"
)

func TestNodeLabelKey(t *testing.T) {
	testStringValidator(t, NodeLabelKey(), "node_labels", []stringCase{
		{value: "team"},
		{value: "example.com/team"},
		{value: "app.kubernetes.io/name"},
		{value: "a_b.c-d"},
		{value: strings.Repeat("k", 63)},
		{value: strings.Repeat("k", 64), wantSummary: "Invalid node label key", contains: []string{"64 characters", "maximum is 63"}},
		{value: "-team", wantSummary: "Invalid node label key", contains: []string{"start and end with a letter or digit"}},
		{value: "team-", wantSummary: "Invalid node label key"},
		{value: "a/b/c", wantSummary: "Invalid node label key", contains: []string{"more than one '/'"}},
		{value: "/team", wantSummary: "Invalid node label key", contains: []string{"prefix before '/' is empty"}},
		{value: "Example.com/team", wantSummary: "Invalid node label key", contains: []string{"not a DNS subdomain"}},
		{value: strings.Repeat("a", 254) + "/team", wantSummary: "Invalid node label key", contains: []string{"254 characters", "maximum is 253"}},
		{value: "example.com/", wantSummary: "Invalid node label key", contains: []string{"name part is empty"}},
		{value: "team name", wantSummary: "Invalid node label key"},
		{value: "kubernetes.azure.com/mode", wantSummary: "Reserved node label key", contains: []string{"kubernetes.azure.com/", `"example.com/mode"`}},
		{value: "Kubernetes.Azure.Com/mode", wantSummary: "Invalid node label key"}, // an uppercase prefix is not a DNS subdomain at all
	})
}

func TestNodeLabelValue(t *testing.T) {
	testStringValidator(t, NodeLabelValue(), "node_labels", []stringCase{
		{value: ""},
		{value: "IT"},
		{value: "v1.2_3-a"},
		{value: strings.Repeat("v", 63)},
		{value: strings.Repeat("v", 64), wantSummary: "Invalid node label value", contains: []string{"64 characters"}},
		{value: "-v", wantSummary: "Invalid node label value", contains: []string{"start and end with a letter or digit"}},
		{value: "a b", wantSummary: "Invalid node label value"},
		{value: "a/b", wantSummary: "Invalid node label value"},
	})
}
