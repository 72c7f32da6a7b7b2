package aks

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/clients"
)

var _ datasource.DataSourceWithConfigure = (*kubernetesVersionsDataSource)(nil)

// NewKubernetesVersionsDataSource is the constructor of aks_kubernetes_versions.
func NewKubernetesVersionsDataSource() datasource.DataSource {
	return &kubernetesVersionsDataSource{}
}

type kubernetesVersionsDataSource struct {
	client *clients.Client
}

type kubernetesVersionsModel struct {
	Location       types.String             `tfsdk:"location"`
	IncludePreview types.Bool               `tfsdk:"include_preview"`
	Versions       []kubernetesVersionModel `tfsdk:"versions"`
	DefaultVersion types.String             `tfsdk:"default_version"`
	LatestVersion  types.String             `tfsdk:"latest_version"`
}

type kubernetesVersionModel struct {
	Version       types.String   `tfsdk:"version"`
	PatchVersions []types.String `tfsdk:"patch_versions"`
	IsPreview     types.Bool     `tfsdk:"is_preview"`
	IsDefault     types.Bool     `tfsdk:"is_default"`
	SupportPlans  []types.String `tfsdk:"support_plans"`
}

func (d *kubernetesVersionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_kubernetes_versions"
}

func (d *kubernetesVersionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The Kubernetes versions AKS offers in a location, read from " +
			"`Microsoft.ContainerService/locations/{location}/kubernetesVersions`. " +
			"Use `default_version` or `latest_version` as a cluster's or node pool's `kubernetes_version`.",
		Attributes: map[string]schema.Attribute{
			"location": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The Azure location to list versions for, such as `eastus` (`East US` is accepted too).",
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"include_preview": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Whether preview minor versions are listed and may be `latest_version`. Defaults to false.",
			},
			"versions": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The minor versions offered, oldest first; preview minors only when `include_preview` is true.",
				NestedObject: schema.NestedAttributeObject{
					Attributes: map[string]schema.Attribute{
						"version": schema.StringAttribute{
							Computed:            true,
							MarkdownDescription: "The minor version, such as `1.33`.",
						},
						"patch_versions": schema.ListAttribute{
							Computed:            true,
							ElementType:         types.StringType,
							MarkdownDescription: "The patch versions of this minor, such as `1.33.3`, in ascending version order.",
						},
						"is_preview": schema.BoolAttribute{
							Computed:            true,
							MarkdownDescription: "Whether this minor version is in preview.",
						},
						"is_default": schema.BoolAttribute{
							Computed:            true,
							MarkdownDescription: "Whether this is the minor version AKS uses when a cluster specifies none.",
						},
						"support_plans": schema.ListAttribute{
							Computed:            true,
							ElementType:         types.StringType,
							MarkdownDescription: "The support plans available for this minor version: `KubernetesOfficial`, `AKSLongTermSupport`.",
						},
					},
				},
			},
			"default_version": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "The latest patch of the minor version AKS marks as default, such as `1.33.3`: the full version to put in `kubernetes_version` " +
					"to get what AKS would choose. Null when the location marks no default.",
			},
			"latest_version": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The highest patch version listed: the newest generally available one, or the newest preview one when `include_preview` is true. Null when nothing is listed.",
			},
		},
	}
}

func (d *kubernetesVersionsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *kubernetesVersionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.client == nil {
		resp.Diagnostics.AddError("Provider not configured", "The aks provider was not configured before reading aks_kubernetes_versions; this is a bug in the provider.")
		return
	}
	model, ok := readDataSourceConfig[kubernetesVersionsModel](ctx, req, resp)
	if !ok {
		return
	}

	location := normalizeLocation(model.Location.ValueString())
	values, err := d.client.AKS.ListKubernetesVersions(ctx, d.client.SubscriptionID, location)
	if err != nil {
		resp.Diagnostics.AddError("Cannot list Kubernetes versions",
			fmt.Sprintf("Listing the Kubernetes versions AKS offers in %q failed: %s", location, err))
		return
	}

	offered := flattenKubernetesVersions(values, model.IncludePreview.ValueBool())
	model.Versions = offered.Versions
	model.DefaultVersion = offered.DefaultVersion
	model.LatestVersion = offered.LatestVersion
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// normalizeLocation turns a display name such as "East US" into the name ARM paths use, "eastus".
func normalizeLocation(location string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(location), " ", ""))
}

// offeredVersions is the computed part of the data source.
type offeredVersions struct {
	Versions       []kubernetesVersionModel
	DefaultVersion types.String
	LatestVersion  types.String
}

// flattenKubernetesVersions turns the API's answer into the data source's attributes: minors
// sorted by version, patches sorted by version, preview minors dropped unless includePreview.
// default_version is taken from the minor AKS marks default even if it is a preview (AKS does not
// do that today), because it is what AKS would choose; latest_version only from what is listed.
func flattenKubernetesVersions(values []*armcontainerservice.KubernetesVersion, includePreview bool) offeredVersions {
	out := offeredVersions{
		Versions:       []kubernetesVersionModel{},
		DefaultVersion: types.StringNull(),
		LatestVersion:  types.StringNull(),
	}
	var latest string
	for _, v := range values {
		if v == nil || v.Version == nil {
			continue
		}
		isPreview := v.IsPreview != nil && *v.IsPreview
		isDefault := v.IsDefault != nil && *v.IsDefault

		patches := make([]string, 0, len(v.PatchVersions))
		for patch := range v.PatchVersions {
			patches = append(patches, patch)
		}
		sort.Slice(patches, func(i, j int) bool { return compareVersions(patches[i], patches[j]) < 0 })

		if isDefault && len(patches) > 0 {
			out.DefaultVersion = types.StringValue(patches[len(patches)-1])
		}
		if isPreview && !includePreview {
			continue
		}
		if len(patches) > 0 && (latest == "" || compareVersions(patches[len(patches)-1], latest) > 0) {
			latest = patches[len(patches)-1]
		}

		plans := []types.String{}
		if v.Capabilities != nil {
			for _, plan := range v.Capabilities.SupportPlan {
				if plan != nil {
					plans = append(plans, types.StringValue(string(*plan)))
				}
			}
		}
		out.Versions = append(out.Versions, kubernetesVersionModel{
			Version:       types.StringValue(*v.Version),
			PatchVersions: stringValues(patches),
			IsPreview:     types.BoolValue(isPreview),
			IsDefault:     types.BoolValue(isDefault),
			SupportPlans:  plans,
		})
	}
	sort.SliceStable(out.Versions, func(i, j int) bool {
		return compareVersions(out.Versions[i].Version.ValueString(), out.Versions[j].Version.ValueString()) < 0
	})
	if latest != "" {
		out.LatestVersion = types.StringValue(latest)
	}
	return out
}

func stringValues(values []string) []types.String {
	out := make([]types.String, len(values))
	for i, v := range values {
		out[i] = types.StringValue(v)
	}
	return out
}

// compareVersions orders versions the semver way: numeric parts compared as numbers
// ("1.9.2" < "1.10.0"), a missing part before a present one ("1.9" < "1.9.0"), and a
// pre-release before its release ("1.10.1-rc1" < "1.10.1"). Parts that are not numbers, which AKS
// does not use, compare as strings so that the order stays total.
func compareVersions(a, b string) int {
	aCore, aPre, _ := strings.Cut(a, "-")
	bCore, bPre, _ := strings.Cut(b, "-")
	as, bs := strings.Split(aCore, "."), strings.Split(bCore, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		if i >= len(as) {
			return -1
		}
		if i >= len(bs) {
			return 1
		}
		an, aErr := strconv.Atoi(as[i])
		bn, bErr := strconv.Atoi(bs[i])
		if aErr != nil || bErr != nil {
			if c := strings.Compare(as[i], bs[i]); c != 0 {
				return c
			}
			continue
		}
		if an != bn {
			if an < bn {
				return -1
			}
			return 1
		}
	}
	switch {
	case aPre == bPre:
		return 0
	case aPre == "":
		return 1
	case bPre == "":
		return -1
	}
	return strings.Compare(aPre, bPre)
}
