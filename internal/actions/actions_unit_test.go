package actions

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestActionSchemasAreDocumented(t *testing.T) {
	want := map[string]bool{"aks_node_pool_upgrade_node_image": true, "aks_node_pool_delete_machines": true, "aks_operation_abort": true}
	for _, newAction := range Actions() {
		a := newAction()
		var meta action.MetadataResponse
		a.Metadata(context.Background(), action.MetadataRequest{ProviderTypeName: "aks"}, &meta)
		if !want[meta.TypeName] {
			t.Errorf("unexpected action %q", meta.TypeName)
		}
		delete(want, meta.TypeName)
		var s action.SchemaResponse
		a.Schema(context.Background(), action.SchemaRequest{}, &s)
		if s.Schema.MarkdownDescription == "" {
			t.Errorf("%s has no description", meta.TypeName)
		}
		for name, attr := range s.Schema.Attributes {
			if attr.GetMarkdownDescription() == "" {
				t.Errorf("%s.%s has no description", meta.TypeName, name)
			}
		}
	}
	for name := range want {
		t.Errorf("action %s is not registered", name)
	}
}

func TestDurationValidatorAndTimeout(t *testing.T) {
	for value, ok := range map[string]bool{"90m": true, "2h": true, "1h30m": true, "0s": false, "-5m": false, "ten minutes": false, "90": false} {
		var resp validator.StringResponse
		durationValidator{}.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("timeout"), ConfigValue: types.StringValue(value)}, &resp)
		if resp.Diagnostics.HasError() == ok {
			t.Errorf("timeout %q: errors %v, want accepted=%v", value, resp.Diagnostics, ok)
		}
	}
	if got := timeoutOf(types.StringNull(), time.Hour); got != time.Hour {
		t.Errorf("unset timeout = %v, want the default", got)
	}
	if got := timeoutOf(types.StringValue("90m"), time.Hour); got != 90*time.Minute {
		t.Errorf("timeout 90m = %v", got)
	}
}

// deleteMachinesConfig is a configuration of aks_node_pool_delete_machines with names (nil
// elements are unknown).
func deleteMachinesConfig(t *testing.T, names ...*string) tfsdk.Config {
	t.Helper()
	var s action.SchemaResponse
	NewNodePoolDeleteMachinesAction().Schema(context.Background(), action.SchemaRequest{}, &s)
	elements := make([]tftypes.Value, len(names))
	for i, n := range names {
		if n == nil {
			elements[i] = tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
		} else {
			elements[i] = tftypes.NewValue(tftypes.String, *n)
		}
	}
	objectType := s.Schema.Type().TerraformType(context.Background())
	raw := tftypes.NewValue(objectType, map[string]tftypes.Value{
		attrNodePoolID:   tftypes.NewValue(tftypes.String, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/c/agentPools/p"),
		attrMachineNames: tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, elements),
		attrTimeout:      tftypes.NewValue(tftypes.String, nil),
	})
	return tfsdk.Config{Schema: s.Schema, Raw: raw}
}

func TestDeleteMachinesValidateConfig(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name  string
		names []*string
		want  []string // "path: text" of each error
	}{
		{"distinct", []*string{str("aks-p-1-vmss000000"), str("aks-p-1-vmss000001")}, nil},
		{"unknown elements are not judged", []*string{str("aks-p-1-vmss000000"), nil, nil}, nil},
		{"empty", []*string{str("aks-p-1-vmss000000"), str("  ")}, []string{`machine_names[1]: machine_names[1] is empty`}},
		{"twice, in other letters", []*string{str("aks-p-1-vmss000000"), str("x"), str("AKS-P-1-VMSS000000")},
			[]string{`machine_names[2]: machine_names[2] = "AKS-P-1-VMSS000000" names the same machine as machine_names[0]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp action.ValidateConfigResponse
			(&nodePoolDeleteMachinesAction{}).ValidateConfig(context.Background(), action.ValidateConfigRequest{Config: deleteMachinesConfig(t, tt.names...)}, &resp)
			var got []string
			for _, d := range resp.Diagnostics.Errors() {
				withPath, _ := d.(interface{ Path() path.Path })
				at := ""
				if withPath != nil {
					at = withPath.Path().String()
				}
				got = append(got, at+": "+d.Detail())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("errors %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("error %q, want it to start with %q", got[i], tt.want[i])
				}
			}
		})
	}
}

func TestProgressSerialisesAndStops(t *testing.T) {
	var messages []string
	resp := &action.InvokeResponse{SendProgress: func(e action.InvokeProgressEvent) { messages = append(messages, e.Message) }}
	p := newProgress(resp)
	stop := p.waiting("finish")
	p.say("step %d", 1)
	stop()
	stop() // a second stop is harmless
	if len(messages) != 1 || messages[0] != "step 1" {
		t.Errorf("messages %q, want the one said", messages)
	}
}
