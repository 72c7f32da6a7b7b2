package rules

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// checkHostEncryption: host_encryption_enabled needs a size that supports encryption at host.
func checkHostEncryption(base path.Path, p Pool, size vmsizes.Size) diag.Diagnostics {
	if !isTrue(p.HostEncryptionEnabled) || size.EncryptionAtHost != vmsizes.No {
		return nil
	}
	at := base.AtName("host_encryption_enabled")
	return diag.Diagnostics{ruleError(at, "VM size does not support encryption at host",
		explain(fmt.Sprintf("%s = true, but %s does not support encryption at host, according to %s.", shown(at), size.Name, size.Source),
			"host-based encryption needs a VM size that supports encryption at host",
			sourceHostEncryption,
			fmt.Sprintf("pick a VM size that supports it, or %s = false.", shown(at))))}
}
