package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestJournal(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	if _, err := f.NewManagedClustersClient().ListClusterUserCredentials(ctx, "rg-aks-demo", "demo", nil); err != nil {
		t.Fatal(err)
	}
	_, _ = f.NewAgentPoolsClient().Get(ctx, "rg-aks-demo", "demo", "absent", nil)
	rawRequest(t, s, nil, http.MethodGet, "/_emulator/state", "", nil) // control requests are not journaled

	var put, token, creds, notFound *JournalEntry
	entries := s.Journal()
	for i := range entries {
		e := &entries[i]
		switch {
		case e.Method == "PUT" && strings.HasSuffix(e.Path, "/managedClusters/demo"):
			put = e
		case strings.HasSuffix(e.Path, "/oauth2/v2.0/token"):
			token = e
		case strings.HasSuffix(e.Path, "/listClusterUserCredential"):
			creds = e
		case strings.HasSuffix(e.Path, "/agentPools/absent"):
			notFound = e
		case strings.HasPrefix(e.Path, "/_emulator"):
			t.Errorf("control request journaled: %+v", e)
		}
	}
	if put == nil || token == nil || creds == nil || notFound == nil {
		t.Fatalf("journal lacks entries: %+v", entries)
	}
	if put.Status != 201 || put.APIVersion != "2025-10-01" || !strings.Contains(put.UserAgent, "azsdk-go-armcontainerservice") ||
		put.Time.IsZero() || put.Duration <= 0 || !json.Valid(put.RequestBody) || !strings.Contains(string(put.RequestBody), `"dnsPrefix":"demo"`) || !put.IsWrite() {
		t.Errorf("PUT entry %+v", put)
	}
	if token.RequestBody != nil || token.IsWrite() {
		t.Errorf("the token request's form (a secret) must not be journaled, nor count as a write: %+v", token)
	}
	if creds.IsWrite() {
		t.Error("listClusterUserCredential counted as a write")
	}
	if notFound.Status != 404 || notFound.ErrorCode != "NotFound" {
		t.Errorf("404 entry %+v", notFound)
	}
	if !(JournalEntry{Method: "POST", Path: "/subscriptions/x/resourceGroups/r/providers/Microsoft.ContainerService/managedClusters/c/agentPools/p/upgradeNodeImageVersion"}).IsWrite() {
		t.Error("upgradeNodeImageVersion is a write")
	}

	status, _, body := rawRequest(t, s, nil, http.MethodGet, "/_emulator/journal", "", nil)
	var viaHTTP []JournalEntry
	if status != 200 || json.Unmarshal(body, &viaHTTP) != nil || len(viaHTTP) != len(entries) {
		t.Errorf("GET /_emulator/journal: %d, %d entries, want %d", status, len(viaHTTP), len(entries))
	}
	if status, _, _ := rawRequest(t, s, nil, http.MethodDelete, "/_emulator/journal", "", nil); status != 204 || len(s.Journal()) != 0 {
		t.Errorf("DELETE /_emulator/journal: %d, %d left", status, len(s.Journal()))
	}
	// an empty journal is an empty list, not null
	if status, _, body := rawRequest(t, s, nil, http.MethodGet, "/_emulator/journal", "", nil); status != 200 || strings.TrimSpace(string(body)) != "[]" {
		t.Errorf("empty journal: %d %s, want 200 []", status, body)
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
