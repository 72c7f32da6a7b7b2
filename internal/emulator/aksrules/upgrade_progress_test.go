package aksrules

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func upgrade(surge, unavailable string) func(*poolProperties) {
	return func(p *poolProperties) {
		p.UpgradeSettings = &armcontainerservice.AgentPoolUpgradeSettings{MaxSurge: to(surge), MaxUnavailable: to(unavailable)}
	}
}

func TestCheckUpgradeProgress(t *testing.T) {
	wantError(t, checkUpgradeProgress(props(upgrade("0", "0"))), codeInvalidParameter, "maxSurge and maxUnavailable can not both be 0")
	wantError(t, checkUpgradeProgress(props(upgrade("0%", "0"))), codeInvalidParameter, "can not both be 0")
	wantError(t, checkUpgradeProgress(props(upgrade("0", "1"))), "", "")
	wantError(t, checkUpgradeProgress(props(upgrade("10%", "0"))), "", "")
	wantError(t, checkUpgradeProgress(props(func(*poolProperties) {})), "", "")
}

func TestCheckPodSubnetNotNodeSubnet(t *testing.T) {
	subnet := "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a"
	wantError(t, checkPodSubnetNotNodeSubnet(props(func(p *poolProperties) { p.VnetSubnetID, p.PodSubnetID = to(subnet), to(subnet) })),
		codeInvalidParameter, "must be different from the node subnet")
	wantError(t, checkPodSubnetNotNodeSubnet(props(func(p *poolProperties) { p.VnetSubnetID, p.PodSubnetID = to(subnet), to(subnet+"b") })), "", "")
	wantError(t, checkPodSubnetNotNodeSubnet(props(func(p *poolProperties) { p.VnetSubnetID = to(subnet) })), "", "")
}
