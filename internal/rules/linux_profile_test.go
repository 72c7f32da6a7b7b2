package rules

import (
	"testing"
)

func TestLinuxAdminUsername(t *testing.T) {
	testStringValidator(t, LinuxAdminUsername(), "linux_profile.admin_username", []stringCase{
		{value: "azureuser"},
		{value: "ops_admin-1"},
		{value: "1admin", wantSummary: "Invalid Linux admin username"},
		{value: "ops admin", wantSummary: "Invalid Linux admin username"},
	})
}

func TestSSHPublicKey(t *testing.T) {
	testStringValidator(t, SSHPublicKey(), "linux_profile.ssh_public_key", []stringCase{
		{value: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host"},
		{value: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"},
		{value: "ecdsa-sha2-nistp256 AAAAE2VjZHNh"},
		{value: "-----BEGIN PUBLIC KEY-----", wantSummary: "Invalid SSH public key"},
		{value: "ssh-rsa AAAA\nssh-rsa BBBB", wantSummary: "Invalid SSH public key"},
	})
}
