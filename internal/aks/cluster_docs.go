package aks

// clusterDocs documents each cluster attribute once, for the resource and the data source.
var clusterDocs = map[string]string{
	"id":                  "The ARM ID of the managed cluster, `/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.ContainerService/managedClusters/{name}`. This is the ID `terraform import` takes and `aks_node_pool.cluster_id` references.",
	"name":                "The cluster's name: 1-63 letters, digits, `-` and `_`, starting and ending with a letter or digit, without reserved words such as `microsoft`. Changing it replaces the cluster.",
	"resource_group_name": "The resource group the cluster is created in (it must exist). Changing it replaces the cluster.",
	"location":            "The Azure location, such as `eastus`. Changing it replaces the cluster.",
	"dns_prefix":          "The prefix of the API server's FQDN: 1-54 letters, digits and `-`, starting and ending with a letter or digit. When unset AKS derives one from the cluster's name and it is recorded here. Changing it replaces the cluster.",
	"kubernetes_version": "The control plane's Kubernetes version, `major.minor` (AKS runs that minor's latest patch) or `major.minor.patch`; unset, AKS's default version is used and recorded here. " +
		"A newer version upgrades the cluster in place: the control plane first, then the default node pool when its `orchestrator_version` is unset (it follows the control plane) or set to the new version. " +
		"The control plane moves one minor version at a time and never down. Other node pools are upgraded through their own `orchestrator_version`.",
	"current_kubernetes_version":      "The exact Kubernetes version the control plane runs, such as `1.33.3`.",
	"sku_tier":                        "The cluster's pricing tier: `Free`, `Standard` (financially backed API server SLA) or `Premium` (adds long-term support). AKS's default is `Free`. Changed in place.",
	"node_resource_group":             "The resource group AKS creates for the cluster's infrastructure (VM scale sets, load balancer, disks). When unset AKS names it `MC_{group}_{cluster}_{location}` and it is recorded here. Changing it replaces the cluster.",
	"oidc_issuer_enabled":             "Whether the cluster exposes an OpenID Connect issuer for its service account tokens (needed by workload identity). Defaults to false. It can be turned on in place, but never off.",
	"oidc_issuer_url":                 "The URL of the cluster's OIDC issuer, when `oidc_issuer_enabled` is true: the issuer to trust in federated identity credentials.",
	"workload_identity_enabled":       "Whether Microsoft Entra Workload ID is enabled: pods exchange service account tokens for Entra ID tokens. Needs `oidc_issuer_enabled`. Defaults to false; changed in place.",
	"local_account_disabled":          "Whether the cluster's local accounts (the admin kubeconfig with a static certificate) are disabled, so that only Entra ID identities can authenticate. Needs Entra ID integration (`azure_rbac_enabled` or `admin_group_object_ids`). With it, `aks_cluster_credentials` with `admin = true` fails. Defaults to false; changed in place.",
	"azure_rbac_enabled":              "Whether Kubernetes authorization uses Azure RBAC (role assignments on the cluster) through AKS-managed Microsoft Entra ID integration. Enabling it (or setting `admin_group_object_ids`) turns the integration on, which can't be turned off again. Defaults to false; changed in place.",
	"admin_group_object_ids":          "Object IDs of the Microsoft Entra ID groups whose members are cluster administrators, through AKS-managed Entra ID integration. Changed in place.",
	"private_cluster_enabled":         "Whether the API server has only a private endpoint in the cluster's virtual network (then `private_fqdn` is its address). Defaults to false. Changing it replaces the cluster.",
	"api_server_authorized_ip_ranges": "The address ranges (CIDR) allowed to reach the public API server, such as `[\"203.0.113.0/24\"]`; unset or empty allows all. Not for private clusters. Changed in place.",
	"automatic_upgrade_channel": "How AKS upgrades the cluster by itself: `none` (the default), `patch`, `stable`, `rapid` or `node-image`. With a channel other than `none`, leave `kubernetes_version` unset (or ignore its changes), " +
		"since AKS moves the version. Changed in place.",
	"node_os_upgrade_channel":   "How AKS updates the nodes' OS: `None`, `Unmanaged`, `SecurityPatch` or `NodeImage` (AKS's default: weekly node image upgrades). When unset AKS's choice is recorded here. Changed in place.",
	"tags":                      "Azure tags on the managed cluster resource. A change of tags alone is one PATCH call.",
	"fqdn":                      "The FQDN of the public API server endpoint (null for private clusters without a public FQDN).",
	"private_fqdn":              "The FQDN of the private API server endpoint, for private clusters.",
	"portal_fqdn":               "The FQDN the Azure portal uses to reach the API server.",
	"kubelet_identity":          "The user-assigned managed identity AKS creates for the kubelets (to pull images from a registry, for example): grant it roles such as `AcrPull`.",
	"client_id":                 "The client (application) ID of the identity.",
	"object_id":                 "The object (principal) ID of the identity: the principal of role assignments.",
	"user_assigned_identity_id": "The ARM ID of the user-assigned identity, in the node resource group.",
	"identity":                  "The managed identity of the control plane. Unset, AKS gets a system-assigned identity (as `az aks create` does) and it is recorded here.",
	"identity.type":             "`SystemAssigned` (AKS creates and manages the identity) or `UserAssigned` (with `identity_ids`). Changed in place.",
	"identity_ids":              "The ARM ID of the user-assigned identity (exactly one) when `type` is `UserAssigned`.",
	"principal_id":              "The principal (object) ID of the system-assigned identity: the principal of role assignments, such as Network Contributor on a custom subnet.",
	"tenant_id":                 "The Entra ID tenant of the system-assigned identity.",
	"network_profile":           "The cluster's networking. Unset values are AKS's defaults (Azure CNI Overlay, Standard load balancer, service CIDR 10.0.0.0/16), recorded here.",
	"network_plugin":            "`azure` (Azure CNI), `kubenet` or `none` (bring your own CNI). Changing it replaces the cluster.",
	"network_plugin_mode":       "`overlay` with Azure CNI: pods get addresses from `pod_cidr` instead of the subnet. Changed in place (AKS migrates the cluster to overlay).",
	"network_policy":            "The network policy engine: `azure`, `calico`, `cilium` (with `network_dataplane = \"cilium\"`) or `none`. Changed in place.",
	"network_dataplane":         "`azure` or `cilium` (Azure CNI Powered by Cilium). Changed in place.",
	"load_balancer_sku": "`standard` (the default) or `basic`. The guide: \"The AKS cluster must use the Standard SKU load balancer to use multiple node pools\": with `basic` the plan warns, and `aks_node_pool` refuses to add pools. " +
		"Changed in place (AKS migrates Basic to Standard).",
	"outbound_type":              "How nodes reach the internet: `loadBalancer` (the default), `managedNATGateway`, `userAssignedNATGateway`, `userDefinedRouting` or `none`. Changed in place.",
	"pod_cidr":                   "The pods' address range with kubenet or Azure CNI Overlay, such as `10.244.0.0/16`. Changing it replaces the cluster.",
	"service_cidr":               "The Kubernetes services' address range, such as `10.0.0.0/16`; it must not overlap the pod CIDR or the virtual network. Changing it replaces the cluster.",
	"dns_service_ip":             "The cluster DNS service's address, inside `service_cidr` and not its first address, such as `10.0.0.10`. Changing it replaces the cluster.",
	"linux_profile":              "The administrator account of the Linux nodes, for SSH access. Without it AKS manages no SSH key.",
	"linux.admin_username":       "The Linux administrator's user name, such as `azureuser`. Changing it replaces the cluster.",
	"ssh_public_key":             "The administrator's SSH public key in OpenSSH format (`ssh-rsa ...`, `ssh-ed25519 ...`). Changed in place (AKS reimages the nodes).",
	"windows_profile":            "The administrator account of Windows nodes. A cluster can run Windows node pools only if it was created with a Windows profile, so adding the block later replaces the cluster.",
	"windows.admin_username":     "The Windows administrator's user name: 1-20 characters, not a reserved name such as `admin` or `administrator`. Changing it replaces the cluster.",
	"admin_password":             "The Windows administrator's password (8-123 characters, three of: lowercase, uppercase, digit, special). It is stored in the state (as a sensitive value); with Terraform 1.11 or later prefer `admin_password_wo`, which never is. Changed in place.",
	"admin_password_wo":          "The Windows administrator's password as a write-only value (Terraform 1.11 or later): sent to AKS but never stored in the plan or the state. AKS never returns it either, so change `admin_password_wo_version` to send a new one.",
	"admin_password_wo_version":  "A number you increase to send `admin_password_wo` again (a write-only value can't be compared with the state). Changing it updates the password in place.",
	"microsoft_defender":         "Microsoft Defender for Containers: security monitoring of the cluster, reporting to a Log Analytics workspace. Removing the block turns it off. Changed in place.",
	"log_analytics_workspace_id": "The ARM ID of the Log Analytics workspace Defender reports to.",
	"default_node_pool": "The cluster's System node pool, created with the cluster in its managedClusters PUT (the guide's `az aks create --node-count 2`). " +
		"After creation every change goes through the agentPools API, as for `aks_node_pool`: changes AKS makes in place are one PUT; " +
		"changes it can't (`vm_size`, the OS disk, `kubelet_disk_type`, subnets, `zones`, `max_pods`, `host_encryption_enabled`, `name`) rotate the pool instead of replacing the cluster: " +
		"a temporary System pool with the new settings is created, the old pool is deleted (its nodes drained, respecting PodDisruptionBudgets), the pool is recreated under its own name and the temporary pool deleted. " +
		"The plan warns before a rotation, and an interrupted rotation resumes where it stopped on the next apply.",
}
