package aks_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
)

// Invalid configurations are refused at plan time, each naming the attribute and the rule, and
// the emulator sees no write.
func TestAccCluster_invalidConfigurations(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	// withExtra is the guide's cluster with extra top-level HCL; withPool with extra pool HCL.
	withExtra := func(extra string) string { return clusterHCL("aks-demo", extra+"\n"+guideNetwork, guidePool) }
	withPool := func(pool string) string { return clusterHCL("aks-demo", guideNetwork, pool) }
	withNetwork := func(network string) string {
		return clusterHCL("aks-demo", "  network_profile = {\n"+network+"\n  }", guidePool)
	}
	cases := []struct {
		name, config, want string
	}{
		{"cluster name with a space", clusterHCL("aks demo", guideNetwork, guidePool), `Invalid cluster name`},
		{"reserved cluster name", clusterHCL("microsoft-aks", guideNetwork, guidePool), `Reserved word in cluster name`},
		{"DNS prefix starting with a dash", strings.Replace(guideCluster(), `dns_prefix          = "aks-demo"`, `dns_prefix = "-aks"`, 1), `Invalid DNS prefix`},
		{"version with a v", withExtra(`  kubernetes_version = "v1.33"`), `Invalid Kubernetes version`},
		{"unknown SKU tier", withExtra(`  sku_tier = "Gold"`), `sku_tier value must be one of`},
		{"upper-case pool name", strings.Replace(guideCluster(), `name = "nodepool1"`, `name = "NodePool1"`, 1), `default_node_pool.name`},
		{"System pool without nodes", withPool(`    node_count = 0`), `default_node_pool.node_count`},
		{"Windows OS SKU on the default pool", withPool(guidePool + "\n    os_sku = \"Windows2022\""), `default_node_pool.os_sku`},
		{"Ephemeral OS disk too big for the cache", withPool(guidePool + "\n    os_disk_type = \"Ephemeral\""), `(?i)ephemeral`},
		{"pool version differs at creation", clusterHCL("aks-demo", guideVersion+"\n"+guideNetwork, guidePool+"\n    orchestrator_version = \"1.32.7\""), `Pool version differs from the control plane at creation`},
		{"autoscaler bounds reversed", withPool("    auto_scaling_enabled = true\n    min_count = 5\n    max_count = 2"), `Autoscaler minimum above maximum`},
		{"initial count outside the autoscaler's limits", withPool("    auto_scaling_enabled = true\n    min_count = 1\n    max_count = 2\n    node_count = 3"), `(?s)Node count outside the autoscaler's limits.*default_node_pool`},
		{"too few pods per node", withPool(guidePool + "\n    max_pods = 5"), `default_node_pool.max_pods`},
		{"temporary name equals the pool name", withPool(guidePool + "\n    temporary_name_for_rotation = \"nodepool1\""), `Temporary pool name equals the pool's name`},
		{"user-assigned identity without an identity", withExtra(`  identity = { type = "UserAssigned" }`), `A UserAssigned cluster identity needs exactly one identity`},
		{"workload identity without OIDC", withExtra(`  workload_identity_enabled = true`), `Workload identity needs the OIDC issuer`},
		{"local accounts off without Entra ID", withExtra(`  local_account_disabled = true`), `Disabling local accounts needs Microsoft Entra ID integration`},
		{"authorized ranges on a private cluster", withExtra("  private_cluster_enabled = true\n  api_server_authorized_ip_ranges = [\"203.0.113.0/24\"]"), `Authorized IP ranges don't apply to private clusters`},
		{"overlay with kubenet", withNetwork("    network_plugin = \"kubenet\"\n    network_plugin_mode = \"overlay\""), `Overlay mode needs the Azure CNI plugin`},
		{"DNS service IP outside the service range", withNetwork("    service_cidr = \"10.0.0.0/16\"\n    dns_service_ip = \"10.1.0.10\""), `DNS service IP outside the service CIDR`},
		{"weak Windows password", withExtra("  windows_profile {\n    admin_username = \"azureuser\"\n    admin_password = \"short\"\n  }"), `Windows admin password too weak`},
		{"reserved Windows user name", withExtra("  windows_profile {\n    admin_username = \"administrator\"\n    admin_password = \"Str0ng-Passw0rd!\"\n  }"), `Invalid Windows admin username`},
		{"Windows profile without a password", withExtra("  windows_profile {\n    admin_username = \"azureuser\"\n  }"), `Missing Windows admin password`},
		{"SSH key that isn't one", withExtra("  linux_profile {\n    admin_username = \"azureuser\"\n    ssh_public_key = \"not-a-key\"\n  }"), `Invalid SSH public key`},
		{"admin group that isn't a GUID", withExtra("  azure_rbac_enabled = true\n  admin_group_object_ids = [\"platform-admins\"]"), `Invalid object ID`},
		{"Defender with a wrong workspace ID", withExtra("  microsoft_defender {\n    log_analytics_workspace_id = \"law-aks-demo\"\n  }"), `OperationalInsights/workspaces`},
	}
	var steps []resource.TestStep
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{Config: tc.config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)})
	}
	acctest.Test(t, steps)
	if err := acctest.ExpectNoWrites(srv).Err(); err != nil {
		t.Error(err)
	}
	if len(cases) < 15 {
		t.Errorf("want at least 15 invalid configurations, have %d", len(cases))
	}
}
