package functions

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// run calls f with args as Terraform would and returns its result and error.
func run(t *testing.T, f function.Function, ret attr.Value, args ...attr.Value) (attr.Value, *function.FuncError) {
	t.Helper()
	resp := function.RunResponse{Result: function.NewResultData(ret)}
	f.Run(context.Background(), function.RunRequest{Arguments: function.NewArgumentsData(args)}, &resp)
	return resp.Result.Value(), resp.Error
}

// objectOf returns the attributes of an object result.
func objectOf(t *testing.T, v attr.Value) map[string]attr.Value {
	t.Helper()
	obj, ok := v.(basetypes.ObjectValue)
	if !ok {
		t.Fatalf("result is %T, not an object", v)
	}
	return obj.Attributes()
}

func expectFuncError(t *testing.T, err *function.FuncError, argument int64, contains ...string) {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error, got none")
	}
	if err.FunctionArgument == nil || *err.FunctionArgument != argument {
		t.Errorf("error %q names argument %v, want %d", err.Text, err.FunctionArgument, argument)
	}
	for _, c := range contains {
		if !strings.Contains(err.Text, c) {
			t.Errorf("error %q does not contain %q", err.Text, c)
		}
	}
}

const (
	testClusterID = "/subscriptions/00000000-0000-4000-8000-000000000002/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/aks-demo"
	testPoolID    = testClusterID + "/agentPools/userpool"
)

func TestParseClusterID(t *testing.T) {
	ret := types.ObjectUnknown(clusterIDAttributes)
	got, err := run(t, NewParseClusterIDFunction(), ret, types.StringValue(strings.ReplaceAll(testClusterID, "managedClusters", "managedclusters")))
	if err != nil {
		t.Fatal(err)
	}
	attrs := objectOf(t, got)
	want := map[string]string{"subscription_id": "00000000-0000-4000-8000-000000000002", "resource_group_name": "rg-aks-demo", "name": "aks-demo"}
	for k, v := range want {
		if !attrs[k].Equal(types.StringValue(v)) {
			t.Errorf("%s = %s, want %q", k, attrs[k], v)
		}
	}

	_, err = run(t, NewParseClusterIDFunction(), ret, types.StringValue(testPoolID))
	expectFuncError(t, err, 0, "is not a managed cluster ID", "managedClusters/agentPools")
	_, err = run(t, NewParseClusterIDFunction(), ret, types.StringValue("aks-demo"))
	expectFuncError(t, err, 0, `"aks-demo" is not an ARM resource ID`)
}

func TestParseNodePoolID(t *testing.T) {
	ret := types.ObjectUnknown(nodePoolIDAttributes)
	got, err := run(t, NewParseNodePoolIDFunction(), ret, types.StringValue(strings.ReplaceAll(testPoolID, "agentPools", "agentpools")))
	if err != nil {
		t.Fatal(err)
	}
	attrs := objectOf(t, got)
	want := map[string]string{
		"subscription_id": "00000000-0000-4000-8000-000000000002", "resource_group_name": "rg-aks-demo",
		"cluster_name": "aks-demo", "cluster_id": testClusterID, "name": "userpool",
	}
	for k, v := range want {
		if !attrs[k].Equal(types.StringValue(v)) {
			t.Errorf("%s = %s, want %q", k, attrs[k], v)
		}
	}
	_, err = run(t, NewParseNodePoolIDFunction(), ret, types.StringValue(testClusterID))
	expectFuncError(t, err, 0, "is not an agent pool ID", "got resource type Microsoft.ContainerService/managedClusters")
}

func TestNodePoolNameValid(t *testing.T) {
	tests := []struct {
		name   string
		osType types.String
		want   bool
	}{
		{"userpool1234", types.StringNull(), true},
		{"userpool12345", types.StringValue("Linux"), false},
		{"win123", types.StringValue("windows"), true},
		{"win1234", types.StringValue("Windows"), false},
		{"User1", types.StringNull(), false},
		{"1pool", types.StringNull(), false},
		{"", types.StringNull(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := run(t, NewNodePoolNameValidFunction(), types.BoolUnknown(), types.StringValue(tt.name), tt.osType)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(types.BoolValue(tt.want)) {
				t.Errorf("node_pool_name_valid(%q, %s) = %s, want %v", tt.name, tt.osType, got, tt.want)
			}
		})
	}
	_, err := run(t, NewNodePoolNameValidFunction(), types.BoolUnknown(), types.StringValue("pool"), types.StringValue("Mac"))
	expectFuncError(t, err, 1, `os_type "Mac" is not an OS type AKS knows`, `"Linux"`, `"Windows"`)
}

func TestEphemeralOSDiskFits(t *testing.T) {
	null := types.Int64Null()
	tests := []struct {
		size   string
		gb     types.Int64
		want   map[string]attr.Value
		reason string
	}{
		{"Standard_DS2_v2", null, map[string]attr.Value{
			"vm_size": types.StringValue("Standard_DS2_v2"), "os_disk_size_gb": types.Int64Value(128), "required_bytes": types.Int64Value(137438953472),
			"supported": types.BoolValue(true), "placement": types.StringValue("CacheDisk"), "capacity_bytes": types.Int64Value(92341796864), "fits": types.BoolValue(false),
		}, "the default 128 GB is more than the 86 GiB cache (AKS's VMCacheSizeTooSmall example)"},
		{"standard_ds2_v2", types.Int64Value(86), map[string]attr.Value{
			"vm_size": types.StringValue("Standard_DS2_v2"), "os_disk_size_gb": types.Int64Value(86), "required_bytes": types.Int64Value(86 << 30),
			"supported": types.BoolValue(true), "placement": types.StringValue("CacheDisk"), "capacity_bytes": types.Int64Value(92341796864), "fits": types.BoolValue(true),
		}, "86 GiB fits the cache exactly"},
		{"Standard_D8ds_v5", types.Int64Value(300), map[string]attr.Value{
			"vm_size": types.StringValue("Standard_D8ds_v5"), "os_disk_size_gb": types.Int64Value(300), "required_bytes": types.Int64Value(300 << 30),
			"supported": types.BoolValue(true), "placement": types.StringValue("ResourceDisk"), "capacity_bytes": types.Int64Value(322122547200), "fits": types.BoolValue(true),
		}, "no cache disk: the temporary disk"},
		{"Standard_D2_v2", null, map[string]attr.Value{
			"vm_size": types.StringValue("Standard_D2_v2"), "os_disk_size_gb": types.Int64Value(128), "required_bytes": types.Int64Value(128 << 30),
			"supported": types.BoolValue(false), "placement": types.StringNull(), "capacity_bytes": types.Int64Null(), "fits": types.BoolValue(false),
		}, "no ephemeral OS disk support"},
		{"Standard_B2s", null, map[string]attr.Value{
			"vm_size": types.StringValue("Standard_B2s"), "os_disk_size_gb": types.Int64Value(128), "required_bytes": types.Int64Value(128 << 30),
			"supported": types.BoolNull(), "placement": types.StringNull(), "capacity_bytes": types.Int64Null(), "fits": types.BoolNull(),
		}, "the catalogue does not settle support"},
	}
	for _, tt := range tests {
		t.Run(tt.size, func(t *testing.T) {
			got, err := run(t, NewEphemeralOSDiskFitsFunction(), types.ObjectUnknown(ephemeralFitAttributes), types.StringValue(tt.size), tt.gb)
			if err != nil {
				t.Fatal(err)
			}
			attrs := objectOf(t, got)
			for k, v := range tt.want {
				if !attrs[k].Equal(v) {
					t.Errorf("%s: %s = %s, want %s", tt.reason, k, attrs[k], v)
				}
			}
		})
	}

	f := NewEphemeralOSDiskFitsFunction()
	ret := types.ObjectUnknown(ephemeralFitAttributes)
	_, err := run(t, f, ret, types.StringValue("Standard_Nope_v9"), null)
	expectFuncError(t, err, 0, `vm_size "Standard_Nope_v9" is not in the provider's embedded VM size catalogue`)
	_, err = run(t, f, ret, types.StringValue("Standard_DS2_v2"), types.Int64Value(29))
	expectFuncError(t, err, 1, "os_disk_size_gb = 29 is outside the 30-2048 GB")
}

func TestFunctionDefinitionsAreValid(t *testing.T) {
	for _, newFunction := range Functions() {
		f := newFunction()
		var meta function.MetadataResponse
		f.Metadata(context.Background(), function.MetadataRequest{}, &meta)
		var def function.DefinitionResponse
		f.Definition(context.Background(), function.DefinitionRequest{}, &def)
		var check function.DefinitionValidateResponse
		def.Definition.ValidateImplementation(context.Background(), function.DefinitionValidateRequest{FuncName: meta.Name}, &check)
		if check.Diagnostics.HasError() {
			t.Errorf("%s: %v", meta.Name, check.Diagnostics)
		}
		if def.Definition.Summary == "" || def.Definition.MarkdownDescription == "" {
			t.Errorf("%s has no summary or description", meta.Name)
		}
	}
}
