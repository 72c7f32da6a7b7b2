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
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	c := s.db.cluster(secretsClusterPath)
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
