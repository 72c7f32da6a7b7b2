package aks_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The bad inputs of issue 11 that need no live read: each fails at plan, naming the attribute,
// the rule and the fix, and nothing is written.
func TestAccPlanRefusals_offlineInputs(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	manyTags := make([]string, 51)
	for i := range manyTags {
		manyTags[i] = fmt.Sprintf("t%d = \"v\"", i)
	}
	tags51 := "{ " + strings.Join(manyTags, ", ") + " }"
	pool := func(extra string) string { return poolConfig(cluster, "bad", "  node_count = 3\n"+extra) }
	cases := []struct {
		config string
		want   string
	}{
		{pool("  tags = " + tags51), `(?s)Too many tags.*51 tags.*Fix:`},
		{pool(`  tags = { "team/app" = "a" }`), `(?s)Invalid tag name.*contains "/".*Fix:`},
		{pool(`  tags = { team = "` + strings.Repeat("v", 257) + `" }`), `(?s)Tag value too long.*257 characters`},
		{clusterHCL("aks-bad", guideNetwork+"\n  tags = "+tags51, guidePool), `(?s)Too many tags`},
		{pool(fmt.Sprintf("  vnet_subnet_id = %q\n  pod_subnet_id = %q", subnetID("vnet-aks-demo", "snet-user"), subnetID("vnet-aks-demo", "snet-user"))),
			`(?s)Pod subnet is the node subnet.*Fix:`},
		{pool("  upgrade_settings {\n    max_surge = \"0\"\n    max_unavailable = \"0\"\n  }"), `(?s)The upgrade could not make progress.*Fix:`},
		{poolConfig(cluster, "bad", "  mode = \"System\"\n  max_pods = 10\n  node_count = 2"), `(?s)System node pool with room for too few pods.*20 pods`},
		{pool("  vm_size = \"Standard_DS2_v2\u200b\""), `(?s)Invalid character in the VM size.*U\+200B`},
		{poolConfig(cluster+"?api-version=2025-10-01", "bad", "  node_count = 1"), `(?s)query string`},
		{clusterHCL("aks-bad", guideNetwork+"\n  kubernetes_version = \"1.33.3\"", "    vm_size = \"Standard_DS2_v2\"\n    max_pods = 10\n    node_count = 2"),
			`(?s)System node pool with room for too few pods`},
	}
	var steps []resource.TestStep
	for i, c := range cases {
		step := resource.TestStep{Config: c.config, PlanOnly: true, ExpectError: regexp.MustCompile(c.want)}
		if i == 0 {
			step.PreConfig = srv.ResetJournal
		}
		steps = append(steps, step)
	}
	steps = append(steps, resource.TestStep{
		PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
		Config:    pool(""), PlanOnly: true, ExpectNonEmptyPlan: true,
	})
	acctest.Test(t, steps)
}

// The bad inputs found by live reads at plan: an unknown VM size in the cluster's region (the
// Compute SKUs list) and a cluster that does not exist. Each fails at plan without a write.
func TestAccPlanRefusals_liveReads(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig:   srv.ResetJournal,
			Config:      poolConfig(cluster, "bad", "  node_count = 1\n  vm_size = \"Standard_Nope_v9\""),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)VM size not offered in the cluster's region.*Standard_Nope_v9.*az vm list-skus --location eastus`),
		},
		{
			Config:      poolConfig(clusterID("aks-missing"), "bad", "  node_count = 1"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Managed cluster not found.*aks-missing\s+does not exist`),
		},
		{
			Config:      poolConfig(strings.Replace(cluster, emulator.DefaultSubscriptionID, "00000000-0000-4000-8000-0000000000fd", 1), "bad", "  node_count = 1"),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Managed cluster not found.*00000000-0000-4000-8000-0000000000fd,\s+which\s+the\s+provider's\s+credential\s+can't\s+see`),
		},
		{
			PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
			Config:    poolConfig(cluster, "bad", "  node_count = 1"), PlanOnly: true, ExpectNonEmptyPlan: true,
		},
	})
}

// The live reads of a cluster's create plan: a name already taken (with the import hint), a
// resource group that does not exist, a Kubernetes version the region does not offer and a
// location that offers none. Each fails at plan without a write.
func TestAccPlanRefusals_clusterLiveReads(t *testing.T) {
	srv, _ := newEmulatorWithCluster(t, testCluster{})
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig:   srv.ResetJournal,
			Config:      guideCluster(), // aks-demo exists already
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Managed cluster already exists.*with aks_cluster\.test.*import`),
		},
		{
			Config:      strings.Replace(clusterHCL("aks-new", guideNetwork, guidePool), `"rg-aks-demo"`, `"rg-missing"`, 1),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Resource group not found.*rg-missing does not exist`),
		},
		{
			Config:      clusterHCL("aks-new", guideNetwork+"\n  kubernetes_version = \"1.27.9\"", guidePool),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Kubernetes version not offered.*1\.27\.9.*1\.33\.3`),
		},
		{
			PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
			Config:    clusterHCL("aks-new", guideNetwork+"\n"+guideVersion, guidePool), PlanOnly: true, ExpectNonEmptyPlan: true,
		},
	})
}

// A subnet that does not exist fails the plan of a pool, and of a cluster's default pool.
func TestAccPlanRefusals_missingSubnet(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{SubnetID: subnetID("vnet-aks-demo", "snet-system")})
	missing := subnetID("vnet-aks-demo", "snet-missing")
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig:   srv.ResetJournal,
			Config:      poolConfig(cluster, "bad", fmt.Sprintf("  node_count = 1\n  vnet_subnet_id = %q", missing)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Subnet not found.*snet-missing`),
		},
		{
			Config:      clusterHCL("aks-new", guideNetwork, guidePool+fmt.Sprintf("\n    vnet_subnet_id = %q", missing)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)Subnet not found.*default_node_pool\.vnet_subnet_id`),
		},
		{
			PreConfig: func() { acctest.ExpectNoWrites(srv).Require(t) },
			Config:    poolConfig(cluster, "bad", fmt.Sprintf("  node_count = 1\n  vnet_subnet_id = %q", subnetID("vnet-aks-demo", "snet-user"))),
			PlanOnly:  true, ExpectNonEmptyPlan: true,
		},
	})
}
