package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The secrets a cluster is given: AKS stores them but never answers them.
const (
	testAdminPassword   = "P@ssw0rd-Windows-123456"
	testSPSecret        = "sp-secret-value-123456"
	testServerAppSecret = "aad-server-app-secret-123456"
)

var testSecrets = []string{testAdminPassword, testSPSecret, testServerAppSecret}

const secretsClusterPath = "/subscriptions/" + DefaultSubscriptionID + "/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/secrets"

// secretsCluster is a service-principal cluster with a Windows profile and a
// legacy AAD profile: one of each secret AKS takes.
const secretsCluster = `{
  "location": "eastus",
  "properties": {
    "dnsPrefix": "secrets",
    "agentPoolProfiles": [{"name": "system", "mode": "System", "count": 1, "vmSize": "Standard_DS3_v2"}],
    "servicePrincipalProfile": {"clientId": "11111111-2222-3333-4444-555555555555", "secret": "` + testSPSecret + `"},
    "windowsProfile": {"adminUsername": "azureuser", "adminPassword": "` + testAdminPassword + `"},
    "aadProfile": {"clientAppID": "66666666-2222-3333-4444-555555555555", "serverAppID": "77777777-2222-3333-4444-555555555555",
      "serverAppSecret": "` + testServerAppSecret + `", "tenantID": "` + DefaultTenantID + `"}
  }
}`

// noSecrets fails when an answer holds one of the secrets.
func noSecrets(t *testing.T, what string, body []byte) {
	t.Helper()
	for _, secret := range testSecrets {
		if strings.Contains(string(body), secret) {
			t.Errorf("%s holds the secret %q: %s", what, secret, body)
		}
	}
}

// storedSecrets reads the secrets of the cluster "secrets" from the store.
func (s *Server) storedSecrets(t *testing.T) (adminPassword, spSecret, serverAppSecret string) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.st.Clusters[key(secretsClusterPath)]
	if c == nil {
		t.Fatal("no cluster secrets")
	}
	p := c.Cluster.Properties
	return deref(p.WindowsProfile.AdminPassword), deref(p.ServicePrincipalProfile.Secret), deref(p.AADProfile.ServerAppSecret)
}

// waitForSecretsCluster waits for the operation on the cluster "secrets" to end.
func (s *Server) waitForSecretsCluster(t *testing.T) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); s.clusterState(t, "secrets") != "Succeeded"; {
		if time.Now().After(deadline) {
			t.Fatalf("cluster secrets is still %s", s.clusterState(t, "secrets"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// AKS never answers the secrets it was given (windowsProfile.adminPassword,
// servicePrincipalProfile.secret, aadProfile.serverAppSecret): not in the PUT
// answer, nor GET, nor lists. It keeps them, so that a GET→PUT round trip,
// which can't send them back, doesn't lose them; a new value replaces them.
func TestClusterSecretsAreNeverAnswered(t *testing.T) {
	s := startServer(t)
	cred := secretCredential(t, s)
	const api = "?api-version=2025-10-01"
	call := func(method, path, body string) []byte {
		t.Helper()
		status, _, answer := rawRequest(t, s, cred, method, path+api, body, nil)
		if status != http.StatusOK && status != http.StatusCreated {
			t.Fatalf("%s %s: %d %s", method, path, status, answer)
		}
		return answer
	}

	noSecrets(t, "the create PUT's answer", call(http.MethodPut, secretsClusterPath, secretsCluster))
	s.waitForSecretsCluster(t)
	got := call(http.MethodGet, secretsClusterPath, "")
	noSecrets(t, "GET", got)
	if !strings.Contains(string(got), `"adminUsername":"azureuser"`) || !strings.Contains(string(got), `"clientId":"11111111-2222-3333-4444-555555555555"`) {
		t.Errorf("GET lost what isn't secret: %s", got)
	}
	noSecrets(t, "the resource group's list", call(http.MethodGet, "/subscriptions/"+DefaultSubscriptionID+"/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters", ""))
	noSecrets(t, "the subscription's list", call(http.MethodGet, "/subscriptions/"+DefaultSubscriptionID+"/providers/Microsoft.ContainerService/managedClusters", ""))
	noSecrets(t, "the tags PATCH's answer", call(http.MethodPatch, secretsClusterPath, `{"tags":{"env":"test"}}`))
	s.waitForSecretsCluster(t)
	if pw, sp, aad := s.storedSecrets(t); pw != testAdminPassword || sp != testSPSecret || aad != testServerAppSecret {
		t.Fatalf("stored secrets after create: %q %q %q", pw, sp, aad)
	}

	// GET → modify → PUT: the answer has no secrets to send back, the stored ones stay
	var mc map[string]any
	if err := json.Unmarshal(call(http.MethodGet, secretsClusterPath, ""), &mc); err != nil {
		t.Fatal(err)
	}
	mc["tags"] = map[string]any{"env": "round-trip"}
	body, err := json.Marshal(mc)
	if err != nil {
		t.Fatal(err)
	}
	noSecrets(t, "the update PUT's answer", call(http.MethodPut, secretsClusterPath, string(body)))
	s.waitForSecretsCluster(t)
	noSecrets(t, "GET after the update", call(http.MethodGet, secretsClusterPath, ""))
	if pw, sp, aad := s.storedSecrets(t); pw != testAdminPassword || sp != testSPSecret || aad != testServerAppSecret {
		t.Errorf("a round trip without the secrets lost them: stored %q %q %q", pw, sp, aad)
	}

	// a new password replaces the stored one
	props, _ := mc["properties"].(map[string]any)
	wp, ok := props["windowsProfile"].(map[string]any)
	if !ok {
		t.Fatalf("GET answered no windowsProfile: %s", rawJSON(mc))
	}
	wp["adminPassword"] = "N3w-P@ssw0rd-654321"
	body, _ = json.Marshal(mc)
	answer := call(http.MethodPut, secretsClusterPath, string(body))
	if strings.Contains(string(answer), "N3w-P@ssw0rd-654321") {
		t.Errorf("the PUT answered the new password: %s", answer)
	}
	s.waitForSecretsCluster(t)
	if pw, sp, _ := s.storedSecrets(t); pw != "N3w-P@ssw0rd-654321" || sp != testSPSecret {
		t.Errorf("after a new password: stored %q, secret %q", pw, sp)
	}
}

// The journal, which the control API serves, never holds a secret: the
// request bodies it records have their secrets' values redacted.
func TestJournalRedactsSecrets(t *testing.T) {
	s := startServer(t)
	cred := secretCredential(t, s)
	status, _, answer := rawRequest(t, s, cred, http.MethodPut, secretsClusterPath+"?api-version=2025-10-01", secretsCluster, nil)
	if status != http.StatusCreated {
		t.Fatalf("PUT: %d %s", status, answer)
	}
	var put *JournalEntry
	entries := s.Journal()
	for i := range entries {
		if entries[i].Method == http.MethodPut && strings.HasSuffix(entries[i].Path, "/managedClusters/secrets") {
			put = &entries[i]
		}
	}
	if put == nil {
		t.Fatalf("no PUT in the journal: %+v", entries)
	}
	noSecrets(t, "the journal's request body", put.RequestBody)
	var body struct {
		Properties struct {
			DNSPrefix               string `json:"dnsPrefix"`
			ServicePrincipalProfile struct {
				ClientID string `json:"clientId"`
				Secret   string `json:"secret"`
			} `json:"servicePrincipalProfile"`
			WindowsProfile struct {
				AdminUsername string `json:"adminUsername"`
				AdminPassword string `json:"adminPassword"`
			} `json:"windowsProfile"`
			AADProfile struct {
				ServerAppSecret string `json:"serverAppSecret"`
			} `json:"aadProfile"`
			AgentPoolProfiles []struct {
				Count json.Number `json:"count"`
			} `json:"agentPoolProfiles"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(put.RequestBody, &body); err != nil {
		t.Fatalf("the journaled body is no longer JSON: %v: %s", err, put.RequestBody)
	}
	p := body.Properties
	if p.WindowsProfile.AdminPassword != redacted || p.ServicePrincipalProfile.Secret != redacted || p.AADProfile.ServerAppSecret != redacted {
		t.Errorf("secrets not marked redacted: %s", put.RequestBody)
	}
	if p.DNSPrefix != "secrets" || p.WindowsProfile.AdminUsername != "azureuser" || p.ServicePrincipalProfile.ClientID != "11111111-2222-3333-4444-555555555555" ||
		len(p.AgentPoolProfiles) != 1 || p.AgentPoolProfiles[0].Count != "1" {
		t.Errorf("redaction changed what isn't secret: %s", put.RequestBody)
	}

	// the control API serves the same journal
	status, _, journal := rawRequest(t, s, nil, http.MethodGet, "/_emulator/journal", "", nil)
	if status != http.StatusOK || !strings.Contains(string(journal), "/managedClusters/secrets") {
		t.Fatalf("GET /_emulator/journal: %d %s", status, journal)
	}
	noSecrets(t, "GET /_emulator/journal", journal)
}

func TestRedactSecrets(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"no secret: the body is kept byte for byte", `{"b": 1, "a": 2.50}`, `{"b": 1, "a": 2.50}`},
		{"nested secrets, any case", `{"properties":{"windowsProfile":{"adminUsername":"u","AdminPassword":"x"},"servicePrincipalProfile":{"clientId":"c","secret":"y"}}}`,
			`{"properties":{"servicePrincipalProfile":{"clientId":"c","secret":"[redacted]"},"windowsProfile":{"AdminPassword":"[redacted]","adminUsername":"u"}}}`},
		{"arrays, clientSecret, any password key, HTML kept", `[{"clientSecret":"s","pfxPassword":"p","note":"<a&b>"}]`,
			`[{"clientSecret":"[redacted]","note":"<a&b>","pfxPassword":"[redacted]"}]`},
		{"null stays null", `{"adminPassword":null,"secret":"s"}`, `{"adminPassword":null,"secret":"[redacted]"}`},
		{"keys that only mention secrets are kept", `{"azureKeyvaultSecretsProvider":{"enabled":true,"config":{"enableSecretRotation":"true"}},"secret":"s"}`,
			`{"azureKeyvaultSecretsProvider":{"config":{"enableSecretRotation":"true"},"enabled":true},"secret":"[redacted]"}`},
		{"not JSON (cut)", `{"windowsProfile":{"adminPassword":"abc\"def","adminUsername":"u"},"secret":"cut-he`,
			`{"windowsProfile":{"adminPassword":"[redacted]","adminUsername":"u"},"secret":"[redacted]"`},
	} {
		if got := string(redactSecrets([]byte(tc.in))); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	// a body longer than the journal keeps is redacted before it is cut
	long := `{"pad":"` + strings.Repeat("x", maxJournalBody) + `","adminPassword":"` + testAdminPassword + `"}`
	if got := journalBody([]byte(long)); strings.Contains(string(got), testAdminPassword) || len(got) < maxJournalBody {
		t.Errorf("long body journaled as %d bytes, secret kept: %v", len(got), strings.Contains(string(got), testAdminPassword))
	}
}
