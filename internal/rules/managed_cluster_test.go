package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func stringSet(values ...string) types.Set {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.SetValueMust(types.StringType, elems)
}

// validCluster is a configuration every cluster rule accepts: the guide's cluster.
func validCluster() ClusterConfig {
	return ClusterConfig{
		IdentityType:                types.StringValue(IdentitySystemAssigned),
		IdentityIDs:                 types.SetNull(types.StringType),
		OIDCIssuerEnabled:           types.BoolValue(false),
		WorkloadIdentityEnabled:     types.BoolValue(false),
		LocalAccountDisabled:        types.BoolValue(false),
		AzureRBACEnabled:            types.BoolValue(false),
		AdminGroupObjectIDs:         types.SetNull(types.StringType),
		PrivateClusterEnabled:       types.BoolValue(false),
		APIServerAuthorizedIPRanges: types.SetNull(types.StringType),
		NetworkPlugin:               types.StringValue(NetworkPluginAzure),
		NetworkPluginMode:           types.StringValue(NetworkPluginModeOverlay),
		NetworkPolicy:               types.StringNull(),
		NetworkDataplane:            types.StringNull(),
		LoadBalancerSKU:             types.StringValue(LoadBalancerSKUStandard),
		PodCIDR:                     types.StringValue("10.244.0.0/16"),
		ServiceCIDR:                 types.StringValue("10.0.0.0/16"),
		DNSServiceIP:                types.StringValue("10.0.0.10"),
	}
}

func TestCheckClusterConfig(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ClusterConfig)
		want   []want
	}{
		{"the guide's cluster", func(*ClusterConfig) {}, nil},
		{"unset network profile", func(c *ClusterConfig) {
			c.NetworkPlugin, c.NetworkPluginMode, c.PodCIDR, c.ServiceCIDR, c.DNSServiceIP, c.LoadBalancerSKU =
				types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull(), types.StringNull()
		}, nil},
		{"user-assigned without identity", func(c *ClusterConfig) { c.IdentityType = types.StringValue(IdentityUserAssigned) },
			[]want{errAt("identity.identity_ids", "A UserAssigned cluster identity needs exactly one identity", "0 entries")}},
		{"user-assigned with two identities", func(c *ClusterConfig) {
			c.IdentityType = types.StringValue(IdentityUserAssigned)
			c.IdentityIDs = stringSet("/a", "/b")
		}, []want{errAt("identity.identity_ids", "A UserAssigned cluster identity needs exactly one identity", "2 entries")}},
		{"user-assigned with one identity", func(c *ClusterConfig) {
			c.IdentityType = types.StringValue(IdentityUserAssigned)
			c.IdentityIDs = stringSet("/a")
		}, nil},
		{"user-assigned with unknown identities", func(c *ClusterConfig) {
			c.IdentityType = types.StringValue(IdentityUserAssigned)
			c.IdentityIDs = types.SetUnknown(types.StringType)
		}, nil},
		{"system-assigned with identities", func(c *ClusterConfig) { c.IdentityIDs = stringSet("/a") },
			[]want{errAt("identity.identity_ids", "A SystemAssigned cluster identity takes no identity IDs")}},
		{"workload identity without OIDC", func(c *ClusterConfig) { c.WorkloadIdentityEnabled = types.BoolValue(true) },
			[]want{errAt("workload_identity_enabled", "Workload identity needs the OIDC issuer", "oidc_issuer_enabled = true")}},
		{"workload identity with OIDC", func(c *ClusterConfig) {
			c.WorkloadIdentityEnabled = types.BoolValue(true)
			c.OIDCIssuerEnabled = types.BoolValue(true)
		}, nil},
		{"workload identity with OIDC unknown", func(c *ClusterConfig) {
			c.WorkloadIdentityEnabled = types.BoolValue(true)
			c.OIDCIssuerEnabled = types.BoolUnknown()
		}, nil},
		{"local accounts off without Entra ID", func(c *ClusterConfig) { c.LocalAccountDisabled = types.BoolValue(true) },
			[]want{errAt("local_account_disabled", "Disabling local accounts needs Microsoft Entra ID integration")}},
		{"local accounts off with Azure RBAC", func(c *ClusterConfig) {
			c.LocalAccountDisabled = types.BoolValue(true)
			c.AzureRBACEnabled = types.BoolValue(true)
		}, nil},
		{"local accounts off with admin groups", func(c *ClusterConfig) {
			c.LocalAccountDisabled = types.BoolValue(true)
			c.AdminGroupObjectIDs = stringSet("00000000-0000-4000-8000-000000000009")
		}, nil},
		{"private cluster with authorized ranges", func(c *ClusterConfig) {
			c.PrivateClusterEnabled = types.BoolValue(true)
			c.APIServerAuthorizedIPRanges = stringSet("203.0.113.0/24")
		}, []want{errAt("api_server_authorized_ip_ranges", "Authorized IP ranges don't apply to private clusters")}},
		{"public cluster with authorized ranges", func(c *ClusterConfig) {
			c.APIServerAuthorizedIPRanges = stringSet("203.0.113.0/24")
		}, nil},
		{"overlay with kubenet", func(c *ClusterConfig) { c.NetworkPlugin = types.StringValue(NetworkPluginKubenet) },
			[]want{errAt("network_profile.network_plugin_mode", "Overlay mode needs the Azure CNI plugin")}},
		{"pod CIDR with plain Azure CNI", func(c *ClusterConfig) { c.NetworkPluginMode = types.StringNull() },
			[]want{errAt("network_profile.pod_cidr", "A pod CIDR needs kubenet or Azure CNI Overlay")}},
		{"pod CIDR with kubenet", func(c *ClusterConfig) {
			c.NetworkPlugin = types.StringValue(NetworkPluginKubenet)
			c.NetworkPluginMode = types.StringNull()
		}, nil},
		{"Cilium policy without the Cilium dataplane", func(c *ClusterConfig) { c.NetworkPolicy = types.StringValue(NetworkPolicyCilium) },
			[]want{errAt("network_profile.network_policy", "Cilium network policy needs the Cilium dataplane")}},
		{"Calico on the Cilium dataplane", func(c *ClusterConfig) {
			c.NetworkDataplane = types.StringValue(NetworkDataplaneCilium)
			c.NetworkPolicy = types.StringValue(NetworkPolicyCalico)
		}, []want{errAt("network_profile.network_policy", "The Cilium dataplane enforces policies with Cilium")}},
		{"Cilium", func(c *ClusterConfig) {
			c.NetworkDataplane = types.StringValue(NetworkDataplaneCilium)
			c.NetworkPolicy = types.StringValue(NetworkPolicyCilium)
		}, nil},
		{"Cilium dataplane on kubenet", func(c *ClusterConfig) {
			c.NetworkPlugin = types.StringValue(NetworkPluginKubenet)
			c.NetworkPluginMode = types.StringNull()
			c.NetworkDataplane = types.StringValue(NetworkDataplaneCilium)
		}, []want{errAt("network_profile.network_dataplane", "The Cilium dataplane needs Azure CNI")}},
		{"Azure network policy on kubenet", func(c *ClusterConfig) {
			c.NetworkPlugin = types.StringValue(NetworkPluginKubenet)
			c.NetworkPluginMode = types.StringNull()
			c.NetworkPolicy = types.StringValue(NetworkPolicyAzure)
		}, []want{errAt("network_profile.network_policy", "Azure network policies need Azure CNI")}},
		{"DNS service IP outside the service CIDR", func(c *ClusterConfig) { c.DNSServiceIP = types.StringValue("10.1.0.10") },
			[]want{errAt("network_profile.dns_service_ip", "DNS service IP outside the service CIDR", "10.0.0.10")}},
		{"DNS service IP first address", func(c *ClusterConfig) { c.DNSServiceIP = types.StringValue("10.0.0.1") },
			[]want{errAt("network_profile.dns_service_ip", "DNS service IP is the service CIDR's first address")}},
		{"service CIDR overlapping pods", func(c *ClusterConfig) {
			c.ServiceCIDR = types.StringValue("10.244.0.0/24")
			c.DNSServiceIP = types.StringValue("10.244.0.10")
		}, []want{errAt("network_profile.service_cidr", "Service CIDR overlaps the pod CIDR")}},
		{"basic load balancer", func(c *ClusterConfig) { c.LoadBalancerSKU = types.StringValue(LoadBalancerSKUBasic) },
			[]want{warnAt("network_profile.load_balancer_sku", "A Basic load balancer rules out additional node pools", "aks_node_pool")}},
		{"unknown network values", func(c *ClusterConfig) {
			c.NetworkPlugin, c.NetworkPolicy, c.DNSServiceIP = types.StringUnknown(), types.StringUnknown(), types.StringUnknown()
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := validCluster()
			tc.change(&c)
			expectDiags(t, CheckClusterConfig(c), tc.want...)
		})
	}
}

func TestCheckOIDCIssuerNotDisabled(t *testing.T) {
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(true), types.BoolValue(false)),
		errAt("oidc_issuer_enabled", "The OIDC issuer can't be turned off"))
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(false), types.BoolValue(true)))
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(true), types.BoolValue(true)))
	expectDiags(t, CheckOIDCIssuerNotDisabled(types.BoolValue(true), types.BoolUnknown()))
}

func TestCheckPoolVersionAtCreation(t *testing.T) {
	at := path.Root("default_node_pool").AtName("orchestrator_version")
	v := types.StringValue
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33"), v("1.33.3")))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33.3"), v("1.33.3")))
	expectDiags(t, CheckPoolVersionAtCreation(at, types.StringNull(), v("1.33.3")))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33.3"), types.StringUnknown()))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.32.7"), v("1.33.3")),
		errAt("default_node_pool.orchestrator_version", "Pool version differs from the control plane at creation", `kubernetes_version = "1.33.3"`))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33.2"), v("1.33.3")),
		errAt("default_node_pool.orchestrator_version", "Pool version differs from the control plane at creation"))
	expectDiags(t, CheckPoolVersionAtCreation(at, v("1.33"), types.StringNull()),
		errAt("default_node_pool.orchestrator_version", "Pool version without a control plane version"))
}

func TestCheckControlPlaneUpgrade(t *testing.T) {
	v := types.StringValue
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", v("1.33.3")))
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", v("1.33")))
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", v("1.32.7")))
	expectDiags(t, CheckControlPlaneUpgrade("1.32.7", types.StringUnknown()))
	expectDiags(t, CheckControlPlaneUpgrade("", v("1.33")))
	expectDiags(t, CheckControlPlaneUpgrade("1.33.3", v("1.32.7")),
		errAt("kubernetes_version", "Control plane downgrade", "1.33.3"))
	expectDiags(t, CheckControlPlaneUpgrade("1.31.11", v("1.33.3")),
		errAt("kubernetes_version", "Control plane upgrade skips a minor version", "upgrade to 1.32 first"))
	expectDiags(t, CheckControlPlaneUpgrade("1.33.3", v("2.0")),
		errAt("kubernetes_version", "Control plane major version change"))
}

func TestLinuxAdminUsername(t *testing.T) {
	testStringValidator(t, LinuxAdminUsername(), "linux_profile.admin_username", []stringCase{
		{value: "azureuser"},
		{value: "ops_admin-1"},
		{value: "1admin", wantSummary: "Invalid Linux admin username"},
		{value: "ops admin", wantSummary: "Invalid Linux admin username"},
	})
}

func TestSSHPublicKey(t *testing.T) {
	testStringValidator(t, SSHPublicKey(), "linux_profile.ssh_public_key", []stringCase{
		{value: "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host"},
		{value: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI"},
		{value: "ecdsa-sha2-nistp256 AAAAE2VjZHNh"},
		{value: "-----BEGIN PUBLIC KEY-----", wantSummary: "Invalid SSH public key"},
		{value: "ssh-rsa AAAA\nssh-rsa BBBB", wantSummary: "Invalid SSH public key"},
	})
}

func TestWindowsAdminUsername(t *testing.T) {
	testStringValidator(t, WindowsAdminUsername(), "windows_profile.admin_username", []stringCase{
		{value: "azureuser"},
		{value: "Admin", wantSummary: "Invalid Windows admin username", contains: []string{"reserved"}},
		{value: "ops.", wantSummary: "Invalid Windows admin username"},
		{value: "a-very-long-admin-name-here", wantSummary: "Invalid Windows admin username", contains: []string{"27 characters"}},
	})
}

func TestWindowsAdminPassword(t *testing.T) {
	testStringValidator(t, WindowsAdminPassword(), "windows_profile.admin_password", []stringCase{
		{value: "Str0ng-Passw0rd!"},
		{value: "lowercase-and-digits-1"},
		{value: "Sh0rt!", wantSummary: "Windows admin password too weak", contains: []string{"6 characters"}},
		{value: "onlylowercaseletters", wantSummary: "Windows admin password too weak", contains: []string{"only 1 of the 4"}},
		{value: "P@ssword123", wantSummary: "Windows admin password too weak", contains: []string{"well-known"}},
	})
	// The password never appears in the message.
	got := runString(WindowsAdminPassword(), path.Root("windows_profile").AtName("admin_password"), types.StringValue("secretvalue"))
	for _, d := range got {
		if strings.Contains(d.Summary()+d.Detail(), "secretvalue") {
			t.Errorf("the diagnostic repeats the password: %s", describe(d))
		}
	}
}

func TestCIDRAndIPAddressAndGUID(t *testing.T) {
	testStringValidator(t, CIDR(), "network_profile.service_cidr", []stringCase{
		{value: "10.0.0.0/16"},
		{value: "2001:db8::/64"},
		{value: "10.0.0.0", wantSummary: "Invalid CIDR"},
		{value: "10.0.0.0/33", wantSummary: "Invalid CIDR"},
	})
	testStringValidator(t, IPAddress(), "network_profile.dns_service_ip", []stringCase{
		{value: "10.0.0.10"},
		{value: "10.0.0.300", wantSummary: "Invalid IP address"},
	})
	testStringValidator(t, GUID(), "admin_group_object_ids", []stringCase{
		{value: "00000000-0000-4000-8000-000000000009"},
		{value: "not-a-guid", wantSummary: "Invalid object ID"},
		{value: "{00000000-0000-4000-8000-000000000009}", wantSummary: "Invalid object ID"},
	})
}
