package functions

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

var _ function.Function = (*parseNodePoolIDFunction)(nil)

// NewParseNodePoolIDFunction returns provider::aks::parse_node_pool_id.
func NewParseNodePoolIDFunction() function.Function { return &parseNodePoolIDFunction{} }

type parseNodePoolIDFunction struct{}

// nodePoolIDAttributes are the parts of an agent pool ID, as the function returns them.
var nodePoolIDAttributes = map[string]attr.Type{
	"subscription_id":     types.StringType,
	"resource_group_name": types.StringType,
	"cluster_name":        types.StringType,
	"cluster_id":          types.StringType,
	"name":                types.StringType,
}

func (f *parseNodePoolIDFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "parse_node_pool_id"
}

func (f *parseNodePoolIDFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Parse the ID of an AKS node pool into its parts",
		MarkdownDescription: "Parses an Azure Resource Manager ID of an agent pool " +
			"(`/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{cluster}/agentPools/{name}`) " +
			"and returns an object with `subscription_id`, `resource_group_name`, `cluster_name`, `cluster_id` (the ID of the pool's cluster, in the canonical spelling) and `name` (the pool's name). " +
			"Segment names and resource types are matched case-insensitively, as ARM does. " +
			"An ID that is not an ARM ID, or names another resource type (a managed cluster, a subnet, ...), is an error that says which and what was expected.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "id",
				MarkdownDescription: "The ARM ID of an agent pool, such as `aks_node_pool.example.id`.",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: nodePoolIDAttributes},
	}
}

func (f *parseNodePoolIDFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var id string
	resp.Error = req.Arguments.Get(ctx, &id)
	if resp.Error != nil {
		return
	}
	parsed, err := aksapi.ParsePoolID(id)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	result, diags := types.ObjectValue(nodePoolIDAttributes, map[string]attr.Value{
		"subscription_id":     types.StringValue(parsed.Cluster.SubscriptionID),
		"resource_group_name": types.StringValue(parsed.Cluster.ResourceGroup),
		"cluster_name":        types.StringValue(parsed.Cluster.Name),
		"cluster_id":          types.StringValue(parsed.Cluster.String()),
		"name":                types.StringValue(parsed.Name),
	})
	resp.Error = function.FuncErrorFromDiags(ctx, diags)
	if resp.Error != nil {
		return
	}
	resp.Error = resp.Result.Set(ctx, result)
}
