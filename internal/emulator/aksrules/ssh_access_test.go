package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestCheckSSHAccessType(t *testing.T) {
	disabled := func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
		p.SecurityProfile = &armcontainerservice.AgentPoolSecurityProfile{SSHAccess: to(armcontainerservice.AgentPoolSSHAccessDisabled)}
	}
	wantError(t, createPool("nossh", disabled), "", "")
	p := &armcontainerservice.ManagedClusterAgentPoolProfileProperties{Type: to(armcontainerservice.AgentPoolTypeVirtualMachines)}
	disabled(p)
	wantError(t, checkSSHAccessType(p), codeInvalidParameter, "only supported for VirtualMachineScaleSets agent pools, not for type VirtualMachines")
	p.SecurityProfile.SSHAccess = to(armcontainerservice.AgentPoolSSHAccessLocalUser)
	wantError(t, checkSSHAccessType(p), "", "")
}
