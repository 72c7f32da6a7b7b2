// Package provider is the aks Terraform provider: its configuration (HCL with ARM_* environment
// fallbacks), plan-time validation of that configuration, and Configure, which discovers the cloud,
// builds the azidentity credential and the azcore pipeline options, and hands a *clients.Client to
// every resource, data source and ephemeral resource registered in internal/aks.
package provider

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/aksforge/terraform-provider-aks/internal/actions"
	"github.com/aksforge/terraform-provider-aks/internal/aks"
	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/functions"
)

var (
	_ provider.Provider                       = (*aksProvider)(nil)
	_ provider.ProviderWithValidateConfig     = (*aksProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*aksProvider)(nil)
	_ provider.ProviderWithFunctions          = (*aksProvider)(nil)
	_ provider.ProviderWithActions            = (*aksProvider)(nil)
	_ provider.ProviderWithListResources      = (*aksProvider)(nil)
)

// New returns the constructor of the aks provider; version and commit are injected by ldflags.
func New(version, commit string) func() provider.Provider {
	return func() provider.Provider {
		return &aksProvider{version: version, commit: commit}
	}
}

type aksProvider struct {
	version string
	commit  string
}

func (p *aksProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "aks"
	resp.Version = p.version
}

func (p *aksProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The aks provider manages Azure Kubernetes Service clusters and node pools through Azure Resource Manager. " +
			"Every argument is optional and falls back to the environment variable azurerm users know. " +
			"The credential is chosen in this order: client certificate, client secret, OIDC, managed identity, Azure CLI (when `use_cli` is set to true); " +
			"when none is configured, azidentity's default credential chain is used.",
		Attributes: map[string]schema.Attribute{
			attrSubscriptionID: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The ID (a GUID) of the Azure subscription to manage resources in. Falls back to `ARM_SUBSCRIPTION_ID`. Required in one of the two places.",
			},
			attrTenantID: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The ID (a GUID) of the Microsoft Entra ID tenant to authenticate in. Falls back to `ARM_TENANT_ID`. Required with a client certificate, client secret or OIDC.",
			},
			attrClientID: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The application (client) ID (a GUID) of the service principal, or of a user-assigned managed identity with `use_msi`. Falls back to `ARM_CLIENT_ID`.",
			},
			attrClientSecret: schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "A client secret of the service principal `client_id`. Falls back to `ARM_CLIENT_SECRET`. Selects client secret authentication unless a client certificate is configured.",
			},
			attrClientCertificatePath: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Path to a client certificate of the service principal `client_id`: a PFX (PKCS#12) file, or a PEM file holding the certificate and an unencrypted private key. Falls back to `ARM_CLIENT_CERTIFICATE_PATH`. Takes precedence over every other credential.",
			},
			attrClientCertificatePassword: schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The password of the PFX file in `client_certificate_path`. Falls back to `ARM_CLIENT_CERTIFICATE_PASSWORD`.",
			},
			attrUseOIDC: schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Authenticate `client_id` with an OIDC token through a federated identity credential (workload identity federation). Falls back to `ARM_USE_OIDC`; defaults to false. " +
					"The token is taken from `oidc_token`, else `oidc_token_file_path`, else HCP Terraform's `TFC_WORKLOAD_IDENTITY_TOKEN`, else requested from `oidc_request_url` with `oidc_request_token` (GitHub Actions).",
			},
			attrOIDCToken: schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "An OIDC ID token to exchange for an Azure token; requires `use_oidc`. Falls back to `ARM_OIDC_TOKEN`.",
			},
			attrOIDCTokenFilePath: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Path to a file holding an OIDC ID token, read again before each token exchange so that rotated tokens work; requires `use_oidc`. Falls back to `ARM_OIDC_TOKEN_FILE_PATH`.",
			},
			attrOIDCRequestURL: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "URL to request an OIDC ID token from, with `oidc_request_token` as bearer token (GitHub Actions' ID token endpoint); requires `use_oidc`. Falls back to `ARM_OIDC_REQUEST_URL`, then to `ACTIONS_ID_TOKEN_REQUEST_URL`, which GitHub Actions sets for jobs with `id-token: write`.",
			},
			attrOIDCRequestToken: schema.StringAttribute{
				Optional:            true,
				Sensitive:           true,
				MarkdownDescription: "The bearer token for `oidc_request_url`; requires `use_oidc`. Falls back to `ARM_OIDC_REQUEST_TOKEN`, then to `ACTIONS_ID_TOKEN_REQUEST_TOKEN`.",
			},
			attrUseMSI: schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Authenticate with the managed identity of the Azure host Terraform runs on; a user-assigned identity when `client_id` is set. Falls back to `ARM_USE_MSI`; defaults to false.",
			},
			attrUseCLI: schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether the Azure CLI's signed-in account may be used. Falls back to `ARM_USE_CLI`; defaults to true. " +
					"Set explicitly to true to authenticate with the Azure CLI alone; left unset it is the last link of the default credential chain; false removes it from that chain.",
			},
			attrEnvironment: schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "The Azure cloud: `public`, `usgovernment` or `china`. Falls back to `ARM_ENVIRONMENT`; defaults to `public`. Conflicts with `metadata_host`.",
			},
			attrMetadataHost: schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Host (and optional port) of an Azure Resource Manager that serves cloud metadata at `https://{metadata_host}/metadata/endpoints?api-version=" + metadataAPIVersion + "`; " +
					"the Resource Manager endpoint, its token audience and the Entra ID authority are taken from there. This reaches private and sovereign clouds, Azure Stack and the local emulator. " +
					"Falls back to `ARM_METADATA_HOSTNAME`. Conflicts with `environment`. A private certificate authority is trusted through the standard `SSL_CERT_FILE` variable.",
			},
			attrMaxPoolOperations: maxPoolOperationsAttribute(),
		},
	}
}

// maxPoolOperationsAttribute is max_concurrent_pool_operations_per_cluster, the cap of
// aksapi.Options.MaxPoolOperationsPerCluster.
func maxPoolOperationsAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		Optional: true,
		MarkdownDescription: "The most node pool operations (create, update, scale, upgrade, delete) this provider runs at once on one cluster; at least 1. " +
			"Falls back to `AKS_MAX_CONCURRENT_POOL_OPERATIONS_PER_CLUSTER`; by default there is no cap beyond Terraform's `-parallelism`. " +
			"AKS runs operations on different pools of a cluster at the same time, so the provider does too; set this when a subscription runs into " +
			"[AKS's request throttling](https://learn.microsoft.com/azure/aks/quotas-skus-regions#throttling-limits-on-aks-resource-provider-apis). " +
			"Writes to one pool, and writes to the cluster itself, are always run one after another, as AKS requires.",
		Validators: []validator.Int64{int64validator.AtLeast(1)},
	}
}

// readConfig reads the provider block and merges the environment fallbacks into it. ok is false
// only when the block could not be read; merge problems are in diags for the caller to weigh.
func readConfig(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (providerConfig, bool) {
	var model providerModel
	diags.Append(config.Get(ctx, &model)...)
	if diags.HasError() {
		return providerConfig{}, false
	}
	cfg, d := mergeConfig(model, os.Getenv)
	diags.Append(d...)
	return cfg, true
}

// ValidateConfig rejects contradictory and incomplete settings at plan time, before any network
// call. It reads the environment fallbacks too: a contradiction between the provider block and
// an ARM_* variable is as fatal as one inside the block.
func (p *aksProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	cfg, ok := readConfig(ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	resp.Diagnostics.Append(cfg.validate()...)
}

func (p *aksProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	cfg, ok := readConfig(ctx, req.Config, &resp.Diagnostics)
	if !ok {
		return
	}
	for attr := range cfg.unknown {
		resp.Diagnostics.AddAttributeError(path.Root(attr), "Provider setting not known yet",
			fmt.Sprintf("%s depends on a value that is only known after apply. The aks provider needs its settings to plan; set it from a variable or a value known at plan time.", attr))
	}
	resp.Diagnostics.Append(cfg.validate()...)
	if resp.Diagnostics.HasError() {
		return
	}
	if cfg.SubscriptionID == "" {
		resp.Diagnostics.AddAttributeError(path.Root(attrSubscriptionID), "No subscription configured",
			"The aks provider needs the Azure subscription to manage resources in. Set subscription_id in the provider block, or the ARM_SUBSCRIPTION_ID environment variable, to the subscription's ID (a GUID).")
		return
	}

	options := clientOptions(p.version, p.commit, req.TerraformVersion,
		[]string{cfg.ClientSecret, cfg.ClientCertificatePassword, cfg.OIDCToken, cfg.OIDCRequestToken, cfg.HCPTerraformToken})

	cloudCfg, err := resolveCloud(ctx, cfg, options)
	if err != nil {
		attr := attrEnvironment
		if cfg.MetadataHost != "" {
			attr = attrMetadataHost
		}
		resp.Diagnostics.AddAttributeError(path.Root(attr), "Cannot determine the Azure cloud", err.Error())
		return
	}
	options.Cloud = cloudCfg.Configuration

	credential, kind, err := newCredential(cfg, cloudCfg, options)
	if err != nil {
		attr := attrUseCLI
		var setupErr *credentialSetupError
		if errors.As(err, &setupErr) {
			attr = setupErr.attr
		}
		resp.Diagnostics.AddAttributeError(path.Root(attr), "Cannot set up the "+kind.String()+" credential", err.Error())
		return
	}

	armOptions := &arm.ClientOptions{ClientOptions: options}
	client, err := clients.New(cfg.SubscriptionID, cfg.TenantID, cloudCfg.Configuration, credential, armOptions, p.version, req.TerraformVersion,
		aksapi.Options{MaxPoolOperationsPerCluster: int(cfg.MaxPoolOperations)})
	if err != nil {
		resp.Diagnostics.AddError("Cannot build the Azure clients", err.Error())
		return
	}
	client.CredentialName = kind.String()

	tflog.Info(ctx, "Configured the aks provider", map[string]any{
		"cloud":               cloudCfg.Name,
		"resource_manager":    cloudCfg.Configuration.Services[cloud.ResourceManager].Endpoint,
		"credential":          kind.String(),
		"subscription_id":     cfg.SubscriptionID,
		attrMaxPoolOperations: cfg.MaxPoolOperations,
	})
	resp.DataSourceData = client
	resp.ResourceData = client
	resp.EphemeralResourceData = client
	resp.ActionData = client
	resp.ListResourceData = client
}

func (p *aksProvider) Resources(context.Context) []func() resource.Resource {
	return aks.Resources()
}

func (p *aksProvider) DataSources(context.Context) []func() datasource.DataSource {
	return aks.DataSources()
}

func (p *aksProvider) ListResources(context.Context) []func() list.ListResource {
	return aks.ListResources()
}

func (p *aksProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return aks.EphemeralResources()
}

func (p *aksProvider) Functions(context.Context) []func() function.Function {
	return functions.Functions()
}

func (p *aksProvider) Actions(context.Context) []func() action.Action {
	return actions.Actions()
}
