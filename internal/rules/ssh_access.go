package rules

import (
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// SSH access values of the API version (agentPool securityProfile.sshAccess).
const (
	SSHAccessLocalUser = string(armcontainerservice.AgentPoolSSHAccessLocalUser)
	SSHAccessDisabled  = string(armcontainerservice.AgentPoolSSHAccessDisabled)
)

// SSHAccessValues are the ssh_access values.
var SSHAccessValues = []string{SSHAccessLocalUser, SSHAccessDisabled}

// checkSSHAccessPoolType: "Disable SSH only supports Virtual Machine Scale Sets node pools."
// The pool's type is the configured one for a new pool, AKS's for a pool being updated.
func checkSSHAccessPoolType(base path.Path, p Pool, current *ExistingPool) diag.Diagnostics {
	if !isSet(p.SSHAccess) || !strings.EqualFold(p.SSHAccess.ValueString(), SSHAccessDisabled) {
		return nil
	}
	poolType := ""
	switch {
	case current != nil:
		poolType = current.VMSetType
	case !p.Type.IsUnknown():
		poolType = stringOr(p.Type, VMSetTypeScaleSets)
	}
	if poolType == "" || strings.EqualFold(poolType, VMSetTypeScaleSets) {
		return nil
	}
	at := base.AtName("security_profile").AtName("ssh_access")
	return diag.Diagnostics{ruleError(at, "SSH can only be disabled on scale set pools",
		explain(fmt.Sprintf("%s = %q, but the pool's type is %s.", shown(at), SSHAccessDisabled, poolType),
			"disabling SSH only supports Virtual Machine Scale Sets node pools", sourceSSHAccess,
			fmt.Sprintf("use %s = %q on this pool, or a pool of type %s.", shown(at), SSHAccessLocalUser, VMSetTypeScaleSets)))}
}
