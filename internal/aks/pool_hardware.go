package aks

// The hardware settings of a pool: GPU partitioning (MIG) and driver, the workload runtime
// (Kata VM isolation, WebAssembly), Ultra SSD, and the node security profile (SSH access,
// Trusted Launch's secure boot and vTPM). Conversions are in pool_hardware_convert.go.
//
// In place or not, from `az aks nodepool update` (it has --ssh-access, --enable/--disable-secure-boot
// and --enable/--disable-vtpm, none of the others) and Microsoft's docs: "You can't change the
// applied GPU instance profile after node pool creation" (gpu-multi-instance.md), gpu_driver "is not
// affected by update/upgrade operations" (use-nvidia-gpu.md), Ultra SSD "can only be set at cluster
// creation or when creating a node pool" (use-ultra-disks.md), Trusted Launch can be enabled and
// disabled on an existing pool, which reimages it (use-trusted-launch.md), and an SSH access change
// takes effect after the next node image upgrade (manage-ssh-node-access.md).

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

// poolHardware is the hardware part of poolSettings (both aks_node_pool and default_node_pool).
type poolHardware struct {
	GPUInstanceProfile types.String `tfsdk:"gpu_instance_profile"`
	GPUDriver          types.String `tfsdk:"gpu_driver"`
	WorkloadRuntime    types.String `tfsdk:"workload_runtime"`
	UltraSSDEnabled    types.Bool   `tfsdk:"ultra_ssd_enabled"`
	SecurityProfile    types.Object `tfsdk:"security_profile"`
}

// securityProfileModel is the security_profile attribute.
type securityProfileModel struct {
	SSHAccess         types.String `tfsdk:"ssh_access"`
	SecureBootEnabled types.Bool   `tfsdk:"secure_boot_enabled"`
	VTPMEnabled       types.Bool   `tfsdk:"vtpm_enabled"`
}

var securityProfileAttrTypes = map[string]attr.Type{
	"ssh_access":          types.StringType,
	"secure_boot_enabled": types.BoolType,
	"vtpm_enabled":        types.BoolType,
}

// hardwareDocs documents the hardware attributes (nested ones as "security_profile.<name>").
var hardwareDocs = map[string]string{
	"gpu_instance_profile": "The NVIDIA multi-instance GPU (MIG) profile that partitions each GPU of the nodes: " + rules.MarkdownOneOf(rules.GPUInstanceProfiles...) +
		" (for example `MIG1g` makes seven 1g.5gb instances of an A100 40GB GPU). Only on MIG-capable sizes (NVIDIA A100, H100 and H200, such as `Standard_ND96asr_v4`). " +
		"Unset: no partitioning. AKS can't change it after creation: changing it replaces the node pool.",
	"gpu_driver": "Whether AKS installs the NVIDIA GPU driver on GPU nodes: `Install` (AKS's default on GPU sizes) or `None`, to install it yourself (for example with the NVIDIA GPU Operator). " +
		"`Install` needs a GPU size. When unset, what AKS reports is recorded. AKS keeps it for the life of the pool: changing it replaces the node pool.",
	"workload_runtime": "What the nodes run workloads with: " + rules.MarkdownOneOf(rules.WorkloadRuntimes...) + ". `KataVmIsolation` is Pod Sandboxing (pods with `runtimeClassName: kata-vm-isolation` run in their own lightweight VM): " +
		"it needs os_sku `AzureLinux` or `AzureLinux3` and a generation 2 size with nested virtualization (such as `Standard_D4s_v3`). `WasmWasi` (WebAssembly) is a retired preview: Linux User pools only, and AKS no longer creates new WASI pools. " +
		"Defaults to `OCIContainer`. Changing it replaces the node pool.",
	"ultra_ssd_enabled": "Whether the nodes can attach Azure Ultra disks. AKS documents that it needs availability zones (`zones`) where the size offers Ultra disks; " +
		"a pool without zones is only warned about, as Compute offers Ultra disks without zones in some regions. Defaults to false. AKS sets it only at creation: changing it replaces the node pool.",
	"security_profile": "The nodes' security settings: SSH access and Trusted Launch (secure boot, vTPM). Changed in place. Without the attribute AKS's settings are left as they are and recorded here.",
	"security_profile.ssh_access": rules.MarkdownOneOf(rules.SSHAccessValues...) + ": whether the nodes' SSH service accepts local-user key-based logins (AKS's default) or is turned off (scale set pools only). " +
		"When unset, what AKS reports is recorded. Changed in place (as `az aks nodepool update --ssh-access` does); it takes effect on the nodes after their next node image upgrade or reimage.",
	"security_profile.secure_boot_enabled": "Trusted Launch secure boot: only signed boot loaders, kernels and drivers boot. Needs a generation 2 x64 size whose SKU allows Trusted Launch, a Linux pool, no Pod Sandboxing; " +
		"with FIPS only on Ubuntu 22.04; on Ubuntu GPU pools `gpu_driver = \"None\"`. Defaults to false. Changed in place: AKS reimages every node of the pool onto a Trusted Launch image (or back).",
	"security_profile.vtpm_enabled": "Trusted Launch vTPM: a virtual TPM 2.0 measuring the boot chain for attestation. Same requirements as secure boot (except the GPU driver). " +
		"Defaults to false. Changed in place: AKS reimages every node of the pool onto a Trusted Launch image (or back).",
}

// hardwareDoc is the documentation of a hardware attribute for a pool of kind k: a change that
// replaces an aks_node_pool rotates the default pool.
func hardwareDoc(k poolKind, name string) string {
	d := hardwareDocs[name]
	if k == defaultPoolKind {
		d = strings.ReplaceAll(d, "replaces the node pool", "rotates the default pool (a new System pool is created and the old one deleted; the cluster is kept)")
	}
	return d
}

// hardwareAttributes declares the hardware attributes, for aks_node_pool and default_node_pool
// alike: AKS allows each of them on a System pool (az aks create has every flag), except
// WasmWasi, which the workload_runtime rule refuses there.
func hardwareAttributes(k poolKind) map[string]schema.Attribute {
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	return map[string]schema.Attribute{
		"gpu_instance_profile": schema.StringAttribute{
			Optional: true, MarkdownDescription: hardwareDoc(k, "gpu_instance_profile"),
			Validators: []validator.String{stringvalidator.OneOf(rules.GPUInstanceProfiles...)},
		},
		"gpu_driver": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: hardwareDoc(k, "gpu_driver"), PlanModifiers: useState,
			Validators: []validator.String{stringvalidator.OneOf(rules.GPUDrivers...)},
		},
		"workload_runtime": schema.StringAttribute{
			Optional: true, Computed: true, MarkdownDescription: hardwareDoc(k, "workload_runtime"),
			Default:    stringdefault.StaticString(rules.WorkloadRuntimeOCIContainer),
			Validators: []validator.String{stringvalidator.OneOf(rules.WorkloadRuntimes...)},
		},
		"ultra_ssd_enabled": schema.BoolAttribute{
			Optional: true, Computed: true, MarkdownDescription: hardwareDoc(k, "ultra_ssd_enabled"), Default: booldefault.StaticBool(false),
		},
		"security_profile": schema.SingleNestedAttribute{
			Optional: true, Computed: true, MarkdownDescription: hardwareDoc(k, "security_profile"),
			PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()},
			Attributes: map[string]schema.Attribute{
				"ssh_access": schema.StringAttribute{
					Optional: true, Computed: true, MarkdownDescription: hardwareDoc(k, "security_profile.ssh_access"), PlanModifiers: useState,
					Validators: []validator.String{stringvalidator.OneOf(rules.SSHAccessValues...)},
				},
				"secure_boot_enabled": schema.BoolAttribute{
					Optional: true, Computed: true, MarkdownDescription: hardwareDoc(k, "security_profile.secure_boot_enabled"), Default: booldefault.StaticBool(false),
				},
				"vtpm_enabled": schema.BoolAttribute{
					Optional: true, Computed: true, MarkdownDescription: hardwareDoc(k, "security_profile.vtpm_enabled"), Default: booldefault.StaticBool(false),
				},
			},
		},
	}
}
