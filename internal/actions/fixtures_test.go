package actions_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/aksforge/terraform-provider-aks/internal/acctest"
	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestMain(m *testing.M) { acctest.Main(m) }

// Actions arrived in Terraform 1.14; OpenTofu has none yet, and reports its own version line, so
// it skips too. TODO(lead): swap for the acctest helper for "this CLI lacks feature X" when it lands.
var actionsTerraform = []tfversion.TerraformVersionCheck{acctest.FeatureCheck(acctest.FeatureActions)}

// testActions runs the steps against the provider served in-process, on a Terraform with actions.
func testActions(t *testing.T, steps []resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		TerraformVersionChecks:   actionsTerraform,
		Steps:                    steps,
	})
}

const (
	testResourceGroup = "rg-aks-demo"
	testCluster       = "aks-demo"
)

func clusterID() string {
	return fmt.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.ContainerService/managedClusters/%s",
		emulator.DefaultSubscriptionID, testResourceGroup, testCluster)
}

func poolID(name string) string { return clusterID() + "/agentPools/" + name }

// triggered is a configuration that runs the action block actionHCL (whose address is
// action.<type>.<name>) once, after terraform_data.<trigger> is created. Each step names its own
// trigger, so that each step creates one and runs the action again.
func triggered(trigger, address, actionHCL string) string {
	return fmt.Sprintf(`
resource "terraform_data" %[1]q {
  input = %[1]q
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [%[2]s]
    }
  }
}
%[3]s
`, trigger, address, actionHCL)
}

// wrapped matches pattern in Terraform's output, which wraps long messages: each space of the
// pattern matches any run of white space.
func wrapped(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}

func sdkFactory(t *testing.T, srv *emulator.Server) *armcontainerservice.ClientFactory {
	t.Helper()
	f, err := armcontainerservice.NewClientFactory(emulator.DefaultSubscriptionID, acctest.SDKCredential(t, srv), acctest.SDKOptions(srv))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var fastPoll = &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}

// createCluster creates aks-demo (a 2-node System pool nodepool1) and a User pool userpool of
// userNodes nodes with the SDK, as `az aks create` and `az aks nodepool add` would: the actions
// work on clusters whether Terraform manages them or not. The journal is cleared afterwards.
func createCluster(t *testing.T, srv *emulator.Server, userNodes int32) {
	t.Helper()
	ctx := context.Background()
	f := sdkFactory(t, srv)
	mc := armcontainerservice.ManagedCluster{
		Location: to.Ptr("eastus"),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix: to.Ptr(testCluster),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{
				Name: to.Ptr("nodepool1"), Count: to.Ptr[int32](2), VMSize: to.Ptr("Standard_DS2_v2"),
				Mode: to.Ptr(armcontainerservice.AgentPoolModeSystem), OSType: to.Ptr(armcontainerservice.OSTypeLinux),
			}},
			NetworkProfile: &armcontainerservice.NetworkProfile{LoadBalancerSKU: to.Ptr(armcontainerservice.LoadBalancerSKUStandard)},
		},
	}
	poller, err := f.NewManagedClustersClient().BeginCreateOrUpdate(ctx, testResourceGroup, testCluster, mc, nil)
	if err == nil {
		_, err = poller.PollUntilDone(ctx, fastPoll)
	}
	if err != nil {
		t.Fatalf("creating cluster %s: %v", testCluster, err)
	}
	pool := armcontainerservice.AgentPool{Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Count: to.Ptr(userNodes), VMSize: to.Ptr("Standard_DS2_v2"),
		Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), OSType: to.Ptr(armcontainerservice.OSTypeLinux),
	}}
	pp, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, testResourceGroup, testCluster, "userpool", pool, nil)
	if err == nil {
		_, err = pp.PollUntilDone(ctx, fastPoll)
	}
	if err != nil {
		t.Fatalf("creating pool userpool: %v", err)
	}
	srv.ResetJournal()
}

// getPool reads a pool with the SDK, the test's own view of the emulator.
func getPool(t *testing.T, srv *emulator.Server, name string) *armcontainerservice.AgentPool {
	t.Helper()
	resp, err := sdkFactory(t, srv).NewAgentPoolsClient().Get(context.Background(), testResourceGroup, testCluster, name, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &resp.AgentPool
}

// machineNames lists the machines of a pool with the SDK.
func machineNames(t *testing.T, srv *emulator.Server, pool string) []string {
	t.Helper()
	var names []string
	pager := sdkFactory(t, srv).NewMachinesClient().NewListPager(testResourceGroup, testCluster, pool, nil)
	for pager.More() {
		page, err := pager.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page.Value {
			names = append(names, *m.Name)
		}
	}
	return names
}

// expectNodeImage fails unless the pool runs the node image want, as the SDK reads it.
func expectNodeImage(t *testing.T, srv *emulator.Server, pool, want string) error {
	t.Helper()
	got := getPool(t, srv, pool)
	if v := got.Properties.NodeImageVersion; v == nil || *v != want {
		return fmt.Errorf("pool %s runs node image %v, want %s", pool, to.Ptr(got.Properties.NodeImageVersion), want)
	}
	return nil
}
