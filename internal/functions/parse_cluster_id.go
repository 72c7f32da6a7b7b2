package functions

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
)

var _ function.Function = (*parseClusterIDFunction)(nil)

// NewParseClusterIDFunction returns provider::aks::parse_cluster_id.
func NewParseClusterIDFunction() function.Function { return &parseClusterIDFunction{} }

type parseClusterIDFunction struct{}

// clusterIDAttributes are the parts of a managed cluster ID, as the function returns them.
var clusterIDAttributes = map[string]attr.Type{
	"subscription_id":     types.StringType,
	"resource_group_name": types.StringType,
	"name":                types.StringType,
}

func (f *parseClusterIDFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "parse_cluster_id"
}

func (f *parseClusterIDFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Parse the ID of an AKS managed cluster into its parts",
		MarkdownDescription: "Parses an Azure Resource Manager ID of a managed cluster " +
			"(`/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{name}`) " +
			"and returns an object with `subscription_id`, `resource_group_name` and `name`, each in the spelling the ID gives it. " +
			"Segment names and the resource type are matched case-insensitively, as ARM does. " +
			"An ID that is not an ARM ID, or names another resource type (an agent pool, a virtual network, ...), is an error that says which and what was expected.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "id",
				MarkdownDescription: "The ARM ID of a managed cluster, such as `aks_cluster.example.id`.",
			},
		},
		Return: function.ObjectReturn{AttributeTypes: clusterIDAttributes},
	}
}

func (f *parseClusterIDFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var id string
	resp.Error = req.Arguments.Get(ctx, &id)
	if resp.Error != nil {
		return
	}
	parsed, err := aksapi.ParseClusterID(id)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	result, diags := types.ObjectValue(clusterIDAttributes, clusterIDValues(parsed))
	resp.Error = function.FuncErrorFromDiags(ctx, diags)
	if resp.Error != nil {
		return
	}
	resp.Error = resp.Result.Set(ctx, result)
}

// clusterIDValues are the values of clusterIDAttributes for id.
func clusterIDValues(id aksapi.ClusterID) map[string]attr.Value {
	return map[string]attr.Value{
		"subscription_id":     types.StringValue(id.SubscriptionID),
		"resource_group_name": types.StringValue(id.ResourceGroup),
		"name":                types.StringValue(id.Name),
	}
}
