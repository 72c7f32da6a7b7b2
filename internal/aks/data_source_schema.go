package aks

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// What the data sources share: their attributes are all computed and documented from the same
// docs tables as the resources, and every Read starts by reading its configuration.

// computedDocs declares computed data source attributes, each documented by its entry.
type computedDocs map[string]string

func (d computedDocs) str(name string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: d[name]}
}

func (d computedDocs) num(name string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: d[name]}
}

func (d computedDocs) flag(name string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, MarkdownDescription: d[name]}
}

func (d computedDocs) strs(name string) schema.SetAttribute {
	return schema.SetAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: d[name]}
}

// object is a computed nested object documented by the entry name.
func (d computedDocs) object(name string, attrs map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{Computed: true, MarkdownDescription: d[name], Attributes: attrs}
}

// readDataSourceConfig reads a data source's configuration into its model M; ok is false when
// the diagnostics hold an error.
func readDataSourceConfig[M any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) (config M, ok bool) {
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	return config, !resp.Diagnostics.HasError()
}
