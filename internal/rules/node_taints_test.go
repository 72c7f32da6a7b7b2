package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNodeTaint(t *testing.T) {
	testStringValidator(t, NodeTaint(), "node_taints", []stringCase{
		{value: "dedicated=gpu:NoSchedule"},
		{value: "sku=gpu:PreferNoSchedule"},
		{value: "CriticalAddonsOnly=true:NoExecute"},
		{value: "example.com/dedicated=gpu:NoSchedule"},
		// Kubernetes taints may have an empty value; AKS passes them to kubelet as is.
		{value: "dedicated:NoSchedule"},
		{value: "dedicated=:NoSchedule"},
		{value: "dedicated=gpu", wantSummary: "Invalid node taint", contains: []string{`no ":Effect" part`, `"dedicated=gpu:NoSchedule"`}},
		{value: "dedicated=gpu:noschedule", wantSummary: "Invalid node taint", contains: []string{`effect "noschedule"`, "NoSchedule, PreferNoSchedule, NoExecute"}},
		{value: "dedicated=gpu:Never", wantSummary: "Invalid node taint"},
		{value: "=gpu:NoSchedule", wantSummary: "Invalid node taint", contains: []string{"name part is empty"}},
		{value: "-key=gpu:NoSchedule", wantSummary: "Invalid node taint", contains: []string{`key "-key"`}},
		{value: "key=gp u:NoSchedule", wantSummary: "Invalid node taint", contains: []string{`value "gp u"`}},
		{value: "key=" + strings.Repeat("v", 64) + ":NoSchedule", wantSummary: "Invalid node taint", contains: []string{"64 characters"}},
		{value: "a/b/c=v:NoSchedule", wantSummary: "Invalid node taint", contains: []string{"more than one '/'"}},
	})
}

func TestParseTaint(t *testing.T) {
	got, err := ParseTaint("example.com/dedicated=gpu:NoSchedule")
	if err != nil || got != (Taint{Key: "example.com/dedicated", Value: "gpu", Effect: "NoSchedule"}) {
		t.Errorf("ParseTaint = %+v, %v", got, err)
	}
	got, err = ParseTaint("dedicated:NoExecute")
	if err != nil || got != (Taint{Key: "dedicated", Effect: "NoExecute"}) {
		t.Errorf("ParseTaint without value = %+v, %v", got, err)
	}
}

func taintList(values ...string) types.List {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elems)
}

func runList(v validator.List, value types.List) diag.Diagnostics {
	resp := &validator.ListResponse{}
	v.ValidateList(context.Background(), validator.ListRequest{Path: path.Root("node_taints"), ConfigValue: value}, resp)
	return resp.Diagnostics
}

func TestUniqueNodeTaints(t *testing.T) {
	v := UniqueNodeTaints()
	if v.Description(context.Background()) == "" || v.MarkdownDescription(context.Background()) == "" {
		t.Error("no description")
	}
	expectDiags(t, runList(v, taintList("a=1:NoSchedule", "a=1:NoExecute", "b=1:NoSchedule")))
	expectDiags(t, runList(v, taintList("a=1:NoSchedule", "bad", "a=2:NoSchedule")),
		errAt("node_taints[2]", "Duplicate node taint", `"a=1:NoSchedule" and "a=2:NoSchedule"`, `key "a" and effect NoSchedule`))
	withUnknown := types.ListValueMust(types.StringType, []attr.Value{types.StringValue("a=1:NoSchedule"), types.StringUnknown(), types.StringValue("a:NoSchedule")})
	expectDiags(t, runList(v, withUnknown), errAt("node_taints[2]", "Duplicate node taint"))
	expectDiags(t, runList(v, types.ListNull(types.StringType)))
	expectDiags(t, runList(v, types.ListUnknown(types.StringType)))
}
