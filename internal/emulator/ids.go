package emulator

import (
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
)

// ARM resource IDs of the resources the emulator serves, and location names.

func normLocation(l string) string { return strings.ToLower(strings.ReplaceAll(l, " ", "")) }

func rgID(sub, rg string) string { return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s", sub, rg) }

// parseID parses an ARM ID with azcore's parser.
func parseID(id string) (*arm.ResourceID, error) { return arm.ParseResourceID(id) }

func vnetID(sub, rg, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworks/%s", sub, rg, name)
}

func clusterID(sub, rg, name string) string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s", sub, rg, name)
}

func clusterIDOf(q *request) string {
	return clusterID(q.param("subscriptionId"), q.param("resourceGroupName"), q.param("resourceName"))
}

func poolIDOf(q *request) string { return clusterIDOf(q) + "/agentPools/" + q.param("agentPoolName") }

func clusterNameOf(id string) string {
	if rid, err := parseID(id); err == nil {
		return rid.Name
	}
	return id
}

func poolNameOf(id string) string { return id[strings.LastIndex(id, "/")+1:] }
