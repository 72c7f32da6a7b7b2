package aks_test

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// azurermStandIn stands in for hashicorp/azurerm in the tests that move azurerm resources. A
// state that records azurerm resources names azurerm as their provider, and Terraform must find
// every provider a state names (terraform init installs it) before it moves anything; the
// resources' own data goes to the target provider's MoveResourceState untouched, read from the
// state file, so no azurerm code runs. terraform-plugin-testing's move tests download the real
// source provider instead (ExternalProviders); these tests run offline, so a provider with the
// name and no resources takes its place.
type azurermStandIn struct{}

var azurermStandInServer = map[string]providerServer{
	"hashicorp/azurerm": providerserver.NewProtocol6WithError(azurermStandIn{}),
}

func (azurermStandIn) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "azurerm"
}

func (azurermStandIn) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (azurermStandIn) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (azurermStandIn) Resources(context.Context) []func() resource.Resource { return nil }

func (azurermStandIn) DataSources(context.Context) []func() datasource.DataSource { return nil }
