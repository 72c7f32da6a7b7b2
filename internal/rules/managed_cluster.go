package rules

import (
	"context"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// This file holds the rules of aks_cluster's own arguments (the default node pool is checked by
// CheckPool and CheckPoolInCluster like any pool): identity, Entra ID integration, API server
// access, networking, the Linux and Windows profiles, and the control plane's version.

// Values of the cluster attributes as AKS spells them (SDK constants).
const (
	IdentitySystemAssigned = "SystemAssigned"
	IdentityUserAssigned   = "UserAssigned"

	NetworkPluginAzure = "azure"
	NetworkPluginNone  = "none"

	NetworkPluginModeOverlay = "overlay"

	NetworkPolicyAzure  = "azure"
	NetworkPolicyCalico = "calico"
	NetworkPolicyCilium = "cilium"
	NetworkPolicyNone   = "none"

	NetworkDataplaneAzure  = "azure"
	NetworkDataplaneCilium = "cilium"

	LoadBalancerSKUBasic = "basic"

	UserAssignedIdentityResourceType  = "Microsoft.ManagedIdentity/userAssignedIdentities"
	LogAnalyticsWorkspaceResourceType = "Microsoft.OperationalInsights/workspaces"
)

// Where the cluster rules come from.
const (
	sourceClusterAPI       = `the AKS REST API 2025-10-01 (Microsoft.ContainerService managedClusters)`
	sourceWorkloadIdentity = `the AKS docs "Deploy and configure workload identity" (https://learn.microsoft.com/azure/aks/workload-identity-deploy-cluster)`
	sourceLocalAccounts    = `the AKS docs "Manage local accounts with AKS-managed Microsoft Entra integration" (https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad)`
	sourceAuthorizedIPs    = `the AKS docs "Secure access to the API server using authorized IP address ranges" (https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges)`
	sourceOverlay          = `the AKS docs "Configure Azure CNI Overlay networking" (https://learn.microsoft.com/azure/aks/azure-cni-overlay)`
	sourceCilium           = `the AKS docs "Configure Azure CNI Powered by Cilium" (https://learn.microsoft.com/azure/aks/azure-cni-powered-by-cilium)`
	sourceNetworkPolicies  = `the AKS docs "Secure traffic between pods using network policies" (https://learn.microsoft.com/azure/aks/use-network-policies)`
	sourceServiceCIDR      = `the AKS docs "Configure Azure CNI networking", service address range and DNS service IP (https://learn.microsoft.com/azure/aks/configure-azure-cni)`
	sourceBasicLB          = `the AKS docs "Use a public Standard Load Balancer in AKS" (https://learn.microsoft.com/azure/aks/load-balancer-standard)`
	sourceUpgradeCluster   = `the AKS docs "Upgrade the control plane of an AKS cluster" (https://learn.microsoft.com/azure/aks/upgrade-aks-control-plane)`
	sourceOIDCIssuer       = `the AKS docs "Create an OpenID Connect provider on AKS" (https://learn.microsoft.com/azure/aks/use-oidc-issuer)`
)

// ClusterConfig is aks_cluster's configuration as the cluster rules read it. Null means unset
// (AKS's default applies); unknown means known only at apply, and rules that need it don't run.
type ClusterConfig struct {
	IdentityType types.String
	IdentityIDs  types.Set // of strings

	OIDCIssuerEnabled       types.Bool
	WorkloadIdentityEnabled types.Bool
	LocalAccountDisabled    types.Bool
	AzureRBACEnabled        types.Bool
	AdminGroupObjectIDs     types.Set // of strings

	PrivateClusterEnabled       types.Bool
	APIServerAuthorizedIPRanges types.Set // of strings

	NetworkPlugin     types.String
	NetworkPluginMode types.String
	NetworkPolicy     types.String
	NetworkDataplane  types.String
	LoadBalancerSKU   types.String
	PodCIDR           types.String
	ServiceCIDR       types.String
	DNSServiceIP      types.String
}

// CheckClusterConfig runs every rule of aks_cluster's own arguments that needs no live cluster:
// the identity's shape, workload identity needing the OIDC issuer, disabled local accounts needing
// Entra ID integration, authorized IP ranges not on private clusters, and the network profile's
// combinations (see checkNetworkProfile). A Basic load balancer gets a warning.
func CheckClusterConfig(c ClusterConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(checkClusterIdentity(c)...)
	diags.Append(checkWorkloadIdentity(c)...)
	diags.Append(checkLocalAccounts(c)...)
	diags.Append(checkAuthorizedIPRanges(c)...)
	diags.Append(checkNetworkProfile(c)...)
	return diags
}

func setLen(s types.Set) (int, bool) {
	if !isSet(s) {
		return 0, !s.IsUnknown()
	}
	return len(s.Elements()), true
}

// checkClusterIdentity: a UserAssigned control-plane identity is exactly one identity; a
// SystemAssigned one takes none.
func checkClusterIdentity(c ClusterConfig) diag.Diagnostics {
	if anyUnknown(c.IdentityType) || c.IdentityType.IsNull() {
		return nil
	}
	n, known := setLen(c.IdentityIDs)
	if !known {
		return nil
	}
	at := path.Root("identity").AtName("identity_ids")
	switch c.IdentityType.ValueString() {
	case IdentityUserAssigned:
		if n != 1 {
			return diag.Diagnostics{ruleError(at, "A UserAssigned cluster identity needs exactly one identity",
				explain(fmt.Sprintf(`identity.type = %q with %d entries in %s.`, IdentityUserAssigned, n, shown(at)),
					"the cluster's control plane uses exactly one user-assigned managed identity",
					sourceClusterAPI+", identity.userAssignedIdentities",
					fmt.Sprintf("set %s to the ID of one user-assigned identity, or use type = %q.", shown(at), IdentitySystemAssigned)))}
		}
	case IdentitySystemAssigned:
		if n != 0 {
			return diag.Diagnostics{ruleError(at, "A SystemAssigned cluster identity takes no identity IDs",
				explain(fmt.Sprintf(`identity.type = %q, but %s lists %d identities.`, IdentitySystemAssigned, shown(at), n),
					"user-assigned identities are given only with type UserAssigned; AKS creates and manages a system-assigned one itself",
					sourceClusterAPI+", identity",
					fmt.Sprintf("remove %s, or set type = %q.", shown(at), IdentityUserAssigned)))}
		}
	}
	return nil
}

// checkWorkloadIdentity: workload identity federates service account tokens through the
// cluster's OIDC issuer, so it needs the issuer on.
func checkWorkloadIdentity(c ClusterConfig) diag.Diagnostics {
	if !isTrue(c.WorkloadIdentityEnabled) || anyUnknown(c.OIDCIssuerEnabled) || isTrue(c.OIDCIssuerEnabled) {
		return nil
	}
	at := path.Root("workload_identity_enabled")
	return diag.Diagnostics{ruleError(at, "Workload identity needs the OIDC issuer",
		explain("workload_identity_enabled = true, but oidc_issuer_enabled is not true.",
			"Microsoft Entra Workload ID trusts service account tokens through the cluster's OIDC issuer, so the issuer must be enabled",
			sourceWorkloadIdentity,
			"set oidc_issuer_enabled = true as well."))}
}

// checkLocalAccounts: with local accounts disabled, only Entra ID can authenticate, so the cluster
// must be integrated with Entra ID (azure_rbac_enabled or admin_group_object_ids).
func checkLocalAccounts(c ClusterConfig) diag.Diagnostics {
	if !isTrue(c.LocalAccountDisabled) || anyUnknown(c.AzureRBACEnabled, c.AdminGroupObjectIDs) {
		return nil
	}
	groups, _ := setLen(c.AdminGroupObjectIDs)
	if isTrue(c.AzureRBACEnabled) || groups > 0 {
		return nil
	}
	at := path.Root("local_account_disabled")
	return diag.Diagnostics{ruleError(at, "Disabling local accounts needs Microsoft Entra ID integration",
		explain("local_account_disabled = true, but the cluster has no Microsoft Entra ID integration (azure_rbac_enabled is not true and admin_group_object_ids is empty).",
			"local accounts can be disabled only on clusters with AKS-managed Microsoft Entra integration; otherwise nobody could sign in",
			sourceLocalAccounts,
			"set azure_rbac_enabled = true and/or admin_group_object_ids to the Entra ID groups that administer the cluster."))}
}

// checkAuthorizedIPRanges: authorized IP ranges restrict the public API server endpoint, which a
// private cluster doesn't have.
func checkAuthorizedIPRanges(c ClusterConfig) diag.Diagnostics {
	n, _ := setLen(c.APIServerAuthorizedIPRanges)
	if !isTrue(c.PrivateClusterEnabled) || n == 0 {
		return nil
	}
	at := path.Root("api_server_authorized_ip_ranges")
	return diag.Diagnostics{ruleError(at, "Authorized IP ranges don't apply to private clusters",
		explain(fmt.Sprintf("%s lists %d range(s), and private_cluster_enabled = true.", shown(at), n),
			"API server authorized IP ranges restrict the public API server endpoint; a private cluster's API server has no public endpoint",
			sourceAuthorizedIPs,
			fmt.Sprintf("remove %s, or set private_cluster_enabled = false.", shown(at))))}
}

// checkNetworkProfile: the network plugin, its mode, the policy engine and the dataplane must be a
// combination AKS offers; the pod CIDR is only for overlay or kubenet; the DNS service IP lies in
// the service CIDR and is not its first address; the pod and service CIDRs don't overlap.
func checkNetworkProfile(c ClusterConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	np := path.Root("network_profile")
	plugin := stringOr(c.NetworkPlugin, "")
	pluginKnown := !c.NetworkPlugin.IsUnknown()

	if pluginKnown && isSet(c.NetworkPluginMode) && c.NetworkPluginMode.ValueString() == NetworkPluginModeOverlay && plugin != "" && plugin != NetworkPluginAzure {
		at := np.AtName("network_plugin_mode")
		diags.Append(ruleError(at, "Overlay mode needs the Azure CNI plugin",
			explain(fmt.Sprintf(`%s = %q with network_plugin = %q.`, shown(at), NetworkPluginModeOverlay, plugin),
				"network_plugin_mode overlay is a mode of Azure CNI",
				sourceOverlay,
				fmt.Sprintf(`set network_plugin = %q, or remove %s.`, NetworkPluginAzure, shown(at)))))
	}
	overlay := stringOr(c.NetworkPluginMode, "") == NetworkPluginModeOverlay
	if pluginKnown && !c.NetworkPluginMode.IsUnknown() && isSet(c.PodCIDR) && plugin != NetworkPluginKubenet && !overlay && plugin != "" {
		at := np.AtName("pod_cidr")
		diags.Append(ruleError(at, "A pod CIDR needs kubenet or Azure CNI Overlay",
			explain(fmt.Sprintf(`%s = %q with network_plugin = %q and no overlay mode.`, shown(at), c.PodCIDR.ValueString(), plugin),
				"pods get addresses from the pod CIDR only with kubenet or Azure CNI Overlay; with plain Azure CNI they take addresses from the subnet",
				sourceOverlay,
				fmt.Sprintf(`remove %s, or set network_plugin_mode = %q.`, shown(at), NetworkPluginModeOverlay))))
	}

	policy := stringOr(c.NetworkPolicy, "")
	dataplane := stringOr(c.NetworkDataplane, "")
	if !anyUnknown(c.NetworkPolicy, c.NetworkDataplane) {
		switch {
		case policy == NetworkPolicyCilium && dataplane != NetworkDataplaneCilium:
			at := np.AtName("network_policy")
			diags.Append(ruleError(at, "Cilium network policy needs the Cilium dataplane",
				explain(fmt.Sprintf(`%s = %q, but network_dataplane is %q.`, shown(at), NetworkPolicyCilium, orUnset(dataplane)),
					"the Cilium policy engine runs only with Azure CNI Powered by Cilium (network_dataplane cilium)",
					sourceCilium,
					fmt.Sprintf(`set network_dataplane = %q as well.`, NetworkDataplaneCilium))))
		case dataplane == NetworkDataplaneCilium && (policy == NetworkPolicyAzure || policy == NetworkPolicyCalico):
			at := np.AtName("network_policy")
			diags.Append(ruleError(at, "The Cilium dataplane enforces policies with Cilium",
				explain(fmt.Sprintf(`%s = %q with network_dataplane = %q.`, shown(at), policy, NetworkDataplaneCilium),
					"with Azure CNI Powered by Cilium, network policies are enforced by Cilium; Azure Network Policy Manager and Calico can't be used",
					sourceCilium,
					fmt.Sprintf(`set %s = %q or leave it unset.`, shown(at), NetworkPolicyCilium))))
		}
	}
	if pluginKnown && !anyUnknown(c.NetworkDataplane) && dataplane == NetworkDataplaneCilium && plugin != "" && plugin != NetworkPluginAzure {
		at := np.AtName("network_dataplane")
		diags.Append(ruleError(at, "The Cilium dataplane needs Azure CNI",
			explain(fmt.Sprintf(`%s = %q with network_plugin = %q.`, shown(at), NetworkDataplaneCilium, plugin),
				"Azure CNI Powered by Cilium is a dataplane of the Azure CNI plugin",
				sourceCilium,
				fmt.Sprintf(`set network_plugin = %q.`, NetworkPluginAzure))))
	}
	if pluginKnown && !anyUnknown(c.NetworkPolicy) && policy == NetworkPolicyAzure && plugin != "" && plugin != NetworkPluginAzure {
		at := np.AtName("network_policy")
		diags.Append(ruleError(at, "Azure network policies need Azure CNI",
			explain(fmt.Sprintf(`%s = %q with network_plugin = %q.`, shown(at), NetworkPolicyAzure, plugin),
				"Azure Network Policy Manager works only with the Azure CNI plugin; use Calico with kubenet",
				sourceNetworkPolicies,
				fmt.Sprintf(`set %s = %q, or network_plugin = %q.`, shown(at), NetworkPolicyCalico, NetworkPluginAzure))))
	}

	diags.Append(checkServiceAddresses(c)...)

	if isSet(c.LoadBalancerSKU) && strings.EqualFold(c.LoadBalancerSKU.ValueString(), LoadBalancerSKUBasic) {
		at := np.AtName("load_balancer_sku")
		diags.Append(ruleWarning(at, "A Basic load balancer rules out additional node pools",
			explain(fmt.Sprintf(`%s = %q.`, shown(at), LoadBalancerSKUBasic),
				"an AKS cluster must use the Standard SKU load balancer to use multiple node pools; with Basic the cluster keeps only its default node pool (aks_node_pool refuses to add one), and Azure retired the Basic load balancer",
				sourceGuide+"; "+sourceBasicLB,
				fmt.Sprintf(`use %s = %q unless this cluster will never need a second node pool.`, shown(at), LoadBalancerSKUStandard))))
	}
	return diags
}

func orUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}

// checkServiceAddresses: the DNS service IP lies inside the service CIDR and is not its first
// address (kube-apiserver's service takes that one); the service CIDR doesn't overlap the pod CIDR.
func checkServiceAddresses(c ClusterConfig) diag.Diagnostics {
	var diags diag.Diagnostics
	np := path.Root("network_profile")
	service, serviceOK := parsePrefix(c.ServiceCIDR)
	if ip, ok := parseAddr(c.DNSServiceIP); ok && serviceOK {
		at := np.AtName("dns_service_ip")
		switch {
		case !service.Contains(ip):
			diags.Append(ruleError(at, "DNS service IP outside the service CIDR",
				explain(fmt.Sprintf("%s = %q is not inside service_cidr %q.", shown(at), ip, service),
					"the cluster DNS service gets its address from the Kubernetes service address range",
					sourceServiceCIDR,
					fmt.Sprintf("pick an address inside %s other than its first, such as %s (AKS's default is the .10 address of the range).", service, nthAddress(service, 10)))))
		case ip == service.Masked().Addr().Next():
			diags.Append(ruleError(at, "DNS service IP is the service CIDR's first address",
				explain(fmt.Sprintf("%s = %q is the first usable address of %q.", shown(at), ip, service),
					"the first address of the service range belongs to the kubernetes API service",
					sourceServiceCIDR,
					fmt.Sprintf("pick another address inside %s, such as the .10 address AKS uses by default.", service))))
		}
	}
	if pod, ok := parsePrefix(c.PodCIDR); ok && serviceOK && pod.Overlaps(service) {
		at := np.AtName("service_cidr")
		diags.Append(ruleError(at, "Service CIDR overlaps the pod CIDR",
			explain(fmt.Sprintf("%s = %q overlaps pod_cidr %q.", shown(at), service, pod),
				"services and pods need separate address ranges",
				sourceServiceCIDR,
				"choose ranges that don't overlap, for example service_cidr = \"10.0.0.0/16\" and pod_cidr = \"10.244.0.0/16\".")))
	}
	return diags
}

// nthAddress is the n-th address after the range's network address.
func nthAddress(p netip.Prefix, n int) netip.Addr {
	a := p.Masked().Addr()
	for range n {
		a = a.Next()
	}
	return a
}

func parsePrefix(v types.String) (netip.Prefix, bool) {
	if !isSet(v) {
		return netip.Prefix{}, false
	}
	p, err := netip.ParsePrefix(v.ValueString())
	return p, err == nil
}

func parseAddr(v types.String) (netip.Addr, bool) {
	if !isSet(v) {
		return netip.Addr{}, false
	}
	a, err := netip.ParseAddr(v.ValueString())
	return a, err == nil
}

// CheckOIDCIssuerNotDisabled refuses turning the OIDC issuer off: AKS keeps it once enabled.
func CheckOIDCIssuerNotDisabled(state, plan types.Bool) diag.Diagnostics {
	if !isTrue(state) || anyUnknown(plan) || isTrue(plan) {
		return nil
	}
	at := path.Root("oidc_issuer_enabled")
	return diag.Diagnostics{ruleError(at, "The OIDC issuer can't be turned off",
		explain("oidc_issuer_enabled changes from true to false.",
			"once a cluster's OIDC issuer is enabled it can't be disabled",
			sourceOIDCIssuer,
			"keep oidc_issuer_enabled = true."))}
}

// CheckPoolVersionAtCreation: pools created with the cluster run the control plane's version
// ("When you create multiple node pools at cluster creation time, the Kubernetes versions for the
// node pools must match the version set for the control plane"). poolAt is the pool's
// orchestrator_version path.
func CheckPoolVersionAtCreation(poolAt path.Path, poolVersion, clusterVersion types.String) diag.Diagnostics {
	if !isSet(poolVersion) || clusterVersion.IsUnknown() {
		return nil
	}
	pool, err := ParseVersion(poolVersion.ValueString())
	if err != nil {
		return nil // the attribute validator reports it
	}
	if clusterVersion.IsNull() {
		return diag.Diagnostics{ruleError(poolAt, "Pool version without a control plane version",
			explain(fmt.Sprintf("%s = %q, but kubernetes_version is unset, so the control plane gets AKS's default version, which may differ.", shown(poolAt), pool),
				"pools created with the cluster must run the control plane's Kubernetes version",
				sourceGuide,
				fmt.Sprintf(`set kubernetes_version = %q as well, or remove %s (the pool then takes the control plane's version).`, pool, shown(poolAt))))}
	}
	cluster, err := ParseVersion(clusterVersion.ValueString())
	if err != nil || pool.Compare(cluster) == 0 {
		return nil
	}
	return diag.Diagnostics{ruleError(poolAt, "Pool version differs from the control plane at creation",
		explain(fmt.Sprintf("%s = %q, but kubernetes_version = %q.", shown(poolAt), pool, cluster),
			"when node pools are created at cluster creation time, their Kubernetes version must match the control plane's",
			sourceGuide,
			fmt.Sprintf(`set %s = %q, or remove it (the pool then takes the control plane's version); upgrade or pin pools later.`, shown(poolAt), cluster)))}
}

// CheckControlPlaneUpgrade judges a kubernetes_version change from the version the control plane
// runs: no downgrade, no other major, and no skipped minor (AKS upgrades the control plane one
// minor version at a time).
func CheckControlPlaneUpgrade(running string, planned types.String) diag.Diagnostics {
	if !isSet(planned) || running == "" {
		return nil
	}
	from, err1 := ParseVersion(running)
	to, err2 := ParseVersion(planned.ValueString())
	if err1 != nil || err2 != nil {
		return nil
	}
	at := path.Root("kubernetes_version")
	switch {
	case from.Major != to.Major:
		return diag.Diagnostics{ruleError(at, "Control plane major version change",
			explain(fmt.Sprintf("kubernetes_version = %q, but the control plane runs %s.", to, from),
				"AKS upgrades the control plane within a major version only",
				sourceUpgradeCluster,
				fmt.Sprintf("set kubernetes_version to a %d.x version.", from.Major)))}
	case to.Less(from):
		return diag.Diagnostics{ruleError(at, "Control plane downgrade",
			explain(fmt.Sprintf("kubernetes_version = %q is lower than the version the control plane runs, %s.", to, from),
				"a cluster can be upgraded but never downgraded",
				sourceUpgradeCluster,
				fmt.Sprintf("set kubernetes_version to %s or later.", from)))}
	case to.Minor-from.Minor > 1:
		next := Version{Major: from.Major, Minor: from.Minor + 1}
		return diag.Diagnostics{ruleError(at, "Control plane upgrade skips a minor version",
			explain(fmt.Sprintf("kubernetes_version = %q, but the control plane runs %s: that skips %d minor version(s).", to, from, to.Minor-from.Minor-1),
				"the control plane is upgraded one minor version at a time; skipping minor versions isn't supported",
				sourceUpgradeCluster,
				fmt.Sprintf("upgrade to %s first and apply, then to %s.", next, to.MinorString())))}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Single-attribute validators of aks_cluster

var (
	linuxAdminUsernamePattern = regexp.MustCompile(`^[A-Za-z][-A-Za-z0-9_]*$`)
	// Disallowed Windows administrator names and passwords (SDK ManagedClusterWindowsProfile docs).
	windowsDisallowedUsernames = []string{"administrator", "admin", "user", "user1", "test", "user2", "test1", "user3", "admin1", "1", "123",
		"a", "actuser", "adm", "admin2", "aspnet", "backup", "console", "david", "guest", "john", "owner", "root", "server", "sql",
		"support", "support_388945a0", "sys", "test2", "test3", "user4", "user5"}
	windowsDisallowedPasswords = []string{"abc@123", "P@$$w0rd", "P@ssw0rd", "P@ssword123", "Pa$$word", "pass@word1", "Password!", "Password1", "Password22", "iloveyou!"}
	specialCharacter           = regexp.MustCompile(`[\W_]`)
)

// LinuxAdminUsername validates linux_profile.admin_username.
func LinuxAdminUsername() validator.String {
	return stringCheck{
		description: "must start with a letter and contain only letters, digits, `-` and `_`",
		check: func(_ context.Context, name, value string) *problem {
			if linuxAdminUsernamePattern.MatchString(value) {
				return nil
			}
			return &problem{summary: "Invalid Linux admin username",
				detail: explain(fmt.Sprintf("%s = %q is not a valid Linux user name.", name, value),
					"the Linux administrator name starts with a letter and holds only letters, digits, '-' and '_'",
					sourceClusterAPI+", linuxProfile.adminUsername",
					fmt.Sprintf(`choose a name such as "azureuser" for %s.`, name))}
		},
	}
}

// SSHPublicKey validates linux_profile.ssh_public_key: one OpenSSH public key.
func SSHPublicKey() validator.String {
	return stringCheck{
		description: "must be one SSH public key in OpenSSH format, such as `ssh-rsa AAAA...` or `ssh-ed25519 AAAA...`",
		check: func(_ context.Context, name, value string) *problem {
			fields := strings.Fields(value)
			if len(fields) >= 2 && (strings.HasPrefix(fields[0], "ssh-") || strings.HasPrefix(fields[0], "ecdsa-sha2-")) && !strings.Contains(strings.TrimSpace(value), "\n") {
				return nil
			}
			return &problem{summary: "Invalid SSH public key",
				detail: explain(fmt.Sprintf("%s is not one SSH public key in OpenSSH format.", name),
					"AKS installs one SSH public key for the administrator on every Linux node (a maximum of 1 key may be specified)",
					sourceClusterAPI+", linuxProfile.ssh.publicKeys",
					fmt.Sprintf(`set %s to the contents of a .pub file, for example file("~/.ssh/id_rsa.pub").`, name))}
		},
	}
}

// WindowsAdminUsername validates windows_profile.admin_username.
func WindowsAdminUsername() validator.String {
	return stringCheck{
		description: "must be 1-20 characters, not end with `.`, and not be a reserved name such as `admin` or `administrator`",
		check: func(_ context.Context, name, value string) *problem {
			var found string
			switch {
			case len(value) < 1 || len(value) > 20:
				found = fmt.Sprintf("%s = %q is %d characters long.", name, value, len(value))
			case strings.HasSuffix(value, "."):
				found = fmt.Sprintf("%s = %q ends with '.'.", name, value)
			case slices.Contains(windowsDisallowedUsernames, strings.ToLower(value)):
				found = fmt.Sprintf("%s = %q is a name Windows nodes refuse for the administrator.", name, value)
			default:
				return nil
			}
			return &problem{summary: "Invalid Windows admin username",
				detail: explain(found,
					"the Windows administrator name is 1-20 characters, doesn't end in '.', and isn't one of the reserved names (administrator, admin, user, test, root, guest, ...)",
					sourceClusterAPI+", windowsProfile.adminUsername",
					fmt.Sprintf(`choose a name such as "azureuser" for %s.`, name))}
		},
	}
}

// WindowsAdminPassword validates windows_profile.admin_password and admin_password_wo: 8-123
// characters meeting three of four complexity classes, and not a well-known password.
func WindowsAdminPassword() validator.String {
	return stringCheck{
		description: "must be 8-123 characters with three of: a lowercase letter, an uppercase letter, a digit, a special character",
		check: func(_ context.Context, name, value string) *problem {
			var found string
			classes := 0
			for _, has := range []bool{
				strings.ContainsAny(value, "abcdefghijklmnopqrstuvwxyz"),
				strings.ContainsAny(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
				strings.ContainsAny(value, "0123456789"),
				specialCharacter.MatchString(value),
			} {
				if has {
					classes++
				}
			}
			switch {
			case len(value) < 8 || len(value) > 123:
				found = fmt.Sprintf("%s is %d characters long.", name, len(value))
			case classes < 3:
				found = fmt.Sprintf("%s has only %d of the 4 character classes.", name, classes)
			case slices.Contains(windowsDisallowedPasswords, value):
				found = fmt.Sprintf("%s is a well-known password Windows nodes refuse.", name)
			default:
				return nil
			}
			// The value itself is never repeated: it is a secret.
			return &problem{summary: "Windows admin password too weak",
				detail: explain(found,
					"the Windows administrator password is 8-123 characters with at least three of: a lowercase letter, an uppercase letter, a digit, a special character, and not a well-known password",
					sourceClusterAPI+", windowsProfile.adminPassword",
					fmt.Sprintf("generate one, for example with the random_password resource (length = 20, special = true), and pass it to %s.", name))}
		},
	}
}

// CIDR validates an IPv4 or IPv6 address range such as "10.0.0.0/16".
func CIDR() validator.String {
	return stringCheck{
		description: "must be an address range in CIDR notation, such as `10.0.0.0/16`",
		check: func(_ context.Context, name, value string) *problem {
			if _, err := netip.ParsePrefix(value); err == nil {
				return nil
			}
			return &problem{summary: "Invalid CIDR",
				detail: explain(fmt.Sprintf("%s = %q is not an address range in CIDR notation.", name, value),
					"address ranges are written as address/prefix length",
					sourceClusterAPI,
					fmt.Sprintf(`write %s like "10.0.0.0/16" (or "203.0.113.7/32" for one address).`, name))}
		},
	}
}

// IPAddress validates an IPv4 or IPv6 address such as "10.0.0.10".
func IPAddress() validator.String {
	return stringCheck{
		description: "must be an IP address, such as `10.0.0.10`",
		check: func(_ context.Context, name, value string) *problem {
			if _, err := netip.ParseAddr(value); err == nil {
				return nil
			}
			return &problem{summary: "Invalid IP address",
				detail: explain(fmt.Sprintf("%s = %q is not an IP address.", name, value),
					"the DNS service IP is one address",
					sourceClusterAPI+", networkProfile.dnsServiceIP",
					fmt.Sprintf(`write %s like "10.0.0.10".`, name))}
		},
	}
}

// GUID validates an object ID such as an Entra ID group's.
func GUID() validator.String {
	return stringCheck{
		description: "must be a GUID such as `00000000-0000-0000-0000-000000000000`",
		check: func(_ context.Context, name, value string) *problem {
			if _, err := uuid.Parse(value); err == nil && len(value) == 36 {
				return nil
			}
			return &problem{summary: "Invalid object ID",
				detail: explain(fmt.Sprintf("%s = %q is not a GUID.", name, value),
					"Microsoft Entra ID objects are named by their object ID, a GUID",
					sourceClusterAPI+", aadProfile.adminGroupObjectIDs",
					fmt.Sprintf("use the group's object ID (az ad group show --group <name> --query id) in %s.", name))}
		},
	}
}
