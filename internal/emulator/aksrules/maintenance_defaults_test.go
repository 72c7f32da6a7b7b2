package aksrules

import (
	"testing"
	"time"
)

func TestDefaultMaintenanceConfiguration(t *testing.T) {
	now := time.Date(2031, 5, 6, 23, 30, 0, 0, time.UTC)
	created := maintenanceConfig(t, weeklyWindow(""))
	DefaultMaintenanceConfiguration(nil, created, now)
	if got := created.Properties.MaintenanceWindow.StartDate; got == nil || !got.Equal(time.Date(2031, 5, 6, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("a new window starts %v, want the day it is created", got)
	}
	updated := maintenanceConfig(t, weeklyWindow(""))
	DefaultMaintenanceConfiguration(created, updated, now.Add(72*time.Hour))
	if got := updated.Properties.MaintenanceWindow.StartDate; got == nil || !got.Equal(*created.Properties.MaintenanceWindow.StartDate) {
		t.Errorf("an update without startDate starts %v, want the stored date", got)
	}
	given := maintenanceConfig(t, weeklyWindow(`,"startDate":"2032-01-01"`))
	DefaultMaintenanceConfiguration(created, given, now)
	if got := given.Properties.MaintenanceWindow.StartDate; !got.Equal(time.Date(2032, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a given startDate became %v", got)
	}
	def := maintenanceConfig(t, `{"properties":{"timeInWeek":[{"day":"Monday","hourSlots":[1]}]}}`)
	DefaultMaintenanceConfiguration(nil, def, now)
	if def.Properties.MaintenanceWindow != nil {
		t.Error("a configuration without a window got one")
	}
}
