package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSubscriptionsAndProviders(t *testing.T) {
	s := startServer(t)
	pl := armPipeline(t, s)
	var sub map[string]any
	armDo(t, s, pl, http.MethodGet, "/subscriptions/"+DefaultSubscriptionID+"?api-version=2022-12-01", nil, &sub)
	if sub["subscriptionId"] != DefaultSubscriptionID || sub["tenantId"] != DefaultTenantID || sub["state"] != "Enabled" {
		t.Errorf("subscription %v", sub)
	}
	var list struct {
		Value []map[string]any `json:"value"`
	}
	armDo(t, s, pl, http.MethodGet, "/subscriptions?api-version=2022-12-01", nil, &list)
	if len(list.Value) != 1 {
		t.Errorf("subscriptions %v", list.Value)
	}
	var prov map[string]any
	armDo(t, s, pl, http.MethodGet, "/subscriptions/"+DefaultSubscriptionID+"/providers/microsoft.containerservice?api-version=2019-05-01", nil, &prov)
	if prov["namespace"] != "Microsoft.ContainerService" || prov["registrationState"] != "Registered" {
		t.Errorf("provider %v", prov)
	}
}

// A subscription not registered for Microsoft.ContainerService: azcore's
// registration policy sees the 409, registers the provider and retries.
func TestUnregisteredProviderIsRegisteredBySDK(t *testing.T) {
	seed := filepath.Join(t.TempDir(), "seed.json")
	raw, _ := json.Marshal(Seed{Subscriptions: []SeedSubscription{{
		ID: DefaultSubscriptionID, TenantID: DefaultTenantID, Providers: map[string]string{"Microsoft.ContainerService": "NotRegistered"},
	}}})
	if err := os.WriteFile(seed, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	s := startServer(t, func(o *Options) { o.SeedFile = seed })
	createCluster(t, aksClients(t, s, nil), "demo", minimalCluster())
	var sawConflict, sawRegister bool
	for _, e := range s.Journal() {
		sawConflict = sawConflict || (e.Status == 409 && e.ErrorCode == "MissingSubscriptionRegistration")
		sawRegister = sawRegister || (e.Method == "POST" && strings.HasSuffix(strings.ToLower(e.Path), "/providers/microsoft.containerservice/register"))
	}
	if !sawConflict || !sawRegister {
		t.Errorf("journal lacks the 409 (%v) or the registration (%v)", sawConflict, sawRegister)
	}
}
