package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestWindowsAdminUsername(t *testing.T) {
	testStringValidator(t, WindowsAdminUsername(), "windows_profile.admin_username", []stringCase{
		{value: "azureuser"},
		{value: "Admin", wantSummary: "Invalid Windows admin username", contains: []string{"reserved"}},
		{value: "ops.", wantSummary: "Invalid Windows admin username"},
		{value: "a-very-long-admin-name-here", wantSummary: "Invalid Windows admin username", contains: []string{"27 characters"}},
	})
}

func TestWindowsAdminPassword(t *testing.T) {
	testStringValidator(t, WindowsAdminPassword(), "windows_profile.admin_password", []stringCase{
		{value: "Str0ng-Passw0rd!"},
		{value: "lowercase-and-digits-1"},
		{value: "Sh0rt!", wantSummary: "Windows admin password too weak", contains: []string{"6 characters"}},
		{value: "onlylowercaseletters", wantSummary: "Windows admin password too weak", contains: []string{"only 1 of the 4"}},
		{value: "P@ssword123", wantSummary: "Windows admin password too weak", contains: []string{"well-known"}},
	})
	// The password never appears in the message.
	got := runString(WindowsAdminPassword(), path.Root("windows_profile").AtName("admin_password"), types.StringValue("secretvalue"))
	for _, d := range got {
		if strings.Contains(d.Summary()+d.Detail(), "secretvalue") {
			t.Errorf("the diagnostic repeats the password: %s", describe(d))
		}
	}
}
