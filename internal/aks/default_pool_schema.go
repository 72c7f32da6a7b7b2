package aks

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// defaultNodePoolBlock is the default_node_pool block: the shared pool attributes (a System pool's
// limits and documentation), its name and its rotation settings. mode, os_type and the Spot
// settings are not there: the default pool is always a Regular Linux System pool.
func defaultNodePoolBlock(_ context.Context) schema.SingleNestedBlock {
	d := defaultPoolDocs
	attrs := map[string]schema.Attribute{
		"name": schema.StringAttribute{
			Required: true, MarkdownDescription: d["name"],
			Validators: []validator.String{rules.NodePoolName()},
		},
		"temporary_name_for_rotation": schema.StringAttribute{
			Optional: true, MarkdownDescription: d["temporary_name_for_rotation"],
			Validators: []validator.String{rules.NodePoolName()},
		},
		"only_critical_addons_enabled": schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: d["only_critical_addons_enabled"],
			Default: booldefault.StaticBool(false),
		},
	}
	maps.Copy(attrs, poolAttributes(defaultPoolKind))
	return schema.SingleNestedBlock{
		MarkdownDescription: clusterDocs["default_node_pool"],
		Validators:          []validator.Object{objectvalidator.IsRequired()},
		Attributes:          attrs,
		Blocks:              map[string]schema.Block{"upgrade_settings": upgradeSettingsBlock()},
	}
}
