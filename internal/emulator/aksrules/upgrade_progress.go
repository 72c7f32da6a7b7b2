package aksrules

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// checkUpgradeProgress: a rolling upgrade adds buffer nodes per maxSurge, or cordons and drains
// nodes without surge up to maxUnavailable; with both 0 it can do neither ("Configure rolling
// upgrades for AKS node pools", https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling).
// Unverified: AKS's exact code and text for both 0; InvalidParameter with the target is its
// usual shape for a bad agentPoolProfile value.
func checkUpgradeProgress(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) *Error {
	if p == nil || p.UpgradeSettings == nil {
		return nil
	}
	zero := func(v *string) bool {
		return v != nil && (strings.TrimSpace(*v) == "0" || strings.TrimSpace(*v) == "0%")
	}
	if !zero(p.UpgradeSettings.MaxSurge) || !zero(p.UpgradeSettings.MaxUnavailable) {
		return nil
	}
	return badRequest(codeInvalidParameter, "agentPoolProfile.upgradeSettings.maxSurge",
		"maxSurge and maxUnavailable can not both be 0. Set maxSurge to a node count or a percentage greater than 0, or maxUnavailable to a node count greater than 0.")
}
