package clients

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
)

// Access is the outcome of CheckAccess: Summary and Detail when the credential or the
// subscription is wrong (the plan must fail), Warning when the check could not tell (the plan
// goes on).
type Access struct {
	Summary string
	Detail  string
	Warning string
}

// subscriptionsAPIVersion is the Microsoft.Resources api-version of the subscription read.
// https://learn.microsoft.com/rest/api/resources/subscriptions/get
const subscriptionsAPIVersion = "2022-12-01"

// accessCheck holds CheckAccess's one outcome per configured provider.
type accessCheck struct {
	once   sync.Once
	access Access
}

// CheckAccess reads the configured subscription once per configured provider: it needs an access
// token, so a wrong secret or an unknown tenant fails here, and it fails for a subscription the
// credential can't see. Resources call it when they plan a create, so that such a mistake fails
// the plan instead of the apply. A read the credential may not make (403) only warns: the
// credential may hold narrower roles that are enough for what is planned.
func (c *Client) CheckAccess(ctx context.Context) Access {
	c.access.once.Do(func() { c.access.access = c.checkAccess(ctx) })
	return c.access.access
}

func (c *Client) checkAccess(ctx context.Context) Access {
	// The token first, alone: its failure (a wrong secret, an unknown tenant) is the credential's,
	// and its text already names the credential tried and what to set.
	scope := strings.TrimSuffix(c.Cloud.Services[cloud.ResourceManager].Audience, "/") + "/.default"
	if _, err := c.Credential.GetToken(ctx, policy.TokenRequestOptions{Scopes: []string{scope}}); err != nil {
		return Access{Summary: "Azure refused the provider's credential", Detail: err.Error()}
	}
	client, err := arm.NewClient("terraform-provider-aks", "v1.0.0", c.Credential, c.ARMOptions)
	if err != nil {
		return Access{Warning: "The provider could not check its subscription at plan: " + err.Error()}
	}
	req, err := runtime.NewRequest(ctx, http.MethodGet,
		runtime.JoinPaths(client.Endpoint(), "subscriptions", url.PathEscape(c.SubscriptionID))+"?api-version="+subscriptionsAPIVersion)
	if err != nil {
		return Access{Warning: "The provider could not check its subscription at plan: " + err.Error()}
	}
	resp, err := client.Pipeline().Do(req)
	if err != nil {
		return Access{Warning: "The provider could not check its subscription at plan: " + err.Error()}
	}
	defer func() { _ = resp.Body.Close() }()
	switch resp.StatusCode {
	case http.StatusOK:
		return Access{}
	case http.StatusNotFound:
		return Access{Summary: "The subscription is not visible to the credential", Detail: fmt.Sprintf(
			"subscription %s was not found, or the %s credential (tenant %s) has no access to it.\n\n"+
				"To fix this, set subscription_id (or ARM_SUBSCRIPTION_ID) to a subscription of that tenant the credential has a role in "+
				"(`az account list` lists them), or grant the credential a role in the subscription, or set tenant_id (or ARM_TENANT_ID) to the subscription's tenant.",
			c.SubscriptionID, c.credentialName(), c.tenantName())}
	case http.StatusUnauthorized:
		return Access{Summary: "The credential's tenant does not hold the subscription", Detail: fmt.Sprintf(
			"Azure Resource Manager refused the %s credential's token (tenant %s) for subscription %s: %s.\n\n"+
				"To fix this, set tenant_id (or ARM_TENANT_ID) to the tenant of the subscription, or subscription_id (or ARM_SUBSCRIPTION_ID) to a subscription of the tenant.",
			c.credentialName(), c.tenantName(), c.SubscriptionID, runtime.NewResponseError(resp))}
	default:
		return Access{Warning: fmt.Sprintf("The provider could not check its access to subscription %s at plan (%s); AKS decides at apply.",
			c.SubscriptionID, runtime.NewResponseError(resp))}
	}
}

func (c *Client) credentialName() string {
	if c.CredentialName == "" {
		return "configured"
	}
	return c.CredentialName
}

func (c *Client) tenantName() string {
	if c.TenantID == "" {
		return "chosen by the credential"
	}
	return c.TenantID
}
