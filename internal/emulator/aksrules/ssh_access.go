package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkSSHAccessType: "Disable SSH only supports Virtual Machine Scale Sets node pools"
// (manage-ssh-node-access.md). The defaults have filled type. Unverified code and text.
func checkSSHAccessType(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p.SecurityProfile == nil || !equalFoldPtr(p.SecurityProfile.SSHAccess, armcontainerservice.AgentPoolSSHAccessDisabled) {
		return nil
	}
	if p.Type == nil || equalFoldPtr(p.Type, armcontainerservice.AgentPoolTypeVirtualMachineScaleSets) {
		return nil
	}
	return badRequest(codeInvalidParameter, "securityProfile.sshAccess",
		"SSH access Disabled is only supported for VirtualMachineScaleSets agent pools, not for type %s.", string(*p.Type))
}
