package aks

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// TestSchemas_everyAttributeDocumented fails for a resource, data source or ephemeral resource,
// or any of their attributes and blocks (nested ones included), without a MarkdownDescription:
// it is the documentation.
func TestSchemas_everyAttributeDocumented(t *testing.T) {
	ctx := context.Background()
	count := 0
	for _, newResource := range Resources() {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "aks"}, &meta)
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		count += checkDescribed(t, meta.TypeName, reflect.ValueOf(resp.Schema))
	}
	for _, newDataSource := range DataSources() {
		d := newDataSource()
		var meta datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "aks"}, &meta)
		var resp datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &resp)
		count += checkDescribed(t, "data."+meta.TypeName, reflect.ValueOf(resp.Schema))
	}
	for _, newEphemeral := range EphemeralResources() {
		e := newEphemeral()
		var meta ephemeral.MetadataResponse
		e.Metadata(ctx, ephemeral.MetadataRequest{ProviderTypeName: "aks"}, &meta)
		var resp ephemeral.SchemaResponse
		e.Schema(ctx, ephemeral.SchemaRequest{}, &resp)
		count += checkDescribed(t, "ephemeral."+meta.TypeName, reflect.ValueOf(resp.Schema))
	}
	// Guards the walk itself: the schemas have well over a hundred attributes.
	if count < 100 {
		t.Errorf("checked only %d attributes and blocks: the walk over the schemas is broken", count)
	}
}

// checkDescribed checks node (a schema, attribute, block or nested object) and everything under
// it, through the methods every kind of them shares, and returns how many it checked.
func checkDescribed(t *testing.T, where string, node reflect.Value) int {
	t.Helper()
	count := 0
	if m := node.MethodByName("GetMarkdownDescription"); m.IsValid() {
		count++
		// The timeouts library documents its own attributes in Description only.
		inTimeouts := strings.Contains(where, ".timeouts.")
		if m.Call(nil)[0].String() == "" && (!inTimeouts || node.MethodByName("GetDescription").Call(nil)[0].String() == "") {
			t.Errorf("%s has no MarkdownDescription", where)
		}
	}
	for _, children := range []string{"GetAttributes", "GetBlocks"} {
		m := node.MethodByName(children)
		if !m.IsValid() {
			continue
		}
		named := m.Call(nil)[0]
		keys := named.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			child := named.MapIndex(k).Elem()
			count += checkDescribed(t, where+"."+k.String(), child)
			if nested := child.MethodByName("GetNestedObject"); nested.IsValid() {
				count += checkDescribed(t, where+"."+k.String(), nested.Call(nil)[0])
			}
		}
	}
	return count
}
