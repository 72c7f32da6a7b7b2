package aks

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
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

// computedAttributes are resource attributes as a data source shows them: the same names, types,
// nesting and documentation, every one computed, with no validators, defaults or plan modifiers.
func computedAttributes(attrs map[string]rschema.Attribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = computedAttribute(a)
	}
	return out
}

func computedAttribute(a rschema.Attribute) schema.Attribute {
	doc := a.GetMarkdownDescription()
	switch a := a.(type) {
	case rschema.StringAttribute:
		return schema.StringAttribute{Computed: true, MarkdownDescription: doc}
	case rschema.Int64Attribute:
		return schema.Int64Attribute{Computed: true, MarkdownDescription: doc}
	case rschema.Int32Attribute:
		return schema.Int32Attribute{Computed: true, MarkdownDescription: doc}
	case rschema.BoolAttribute:
		return schema.BoolAttribute{Computed: true, MarkdownDescription: doc}
	case rschema.Float64Attribute:
		return schema.Float64Attribute{Computed: true, MarkdownDescription: doc}
	case rschema.ListAttribute:
		return schema.ListAttribute{Computed: true, ElementType: a.ElementType, MarkdownDescription: doc}
	case rschema.SetAttribute:
		return schema.SetAttribute{Computed: true, ElementType: a.ElementType, MarkdownDescription: doc}
	case rschema.MapAttribute:
		return schema.MapAttribute{Computed: true, ElementType: a.ElementType, MarkdownDescription: doc}
	case rschema.SingleNestedAttribute:
		return schema.SingleNestedAttribute{Computed: true, Attributes: computedAttributes(a.Attributes), MarkdownDescription: doc}
	case rschema.ListNestedAttribute:
		return schema.ListNestedAttribute{Computed: true, MarkdownDescription: doc,
			NestedObject: schema.NestedAttributeObject{Attributes: computedAttributes(a.NestedObject.Attributes)}}
	case rschema.SetNestedAttribute:
		return schema.SetNestedAttribute{Computed: true, MarkdownDescription: doc,
			NestedObject: schema.NestedAttributeObject{Attributes: computedAttributes(a.NestedObject.Attributes)}}
	case rschema.MapNestedAttribute:
		return schema.MapNestedAttribute{Computed: true, MarkdownDescription: doc,
			NestedObject: schema.NestedAttributeObject{Attributes: computedAttributes(a.NestedObject.Attributes)}}
	}
	// A new kind of attribute in a group needs a case above; failing loudly at schema time
	// (every test builds the schema) is better than a data source silently missing it.
	panic(fmt.Sprintf("computedAttribute: no data source form for %T", a))
}
