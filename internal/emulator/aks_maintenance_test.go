package emulator

import (
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// A cluster's maintenance configurations are kept in the state and go with
// the cluster.
func TestMaintenanceConfigurationsLiveAndDieWithTheirCluster(t *testing.T) {
	s, f := startWithCluster(t)
	ctx := ctxT(t)
	mcs := f.NewMaintenanceConfigurationsClient()
	cfg := armcontainerservice.MaintenanceConfiguration{Properties: &armcontainerservice.MaintenanceConfigurationProperties{
		MaintenanceWindow: &armcontainerservice.MaintenanceWindow{
			Schedule:      &armcontainerservice.Schedule{Daily: &armcontainerservice.DailySchedule{IntervalDays: to.Ptr[int32](1)}},
			DurationHours: to.Ptr[int32](4), StartTime: to.Ptr("01:00"),
		},
	}}
	// the path's name in another case is the configuration AKS names
	got, err := mcs.CreateOrUpdate(ctx, "rg-aks-demo", "demo", "AKSManagedNodeOSUpgradeSchedule", cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if *got.Name != "aksManagedNodeOSUpgradeSchedule" || *got.ID != "/subscriptions/"+DefaultSubscriptionID+"/resourceGroups/rg-aks-demo/providers/Microsoft.ContainerService/managedClusters/demo/maintenanceConfigurations/aksManagedNodeOSUpgradeSchedule" {
		t.Errorf("answered %s %s", *got.Name, *got.ID)
	}
	s.db.mu.Lock()
	n := len(s.db.state.Maintenance)
	s.db.mu.Unlock()
	if n != 1 {
		t.Fatalf("%d maintenance configurations stored, want 1", n)
	}
	dp, err := f.NewManagedClustersClient().BeginDelete(ctx, "rg-aks-demo", "demo", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dp.PollUntilDone(ctx, poll); err != nil {
		t.Fatal(err)
	}
	s.db.mu.Lock()
	n = len(s.db.state.Maintenance)
	s.db.mu.Unlock()
	if n != 0 {
		t.Errorf("%d maintenance configurations outlive their cluster", n)
	}
}
