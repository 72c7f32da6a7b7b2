package aks

// The pool attribute groups: each subject of agent pool settings (custom node configuration,
// hardware, placement, node networking, lifecycle, ...) lives in its own pool_<subject>.go files
// with its model struct (embedded in poolSettings or nodePoolSettings), its schema, docs,
// conversions and rules. These lists are where the shared pool code calls them, so that adding
// a subject touches one line per list here and nothing else in the shared code.

import (
	"context"
	"maps"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// poolProperties is the body of an agent pool (and of a cluster's inline pool profile).
type poolProperties = armcontainerservice.ManagedClusterAgentPoolProfileProperties

// poolAttributeGroups declare each subject's attributes for a pool of kind k. aks_node_pool's
// attributes that default_node_pool lacks are declared by the subject only for nodePoolKind.
var poolAttributeGroups = []func(k poolKind) map[string]schema.Attribute{
	poolNetworkAttributes,
	poolLocalDNSAttributes,
	hardwareAttributes,
	nodeConfigAttributes,
	placementAttributes,
}

// nodePoolOnlyAttributeGroups declare each subject's attributes that only aks_node_pool has
// (fields of nodePoolSettings, outside poolSettings), such as the settings of Windows pools.
var nodePoolOnlyAttributeGroups = []func() map[string]schema.Attribute{
	nodePoolWindowsAttributes,
	lifecycleAttributes,
}

// poolDocGroups document each subject's attributes, keyed as nodePoolDocs is (nested
// attributes as "parent.child"); they are merged into nodePoolDocs.
var poolDocGroups = []map[string]string{
	networkDocs,
	localDNSDocs,
	hardwareDocs,
	lifecycleDocs,
	nodeConfigNodePoolDocs(),
	placementDocs,
}

// poolExpandGroups set each subject's part of a create body from the planned settings, leaving
// unknown and null values out so AKS applies its defaults.
var poolExpandGroups = []func(ctx context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics{
	expandPoolNetwork,
	expandPoolLocalDNS,
	expandHardware,
	expandLifecycle,
	expandNodeConfig,
	expandPlacement,
}

// poolFlattenGroups set each subject's part of s from the pool AKS returned; s already holds
// every setting of the shared code, and opts.prior the prior settings (nil in data sources).
var poolFlattenGroups = []func(ctx context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics{
	flattenPoolNetwork,
	flattenPoolLocalDNS,
	flattenHardware,
	flattenLifecycle,
	flattenNodeConfig,
	flattenPlacement,
}

// poolChangeGroups add each subject's in-place changes between state and plan to l.
var poolChangeGroups = []func(ctx context.Context, l *poolChangeList, state, plan poolValues){
	networkChanges,
	localDNSChange,
	hardwareChanges,
	lifecycleChanges,
	placementChanges,
}

// poolReplaceGroups name each subject's attributes whose planned change AKS can't make in
// place: aks_node_pool is replaced, default_node_pool rotated. An unknown planned value counts
// as a change.
var poolReplaceGroups = []func(state, plan nodePoolSettings) []string{
	networkReplacements,
	hardwareReplacements,
	lifecycleReplacements,
	nodeConfigReplacements,
	placementReplacements,
}

// poolPlanGroups plan what each subject's in-place change computes or warns about (pools at
// base), once the plan is known to change something AKS holds.
var poolPlanGroups = []func(base path.Path, state poolValues, plan *poolValues, config poolValues) diag.Diagnostics{
	planLocalDNS,
	planHardware,
	planLifecycle,
}

// poolRulesGroups copy each subject's settings into the pool the rules read.
var poolRulesGroups = []func(s nodePoolSettings, r *rules.Pool){
	networkRules,
	localDNSRules,
	hardwareRules,
	lifecycleRules,
	nodeConfigRules,
	placementRules,
}

func init() {
	for _, docs := range poolDocGroups {
		maps.Copy(nodePoolDocs, docs)
	}
}

// withGroupAttributes adds the attributes of every subject for a pool of kind k to attrs.
func withGroupAttributes(k poolKind, attrs map[string]schema.Attribute) map[string]schema.Attribute {
	maps.Copy(attrs, groupAttributes(k))
	return attrs
}

// groupAttributes are the attributes of every subject for a pool of kind k.
func groupAttributes(k poolKind) map[string]schema.Attribute {
	out := map[string]schema.Attribute{}
	for _, group := range poolAttributeGroups {
		maps.Copy(out, group(k))
	}
	return out
}

// nodePoolOnlyAttributes are the attributes of every subject that only aks_node_pool has.
func nodePoolOnlyAttributes() map[string]schema.Attribute {
	out := map[string]schema.Attribute{}
	for _, group := range nodePoolOnlyAttributeGroups {
		maps.Copy(out, group())
	}
	return out
}

func expandGroups(ctx context.Context, s nodePoolSettings, p *poolProperties) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, group := range poolExpandGroups {
		diags.Append(group(ctx, s, p)...)
	}
	return diags
}

func flattenGroups(ctx context.Context, s *nodePoolSettings, p *poolProperties, opts flattenOptions) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, group := range poolFlattenGroups {
		diags.Append(group(ctx, s, p, opts)...)
	}
	return diags
}

func (l *poolChangeList) groups(ctx context.Context, state, plan poolValues) {
	for _, group := range poolChangeGroups {
		group(ctx, l, state, plan)
	}
}

// groupReplacements are the names of the attributes of every subject whose change needs a new pool.
func groupReplacements(state, plan nodePoolSettings) []string {
	var out []string
	for _, group := range poolReplaceGroups {
		out = append(out, group(state, plan)...)
	}
	return out
}

func planGroups(base path.Path, state poolValues, plan *poolValues, config poolValues) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, group := range poolPlanGroups {
		diags.Append(group(base, state, plan, config)...)
	}
	return diags
}

func rulesGroups(s nodePoolSettings, r *rules.Pool) {
	for _, group := range poolRulesGroups {
		group(s, r)
	}
}
