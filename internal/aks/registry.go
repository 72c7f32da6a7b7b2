package aks

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/aksforge/terraform-provider-aks/internal/clients"
)

// Resources lists the constructors of every resource the provider serves.
func Resources() []func() resource.Resource {
	return []func() resource.Resource{
		NewNodePoolResource,
		NewClusterResource,
	}
}

// DataSources lists the constructors of every data source the provider serves.
func DataSources() []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewKubernetesVersionsDataSource,
		NewNodePoolDataSource,
		NewNodePoolsDataSource,
		NewClusterDataSource,
		NewVMSizeDataSource,
	}
}

// EphemeralResources lists the constructors of every ephemeral resource the provider serves.
func EphemeralResources() []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		NewClusterCredentialsEphemeralResource,
	}
}

// ListResources lists the constructors of every list resource the provider serves (terraform query).
func ListResources() []func() list.ListResource {
	return []func() list.ListResource{
		NewClusterListResource,
		NewNodePoolListResource,
	}
}

// configuredClient is what every Configure keeps: the provider's client, or nil while the
// provider is not configured yet (validation).
func configuredClient(providerData any, diags *diag.Diagnostics) *clients.Client {
	client, err := clients.FromProviderData(providerData)
	if err != nil {
		diags.AddError("Unexpected provider data", err.Error())
		return nil
	}
	return client
}
