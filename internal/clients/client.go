// Package clients holds what the provider's Configure hands to every resource, data source and
// ephemeral resource: the subscription, the credential, the azcore options every SDK client is
// built with, the one road to the AKS API and the VM size catalogue.
//
// Everything that lives for the life of one configured provider (caches, the AKS client) hangs off
// *Client, never off package variables: acceptance tests run many providers in one process.
package clients

import (
	"fmt"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

// Client is the provider data of a configured aks provider.
type Client struct {
	// SubscriptionID is the subscription every ARM call is made in.
	SubscriptionID string
	// TenantID is the Entra ID tenant the credential authenticates in; empty when the credential
	// chose it (default chain, Azure CLI).
	TenantID string
	// Cloud holds the Entra ID authority and the Resource Manager endpoint and audience.
	Cloud cloud.Configuration
	// Credential yields ARM access tokens; its errors already name the credential and the fix.
	Credential azcore.TokenCredential
	// CredentialName names the kind of Credential ("client secret", "Azure CLI") in messages.
	CredentialName string
	// ARMOptions is the one set of pipeline options (cloud, retries, user agent, redacted tflog
	// HTTP logging) every SDK client must be built with. Treat it as read-only; Clone it to vary.
	ARMOptions *arm.ClientOptions

	// ProviderVersion and TerraformVersion are what the user agent reports.
	ProviderVersion  string
	TerraformVersion string

	// AKS is the one road to the AKS API: managed clusters, agent pools, versions and
	// credentials. It orders writes per managed cluster as AKS requires (pools at once, one write
	// per pool, cluster writes alone), waits out other parties' operations, and caches each
	// cluster and its pool list.
	AKS *aksapi.Client
	// VMSizes is the VM size catalogue: embedded facts refreshed live from the Compute Resource
	// SKUs API, once per location for the life of this provider.
	VMSizes *vmsizes.Catalogue

	access  accessCheck // CheckAccess's outcome
	inState inState     // MarkInState's record
}

// New builds a Client; aks tunes the AKS client (the zero value for the production settings).
// Nothing here talks to the network: the SDK factories only assemble pipelines, and the
// credential asks for a token on first use.
func New(subscriptionID, tenantID string, cfg cloud.Configuration, cred azcore.TokenCredential, options *arm.ClientOptions, providerVersion, terraformVersion string, aks aksapi.Options) (*Client, error) {
	if subscriptionID == "" {
		return nil, fmt.Errorf("building Azure clients: subscription ID is empty")
	}
	compute, err := armcompute.NewClientFactory(subscriptionID, cred, options)
	if err != nil {
		return nil, fmt.Errorf("building the Compute client: %w", err)
	}
	return &Client{
		SubscriptionID:   subscriptionID,
		TenantID:         tenantID,
		Cloud:            cfg,
		Credential:       cred,
		ARMOptions:       options,
		ProviderVersion:  providerVersion,
		TerraformVersion: terraformVersion,
		AKS:              aksapi.New(cred, options, aks),
		VMSizes:          vmsizes.New(vmsizes.NewComputeSKULister(compute.NewResourceSKUsClient())),
	}, nil
}

// FromProviderData unpacks the ProviderData a resource or data source receives in its Configure.
// It returns (nil, nil) when the provider is not configured yet: the framework calls Configure on
// resources during validation too, before the provider has been configured.
func FromProviderData(data any) (*Client, error) {
	if data == nil {
		return nil, nil
	}
	client, ok := data.(*Client)
	if !ok {
		return nil, fmt.Errorf("unexpected provider data of type %T, expected *clients.Client; this is a bug in the provider", data)
	}
	return client, nil
}
