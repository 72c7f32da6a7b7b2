package rules

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestValidatorsReportNestedPaths(t *testing.T) {
	p := path.Root("default_node_pool").AtName("name")
	d := runString(NodePoolName(), p, types.StringValue("Bad"))
	expectDiags(t, d, errAt("default_node_pool.name", "Invalid node pool name", `default_node_pool.name = "Bad"`))
}
