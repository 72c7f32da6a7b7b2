package aksrules

import (
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkStoppedSystemPool: "You can't stop system pools"
// (learn.microsoft.com/azure/aks/start-stop-nodepools#features-and-limitations).
// It also refuses a stopped pool becoming a System pool. Unverified text and code.
func checkStoppedSystemPool(name string, p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if !isSystem(p) || !isStopped(p) {
		return nil
	}
	return badRequest(codeOperationNotAllowed, "powerState",
		"Agent pool '%s' is a System agent pool; System agent pools can't be stopped.", name)
}
