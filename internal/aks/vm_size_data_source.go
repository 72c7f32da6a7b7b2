package aks

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/vmsizes"
)

var _ datasource.DataSourceWithConfigure = (*vmSizeDataSource)(nil)

// NewVMSizeDataSource is the constructor of aks_vm_size.
func NewVMSizeDataSource() datasource.DataSource {
	return &vmSizeDataSource{}
}

type vmSizeDataSource struct {
	client *clients.Client
}

type vmSizeModel struct {
	Location                  types.String  `tfsdk:"location"`
	Name                      types.String  `tfsdk:"name"`
	VCPUs                     types.Int64   `tfsdk:"vcpus"`
	MemoryGB                  types.Float64 `tfsdk:"memory_gb"`
	CPUArchitecture           types.String  `tfsdk:"cpu_architecture"`
	HyperVGenerations         types.List    `tfsdk:"hyper_v_generations"`
	EphemeralOSDiskSupported  types.Bool    `tfsdk:"ephemeral_os_disk_supported"`
	CacheDiskSizeGB           types.Int64   `tfsdk:"cache_disk_size_gb"`
	TempDiskSizeGB            types.Int64   `tfsdk:"temp_disk_size_gb"`
	NVMeDiskSizeGB            types.Int64   `tfsdk:"nvme_disk_size_gb"`
	MaxEphemeralOSDiskSizeGB  types.Int64   `tfsdk:"max_ephemeral_os_disk_size_gb"`
	EphemeralOSDiskPlacement  types.String  `tfsdk:"ephemeral_os_disk_placement"`
	EncryptionAtHostSupported types.Bool    `tfsdk:"encryption_at_host_supported"`
	Zones                     types.List    `tfsdk:"zones"`
}

func (d *vmSizeDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_vm_size"
}

func (d *vmSizeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	gb := func(doc string) schema.Int64Attribute {
		return schema.Int64Attribute{Computed: true, MarkdownDescription: doc + " In GB as AKS counts them (GiB); null when the VM size facts don't settle it."}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "What a VM size offers in a location, from the Compute Resource SKUs API (with the provider's embedded VM size facts as a fallback): " +
			"module authors can compute valid node pool settings, such as whether an Ephemeral OS disk of a given size fits, instead of guessing.",
		Attributes: map[string]schema.Attribute{
			"location": schema.StringAttribute{
				Required: true, MarkdownDescription: "The Azure location, such as `eastus`.",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"name": schema.StringAttribute{
				Required: true, MarkdownDescription: "The VM size, such as `Standard_DS3_v2` (compared ignoring case).",
				Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"vcpus":               schema.Int64Attribute{Computed: true, MarkdownDescription: "The number of vCPUs; null when unknown."},
			"memory_gb":           schema.Float64Attribute{Computed: true, MarkdownDescription: "The memory in GiB; null when unknown."},
			"cpu_architecture":    schema.StringAttribute{Computed: true, MarkdownDescription: "`x64` or `Arm64` (ARM64 sizes such as the Dpsv5 series); null when unknown."},
			"hyper_v_generations": schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The Hyper-V generations the size supports: `V1` and/or `V2`."},
			"ephemeral_os_disk_supported": schema.BoolAttribute{
				Computed: true, MarkdownDescription: "Whether nodes of this size can have an Ephemeral OS disk; null when unknown.",
			},
			"cache_disk_size_gb": gb("The cache disk's size (0 when the size has none)."),
			"temp_disk_size_gb":  gb("The temporary (resource) disk's size (0 when the size has none)."),
			"nvme_disk_size_gb":  gb("The local NVMe storage's size (0 when the size has none)."),
			"max_ephemeral_os_disk_size_gb": gb("The largest Ephemeral OS disk the size holds, where AKS places it (NVMe, else the cache disk, else the temporary disk), " +
				"at most 2,040 GiB; 0 without Ephemeral OS disk support. An Ephemeral OS disk of `os_disk_size_gb` fits when `os_disk_size_gb` is at most this; AKS's default OS disk is 128 GB."),
			"ephemeral_os_disk_placement": schema.StringAttribute{
				Computed: true, MarkdownDescription: "Where an Ephemeral OS disk goes: `NvmeDisk`, `CacheDisk` or `ResourceDisk`; null without support or when unknown.",
			},
			"encryption_at_host_supported": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether host-based encryption is supported; null when unknown."},
			"zones":                        schema.ListAttribute{Computed: true, ElementType: types.StringType, MarkdownDescription: "The availability zones the size is offered in, in this location (empty when it isn't zonal there)."},
		},
	}
}

func (d *vmSizeDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (d *vmSizeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	config, ok := readDataSourceConfig[vmSizeModel](ctx, req, resp)
	if !ok {
		return
	}
	location := normalizeLocation(config.Location.ValueString())
	catalogue := vmsizes.Embedded()
	if d.client != nil && d.client.VMSizes != nil {
		catalogue = d.client.VMSizes
	}
	size, ok := catalogue.Lookup(ctx, location, config.Name.ValueString())
	if !ok {
		detail := fmt.Sprintf("No VM size named %q is offered in %s.", config.Name.ValueString(), location)
		if err := catalogue.LiveError(ctx, location); err != nil {
			detail += fmt.Sprintf(" (The live list of sizes could not be read, so only the provider's embedded facts were searched: %s)", err)
		}
		detail += "\n\nFix: check the name (az vm list-skus --location " + location + " --resource-type virtualMachines --output table)."
		resp.Diagnostics.AddAttributeError(path.Root("name"), "VM size not found", detail)
		return
	}
	if reason := size.RestrictionIn(location); reason != "" {
		resp.Diagnostics.AddAttributeWarning(path.Root("name"), "VM size restricted for this subscription",
			fmt.Sprintf("%s is listed in %s but restricted for this subscription (%s): node pools of this size will be refused there.", size.Name, location, reason))
	}
	state, diags := vmSizeState(ctx, config, size, location)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// vmSizeState builds the data source's values from the catalogue's facts; what the facts leave
// open is null.
func vmSizeState(ctx context.Context, config vmSizeModel, size vmsizes.Size, location string) (vmSizeModel, diag.Diagnostics) {
	out := config
	out.VCPUs = quantity(size.VCPUs, 1)
	out.MemoryGB = types.Float64Null()
	if size.MemoryKnown {
		out.MemoryGB = types.Float64Value(size.MemoryGB)
	}
	out.CPUArchitecture = types.StringNull()
	if size.Architecture != "" {
		out.CPUArchitecture = types.StringValue(size.Architecture)
	}
	var diags diag.Diagnostics
	generations := slices.Clone(size.HyperVGenerations)
	if generations == nil {
		generations = []string{}
	}
	out.HyperVGenerations, diags = types.ListValueFrom(ctx, types.StringType, generations)
	out.EphemeralOSDiskSupported = tristate(size.EphemeralOSDisk)
	out.EncryptionAtHostSupported = tristate(size.EncryptionAtHost)
	out.CacheDiskSizeGB = quantity(size.CacheBytes, vmsizes.GiB)
	out.TempDiskSizeGB = quantity(size.TempDiskBytes, vmsizes.GiB)
	out.NVMeDiskSizeGB = quantity(size.NVMeBytes, vmsizes.GiB)
	out.MaxEphemeralOSDiskSizeGB = types.Int64Null()
	out.EphemeralOSDiskPlacement = types.StringNull()
	if bytes, placement, known := size.MaxEphemeralOSDisk(); known {
		out.MaxEphemeralOSDiskSizeGB = types.Int64Value(min(bytes/vmsizes.GiB, vmsizes.MaxEphemeralOSDiskGB))
		if placement != "" {
			out.EphemeralOSDiskPlacement = types.StringValue(placement)
		}
	}
	zones, _ := size.ZonesIn(location)
	sorted := slices.Clone(zones)
	slices.Sort(sorted)
	if sorted == nil {
		sorted = []string{}
	}
	z, d := types.ListValueFrom(ctx, types.StringType, sorted)
	diags.Append(d...)
	out.Zones = z
	return out, diags
}

func quantity(q vmsizes.Quantity, unit int64) types.Int64 {
	if !q.Known {
		return types.Int64Null()
	}
	return types.Int64Value(q.Value / unit)
}

func tristate(t vmsizes.Tristate) types.Bool {
	switch t {
	case vmsizes.Yes:
		return types.BoolValue(true)
	case vmsizes.No:
		return types.BoolValue(false)
	}
	return types.BoolNull()
}
