package emulator

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	armruntime "github.com/Azure/azure-sdk-for-go/sdk/azcore/arm/runtime"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/arm"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/runtime"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"

	"github.com/aksforge/terraform-provider-aks/internal/emulator/pki"
)

// One CA per test binary, as the acceptance tests do (Go reads SSL_CERT_FILE once).
var testCA = sync.OnceValues(pki.NewCA)

const testLRO = 20 * time.Millisecond

// keyTemplate is a folder holding signing keys and a client certificate made
// once per test binary: RSA key generation is the slowest part of Start.
var keyTemplate = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "aks-emulator-keys-")
	if err != nil {
		return "", err
	}
	for _, f := range []string{"token-signing-key.pem", "oidc-signing-key.pem"} {
		if _, err := pki.LoadOrCreateRSAKey(filepath.Join(dir, f)); err != nil {
			return "", err
		}
	}
	_, err = pki.LoadOrCreateClientCertificate(dir)
	return dir, err
})

// stateDirWithKeys returns a fresh state folder holding the template's keys.
func stateDirWithKeys(t testing.TB) string {
	t.Helper()
	src, err := keyTemplate()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []string{"token-signing-key.pem", "oidc-signing-key.pem", "client-cert.pem"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startServer starts an emulator with fast operations and stops it when the
// test ends. Servers share keys unless a test gives its own StateDir.
func startServer(t testing.TB, mod ...func(*Options)) *Server {
	t.Helper()
	ca, err := testCA()
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{CA: ca, StateDir: stateDirWithKeys(t), LRODuration: testLRO}
	for _, m := range mod {
		m(&opts)
	}
	s, err := Start(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// httpClient trusts the emulator's CA, and only it.
func httpClient(s *Server) *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig:     &tls.Config{RootCAs: s.CA().Pool()},
		MaxIdleConnsPerHost: 16,
	}}
}

func cloudConfig(s *Server) cloud.Configuration {
	return cloud.Configuration{
		ActiveDirectoryAuthorityHost: s.URL() + "/",
		Services: map[cloud.ServiceName]cloud.ServiceConfiguration{
			cloud.ResourceManager: {Endpoint: s.URL(), Audience: "https://management.core.windows.net/"},
		},
	}
}

func clientOptions(s *Server) azcore.ClientOptions {
	return azcore.ClientOptions{
		Cloud:     cloudConfig(s),
		Transport: httpClient(s),
		Retry:     policy.RetryOptions{RetryDelay: time.Millisecond, MaxRetryDelay: 5 * time.Millisecond},
	}
}

func secretCredential(t testing.TB, s *Server) azcore.TokenCredential {
	t.Helper()
	cred, err := azidentity.NewClientSecretCredential(DefaultTenantID, DefaultClientID, DefaultClientSecret,
		&azidentity.ClientSecretCredentialOptions{ClientOptions: clientOptions(s), DisableInstanceDiscovery: true})
	if err != nil {
		t.Fatal(err)
	}
	return cred
}

func armOptions(s *Server) *arm.ClientOptions {
	return &arm.ClientOptions{ClientOptions: clientOptions(s)}
}

func aksClients(t testing.TB, s *Server, cred azcore.TokenCredential) *armcontainerservice.ClientFactory {
	t.Helper()
	if cred == nil {
		cred = secretCredential(t, s)
	}
	f, err := armcontainerservice.NewClientFactory(DefaultSubscriptionID, cred, armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var poll = &runtime.PollUntilDoneOptions{Frequency: 5 * time.Millisecond}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// respErr returns err as an azcore ResponseError, failing the test if it isn't one.
func respErr(t testing.TB, err error) *azcore.ResponseError {
	t.Helper()
	var re *azcore.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("want an azcore.ResponseError, got %v", err)
	}
	return re
}

// wantErr fails the test unless err is an ARM error with this status and code.
func wantErr(t testing.TB, err error, status int, code string) {
	t.Helper()
	_ = wantErrResp(t, err, status, code)
}

// wantErrResp is wantErr returning the error, for checks of its message.
func wantErrResp(t testing.TB, err error, status int, code string) *azcore.ResponseError {
	t.Helper()
	if err == nil {
		t.Fatalf("want %d %s, got success", status, code)
	}
	re := respErr(t, err)
	if re.StatusCode != status || re.ErrorCode != code {
		t.Fatalf("want %d %s, got %d %s: %v", status, code, re.StatusCode, re.ErrorCode, err)
	}
	return re
}

// minimalCluster is the smallest cluster AKS accepts: a system-assigned
// identity and one System pool.
func minimalCluster() armcontainerservice.ManagedCluster {
	return armcontainerservice.ManagedCluster{
		Location: to.Ptr("eastus"),
		Identity: &armcontainerservice.ManagedClusterIdentity{Type: to.Ptr(armcontainerservice.ResourceIdentityTypeSystemAssigned)},
		Properties: &armcontainerservice.ManagedClusterProperties{
			DNSPrefix: to.Ptr("demo"),
			AgentPoolProfiles: []*armcontainerservice.ManagedClusterAgentPoolProfile{{
				Name:   to.Ptr("system"),
				Mode:   to.Ptr(armcontainerservice.AgentPoolModeSystem),
				Count:  to.Ptr[int32](1),
				VMSize: to.Ptr("Standard_DS3_v2"),
			}},
		},
	}
}

// startWithCluster starts a server and creates the cluster rg-aks-demo/demo
// (minimalCluster) in it; it returns the server and the clients that made it.
func startWithCluster(t testing.TB) (*Server, *armcontainerservice.ClientFactory) {
	t.Helper()
	s := startServer(t)
	f := aksClients(t, s, nil)
	createCluster(t, f, "demo", minimalCluster())
	return s, f
}

// createCluster creates a cluster in rg-aks-demo through the SDK and its poller.
func createCluster(t testing.TB, f *armcontainerservice.ClientFactory, name string, mc armcontainerservice.ManagedCluster) armcontainerservice.ManagedCluster {
	t.Helper()
	ctx := ctxT(t)
	p, err := f.NewManagedClustersClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", name, mc, nil)
	if err != nil {
		t.Fatalf("create cluster %s: %v", name, err)
	}
	res, err := p.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatalf("create cluster %s: poll: %v", name, err)
	}
	return res.ManagedCluster
}

// createPool creates a pool in the cluster rg-aks-demo/demo.
func createPool(t testing.TB, f *armcontainerservice.ClientFactory, name string, ap armcontainerservice.AgentPool) armcontainerservice.AgentPool {
	t.Helper()
	ctx := ctxT(t)
	p, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", name, ap, nil)
	if err != nil {
		t.Fatalf("create pool %s: %v", name, err)
	}
	res, err := p.PollUntilDone(ctx, poll)
	if err != nil {
		t.Fatalf("create pool %s: poll: %v", name, err)
	}
	return res.AgentPool
}

func userPool(vmSize string, count int32) armcontainerservice.AgentPool {
	return armcontainerservice.AgentPool{Properties: &armcontainerservice.ManagedClusterAgentPoolProfileProperties{
		Mode: to.Ptr(armcontainerservice.AgentPoolModeUser), Count: to.Ptr(count), VMSize: to.Ptr(vmSize),
	}}
}

// rawRequest sends a request with a token from cred (nil = no Authorization header) and returns status, headers and body.
func rawRequest(t testing.TB, s *Server, cred azcore.TokenCredential, method, path, body string, header map[string]string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if cred != nil {
		tok, err := cred.GetToken(context.Background(), policy.TokenRequestOptions{Scopes: []string{"https://management.core.windows.net//.default"}})
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok.Token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := httpClient(s).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// armErrorOf decodes ARM's error envelope.
func armErrorOf(t testing.TB, body []byte) armError {
	t.Helper()
	var env struct {
		Error armError `json:"error"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		t.Fatalf("not an ARM error body: %s", body)
	}
	return env.Error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if dir, err := keyTemplate(); err == nil && dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// pollNow drives a poller without honouring Retry-After, for operations a
// test ends early (abort, mutation) while their announced duration is long.
func pollNow[T any](ctx context.Context, p *runtime.Poller[T]) (T, error) {
	for !p.Done() {
		if _, err := p.Poll(ctx); err != nil {
			var zero T
			return zero, err
		}
		time.Sleep(2 * time.Millisecond)
	}
	return p.Result(ctx)
}

// armPipeline is azcore's own ARM pipeline (bearer token, retries, RP
// registration), for the operations with no typed client in go.mod
// (resource groups, subscriptions, providers).
func armPipeline(t testing.TB, s *Server) runtime.Pipeline {
	t.Helper()
	pl, err := armruntime.NewPipeline("emulatortest", "v0", secretCredential(t, s), runtime.PipelineOptions{}, armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// armDo sends one request through the pipeline and decodes a JSON answer into out (if not nil).
func armDo(t testing.TB, s *Server, pl runtime.Pipeline, method, path string, body any, out any) *http.Response {
	t.Helper()
	req, err := runtime.NewRequest(ctxT(t), method, s.URL()+path)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		if err := runtime.MarshalAsJSON(req, body); err != nil {
			t.Fatal(err)
		}
	}
	resp, err := pl.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if out != nil {
		if err := runtime.UnmarshalAsJSON(resp, out); err != nil {
			t.Fatal(err)
		}
	}
	return resp
}

// clusterState reads the provisioning state of a cluster of rg-aks-demo straight from the store.
func (s *Server) clusterState(t testing.TB, name string) string {
	t.Helper()
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	c := s.db.cluster(clusterID(DefaultSubscriptionID, "rg-aks-demo", name))
	if c == nil {
		t.Fatalf("no cluster %s", name)
		return ""
	}
	return deref(c.Cluster.Properties.ProvisioningState)
}

// poolState reads the provisioning state of a pool of rg-aks-demo/demo straight from the store.
func (s *Server) poolState(t testing.TB, pool string) string {
	t.Helper()
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	p := s.db.pool(clusterID(DefaultSubscriptionID, "rg-aks-demo", "demo") + "/agentPools/" + pool)
	if p == nil {
		t.Fatalf("no pool demo/%s", pool)
		return ""
	}
	return deref(p.Pool.Properties.ProvisioningState)
}

func (s *Server) stateJSON(t testing.TB) string {
	t.Helper()
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	st := *s.db.state
	st.Operations = nil // operation bookkeeping is not a resource
	return rawJSON(st)
}
