package aks

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
	"gopkg.in/yaml.v3"

	"github.com/aksforge/terraform-provider-aks/internal/aksapi"
	"github.com/aksforge/terraform-provider-aks/internal/clients"
	"github.com/aksforge/terraform-provider-aks/internal/rules"
)

var _ ephemeral.EphemeralResourceWithConfigure = (*clusterCredentialsEphemeralResource)(nil)

// NewClusterCredentialsEphemeralResource is the constructor of aks_cluster_credentials.
func NewClusterCredentialsEphemeralResource() ephemeral.EphemeralResource {
	return &clusterCredentialsEphemeralResource{}
}

type clusterCredentialsEphemeralResource struct {
	client *clients.Client
}

type clusterCredentialsModel struct {
	ClusterID            types.String `tfsdk:"cluster_id"`
	Admin                types.Bool   `tfsdk:"admin"`
	KubeConfigRaw        types.String `tfsdk:"kube_config_raw"`
	Host                 types.String `tfsdk:"host"`
	ClusterCACertificate types.String `tfsdk:"cluster_ca_certificate"`
	ClientCertificate    types.String `tfsdk:"client_certificate"`
	ClientKey            types.String `tfsdk:"client_key"`
	Token                types.String `tfsdk:"token"`
	Username             types.String `tfsdk:"username"`
}

func (e *clusterCredentialsEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cluster_credentials"
}

func (e *clusterCredentialsEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A managed cluster's kubeconfig, as `az aks get-credentials` gets it, kept out of the plan and the state (an ephemeral resource, Terraform 1.10 or later). " +
			"Feed it to the kubernetes and helm providers' configuration, or to other ephemeral contexts; it is fetched again whenever Terraform needs it.\n\n" +
			"Listing credentials needs the `Microsoft.ContainerService/managedClusters/listClusterUserCredential/action` permission " +
			"(`listClusterAdminCredential` with `admin = true`), which `aks_cluster` itself never needs.",
		Attributes: map[string]schema.Attribute{
			"cluster_id": schema.StringAttribute{
				Required: true, MarkdownDescription: "The ARM ID of the managed cluster, such as `aks_cluster.this.id`.",
				Validators: []validator.String{rules.ManagedClusterID()},
			},
			"admin": schema.BoolAttribute{
				Optional: true, MarkdownDescription: "Whether to get the cluster administrator's credentials (a static client certificate of the `system:masters` group) instead of the user's. " +
					"Clusters with `local_account_disabled` refuse them. Defaults to false.",
			},
			"kube_config_raw": schema.StringAttribute{
				Computed: true, Sensitive: true, MarkdownDescription: "The kubeconfig file as AKS returned it (YAML).",
			},
			"host": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The API server's URL, such as `https://aks-demo-1a2b3c4d.hcp.eastus.azmk8s.io:443`.",
			},
			"cluster_ca_certificate": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The certificate authority of the API server, PEM-encoded (already decoded from the kubeconfig's base64).",
			},
			"client_certificate": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The client certificate, PEM-encoded; null for Entra ID users, who authenticate through kubelogin.",
			},
			"client_key": schema.StringAttribute{
				Computed: true, Sensitive: true, MarkdownDescription: "The client certificate's private key, PEM-encoded; null for Entra ID users.",
			},
			"token": schema.StringAttribute{
				Computed: true, Sensitive: true, MarkdownDescription: "The bearer token of the kubeconfig's user, when it has one.",
			},
			"username": schema.StringAttribute{
				Computed: true, MarkdownDescription: "The kubeconfig's user name, such as `clusterUser_rg-aks-demo_aks-demo`.",
			},
		},
	}
}

func (e *clusterCredentialsEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (e *clusterCredentialsEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var config clusterCredentialsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := aksapi.ParseClusterID(config.ClusterID.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("cluster_id"), "Invalid managed cluster ID", err.Error())
		return
	}
	admin := config.Admin.ValueBool()

	// The cluster is read first so that a refusal can be explained before asking for secrets.
	mc, err := e.client.AKS.CachedCluster(ctx, id)
	if aksapi.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(path.Root("cluster_id"), "Managed cluster not found", fmt.Sprintf("There is no managed cluster %s in resource group %s.", id.Name, id.ResourceGroup))
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Could not read the managed cluster", err.Error())
		return
	}
	if admin && mc.Properties != nil && mc.Properties.DisableLocalAccounts != nil && *mc.Properties.DisableLocalAccounts {
		resp.Diagnostics.AddAttributeError(path.Root("admin"), "Admin credentials are disabled on this cluster", localAccountsDisabledDetail(id))
		return
	}

	// The provider logs HTTP bodies at TRACE; this response body is the kubeconfig itself.
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, "http_response_body")
	kubeconfig, err := e.client.AKS.ListClusterCredentials(ctx, id, admin)
	if err != nil {
		var respErr *azcore.ResponseError
		// The cluster was read a moment ago; this catches local accounts disabled in between.
		if admin && errors.As(err, &respErr) && respErr.StatusCode == http.StatusBadRequest && strings.Contains(err.Error(), "disable local accounts") {
			resp.Diagnostics.AddAttributeError(path.Root("admin"), "Admin credentials are disabled on this cluster", localAccountsDisabledDetail(id)+"\n\nAKS answered: "+err.Error())
			return
		}
		resp.Diagnostics.AddError("Could not get the cluster's credentials", err.Error())
		return
	}
	parsed, err := parseKubeconfig(kubeconfig)
	if err != nil {
		resp.Diagnostics.AddError("Could not read the cluster's kubeconfig", err.Error())
		return
	}
	result := config
	result.KubeConfigRaw = types.StringValue(string(kubeconfig))
	result.Host = nonEmptyValue(parsed.Host)
	result.ClusterCACertificate = nonEmptyValue(parsed.ClusterCACertificate)
	result.ClientCertificate = nonEmptyValue(parsed.ClientCertificate)
	result.ClientKey = nonEmptyValue(parsed.ClientKey)
	result.Token = nonEmptyValue(parsed.Token)
	result.Username = nonEmptyValue(parsed.Username)
	resp.Diagnostics.Append(resp.Result.Set(ctx, result)...)
}

func localAccountsDisabledDetail(id aksapi.ClusterID) string {
	return fmt.Sprintf("Cluster %s has local accounts disabled (local_account_disabled = true), so AKS hands out no static admin credentials: "+
		"\"Getting static credential isn't allowed because this cluster is set to disable local accounts.\"\n\n"+
		"Fix: set admin = false to get the user credentials, which authenticate with Microsoft Entra ID (kubelogin), and grant the identity a role on the cluster "+
		"(for example \"Azure Kubernetes Service RBAC Cluster Admin\").", id.Name)
}

func nonEmptyValue(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// kubeconfigCredentials is what the kubernetes and helm providers need from a kubeconfig: its
// current context's server, CA and user.
type kubeconfigCredentials struct {
	Host                 string
	ClusterCACertificate string
	ClientCertificate    string
	ClientKey            string
	Token                string
	Username             string
}

// kubeconfigFile is the part of a kubeconfig (the Kubernetes "Config" kind) read here.
type kubeconfigFile struct {
	CurrentContext string `yaml:"current-context"`
	Clusters       []struct {
		Name    string `yaml:"name"`
		Cluster struct {
			Server                   string `yaml:"server"`
			CertificateAuthorityData string `yaml:"certificate-authority-data"`
		} `yaml:"cluster"`
	} `yaml:"clusters"`
	Contexts []struct {
		Name    string `yaml:"name"`
		Context struct {
			Cluster string `yaml:"cluster"`
			User    string `yaml:"user"`
		} `yaml:"context"`
	} `yaml:"contexts"`
	Users []struct {
		Name string `yaml:"name"`
		User struct {
			ClientCertificateData string `yaml:"client-certificate-data"`
			ClientKeyData         string `yaml:"client-key-data"`
			Token                 string `yaml:"token"`
		} `yaml:"user"`
	} `yaml:"users"`
}

// parseKubeconfig reads the current context's cluster and user from a kubeconfig (the first ones
// when it names no current context), decoding the base64 certificate data into PEM.
func parseKubeconfig(raw []byte) (kubeconfigCredentials, error) {
	var file kubeconfigFile
	if err := yaml.Unmarshal(raw, &file); err != nil {
		return kubeconfigCredentials{}, fmt.Errorf("the kubeconfig is not valid YAML: %w", err)
	}
	if len(file.Clusters) == 0 {
		return kubeconfigCredentials{}, errors.New("the kubeconfig names no cluster")
	}
	clusterName, userName := file.Clusters[0].Name, ""
	if len(file.Users) > 0 {
		userName = file.Users[0].Name
	}
	for _, c := range file.Contexts {
		if c.Name == file.CurrentContext {
			clusterName, userName = c.Context.Cluster, c.Context.User
		}
	}
	var out kubeconfigCredentials
	found := false
	for _, c := range file.Clusters {
		if c.Name != clusterName {
			continue
		}
		found = true
		out.Host = c.Cluster.Server
		ca, err := decodeBase64("certificate-authority-data", c.Cluster.CertificateAuthorityData)
		if err != nil {
			return kubeconfigCredentials{}, err
		}
		out.ClusterCACertificate = ca
	}
	if !found {
		return kubeconfigCredentials{}, fmt.Errorf("the kubeconfig's context names cluster %q, which it doesn't define", clusterName)
	}
	for _, u := range file.Users {
		if u.Name != userName {
			continue
		}
		out.Username = u.Name
		out.Token = u.User.Token
		cert, err := decodeBase64("client-certificate-data", u.User.ClientCertificateData)
		if err != nil {
			return kubeconfigCredentials{}, err
		}
		key, err := decodeBase64("client-key-data", u.User.ClientKeyData)
		if err != nil {
			return kubeconfigCredentials{}, err
		}
		out.ClientCertificate, out.ClientKey = cert, key
	}
	return out, nil
}

func decodeBase64(field, value string) (string, error) {
	if value == "" {
		return "", nil
	}
	decoded, err := base64.StdEncoding.DecodeString(value)
	if err != nil {
		return "", fmt.Errorf("the kubeconfig's %s is not base64: %w", field, err)
	}
	return string(decoded), nil
}
