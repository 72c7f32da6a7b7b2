package rules

import (
	"context"
	"fmt"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Resource types of the IDs the provider takes.
const (
	ManagedClusterResourceType        = "Microsoft.ContainerService/managedClusters"
	AgentPoolResourceType             = "Microsoft.ContainerService/managedClusters/agentPools"
	SubnetResourceType                = "Microsoft.Network/virtualNetworks/subnets"
	UserAssignedIdentityResourceType  = "Microsoft.ManagedIdentity/userAssignedIdentities"
	LogAnalyticsWorkspaceResourceType = "Microsoft.OperationalInsights/workspaces"
)

// ManagedClusterID validates a managed cluster ARM ID.
func ManagedClusterID() validator.String {
	return ResourceIDOfType(ManagedClusterResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo")
}

// AgentPoolID validates an agent pool (node pool) ARM ID.
func AgentPoolID() validator.String {
	return ResourceIDOfType(AgentPoolResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo/agentPools/userpool")
}

// SubnetID validates a virtual network subnet ARM ID.
func SubnetID() validator.String {
	return ResourceIDOfType(SubnetResourceType,
		"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-aks-demo/providers/Microsoft.Network/virtualNetworks/vnet-aks-demo/subnets/snet-user")
}

// ResourceIDOfType validates an ARM resource ID of the given type (compared
// case-insensitively, as ARM does), parsed with arm.ParseResourceID.
func ResourceIDOfType(resourceType, example string) validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be the ARM ID of a `%s` resource", resourceType),
		check: func(_ context.Context, name, value string) *problem {
			if p := idSpellingProblem(name, value, resourceType); p != nil {
				return p
			}
			id, err := arm.ParseResourceID(value)
			var found string
			switch {
			case err != nil:
				found = fmt.Sprintf("%s = %q is not an ARM resource ID: %s.", name, value, err)
			case !strings.EqualFold(id.ResourceType.String(), resourceType):
				found = fmt.Sprintf("%s = %q is the ID of a %s, not a %s.", name, value, id.ResourceType.String(), resourceType)
			case id.SubscriptionID == "" || id.ResourceGroupName == "":
				found = fmt.Sprintf("%s = %q has no subscription or resource group.", name, value)
			default:
				return nil
			}
			return &problem{
				summary: "Invalid " + resourceType + " ID",
				detail: explain(found,
					fmt.Sprintf("%s takes the full ARM ID of a %s", name, resourceType),
					sourceAPI,
					fmt.Sprintf("use the resource's id attribute, shaped like %s.", example)),
			}
		},
	}
}

// idSpellingProblem refuses what arm.ParseResourceID lets through but ARM's answers never carry:
// a trailing slash, a query string or a fragment (copied from a portal or REST URL). The provider
// would send the ID as written and AKS answers with its own spelling, so Terraform would find the
// value changed after apply and, for an ID that forces replacement, replace on every apply.
func idSpellingProblem(name, value, resourceType string) *problem {
	var found, fixed string
	switch {
	case strings.ContainsAny(value, "?#"):
		fixed = value[:strings.IndexAny(value, "?#")]
		found = fmt.Sprintf("%s = %q carries a query string or fragment (%q).", name, value, value[len(fixed):])
	case len(value) > 1 && strings.HasSuffix(value, "/"):
		fixed = strings.TrimRight(value, "/")
		found = fmt.Sprintf("%s = %q ends with a slash.", name, value)
	default:
		return nil
	}
	return &problem{
		summary: "Invalid " + resourceType + " ID",
		detail: explain(found,
			"an ARM resource ID is the path of the resource alone, as ARM answers it: no trailing slash, no query string",
			"https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-resource#resourceid",
			fmt.Sprintf("write %s = %q.", name, strings.TrimRight(fixed, "/"))),
	}
}
