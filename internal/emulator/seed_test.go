package emulator

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

func TestSeedFileExtendsAndReplaces(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, seed Seed) string {
		raw, _ := json.Marshal(seed)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	extend := write("extend.json", Seed{ResourceGroups: []SeedResourceGroup{{SubscriptionID: DefaultSubscriptionID, Name: "rg-extra", Location: "westus"}}})
	s := startServer(t, func(o *Options) { o.SeedFile = extend })
	for _, rg := range []string{"rg-aks-demo", "rg-extra"} {
		if status, _, _ := rawRequest(t, s, secretCredential(t, s), http.MethodHead, "/subscriptions/"+DefaultSubscriptionID+"/resourcegroups/"+rg+rgAPI, "", nil); status != 204 {
			t.Errorf("extended seed: %s missing (%d)", rg, status)
		}
	}
	replace := write("replace.json", Seed{
		Mode:               "replace",
		Tenants:            DefaultSeed().Tenants,
		Subscriptions:      DefaultSeed().Subscriptions,
		ResourceGroups:     []SeedResourceGroup{{SubscriptionID: DefaultSubscriptionID, Name: "rg-only", Location: "westus"}},
		KubernetesVersions: []SeedKubernetesVersion{{Version: "1.31.1", IsDefault: true}},
	})
	s2 := startServer(t, func(o *Options) { o.SeedFile = replace })
	if status, _, _ := rawRequest(t, s2, secretCredential(t, s2), http.MethodHead, "/subscriptions/"+DefaultSubscriptionID+"/resourcegroups/rg-aks-demo"+rgAPI, "", nil); status != 404 {
		t.Errorf("replaced seed still has rg-aks-demo: %d", status)
	}
	bad := write("bad.json", Seed{KubernetesVersions: []SeedKubernetesVersion{{Version: "1.31"}}})
	ca, _ := testCA()
	if _, err := Start(ctxT(t), Options{CA: ca, StateDir: stateDirWithKeys(t), SeedFile: bad}); err == nil {
		t.Error("a seed with an invalid version was accepted")
	}
}
