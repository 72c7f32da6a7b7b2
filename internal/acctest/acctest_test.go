package acctest

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
)

func TestMain(m *testing.M) { Main(m) }

func TestNewEmulator_WiresEnvironmentAndTrust(t *testing.T) {
	t.Setenv("ARM_USE_MSI", "true") // must not leak into the test's environment
	srv := NewEmulator(t)

	for name, want := range map[string]string{
		"ARM_METADATA_HOSTNAME": srv.Host(),
		"ARM_TENANT_ID":         emulator.DefaultTenantID,
		"ARM_CLIENT_ID":         emulator.DefaultClientID,
		"ARM_CLIENT_SECRET":     emulator.DefaultClientSecret,
		"ARM_SUBSCRIPTION_ID":   emulator.DefaultSubscriptionID,
		"ARM_USE_MSI":           "",
	} {
		if got := os.Getenv(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	bundle, err := os.ReadFile(os.Getenv("SSL_CERT_FILE"))
	if err != nil {
		t.Fatalf("SSL_CERT_FILE: %v", err)
	}
	if !bytes.Contains(bundle, srv.CA().CertPEM()) {
		t.Error("the SSL_CERT_FILE bundle does not hold the emulator's CA")
	}

	// A second emulator in the same binary shares the CA, so the trust Go has already loaded
	// still covers it.
	second := NewEmulator(t)
	if !bytes.Equal(second.CA().CertPEM(), srv.CA().CertPEM()) {
		t.Error("two emulators of one test binary have different CAs")
	}
}

func TestJournalChecks(t *testing.T) {
	srv := NewEmulator(t)
	ctx := context.Background()
	cred := SDKCredential(t, srv)

	aks, err := armcontainerservice.NewManagedClustersClient(emulator.DefaultSubscriptionID, cred, SDKOptions(srv))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := aks.ListKubernetesVersions(ctx, "eastus", nil); err != nil {
		t.Fatalf("ListKubernetesVersions through the emulator: %v", err)
	}

	// The checks read what a real emulator journals: paths matched case-insensitively, any
	// method with "", the Entra ID token request not an ARM call.
	const versionsPath = `/providers/Microsoft.ContainerService/locations/eastus/kubernetesVersions$`
	for _, check := range []JournalCheck{
		ExpectCalls(srv, ARMCall(http.MethodGet, versionsPath), 1),
		ExpectCalls(srv, ARMCall("", strings.ToLower(versionsPath)), 1),
		ExpectEach(srv, AnyCall(http.MethodPost, `/oauth2/v2\.0/token$`), Succeeded()),
		ExpectCalls(srv, ARMCall(http.MethodPost, `/oauth2/`), 0),
		ExpectNoWrites(srv),
	} {
		if err := check.Err(); err != nil {
			t.Error(err)
		}
	}
	if err := ExpectCalls(srv, ARMCall(http.MethodGet, versionsPath), 2).Err(); err == nil || !strings.Contains(err.Error(), "saw 1") {
		t.Errorf("ExpectCalls(2) after one call: %v, want a failure saying it saw 1", err)
	}

	vnets, err := armnetwork.NewVirtualNetworksClient(emulator.DefaultSubscriptionID, cred, SDKOptions(srv))
	if err != nil {
		t.Fatal(err)
	}
	poller, err := vnets.BeginCreateOrUpdate(ctx, "rg-aks-test", "vnet-journal", armnetwork.VirtualNetwork{
		Location: to.Ptr("eastus"),
		Properties: &armnetwork.VirtualNetworkPropertiesFormat{
			AddressSpace: &armnetwork.AddressSpace{AddressPrefixes: []*string{to.Ptr("10.30.0.0/16")}},
		},
	}, nil)
	if err != nil {
		t.Fatalf("creating a virtual network: %v", err)
	}
	if _, err := poller.PollUntilDone(ctx, nil); err != nil {
		t.Fatalf("creating a virtual network: %v", err)
	}

	if err := ExpectWrites(srv, "PUT /subscriptions/"+emulator.DefaultSubscriptionID+"/resourceGroups/rg-aks-test/providers/Microsoft.Network/virtualNetworks/vnet-journal").Err(); err != nil {
		t.Errorf("after creating a virtual network: %v", err)
	}
	if err := ExpectNoWrites(srv).Err(); err == nil || !strings.Contains(err.Error(), "vnet-journal") {
		t.Errorf("ExpectNoWrites after a PUT: %v, want a failure listing it", err)
	}

	srv.ResetJournal()
	if err := ExpectNoRequests(srv).Err(); err != nil {
		t.Errorf("after ResetJournal: %v", err)
	}
}

func TestSafeCLIConfig(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "does-not-exist.rc")
	t.Setenv("TF_CLI_CONFIG_FILE", missing)
	cleanup, err := safeCLIConfig()
	if err != nil {
		t.Fatal(err)
	}
	replaced := os.Getenv("TF_CLI_CONFIG_FILE")
	if info, err := os.Stat(replaced); replaced == missing || err != nil || info.Size() != 0 {
		t.Errorf("TF_CLI_CONFIG_FILE = %q (%v), want an existing empty file instead of the missing one", replaced, err)
	}
	cleanup()

	existing := filepath.Join(t.TempDir(), "terraform.rc")
	if err := os.WriteFile(existing, []byte("plugin_cache_dir = \"/tmp\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TF_CLI_CONFIG_FILE", existing)
	cleanup, err = safeCLIConfig()
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if got := os.Getenv("TF_CLI_CONFIG_FILE"); got != existing {
		t.Errorf("TF_CLI_CONFIG_FILE = %q, want the existing file %q kept", got, existing)
	}
}
