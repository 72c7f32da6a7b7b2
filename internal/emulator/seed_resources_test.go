package emulator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"
)

func TestSeedFileAddsReferencedResources(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, seed Seed) string {
		raw, _ := json.Marshal(seed)
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	extend := write("extend.json", Seed{
		HostGroups: []SeedResource{{SubscriptionID: DefaultSubscriptionID, ResourceGroup: "rg-aks-test", Name: "hg2", Location: "eastus", Zones: []string{"2"}, PlatformFaultDomainCount: 2}},
		Snapshots:  []SeedSnapshot{{SubscriptionID: DefaultSubscriptionID, ResourceGroup: "rg-aks-test", Name: "win", Location: "eastus", OSType: "Windows", OSSKU: "Windows2022", VMSize: "Standard_D4s_v3"}},
	})
	s := startServer(t, func(o *Options) { o.SeedFile = extend })
	ctx := ctxT(t)
	hgs, err := armcompute.NewDedicatedHostGroupsClient(DefaultSubscriptionID, secretCredential(t, s), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []struct{ rg, name string }{{"rg-aks-demo", "hostgroup1"}, {"rg-aks-test", "hg2"}} {
		if _, err := hgs.Get(ctx, g.rg, g.name, nil); err != nil {
			t.Errorf("host group %s/%s: %v", g.rg, g.name, err)
		}
	}
	hg, err := hgs.Get(ctx, "rg-aks-test", "hg2", nil)
	if err == nil && (deref(hg.Properties.PlatformFaultDomainCount) != 2 || len(hg.Zones) != 1) {
		t.Errorf("hg2 %+v zones %v", hg.Properties, hg.Zones)
	}
	snap, err := aksClients(t, s, nil).NewSnapshotsClient().Get(ctx, "rg-aks-test", "win", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(snap.Properties.NodeImageVersion) != DefaultSeed().NodeImages["Windows2022"] || deref(snap.Properties.OSType) != "Windows" {
		t.Errorf("win snapshot %+v", snap.Properties)
	}

	bad := write("bad.json", Seed{ProximityPlacementGroups: []SeedResource{{SubscriptionID: DefaultSubscriptionID, ResourceGroup: "rg-none", Name: "p", Location: "eastus"}}})
	ca, _ := testCA()
	if _, err := Start(ctxT(t), Options{CA: ca, StateDir: stateDirWithKeys(t), SeedFile: bad}); err == nil {
		t.Error("a seeded group in an unseeded resource group was accepted")
	}
}
