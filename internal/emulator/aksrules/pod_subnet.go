package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkPodSubnetNotNodeSubnet: with dynamic IP allocation the pods' subnet is separate from the
// nodes' ("a separate subnet for pods", https://learn.microsoft.com/azure/aks/configure-azure-cni-dynamic-ip-allocation).
// Unverified: AKS's exact code and text; InvalidParameter naming podSubnetID is its usual shape.
func checkPodSubnetNotNodeSubnet(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p == nil || p.PodSubnetID == nil || p.VnetSubnetID == nil || *p.PodSubnetID == "" ||
		!strings.EqualFold(*p.PodSubnetID, *p.VnetSubnetID) {
		return nil
	}
	return badRequest(codeInvalidParameter, "agentPoolProfile.podSubnetID",
		"The pod subnet %s must be different from the node subnet (vnetSubnetID) of the agent pool.", *p.PodSubnetID)
}
