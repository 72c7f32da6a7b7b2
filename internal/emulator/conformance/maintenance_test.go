package conformance_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/to"
	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Microsoft's maintenanceConfigurations examples (2025-10-01), replayed as
// the other examples are (examples_test.go).

func (r *replay) maintenancePath(name string) string {
	return r.clusterPath() + "/maintenanceConfigurations/" + name
}

// putMaintenance creates a maintenance configuration (a synchronous PUT).
func (r *replay) putMaintenance(name string, body any) rawResponse {
	r.t.Helper()
	got := r.e.call(r.t, http.MethodPut, r.maintenancePath(name), r.api, body, nil)
	if got.status != http.StatusOK && got.status != http.StatusCreated {
		r.t.Fatalf("PUT maintenance configuration %s: %d %s", name, got.status, got.body)
	}
	return got
}

func init() {
	replays["MaintenanceConfigurationsCreate_Update_MaintenanceWindow.json"] = func(r *replay) {
		r.prerequisiteCluster("")
		first := r.putMaintenance(r.param("configName"), r.body())
		r.wantStatus(first, http.StatusCreated)
		r.compare("201", first.json(r.t))
		again := r.putMaintenance(r.param("configName"), r.body())
		r.wantStatus(again, http.StatusOK)
		r.compare("200", again.json(r.t))
		r.compare("200", r.get(r.maintenancePath(r.param("configName")), nil))
	}
	replays["MaintenanceConfigurationsGet_MaintenanceWindow.json"] = func(r *replay) {
		r.prerequisiteCluster("")
		r.putMaintenance(r.param("configName"), adapt(r.response("200"), r.e.subID))
		r.compare("200", r.get(r.maintenancePath(r.param("configName")), nil))
	}
	replays["MaintenanceConfigurationsList_MaintenanceWindow.json"] = func(r *replay) {
		r.prerequisiteCluster("")
		for _, item := range array(r.t, object(r.t, r.response("200"))["value"]) {
			r.putMaintenance(text(r.t, object(r.t, item)["name"]), adapt(item, r.e.subID))
		}
		r.compare("200", r.get(r.clusterPath()+"/maintenanceConfigurations", nil))
	}
	replays["MaintenanceConfigurationsDelete_MaintenanceWindow.json"] = func(r *replay) {
		r.prerequisiteCluster("")
		name := r.param("configName")
		r.putMaintenance(name, map[string]any{"properties": map[string]any{"maintenanceWindow": map[string]any{
			"schedule": map[string]any{"daily": map[string]any{"intervalDays": 1}}, "durationHours": 4, "startTime": "00:00",
		}}})
		r.wantStatus(r.e.call(r.t, http.MethodDelete, r.maintenancePath(name), r.api, nil, nil), http.StatusOK)
		r.wantStatus(r.e.call(r.t, http.MethodDelete, r.maintenancePath(name), r.api, nil, nil), http.StatusNoContent)
		if got := r.e.call(r.t, http.MethodGet, r.maintenancePath(name), r.api, nil, nil); got.status != http.StatusNotFound {
			r.t.Fatalf("GET after DELETE: %d %s", got.status, got.body)
		}
	}
}

// The typed SDK client drives every operation: the three configurations
// azurerm reads on every refresh answer 404 until set, a PUT is read back,
// listed, refused when AKS would refuse it, and deleted with its cluster.
func TestMaintenanceConfigurationsWithTheSDK(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	e.createCluster(t, "mcfg", nil)
	client := e.aks.NewMaintenanceConfigurationsClient()
	for _, name := range []string{"default", "aksManagedAutoUpgradeSchedule", "aksManagedNodeOSUpgradeSchedule"} {
		_, err := client.Get(ctx, e.baseRG, "mcfg", name, nil)
		wantRefused(t, err, http.StatusNotFound, "NotFound", name)
	}

	window := armcontainerservice.MaintenanceConfiguration{Properties: &armcontainerservice.MaintenanceConfigurationProperties{
		MaintenanceWindow: &armcontainerservice.MaintenanceWindow{
			Schedule:      &armcontainerservice.Schedule{Weekly: &armcontainerservice.WeeklySchedule{IntervalWeeks: to.Ptr[int32](1), DayOfWeek: to.Ptr(armcontainerservice.WeekDayTuesday)}},
			DurationHours: to.Ptr[int32](6),
			StartTime:     to.Ptr("03:00"),
			UTCOffset:     to.Ptr("+01:00"),
			StartDate:     to.Ptr(time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)),
		},
	}}
	put, err := client.CreateOrUpdate(ctx, e.baseRG, "mcfg", "aksManagedAutoUpgradeSchedule", window, nil)
	if err != nil {
		t.Fatal(err)
	}
	if *put.Name != "aksManagedAutoUpgradeSchedule" || *put.Type != "Microsoft.ContainerService/managedClusters/maintenanceConfigurations" ||
		*put.Properties.MaintenanceWindow.DurationHours != 6 || !put.Properties.MaintenanceWindow.StartDate.Equal(time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("PUT answered %+v", put.MaintenanceConfiguration)
	}
	def := armcontainerservice.MaintenanceConfiguration{Properties: &armcontainerservice.MaintenanceConfigurationProperties{
		TimeInWeek: []*armcontainerservice.TimeInWeek{{Day: to.Ptr(armcontainerservice.WeekDaySaturday), HourSlots: []*int32{to.Ptr[int32](1), to.Ptr[int32](2)}}},
	}}
	if _, err := client.CreateOrUpdate(ctx, e.baseRG, "mcfg", "default", def, nil); err != nil {
		t.Fatal(err)
	}
	var names []string
	for pager := client.NewListByManagedClusterPager(e.baseRG, "mcfg", nil); pager.More(); {
		page, err := pager.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range page.Value {
			names = append(names, *v.Name)
		}
	}
	if len(names) != 2 {
		t.Errorf("listed %v, want the two set", names)
	}

	bad := window
	bad.Properties = &armcontainerservice.MaintenanceConfigurationProperties{MaintenanceWindow: &armcontainerservice.MaintenanceWindow{
		Schedule:      &armcontainerservice.Schedule{Daily: &armcontainerservice.DailySchedule{IntervalDays: to.Ptr[int32](1)}},
		DurationHours: to.Ptr[int32](2), StartTime: to.Ptr("03:00"),
	}}
	_, err = client.CreateOrUpdate(ctx, e.baseRG, "mcfg", "aksManagedNodeOSUpgradeSchedule", bad, nil)
	wantRefused(t, err, http.StatusBadRequest, "InvalidParameter", "from 4 to 24 hours")
	_, err = client.CreateOrUpdate(ctx, e.baseRG, "mcfg", "weekends", window, nil)
	wantRefused(t, err, http.StatusBadRequest, "InvalidParameter", "'weekends' is invalid")

	if _, err := client.Delete(ctx, e.baseRG, "mcfg", "default", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := client.Delete(ctx, e.baseRG, "mcfg", "default", nil); err != nil {
		t.Fatalf("deleting an absent configuration: %v", err)
	}
	_, err = client.Get(ctx, e.baseRG, "absent", "default", nil)
	wantRefused(t, err, http.StatusNotFound, "ResourceNotFound", "managedClusters/absent")
}

// azurerm sends the window's dates as date-times; AKS reads them and answers
// dates, the spec's format.
func TestMaintenanceWindowDatesAsDateTimes(t *testing.T) {
	e := newEnv(t)
	e.createCluster(t, "mcdates", nil)
	path := clusterPath(e.subID, e.baseRG, "mcdates") + "/maintenanceConfigurations/aksManagedNodeOSUpgradeSchedule"
	got := e.call(t, http.MethodPut, path, "2025-10-01", map[string]any{"properties": map[string]any{"maintenanceWindow": map[string]any{
		"schedule":      map[string]any{"weekly": map[string]any{"intervalWeeks": 1, "dayOfWeek": "Monday"}},
		"durationHours": 4, "startTime": "00:00", "utcOffset": "+00:00", "startDate": "2030-01-12T00:00:00Z",
		"notAllowedDates": []any{map[string]any{"start": "2030-02-01T00:00:00Z", "end": "2030-02-03T00:00:00Z"}},
	}}}, nil)
	if got.status != http.StatusCreated {
		t.Fatalf("%d %s", got.status, got.body)
	}
	w := object(t, object(t, object(t, got.json(t))["properties"])["maintenanceWindow"])
	span := object(t, array(t, w["notAllowedDates"])[0])
	if w["startDate"] != "2030-01-12" || span["start"] != "2030-02-01" || span["end"] != "2030-02-03" {
		t.Errorf("dates answered as %v, %v", w["startDate"], span)
	}
	// an empty startDate is no start date, so an update keeps the stored one;
	// empty notAllowedTime ends are no ends
	got = e.call(t, http.MethodPut, path, "2025-10-01", map[string]any{"properties": map[string]any{"maintenanceWindow": map[string]any{
		"schedule":      map[string]any{"daily": map[string]any{"intervalDays": 2}},
		"durationHours": 8, "startTime": "00:00", "startDate": "", "notAllowedDates": []any{},
	}}}, nil)
	if got.status != http.StatusOK {
		t.Fatalf("empty startDate: %d %s", got.status, got.body)
	}
	if got := object(t, object(t, object(t, got.json(t))["properties"])["maintenanceWindow"])["startDate"]; got != "2030-01-12" {
		t.Errorf("an update with an empty startDate starts %v, want the stored 2030-01-12", got)
	}
	auto := clusterPath(e.subID, e.baseRG, "mcdates") + "/maintenanceConfigurations/aksManagedAutoUpgradeSchedule"
	got = e.call(t, http.MethodPut, auto, "2025-10-01", map[string]any{"properties": map[string]any{"maintenanceWindow": map[string]any{
		"schedule": map[string]any{"weekly": map[string]any{"intervalWeeks": 2, "dayOfWeek": "Friday"}}, "durationHours": 4, "startTime": "22:00",
	}}}, nil)
	today := time.Now().UTC().Format("2006-01-02")
	if start := object(t, object(t, object(t, got.json(t))["properties"])["maintenanceWindow"])["startDate"]; got.status != http.StatusCreated || (start != today && start != time.Now().UTC().Add(-time.Minute).Format("2006-01-02")) {
		t.Errorf("a new window without startDate: %d, starts %v, want today (%s)", got.status, start, today)
	}
	def := clusterPath(e.subID, e.baseRG, "mcdates") + "/maintenanceConfigurations/default"
	got = e.call(t, http.MethodPut, def, "2025-10-01", map[string]any{"properties": map[string]any{
		"timeInWeek":     []any{map[string]any{"day": "Sunday", "hourSlots": []any{0, 1}}},
		"notAllowedTime": []any{map[string]any{"start": "2030-03-01T00:00:00Z", "end": ""}},
	}}, nil)
	if got.status != http.StatusCreated {
		t.Fatalf("default with an open not-allowed time: %d %s", got.status, got.body)
	}
}
