package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

func TestCheckHostEncryption(t *testing.T) {
	on := with(userPool(), func(p *Pool) { p.HostEncryptionEnabled = flag(true) })
	expectDiags(t, checkHostEncryption(path.Empty(), on, embeddedSize(t, "Standard_DS2_v2")))
	expectDiags(t, checkHostEncryption(path.Empty(), on, embeddedSize(t, "Standard_D2pds_v5"))) // unknown: not refused
	expectDiags(t, checkHostEncryption(path.Empty(), userPool(), embeddedSize(t, "Standard_A0")))
	expectDiags(t, checkHostEncryption(path.Empty(), on, embeddedSize(t, "Standard_A0")),
		errAt("host_encryption_enabled", "VM size does not support encryption at host", "Standard_A0 does not support encryption at host", "host_encryption_enabled = false"))
}
