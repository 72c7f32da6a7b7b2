package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

func TestPoolsReferencingTheSeededResources(t *testing.T) {
	_, f := startWithCluster(t)
	pool := userPool("Standard_DS2_v2", 1)
	p := pool.Properties
	p.CapacityReservationGroupID = to.Ptr(demoRG + "/providers/Microsoft.Compute/capacityReservationGroups/crg1")
	p.ProximityPlacementGroupID = to.Ptr(demoRG + "/providers/Microsoft.Compute/proximityPlacementGroups/ppg1")
	p.EnableNodePublicIP = to.Ptr(true)
	p.NodePublicIPPrefixID = to.Ptr(demoRG + "/providers/Microsoft.Network/publicIPPrefixes/prefix1")
	p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{
		ApplicationSecurityGroups: []*string{to.Ptr(demoRG + "/providers/Microsoft.Network/applicationSecurityGroups/asg1")},
	}
	createPool(t, f, "refs", pool)

	host := userPool("Standard_DS2_v2", 1)
	host.Properties.HostGroupID = to.Ptr(demoRG + "/providers/Microsoft.Compute/hostGroups/hostgroup1")
	createPool(t, f, "dedicated", host)

	// a pool created from the seeded snapshot runs its version and node image
	snap := userPool("Standard_DS2_v2", 1)
	snap.Properties.EnableFIPS = to.Ptr(true)
	snap.Properties.CreationData = &armcontainerservice.CreationData{SourceResourceID: to.Ptr(demoRG + "/providers/Microsoft.ContainerService/snapshots/snapshot1")}
	fromSnapshot := createPool(t, f, "snap", snap)
	if deref(fromSnapshot.Properties.NodeImageVersion) != DefaultSeed().NodeImages["Ubuntu"] || deref(fromSnapshot.Properties.CurrentOrchestratorVersion) != "1.33.3" ||
		deref(fromSnapshot.Properties.OSSKU) != armcontainerservice.OSSKUUbuntu {
		t.Errorf("pool from snapshot1: %+v", fromSnapshot.Properties)
	}
}

func TestPoolsReferencingMissingResourcesAreRefused(t *testing.T) {
	_, f := startWithCluster(t)
	ctx := ctxT(t)
	tests := []struct {
		name, code, message string
		edit                func(*armcontainerservice.ManagedClusterAgentPoolProfileProperties)
	}{
		{"missing capacity reservation group", "InvalidResourceReference", "properties.capacityReservationGroupID was not found", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.CapacityReservationGroupID = to.Ptr(demoRG + "/providers/Microsoft.Compute/capacityReservationGroups/crg9")
		}},
		{"host group ID naming a proximity placement group", "InvalidParameter", "not a valid resource ID of type Microsoft.Compute/hostGroups", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.HostGroupID = to.Ptr(demoRG + "/providers/Microsoft.Compute/proximityPlacementGroups/ppg1")
		}},
		{"missing snapshot", "InvalidResourceReference", "properties.creationData.sourceResourceId was not found", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to.Ptr(demoRG + "/providers/Microsoft.ContainerService/snapshots/none")}
		}},
		{"snapshot of another VM family", "InvalidParameter", "same family", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.VMSize = to.Ptr("Standard_E4s_v3")
			p.CreationData = &armcontainerservice.CreationData{SourceResourceID: to.Ptr(demoRG + "/providers/Microsoft.ContainerService/snapshots/snapshot1")}
		}},
		{"missing security group", "InvalidResourceReference", "applicationSecurityGroups was not found", func(p *armcontainerservice.ManagedClusterAgentPoolProfileProperties) {
			p.NetworkProfile = &armcontainerservice.AgentPoolNetworkProfile{ApplicationSecurityGroups: []*string{to.Ptr(demoRG + "/providers/Microsoft.Network/applicationSecurityGroups/asg9")}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pool := userPool("Standard_DS2_v2", 1)
			tt.edit(pool.Properties)
			_, err := f.NewAgentPoolsClient().BeginCreateOrUpdate(ctx, "rg-aks-demo", "demo", "refused", pool, nil)
			e := wantErrResp(t, err, http.StatusBadRequest, tt.code)
			if e != nil && !strings.Contains(e.Error(), tt.message) {
				t.Errorf("error %v lacks %q", e, tt.message)
			}
		})
	}
}

func TestDeletingAReservationGroupAPoolUsesIsRefused(t *testing.T) {
	s, f := startWithCluster(t)
	pool := userPool("Standard_DS2_v2", 1)
	pool.Properties.CapacityReservationGroupID = to.Ptr(demoRG + "/providers/Microsoft.Compute/capacityReservationGroups/crg1")
	createPool(t, f, "reserved", pool)
	status, _, body := rawRequest(t, s, secretCredential(t, s), http.MethodDelete,
		demoRG+"/providers/Microsoft.Compute/capacityReservationGroups/crg1?api-version=2025-04-01", "", nil)
	if status != http.StatusConflict || armErrorOf(t, body).Code != "ResourceInUse" {
		t.Errorf("delete of a used group: %d %s", status, body)
	}
}
