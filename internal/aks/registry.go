package aks

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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
