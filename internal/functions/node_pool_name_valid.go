package functions

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var _ function.Function = (*nodePoolNameValidFunction)(nil)

// NewNodePoolNameValidFunction returns provider::aks::node_pool_name_valid.
func NewNodePoolNameValidFunction() function.Function { return &nodePoolNameValidFunction{} }

type nodePoolNameValidFunction struct{}

func (f *nodePoolNameValidFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "node_pool_name_valid"
}

func (f *nodePoolNameValidFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Whether AKS accepts a node pool name",
		MarkdownDescription: "Returns true when AKS accepts `name` for a node pool of `os_type`: it starts with a lowercase letter, holds only lowercase letters and digits, " +
			"and is 1-12 characters long for a Linux pool or 1-6 for a Windows pool " +
			"([the AKS guide's limitations](https://learn.microsoft.com/azure/aks/create-node-pools#limitations)). " +
			"These are the rules `aks_node_pool` and `default_node_pool` check at plan time; the function lets a module check a name it builds (in a variable's `validation` block or a `precondition`) before anything is planned.",
		Parameters: []function.Parameter{
			function.StringParameter{
				Name:                "name",
				MarkdownDescription: "The node pool name to check.",
			},
			function.StringParameter{
				Name:                "os_type",
				AllowNullValue:      true,
				MarkdownDescription: "The pool's `os_type`: `Linux` or `Windows` (matched case-insensitively); null means `Linux`, AKS's default (Terraform only: OpenTofu 1.12 cannot pass null to a provider function).",
			},
		},
		Return: function.BoolReturn{},
	}
}

func (f *nodePoolNameValidFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var name string
	var osType types.String
	resp.Error = req.Arguments.Get(ctx, &name, &osType)
	if resp.Error != nil {
		return
	}
	os := rules.OSTypeLinux
	if !osType.IsNull() {
		os = osType.ValueString()
	}
	if !strings.EqualFold(os, rules.OSTypeLinux) && !strings.EqualFold(os, rules.OSTypeWindows) {
		resp.Error = function.NewArgumentFuncError(1, fmt.Sprintf("os_type %q is not an OS type AKS knows; use %q or %q", os, rules.OSTypeLinux, rules.OSTypeWindows))
		return
	}
	resp.Error = resp.Result.Set(ctx, rules.PoolNameProblem(name, os) == "")
}
