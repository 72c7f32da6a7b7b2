package clients

import (
	"context"
	"net/http"
	"net/url"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// resourceGroupsAPIVersion is the Microsoft.Resources api-version of the resource group read.
// https://learn.microsoft.com/rest/api/resources/resource-groups/get
const resourceGroupsAPIVersion = "2021-04-01"

// ResourceGroupExists reads the resource group in the provider's subscription: false when ARM
// answers 404, an error when it could not tell (a 403 included, for the caller to weigh).
func (c *Client) ResourceGroupExists(ctx context.Context, name string) (bool, error) {
	return c.resourceExists(ctx, "/subscriptions/"+url.PathEscape(c.SubscriptionID)+"/resourcegroups/"+url.PathEscape(name), resourceGroupsAPIVersion)
}

// subnetsAPIVersion is the Microsoft.Network api-version of the subnet read.
// https://learn.microsoft.com/rest/api/virtualnetwork/subnets/get
const subnetsAPIVersion = "2024-05-01"

// SubnetExists reads a subnet by its ARM ID (in any subscription), as ResourceGroupExists does.
func (c *Client) SubnetExists(ctx context.Context, id string) (bool, error) {
	return c.resourceExists(ctx, id, subnetsAPIVersion)
}

// resourceExists GETs the ARM resource at path (an ID): true for 200, false for 404.
func (c *Client) resourceExists(ctx context.Context, path, apiVersion string) (bool, error) {
	client, err := arm.NewClient("terraform-provider-aks", "v1.0.0", c.Credential, c.ARMOptions)
	if err != nil {
		return false, err
	}
	req, err := runtime.NewRequest(ctx, http.MethodGet, runtime.JoinPaths(client.Endpoint(), path)+"?api-version="+apiVersion)
	if err != nil {
		return false, err
	}
	resp, err := client.Pipeline().Do(req)
	if err != nil {
		return false, err
	}
	defer func() { _ = resp.Body.Close() }()
	switch resp.StatusCode {
	case http.StatusOK:
		return true, nil
	case http.StatusNotFound:
		return false, nil
	}
	return false, runtime.NewResponseError(resp)
}
