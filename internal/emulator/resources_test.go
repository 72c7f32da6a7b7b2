package emulator

import (
	"net/http"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/compute/armcompute/v7"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/network/armnetwork/v7"
)

const demoRG = "/subscriptions/" + DefaultSubscriptionID + "/resourceGroups/rg-aks-demo"

func TestSeededComputeGroupsAnswerGetAndList(t *testing.T) {
	s := startServer(t)
	ctx := ctxT(t)
	f, err := armcompute.NewClientFactory(DefaultSubscriptionID, secretCredential(t, s), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	crg, err := f.NewCapacityReservationGroupsClient().Get(ctx, "rg-aks-demo", "crg1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(crg.ID) != demoRG+"/providers/Microsoft.Compute/capacityReservationGroups/crg1" || deref(crg.Type) != crgType || deref(crg.Location) != "eastus" {
		t.Errorf("crg1 = %s %s %s", deref(crg.ID), deref(crg.Type), deref(crg.Location))
	}
	hg, err := f.NewDedicatedHostGroupsClient().Get(ctx, "rg-aks-demo", "hostgroup1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(hg.Properties.PlatformFaultDomainCount) != 1 || deref(hg.Properties.SupportAutomaticPlacement) {
		t.Errorf("hostgroup1 properties %+v", hg.Properties)
	}
	ppg, err := f.NewProximityPlacementGroupsClient().Get(ctx, "rg-aks-demo", "ppg1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(ppg.Properties.ProximityPlacementGroupType) != armcompute.ProximityPlacementGroupTypeStandard {
		t.Errorf("ppg1 type %v", ppg.Properties.ProximityPlacementGroupType)
	}
	var names []string
	for pager := f.NewProximityPlacementGroupsClient().NewListByResourceGroupPager("rg-aks-demo", nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range page.Value {
			names = append(names, deref(g.Name))
		}
	}
	if strings.Join(names, ",") != "ppg1" {
		t.Errorf("listed %v", names)
	}
	_, err = f.NewCapacityReservationGroupsClient().Get(ctx, "rg-aks-demo", "nope", nil)
	wantErr(t, err, http.StatusNotFound, "ResourceNotFound")
}

func TestComputeGroupPutAndDelete(t *testing.T) {
	s := startServer(t)
	ctx := ctxT(t)
	f, err := armcompute.NewClientFactory(DefaultSubscriptionID, secretCredential(t, s), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	hgs := f.NewDedicatedHostGroupsClient()
	// platformFaultDomainCount is required (spec)
	_, err = hgs.CreateOrUpdate(ctx, "rg-aks-test", "hg2", armcompute.DedicatedHostGroup{Location: to.Ptr("East US")}, nil)
	wantErr(t, err, http.StatusBadRequest, "InvalidParameter")
	created, err := hgs.CreateOrUpdate(ctx, "rg-aks-test", "hg2", armcompute.DedicatedHostGroup{
		Location: to.Ptr("East US"), Zones: []*string{to.Ptr("1")},
		Properties: &armcompute.DedicatedHostGroupProperties{PlatformFaultDomainCount: to.Ptr[int32](2)},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(created.Location) != "eastus" || deref(created.Properties.PlatformFaultDomainCount) != 2 || len(created.Zones) != 1 {
		t.Errorf("created %+v", created)
	}
	if _, err := hgs.Delete(ctx, "rg-aks-test", "hg2", nil); err != nil {
		t.Fatal(err)
	}
	_, err = hgs.Get(ctx, "rg-aks-test", "hg2", nil)
	wantErr(t, err, http.StatusNotFound, "ResourceNotFound")
	// a PUT without a location
	_, err = f.NewProximityPlacementGroupsClient().CreateOrUpdate(ctx, "rg-aks-test", "p", armcompute.ProximityPlacementGroup{}, nil)
	wantErr(t, err, http.StatusBadRequest, "LocationRequired")
}

func TestSeededNetworkResourcesAnswerGet(t *testing.T) {
	s := startServer(t)
	ctx := ctxT(t)
	f, err := armnetwork.NewClientFactory(DefaultSubscriptionID, secretCredential(t, s), armOptions(s))
	if err != nil {
		t.Fatal(err)
	}
	prefix, err := f.NewPublicIPPrefixesClient().Get(ctx, "rg-aks-demo", "prefix1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(prefix.Properties.PrefixLength) != defaultPrefixLength || deref(prefix.Properties.IPPrefix) != "20.42.0.0/28" ||
		deref(prefix.SKU.Name) != armnetwork.PublicIPPrefixSKUNameStandard {
		t.Errorf("prefix1 %+v %+v", prefix.Properties, prefix.SKU)
	}
	asg, err := f.NewApplicationSecurityGroupsClient().Get(ctx, "rg-aks-demo", "asg1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if deref(asg.ID) != demoRG+"/providers/Microsoft.Network/applicationSecurityGroups/asg1" || deref(asg.Properties.ProvisioningState) != armnetwork.ProvisioningStateSucceeded {
		t.Errorf("asg1 %s %+v", deref(asg.ID), asg.Properties)
	}
	var n int
	for pager := f.NewApplicationSecurityGroupsClient().NewListAllPager(nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		n += len(page.Value)
	}
	if n != 1 {
		t.Errorf("listed %d application security groups, want 1", n)
	}
}

func TestProvidersListTheNewResourceTypes(t *testing.T) {
	s := startServer(t)
	status, _, body := rawRequest(t, s, secretCredential(t, s), http.MethodGet,
		"/subscriptions/"+DefaultSubscriptionID+"/providers/Microsoft.Compute?api-version=2021-04-01", "", nil)
	if status != http.StatusOK {
		t.Fatalf("%d %s", status, body)
	}
	for _, rt := range []string{`"skus"`, `"capacityReservationGroups"`, `"hostGroups"`, `"proximityPlacementGroups"`, `"2025-04-01"`} {
		if !strings.Contains(string(body), rt) {
			t.Errorf("Microsoft.Compute lacks %s: %s", rt, body)
		}
	}
}

func TestSnapshotLifecycle(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	pool := userPool("Standard_D4s_v3", 2)
	pool.Properties.EnableFIPS = to.Ptr(true)
	created := createPool(t, f, "user1", pool)
	snaps := f.NewSnapshotsClient()
	snap, err := snaps.CreateOrUpdate(ctx, "rg-aks-demo", "snap2", armcontainerservice.Snapshot{
		Location:   to.Ptr("eastus"),
		Tags:       map[string]*string{"a": to.Ptr("b")},
		Properties: &armcontainerservice.SnapshotProperties{CreationData: &armcontainerservice.CreationData{SourceResourceID: created.ID}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := snap.Properties
	if deref(p.VMSize) != "Standard_D4s_v3" || !deref(p.EnableFIPS) || deref(p.OSType) != armcontainerservice.OSTypeLinux ||
		deref(p.OSSKU) != armcontainerservice.OSSKUUbuntu || deref(p.KubernetesVersion) != "1.33.3" ||
		deref(p.NodeImageVersion) != deref(created.Properties.NodeImageVersion) || deref(p.SnapshotType) != armcontainerservice.SnapshotTypeNodePool ||
		deref(snap.Type) != snapshotAnswerType || deref(snap.Tags["a"]) != "b" {
		t.Errorf("snapshot %s %+v", deref(snap.Type), p)
	}
	var names []string
	for pager := snaps.NewListPager(nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range page.Value {
			names = append(names, deref(x.Name))
		}
	}
	if strings.Join(names, ",") != "snap2,snapshot1" {
		t.Errorf("listed %v", names)
	}
	tagged, err := snaps.UpdateTags(ctx, "rg-aks-demo", "snap2", armcontainerservice.TagsObject{Tags: map[string]*string{"c": to.Ptr("d")}}, nil)
	if err != nil || deref(tagged.Tags["c"]) != "d" || deref(tagged.Properties.VMSize) != "Standard_D4s_v3" {
		t.Errorf("tags: %v %+v", err, tagged)
	}
	if _, err := snaps.Delete(ctx, "rg-aks-demo", "snap2", nil); err != nil {
		t.Fatal(err)
	}
	_, err = snaps.Get(ctx, "rg-aks-demo", "snap2", nil)
	wantErr(t, err, http.StatusNotFound, "ResourceNotFound")
	_ = s
}

func TestSnapshotNeedsAnExistingPoolInItsRegion(t *testing.T) {
	_, f := startWithCluster(t)
	ctx := ctxT(t)
	snaps := f.NewSnapshotsClient()
	put := func(loc, src string) error {
		_, err := snaps.CreateOrUpdate(ctx, "rg-aks-demo", "s", armcontainerservice.Snapshot{
			Location:   to.Ptr(loc),
			Properties: &armcontainerservice.SnapshotProperties{CreationData: &armcontainerservice.CreationData{SourceResourceID: to.Ptr(src)}},
		}, nil)
		return err
	}
	cluster := demoRG + "/providers/Microsoft.ContainerService/managedClusters/demo"
	wantErr(t, put("eastus", cluster), http.StatusBadRequest, "InvalidParameter")
	wantErr(t, put("eastus", cluster+"/agentPools/none"), http.StatusNotFound, "NotFound")
	wantErr(t, put("westeurope", cluster+"/agentPools/system"), http.StatusBadRequest, "InvalidParameter")
	if err := put("eastus", cluster+"/agentPools/system"); err != nil {
		t.Fatal(err)
	}
}

func TestSeededSnapshot(t *testing.T) {
	s := startServer(t)
	snap, err := aksClients(t, s, nil).NewSnapshotsClient().Get(ctxT(t), "rg-aks-demo", "snapshot1", nil)
	if err != nil {
		t.Fatal(err)
	}
	p := snap.Properties
	if deref(snap.ID) != demoRG+"/providers/Microsoft.ContainerService/snapshots/snapshot1" || deref(p.OSSKU) != "Ubuntu" ||
		deref(p.KubernetesVersion) != "1.33.3" || deref(p.NodeImageVersion) != DefaultSeed().NodeImages["Ubuntu"] ||
		deref(p.VMSize) != "Standard_DS2_v2" || !deref(p.EnableFIPS) {
		t.Errorf("snapshot1 %s %+v", deref(snap.ID), p)
	}
}
