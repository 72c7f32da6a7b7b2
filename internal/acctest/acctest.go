// Package acctest wires terraform-plugin-testing to the local Azure emulator: a per-test
// in-process emulator whose environment (ARM_* and SSL_CERT_FILE) the provider picks up, the
// provider factories, and checks on the emulator's request journal.
//
// Acceptance test files import it from an external test package (package foo_test), because
// acctest imports the provider, which imports internal/aks.
package acctest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/aksforge/terraform-provider-aks/internal/emulator"
	"github.com/aksforge/terraform-provider-aks/internal/emulator/pki"
	"github.com/aksforge/terraform-provider-aks/internal/provider"
)

// ProviderVersion and ProviderCommit are what the provider under test reports in its user agent.
const (
	ProviderVersion = "acctest"
	ProviderCommit  = "0000000"
)

// DefaultLRODuration keeps long-running operations short but still asynchronous, so tests
// exercise polling without waiting.
const DefaultLRODuration = 20 * time.Millisecond

// ProtoV6ProviderFactories serves the aks provider in-process to the terraform CLI.
var ProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"aks": providerserver.NewProtocol6WithError(provider.New(ProviderVersion, ProviderCommit)()),
}

// Test runs the steps as one resource.Test of the aks provider served in-process. A test that
// needs more of resource.TestCase (CheckDestroy, Terraform version checks, other providers)
// builds its TestCase itself.
func Test(t *testing.T, steps []resource.TestStep) {
	t.Helper()
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: ProtoV6ProviderFactories, Steps: steps})
}

// The environment variables a test's provider must not inherit from the machine or an earlier
// test: each test states its authentication explicitly.
var authEnvironment = []string{
	"ARM_SUBSCRIPTION_ID", "ARM_TENANT_ID", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET",
	"ARM_CLIENT_CERTIFICATE_PATH", "ARM_CLIENT_CERTIFICATE_PASSWORD",
	"ARM_USE_OIDC", "ARM_OIDC_TOKEN", "ARM_OIDC_TOKEN_FILE_PATH", "ARM_OIDC_REQUEST_URL", "ARM_OIDC_REQUEST_TOKEN",
	"ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "TFC_WORKLOAD_IDENTITY_TOKEN",
	"ARM_USE_MSI", "ARM_USE_CLI", "ARM_ENVIRONMENT", "ARM_METADATA_HOSTNAME",
	"AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
	"AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST", "AZURE_TOKEN_CREDENTIALS",
}

// One CA per test binary. Go reads SSL_CERT_FILE once per process, at the first TLS handshake
// that uses the system roots, so the bundle must exist and the variable be set before that, and
// every emulator of the process must be signed by the same CA.
var shared struct {
	once   sync.Once
	ca     *pki.CA
	bundle string
	err    error
}

func sharedCA() (*pki.CA, string, error) {
	shared.once.Do(func() {
		ca, err := pki.NewCA()
		if err != nil {
			shared.err = fmt.Errorf("creating the emulator CA: %w", err)
			return
		}
		dir, err := os.MkdirTemp("", "aks-acctest-ca-")
		if err != nil {
			shared.err = fmt.Errorf("creating a folder for the CA bundle: %w", err)
			return
		}
		bundle := filepath.Join(dir, "ca-bundle.pem")
		if err := ca.WriteBundle(bundle); err != nil {
			shared.err = fmt.Errorf("writing the CA bundle: %w", err)
			return
		}
		// Process-wide, so that it is in place whichever test first makes a TLS connection;
		// each test also sets it with t.Setenv for the terraform CLI it starts.
		if err := os.Setenv("SSL_CERT_FILE", bundle); err != nil {
			shared.err = fmt.Errorf("setting SSL_CERT_FILE: %w", err)
			return
		}
		shared.ca, shared.bundle = ca, bundle
	})
	return shared.ca, shared.bundle, shared.err
}

// EmulatorOption adjusts the options a test's emulator starts with.
type EmulatorOption func(*emulator.Options)

// WithLRODuration sets how long the emulator's long-running operations take.
func WithLRODuration(d time.Duration) EmulatorOption {
	return func(o *emulator.Options) { o.LRODuration = d }
}

// WithSeedFile starts the emulator from a seed file (see emulator.Seed).
func WithSeedFile(path string) EmulatorOption {
	return func(o *emulator.Options) { o.SeedFile = path }
}

// NewEmulator starts an in-process emulator for one test, closes it when the test ends, and
// points the test's environment at it: ARM_METADATA_HOSTNAME, ARM_TENANT_ID, ARM_CLIENT_ID,
// ARM_CLIENT_SECRET, ARM_SUBSCRIPTION_ID and SSL_CERT_FILE. Every other authentication variable
// is emptied so nothing from the machine leaks in. It uses t.Setenv, so the test must not be
// parallel.
func NewEmulator(t *testing.T, opts ...EmulatorOption) *emulator.Server {
	t.Helper()
	ca, bundle, err := sharedCA()
	if err != nil {
		t.Fatalf("acctest: %v", err)
	}
	options := emulator.Options{
		StateDir:    t.TempDir(),
		LRODuration: DefaultLRODuration,
		CA:          ca,
	}
	for _, opt := range opts {
		opt(&options)
	}
	srv, err := emulator.Start(context.Background(), options)
	if err != nil {
		t.Fatalf("acctest: starting the emulator: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("acctest: closing the emulator: %v", err)
		}
	})

	for _, name := range authEnvironment {
		t.Setenv(name, "")
	}
	for name, value := range srv.Env() {
		t.Setenv(name, value)
	}
	// The shared bundle holds the same CA as the server's own and is the one Go has read.
	t.Setenv("SSL_CERT_FILE", bundle)
	return srv
}

// NewAccEmulator is the start of an acceptance test: PreCheck, so that a test that will not run
// starts no emulator, then NewEmulator.
func NewAccEmulator(t *testing.T, opts ...EmulatorOption) *emulator.Server {
	t.Helper()
	PreCheck(t)
	return NewEmulator(t, opts...)
}

// UnsetEnv empties environment variables for the rest of the test, for tests that configure
// those settings in HCL instead or check what happens without them.
func UnsetEnv(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		t.Setenv(name, "")
	}
}

// PreCheck skips the test unless TF_ACC is set, as resource.Test does; call it first so that no
// emulator is started for a test that will not run.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance tests run only with TF_ACC=1 (make test sets it)")
	}
}

// EphemeralResourcesTerraform is the TerraformVersionChecks of tests of ephemeral resources: they
// fail on a CLI too old to have them (see RequireFeature).
var EphemeralResourcesTerraform = []tfversion.TerraformVersionCheck{FeatureCheck(FeatureEphemeralResources)}
