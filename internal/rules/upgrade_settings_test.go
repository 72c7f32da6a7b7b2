package rules

import (
	"testing"
)

func TestMaxSurgeAndMaxUnavailable(t *testing.T) {
	testStringValidator(t, MaxSurge(), "upgrade_settings.max_surge", []stringCase{
		{value: "1"},
		{value: "0"},
		{value: "33%"},
		{value: "100%"},
		{value: "101%", wantSummary: "Invalid upgrade setting max_surge", contains: []string{"more than 100%"}},
		{value: "-1", wantSummary: "Invalid upgrade setting max_surge", contains: []string{"neither a whole number of nodes nor a percentage"}},
		{value: "1.5", wantSummary: "Invalid upgrade setting max_surge"},
		{value: "01", wantSummary: "Invalid upgrade setting max_surge"},
		{value: "%", wantSummary: "Invalid upgrade setting max_surge"},
		{value: "ten", wantSummary: "Invalid upgrade setting max_surge", contains: []string{`upgrade_settings.max_surge = "ten"`}},
	})
	testStringValidator(t, MaxUnavailable(), "upgrade_settings.max_unavailable", []stringCase{
		{value: "5%"},
		{value: "2"},
		{value: "5 %", wantSummary: "Invalid upgrade setting max_unavailable"},
	})
}
