package aksrules

import (
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// snapshotWorld is referenceWorld holding snapshot1: Linux Ubuntu 1.32.7 on
// Standard_DS2_v2 with FIPS, as node-pool-snapshot.md's snapshots record.
func snapshotWorld() World {
	w := referenceWorld()
	w.Snapshot = func(id string) (*armcontainerservice.Snapshot, bool) {
		if !strings.EqualFold(id, testSnapshot) {
			return nil, false
		}
		return &armcontainerservice.Snapshot{ID: to(testSnapshot), Properties: &armcontainerservice.SnapshotProperties{
			OSType: to(armcontainerservice.OSTypeLinux), OSSKU: to(armcontainerservice.OSSKUUbuntu), KubernetesVersion: to("1.32.7"),
			NodeImageVersion: to("AKSUbuntu-2204gen2containerd-202501.01.0"), VMSize: to("Standard_DS2_v2"), EnableFIPS: to(true),
		}}, true
	}
	return w
}

func fromSnapshot(p *poolProperties) {
	p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to(testSnapshot)}
}

func TestCheckSnapshotFit(t *testing.T) {
	w := snapshotWorld()
	with := func(edit func(*poolProperties)) func(*poolProperties) {
		return func(p *poolProperties) { fromSnapshot(p); edit(p) }
	}
	tests := []struct {
		name          string
		edit          func(*poolProperties)
		code, message string
	}{
		{"no snapshot", func(p *poolProperties) { p.OSType = to(armcontainerservice.OSTypeWindows) }, "", ""},
		{"everything from the snapshot", fromSnapshot, "", ""},
		{"same family, other size", with(func(p *poolProperties) { p.VMSize = to("Standard_D8s_v5") }), "", ""},
		{"the version's minor alias", with(func(p *poolProperties) { p.OrchestratorVersion = to("1.32") }), "", ""},
		{"other OS type", with(func(p *poolProperties) { p.OSType = to(armcontainerservice.OSTypeWindows) }), codeInvalidParameter, "osType 'Windows' does not match the osType 'Linux'"},
		{"other OS SKU", with(func(p *poolProperties) { p.OSSKU = to(armcontainerservice.OSSKUAzureLinux) }), codeInvalidParameter, "osSKU 'AzureLinux' does not match"},
		{"other version", with(func(p *poolProperties) { p.OrchestratorVersion = to("1.33.3") }), codeInvalidParameter, "orchestratorVersion '1.33.3' does not match the Kubernetes version '1.32.7'"},
		{"N-series from a D-series snapshot", with(func(p *poolProperties) { p.VMSize = to("Standard_NC6s_v3") }), codeInvalidParameter, "not in the virtual machine family"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, checkSnapshotFit(w, "user", props(tt.edit)), tt.code, tt.message)
		})
	}
}

func TestPoolFromSnapshotTakesItsConfiguration(t *testing.T) {
	mc := newCluster(t, nil)
	w := snapshotWorld()
	w.Cluster = mc
	ap := newPool("snap", func(p *poolProperties) {
		fromSnapshot(p)
		p.OrchestratorVersion = to("") // as AgentPoolsCreate_Snapshot.json sends it
	})
	dropEmptyStrings(ap.Properties)
	DefaultAgentPool(w, nil, ap)
	p := ap.Properties
	check(t, "osType", deref(p.OSType), armcontainerservice.OSTypeLinux)
	check(t, "osSKU", deref(p.OSSKU), armcontainerservice.OSSKUUbuntu)
	check(t, "orchestratorVersion", deref(p.OrchestratorVersion), "1.32.7")
	check(t, "currentOrchestratorVersion", deref(p.CurrentOrchestratorVersion), "1.32.7")
	check(t, "enableFIPS", deref(p.EnableFIPS), true)
	check(t, "nodeImageVersion", deref(p.NodeImageVersion), "AKSUbuntu-2204gen2containerd-202501.01.0")
	if err := CheckAgentPoolCreate(w, ap); err != nil {
		t.Fatal(err)
	}
	// a pool that sets its own values keeps them (and the fit rule judges them)
	own := newPool("own", func(p *poolProperties) { fromSnapshot(p); p.EnableFIPS = to(false) })
	DefaultAgentPool(w, nil, own)
	check(t, "own enableFIPS", deref(own.Properties.EnableFIPS), false)
}
