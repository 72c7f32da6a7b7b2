package emulator

import (
	"strings"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// keepSecrets gives an update the stored secrets it doesn't send: answers
// never carry them, so a GET→modify→PUT round trip omits them, and AKS keeps
// the ones it has. A secret is kept only for the same account (admin user,
// service principal, server application); a new value replaces it.
func keepSecrets(old, p *armcontainerservice.ManagedClusterProperties) {
	if old == nil || p == nil {
		return
	}
	if wp, owp := p.WindowsProfile, old.WindowsProfile; wp != nil && owp != nil && deref(wp.AdminPassword) == "" &&
		owp.AdminPassword != nil && strings.EqualFold(deref(wp.AdminUsername), deref(owp.AdminUsername)) {
		wp.AdminPassword = owp.AdminPassword
	}
	if sp, osp := p.ServicePrincipalProfile, old.ServicePrincipalProfile; sp != nil && osp != nil && deref(sp.Secret) == "" &&
		osp.Secret != nil && strings.EqualFold(deref(sp.ClientID), deref(osp.ClientID)) {
		sp.Secret = osp.Secret
	}
	if aad, oaad := p.AADProfile, old.AADProfile; aad != nil && oaad != nil && deref(aad.ServerAppSecret) == "" &&
		oaad.ServerAppSecret != nil && strings.EqualFold(deref(aad.ServerAppID), deref(oaad.ServerAppID)) {
		aad.ServerAppSecret = oaad.ServerAppSecret
	}
}

// withoutSecrets drops from props the secrets AKS is given but never returns
// (the Windows admin password, the service principal's secret, the legacy AAD
// server application's secret). It replaces the profiles holding them with
// copies, so that the stored cluster, which props may share them with, keeps
// its secrets.
func withoutSecrets(props *armcontainerservice.ManagedClusterProperties) {
	if props.WindowsProfile != nil && props.WindowsProfile.AdminPassword != nil {
		wp := *props.WindowsProfile
		wp.AdminPassword = nil
		props.WindowsProfile = &wp
	}
	if props.ServicePrincipalProfile != nil && props.ServicePrincipalProfile.Secret != nil {
		sp := *props.ServicePrincipalProfile
		sp.Secret = nil
		props.ServicePrincipalProfile = &sp
	}
	if props.AADProfile != nil && props.AADProfile.ServerAppSecret != nil {
		aad := *props.AADProfile
		aad.ServerAppSecret = nil
		props.AADProfile = &aad
	}
}
