package rules

import (
	"slices"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func sdkValues[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// Every value the provider accepts is one the API knows.
func TestVocabularyIsTheAPIs(t *testing.T) {
	for name, tc := range map[string]struct{ ours, api []string }{
		"Modes":                 {Modes, sdkValues(armcontainerservice.PossibleAgentPoolModeValues())},
		"OSTypes":               {OSTypes, sdkValues(armcontainerservice.PossibleOSTypeValues())},
		"OSSKUs":                {OSSKUs, sdkValues(armcontainerservice.PossibleOSSKUValues())},
		"OSDiskTypes":           {OSDiskTypes, sdkValues(armcontainerservice.PossibleOSDiskTypeValues())},
		"KubeletDiskTypes":      {KubeletDiskTypes, sdkValues(armcontainerservice.PossibleKubeletDiskTypeValues())},
		"Priorities":            {Priorities, sdkValues(armcontainerservice.PossibleScaleSetPriorityValues())},
		"EvictionPolicies":      {EvictionPolicies, sdkValues(armcontainerservice.PossibleScaleSetEvictionPolicyValues())},
		"VMSetTypeScaleSets":    {[]string{VMSetTypeScaleSets}, sdkValues(armcontainerservice.PossibleAgentPoolTypeValues())},
		"SKUTiers":              {SKUTiers, sdkValues(armcontainerservice.PossibleManagedClusterSKUTierValues())},
		"UpgradeChannels":       {UpgradeChannels, sdkValues(armcontainerservice.PossibleUpgradeChannelValues())},
		"NodeOSUpgradeChannels": {NodeOSUpgradeChannels, sdkValues(armcontainerservice.PossibleNodeOSUpgradeChannelValues())},
		"IdentityTypes":         {IdentityTypes, sdkValues(armcontainerservice.PossibleResourceIdentityTypeValues())},
		"NetworkPlugins":        {NetworkPlugins, sdkValues(armcontainerservice.PossibleNetworkPluginValues())},
		"NetworkPluginModes":    {NetworkPluginModes, sdkValues(armcontainerservice.PossibleNetworkPluginModeValues())},
		"NetworkPolicies":       {NetworkPolicies, sdkValues(armcontainerservice.PossibleNetworkPolicyValues())},
		"NetworkDataplanes":     {NetworkDataplanes, sdkValues(armcontainerservice.PossibleNetworkDataplaneValues())},
		"LoadBalancerSKUs":      {LoadBalancerSKUs, sdkValues(armcontainerservice.PossibleLoadBalancerSKUValues())},
		"OutboundTypes":         {OutboundTypes, sdkValues(armcontainerservice.PossibleOutboundTypeValues())},
	} {
		for _, v := range tc.ours {
			if !slices.Contains(tc.api, v) {
				t.Errorf("%s: %q is not a value of the API (%v)", name, v, tc.api)
			}
		}
	}
	if got := slices.Concat(LinuxOSSKUs, WindowsOSSKUs); !slices.Equal(OSSKUs, got) {
		t.Errorf("OSSKUs = %v, want the Linux then the Windows SKUs %v", OSSKUs, got)
	}
	for _, sku := range AzureLinuxOSSKUs {
		if !slices.Contains(LinuxOSSKUs, sku) {
			t.Errorf("Azure Linux SKU %q is not a Linux SKU", sku)
		}
	}
}

// The docs render value lists in the provider's one format.
func TestMarkdownValues(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{MarkdownOneOf(), ""},
		{MarkdownOneOf(NetworkPluginModes...), "`overlay`"},
		{MarkdownOneOf(Modes...), "`System`, `User` or `Gateway`"},
		{MarkdownOneOf(NodeOSUpgradeChannels...), "`None`, `Unmanaged`, `SecurityPatch` or `NodeImage`"},
		{MarkdownOneOf(TaintEffects...), "`NoSchedule`, `PreferNoSchedule` or `NoExecute`"},
		{MarkdownList(LinuxOSSKUs...), "`Ubuntu`, `Ubuntu2204`, `Ubuntu2404`, `AzureLinux`, `AzureLinux3`"},
		{MarkdownList(WindowsOSSKUs...), "`Windows2019`, `Windows2022`"},
		{MarkdownOneOfNoted(NetworkPlugins, map[string]string{NetworkPluginAzure: "Azure CNI", NetworkPluginNone: "bring your own CNI"}),
			"`azure` (Azure CNI), `kubenet` or `none` (bring your own CNI)"},
		{MarkdownOneOfNoted(LoadBalancerSKUs, map[string]string{LoadBalancerSKUStandard: "the default"}), "`standard` (the default) or `basic`"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
}
