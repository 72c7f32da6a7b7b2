package rules

import (
	"strings"
	"testing"
)

func TestClusterName(t *testing.T) {
	testStringValidator(t, ClusterName(), "name", []stringCase{
		{value: "a"},
		{value: "aks-demo"},
		{value: "aks_demo_01"},
		{value: strings.Repeat("a", 63)},
		{value: strings.Repeat("a", 64), wantSummary: "Invalid cluster name"},
		{value: "-aks", wantSummary: "Invalid cluster name", contains: []string{`name = "-aks"`}},
		{value: "aks.demo", wantSummary: "Invalid cluster name"},
		{value: "aks-", wantSummary: "Invalid cluster name"},
		{value: "my-windows-cluster", wantSummary: "Reserved word in cluster name", contains: []string{"WINDOWS"}},
		{value: "MicrosoftAks", wantSummary: "Reserved word in cluster name", contains: []string{"MICROSOFT"}},
		{value: "azure", wantSummary: "Reserved word in cluster name", contains: []string{"AZURE"}},
		{value: "loginaks", wantSummary: "Reserved word in cluster name", contains: []string{"LOGIN (at the start)"}},
		{value: "aks-login"},
		{value: "azure-aks"},
	})
}

func TestDNSPrefix(t *testing.T) {
	testStringValidator(t, DNSPrefix(), "dns_prefix", []stringCase{
		{value: "a"},
		{value: "aks-demo"},
		{value: "2ndcluster"},
		{value: strings.Repeat("a", 54)},
		{value: strings.Repeat("a", 55), wantSummary: "Invalid DNS prefix"},
		{value: "aks_demo", wantSummary: "Invalid DNS prefix", contains: []string{`dns_prefix = "aks_demo"`, "1-54"}},
		{value: "aks-", wantSummary: "Invalid DNS prefix"},
		{value: "aks.demo", wantSummary: "Invalid DNS prefix"},
	})
}
