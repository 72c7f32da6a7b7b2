package emulator

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
)

// A subnet an agent pool uses can't be deleted, as in Azure.
func TestSubnetInUseCannotBeDeleted(t *testing.T) {
	s := startServer(t)
	f := aksClients(t, s, nil)
	ctx := ctxT(t)
	subnetID := vnetID(DefaultSubscriptionID, "rg-aks-demo", "vnet-aks-demo") + "/subnets/snet-system"
	mc := minimalCluster()
	mc.Properties.AgentPoolProfiles[0].VnetSubnetID = to.Ptr(subnetID)
	mc.Properties.NetworkProfile = &armcontainerservice.NetworkProfile{NetworkPlugin: to.Ptr(armcontainerservice.NetworkPluginAzure)}
	createCluster(t, f, "demo", mc)
	subnets, err := armnetwork.NewSubnetsClient(DefaultSubscriptionID, secretCredential(t, s), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	_, err = subnets.BeginDelete(ctx, "rg-aks-demo", "vnet-aks-demo", "snet-system", nil)
	re := wantErrResp(t, err, 400, "InUseSubnetCannotBeDeleted")
	if !strings.Contains(re.Error(), "/agentPools/system") {
		t.Errorf("message doesn't name the pool: %v", err)
	}
}
