package acctest

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

// The audience the emulator's metadata lists first for its resource manager, as Azure's does.
const armAudience = "https://management.core.windows.net/"

// SDKCloud is the emulator as an azcore cloud, for tests that talk to it with the SDK directly
// (to arrange state or to read what the provider left behind) instead of through the provider.
func SDKCloud(srv *emulator.Server) cloud.Configuration {
	return cloud.Configuration{
		ActiveDirectoryAuthorityHost: srv.URL() + "/",
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: srv.URL(), Audience: armAudience},
		},
	}
}

// SDKOptions are ARM client options for the emulator. Trust comes from SSL_CERT_FILE, which
// NewEmulator has set before any TLS connection of the test binary.
func SDKOptions(srv *emulator.Server) *arm.ClientOptions {
	return &arm.ClientOptions{ClientOptions: policy.ClientOptions{Cloud: SDKCloud(srv)}}
}

// SDKCredential is the emulator's default service principal with its client secret.
func SDKCredential(t *testing.T, srv *emulator.Server) azcore.TokenCredential {
	t.Helper()
	cred, err := azidentity.NewClientSecretCredential(emulator.DefaultTenantID, emulator.DefaultClientID, emulator.DefaultClientSecret,
		&azidentity.ClientSecretCredentialOptions{
			ClientOptions:            policy.ClientOptions{Cloud: SDKCloud(srv)},
			DisableInstanceDiscovery: true,
		})
	if err != nil {
		t.Fatalf("acctest: building the SDK credential: %v", err)
	}
	return cred
}
