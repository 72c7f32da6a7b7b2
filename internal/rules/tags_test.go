package rules

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func runTags(tags map[string]string) diag.Diagnostics {
	elements := map[string]attr.Value{}
	for k, v := range tags {
		elements[k] = types.StringValue(v)
	}
	resp := &validator.MapResponse{}
	Tags().ValidateMap(context.Background(), validator.MapRequest{Path: path.Root("tags"), ConfigValue: types.MapValueMust(types.StringType, elements)}, resp)
	return resp.Diagnostics
}

func TestTags(t *testing.T) {
	many := map[string]string{}
	for i := range MaxTags + 1 {
		many[fmt.Sprintf("t%d", i)] = "v"
	}
	fifty := map[string]string{}
	for i := range MaxTags {
		fifty[fmt.Sprintf("t%d", i)] = strings.Repeat("v", MaxTagValueLength)
	}
	fifty[strings.Repeat("n", MaxTagNameLength-2)+"t0"] = "v"
	delete(fifty, "t0")
	tests := map[string]struct {
		tags  map[string]string
		wants []want
	}{
		"fifty tags at the limits":    {fifty, nil},
		"fifty-one tags":              {many, []want{errAt("tags", "Too many tags", "51 tags", "at most 50")}},
		"a name of 513 characters":    {map[string]string{strings.Repeat("n", 513): "v"}, []want{errAt(`tags["`+strings.Repeat("n", 513)+`"]`, "Invalid tag name", "513 characters")}},
		"a name with a slash":         {map[string]string{"team/app": "v"}, []want{errAt(`tags["team/app"]`, "Invalid tag name", `contains "/"`)}},
		"a name with a percent sign":  {map[string]string{"100%": "v"}, []want{errAt(`tags["100%"]`, "Invalid tag name", `contains "%"`)}},
		"a value of 257 characters":   {map[string]string{"team": strings.Repeat("v", 257)}, []want{errAt(`tags["team"]`, "Tag value too long", "257 characters")}},
		"spaces and unicode are fine": {map[string]string{"cost center": "café"}, nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) { expectDiags(t, runTags(tc.tags), tc.wants...) })
	}
}
