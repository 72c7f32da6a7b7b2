package rules

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestMaxPods(t *testing.T) {
	v := MaxPods()
	run := func(n int64) diag.Diagnostics {
		resp := &validator.Int64Response{}
		v.ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("max_pods"), ConfigValue: types.Int64Value(n)}, resp)
		return resp.Diagnostics
	}
	for _, n := range []int64{10, 110, 250} {
		if d := run(n); d.HasError() {
			t.Errorf("max_pods = %d refused: %v", n, d)
		}
	}
	for _, n := range []int64{9, 251} {
		if d := run(n); !d.HasError() {
			t.Errorf("max_pods = %d accepted", n)
		}
	}
}
