package aks_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The faults of issue 11: each test injects one fault into the emulator, applies, and ends with
// the state compared to the emulator (no orphan, no duplicate, nothing lost), a second apply that
// converges and an empty plan after it.

// expectPoolsAsInState checks, with the SDK, that the cluster aks-demo holds exactly the pools
// want, each Succeeded, and that aks_node_pool.test in the state has the emulator's node count.
func expectPoolsAsInState(t *testing.T, srv *emulator.Server, want []string) resource.TestCheckFunc {
	const cluster, address = "aks-demo", poolAddress
	return func(s *terraform.State) error {
		var names []string
		pager := sdkFactory(t, srv).NewAgentPoolsClient().NewListPager(testResourceGroup, cluster, nil)
		for pager.More() {
			page, err := pager.NextPage(context.Background())
			if err != nil {
				return err
			}
			for _, p := range page.Value {
				names = append(names, *p.Name)
				if state := *p.Properties.ProvisioningState; state != "Succeeded" {
					return fmt.Errorf("pool %s is %s in the emulator", *p.Name, state)
				}
			}
		}
		sort.Strings(names)
		if !slices.Equal(names, want) {
			return fmt.Errorf("the emulator holds pools %v, want %v (an orphan, a duplicate or a loss)", names, want)
		}
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s is not in the state", address)
		}
		if rs.Primary.Tainted {
			return fmt.Errorf("%s is tainted in the state", address)
		}
		pool, err := getPool(t, srv, cluster, rs.Primary.Attributes["name"])
		if err != nil {
			return err
		}
		if got := rs.Primary.Attributes["node_count"]; got != strconv.Itoa(int(*pool.Properties.Count)) {
			return fmt.Errorf("the state's node_count %s, the emulator's %d", got, *pool.Properties.Count)
		}
		if rs.Primary.ID != poolID(*pool.Name) {
			return fmt.Errorf("the state's id %s, want %s", rs.Primary.ID, poolID(*pool.Name))
		}
		return nil
	}
}

// converges is the closing step of a fault test: the same configuration applies with no change.
func converges(config string) resource.TestStep {
	return resource.TestStep{Config: config, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}}
}

// Fault 1: five 429s (Retry-After: 1) on the pool's PUT outlast azcore's three retries; the
// provider waits them out within the create timeout and the pool is created once.
func TestAccFaults_throttlingStormIsWaitedOut(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "throttled", "  node_count = 2")
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig: func() {
				srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: `/agentPools/throttled$`, Count: 5,
					Status: http.StatusTooManyRequests, RetryAfter: 1})
			},
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				expectPoolsAsInState(t, srv, []string{"nodepool1", "throttled"}),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/throttled$`).AnsweredWith(http.StatusTooManyRequests), 5).TestCheck,
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/throttled$`), 6).TestCheck,
			),
		},
		converges(config),
	})
}

// Fault 2: five 503s on the operation status URL while AKS finishes the pool do not end the wait:
// the pool is recorded healthy (not tainted) and the next plan is empty.
func TestAccFaults_flakyStatusURLDoesNotTaint(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "polled", "  node_count = 2")
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig: func() {
				srv.AddFault(emulator.Fault{Method: http.MethodGet, Path: `/providers/Microsoft.ContainerService/locations/[^/]+/operations/`, Count: 5,
					Status: http.StatusServiceUnavailable, RetryAfter: 1})
			},
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				expectPoolsAsInState(t, srv, []string{"nodepool1", "polled"}),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodGet, `/operations/`).AnsweredWith(http.StatusServiceUnavailable), 5).TestCheck,
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/polled$`), 1).TestCheck,
			),
		},
		converges(config),
	})
}

// refusedAtPlan is a step whose configuration fails at plan with message, and noWritesSince the
// PreConfig of the step after it: together they show the plan refused it without a write.
func refusedAtPlan(srv *emulator.Server, config string, message *regexp.Regexp) resource.TestStep {
	return resource.TestStep{
		PreConfig:   srv.ResetJournal,
		Config:      config,
		ExpectError: message,
	}
}

// noWritesSoFar is a PreConfig checking that nothing was written since the journal was reset.
func noWritesSoFar(t *testing.T, srv *emulator.Server) func() {
	return func() { acctest.ExpectNoWrites(srv).Require(t) }
}

// Fault 4: a cluster_id with a trailing slash is refused at plan with the fix, without a write;
// the fixed ID creates the pool once and converges.
func TestAccFaults_trailingSlashRefusedAtPlan(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "slashed", "  node_count = 1")
	acctest.Test(t, []resource.TestStep{
		refusedAtPlan(srv, poolConfig(cluster+"/", "slashed", "  node_count = 1"),
			regexp.MustCompile(`(?s)ends with a slash.*write cluster_id =\s+"`+regexp.QuoteMeta(cluster)+`"`)),
		refusedAtPlan(srv, poolConfig(cluster+"?api-version=2025-10-01", "slashed", "  node_count = 1"),
			regexp.MustCompile(`(?s)query string`)),
		{
			PreConfig: noWritesSoFar(t, srv),
			Config:    config,
			Check:     expectPoolsAsInState(t, srv, []string{"nodepool1", "slashed"}),
		},
		converges(config),
	})
}

// Fault 3: the create's answer is lost after AKS carried it out; azcore's retry (If-None-Match: *)
// gets 412. The pool holds exactly what was sent, so the provider adopts it as its own instead of
// calling it foreign: one pool, in the state, converging.
func TestAccFaults_lostAnswerAdoptsOwnPool(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "lost", "  node_count = 2\n  tags = { team = \"a\" }")
	acctest.Test(t, []resource.TestStep{
		{
			PreConfig: func() {
				srv.AddFault(emulator.Fault{Method: http.MethodPut, Path: `/agentPools/lost$`, Count: 1, LoseAnswer: true})
			},
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				expectPoolsAsInState(t, srv, []string{"lost", "nodepool1"}),
				acctest.ExpectCalls(srv, acctest.ARMCall(http.MethodPut, `/agentPools/lost$`).AnsweredWith(http.StatusPreconditionFailed), 1).TestCheck,
				resource.TestCheckResourceAttr(poolAddress, "tags.team", "a"),
				resource.TestCheckResourceAttr(poolAddress, "provisioning_state", "Succeeded"),
			),
		},
		converges(config),
	})
}

// Fault 6: a pool AKS left Failed, whose settings match the configuration, is not silent: the plan
// proposes a reconcile (an update, with a warning), the apply sends one PUT of the same settings,
// and the pool is Succeeded afterwards.
func TestAccFaults_failedPoolIsReconciled(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	config := poolConfig(cluster, "failed", "  node_count = 2")
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			PreConfig: func() {
				if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateSetProvisioningState, ID: poolID("failed"), State: "Failed"}); err != nil {
					t.Fatal(err)
				}
				srv.ResetJournal()
			},
			Config:           config,
			ConfigPlanChecks: expectPlan(poolAddress, plancheck.ResourceActionUpdate),
			Check: resource.ComposeTestCheckFunc(
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/failed$`),
					acctest.IfMatchETag(), acctest.BodyValue(properties("count"), knownvalue.Int64Exact(2))).TestCheck,
				acctest.ExpectWrites(srv, "PUT aks-demo/agentPools/failed").TestCheck,
				expectPoolsAsInState(t, srv, []string{"failed", "nodepool1"}),
				resource.TestCheckResourceAttr(poolAddress, "provisioning_state", "Succeeded"),
			),
		},
		converges(config),
	})
}

// Fault 6 for aks_cluster's default pool: AKS left nodepool1 Failed, its settings match the
// configuration; the plan updates the cluster (the reconcile, with a warning), the apply sends
// one If-Match PUT of the pool's same settings and nothing else (no cluster PUT, no DELETE), and
// the state holds the pool as the emulator does.
func TestAccFaults_failedDefaultPoolIsReconciled(t *testing.T) {
	srv := acctest.NewAccEmulator(t)
	config := guideCluster()
	acctest.Test(t, []resource.TestStep{
		{Config: config},
		{
			PreConfig: func() {
				if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateSetProvisioningState, ID: poolID("nodepool1"), State: "Failed"}); err != nil {
					t.Fatal(err)
				}
				srv.ResetJournal()
			},
			Config:           config,
			ConfigPlanChecks: expectPlan(clusterAddress, plancheck.ResourceActionUpdate),
			Check: resource.ComposeTestCheckFunc(
				acctest.ExpectOne(srv, acctest.ARMCall(http.MethodPut, `/agentPools/nodepool1$`),
					acctest.IfMatchETag(), acctest.BodyValue(properties("count"), knownvalue.Int64Exact(2))).TestCheck,
				acctest.ExpectWrites(srv, "PUT aks-demo/agentPools/nodepool1").TestCheck,
				expectDefaultPoolAsInState(t, srv),
			),
		},
		converges(config),
	})
}

// expectDefaultPoolAsInState checks, with the SDK, that the cluster aks-demo holds only nodepool1,
// Succeeded, with the node count and provisioning state the state records.
func expectDefaultPoolAsInState(t *testing.T, srv *emulator.Server) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[clusterAddress]
		if !ok || rs.Primary.Tainted {
			return fmt.Errorf("%s is missing from the state or tainted", clusterAddress)
		}
		pool, err := getPool(t, srv, "aks-demo", "nodepool1")
		if err != nil {
			return err
		}
		attrs := rs.Primary.Attributes
		if got, want := attrs["default_node_pool.provisioning_state"], *pool.Properties.ProvisioningState; got != want || want != "Succeeded" {
			return fmt.Errorf("provisioning_state: the state's %q, the emulator's %q, want both Succeeded", got, want)
		}
		if got := attrs["default_node_pool.node_count"]; got != strconv.Itoa(int(*pool.Properties.Count)) {
			return fmt.Errorf("the state's node_count %s, the emulator's %d", got, *pool.Properties.Count)
		}
		return nil
	}
}

// betweenPlanAndApply is a plan check that runs do: the PreApply checks run after the step's plan
// is saved and before it is applied, which is where a colleague's change lands in this test.
type betweenPlanAndApply func() error

func (f betweenPlanAndApply) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	resp.Error = f()
}

// Fault 5: a saved plan scales the pool; before it is applied a colleague adds a tag and a label.
// The apply keeps the colleague's change on Azure (If-Match re-read) and records what was planned,
// so the next plan shows the colleague's change as drift; applying it converges.
func TestAccFaults_changeBetweenPlanAndApply(t *testing.T) {
	srv, cluster := newEmulatorWithCluster(t, testCluster{})
	settings := "  tags = { team = \"a\" }\n  node_labels = { tier = \"web\" }\n"
	colleague := betweenPlanAndApply(func() error {
		if err := srv.Mutate(emulator.Mutation{Kind: emulator.MutateSetField, ID: poolID("drift"), Path: "properties.tags", Value: []byte(`{"team":"a","owner":"colleague"}`)}); err != nil {
			return err
		}
		return srv.Mutate(emulator.Mutation{Kind: emulator.MutateSetField, ID: poolID("drift"), Path: "properties.nodeLabels", Value: []byte(`{"tier":"web","zone":"b"}`)})
	})
	config := poolConfig(cluster, "drift", settings+"  node_count = 2")
	acctest.Test(t, []resource.TestStep{
		{Config: poolConfig(cluster, "drift", settings+"  node_count = 1")},
		{
			Config:             config,
			ConfigPlanChecks:   resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(poolAddress, plancheck.ResourceActionUpdate), colleague}},
			ExpectNonEmptyPlan: true, // the colleague's change, as drift
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(poolAddress, "node_count", "2"),
				resource.TestCheckResourceAttr(poolAddress, "tags.%", "1"),
				resource.TestCheckResourceAttr(poolAddress, "node_labels.%", "1"),
				func(*terraform.State) error {
					pool, err := getPool(t, srv, "aks-demo", "drift")
					if err != nil {
						return err
					}
					if *pool.Properties.Count != 2 || pool.Properties.Tags["owner"] == nil || pool.Properties.NodeLabels["zone"] == nil {
						return fmt.Errorf("count %d tags %v labels %v: want 2 with the colleague's tag and label kept on Azure", *pool.Properties.Count, pool.Properties.Tags, pool.Properties.NodeLabels)
					}
					return nil
				},
			),
		},
		// The colleague's change is drift: the next plan takes it back to the configuration.
		{Config: config, PlanOnly: true, ExpectNonEmptyPlan: true},
		{
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				expectPoolsAsInState(t, srv, []string{"drift", "nodepool1"}),
				func(*terraform.State) error {
					pool, err := getPool(t, srv, "aks-demo", "drift")
					if err != nil {
						return err
					}
					if len(pool.Properties.Tags) != 1 || len(pool.Properties.NodeLabels) != 1 {
						return fmt.Errorf("tags %v labels %v, want the configuration's alone", pool.Properties.Tags, pool.Properties.NodeLabels)
					}
					return nil
				},
			),
		},
		converges(config),
	})
}

// Fault 7: a wrong secret, an unknown tenant or an unknown subscription fails the plan of new
// resources, naming the credential tried and what to set, without a write.
func TestAccFaults_wrongCredentialsFailAtPlan(t *testing.T) {
	tests := map[string]struct {
		env  [2]string
		want string
	}{
		"wrong client secret":  {[2]string{"ARM_CLIENT_SECRET", "not-the-secret"}, `(?s)Azure refused the provider's credential.*client secret.*ARM_CLIENT_SECRET`},
		"unknown tenant":       {[2]string{"ARM_TENANT_ID", "00000000-0000-4000-8000-0000000000ff"}, `(?s)Azure refused the provider's credential.*client secret.*tenant`},
		"unknown subscription": {[2]string{"ARM_SUBSCRIPTION_ID", "00000000-0000-4000-8000-0000000000fe"}, `(?s)The subscription is not visible to the credential.*00000000-0000-4000-8000-0000000000fe.*client secret.*ARM_SUBSCRIPTION_ID`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			srv, cluster := newEmulatorWithCluster(t, testCluster{})
			t.Setenv(tc.env[0], tc.env[1])
			config := poolConfig(cluster, "creds", "  node_count = 1")
			acctest.Test(t, []resource.TestStep{
				{Config: config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)},
				{
					PreConfig: noWritesSoFar(t, srv),
					Config:    config, PlanOnly: true, ExpectError: regexp.MustCompile(tc.want),
				},
			})
		})
	}
}
