// Command minimalprovider is the benchmark's yardstick: the smallest useful
// terraform-plugin-framework provider, with one resource that keeps its
// attributes in the state and calls nothing. `make bench` builds it
// (go build ./internal/bench/testdata/minimalprovider: testdata folders are
// left out of ./... patterns, so `go build ./...`, `go vet ./...` and the
// linters never see it) and measures terraform validate and plan with it
// beside the same commands with this repository's provider, so that the
// ratio between the two says what the provider costs on top of the
// framework and terraform themselves.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	providerschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func main() {
	err := providerserver.Serve(context.Background(), func() provider.Provider { return minimalProvider{} },
		providerserver.ServeOpts{Address: "registry.terraform.io/bench/minimal"})
	if err != nil {
		log.Fatal(err)
	}
}

type minimalProvider struct{}

func (minimalProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "minimal"
}

func (minimalProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerschema.Schema{}
}

func (minimalProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (minimalProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return itemResource{} }}
}

func (minimalProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// itemResource is minimal_item: a name, and an ID made up at creation.
type itemResource struct{}

type itemModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func (itemResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_item"
}

func (itemResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "An item that lives in the state only.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Made up at creation.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"name": schema.StringAttribute{Required: true, MarkdownDescription: "Any name."},
		},
	}
}

func (itemResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	m.ID = types.StringValue(hex.EncodeToString(b))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (itemResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (itemResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (itemResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
