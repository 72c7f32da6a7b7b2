package rules

import "testing"

func TestVMSizeCharacters(t *testing.T) {
	testStringValidator(t, VMSizeCharacters(), "vm_size", []stringCase{
		{value: "Standard_D4s_v5"},
		{value: "Standard_E4-2s_v5"},
		{value: "Standard_D4s_v5\u200b", wantSummary: "Invalid character in the VM size", contains: []string{"U+200B", `reads "Standard_D4s_v5"`}},
		{value: "Standard_D4s\u00a0v5", wantSummary: "Invalid character in the VM size", contains: []string{"U+00A0"}},
		{value: "Standard_D4ѕ_v5", wantSummary: "Invalid character in the VM size", contains: []string{"U+0455"}}, // Cyrillic dze
		{value: "Standard D4s v5", wantSummary: "Invalid character in the VM size", contains: []string{"U+0020"}},
	})
}
