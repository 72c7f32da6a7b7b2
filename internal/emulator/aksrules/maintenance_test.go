package aksrules

import (
	"encoding/json"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// maintenanceConfig decodes a maintenance configuration body as the core does.
func maintenanceConfig(t *testing.T, body string) *armcontainerservice.MaintenanceConfiguration {
	t.Helper()
	var mc armcontainerservice.MaintenanceConfiguration
	if err := json.Unmarshal([]byte(body), &mc); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return &mc
}

// weeklyWindow is a valid maintenance window body; extra is spliced into its
// maintenanceWindow object.
func weeklyWindow(extra string) string {
	return `{"properties":{"maintenanceWindow":{"schedule":{"weekly":{"intervalWeeks":1,"dayOfWeek":"Monday"}},"durationHours":4,"startTime":"02:00"` + extra + `}}}`
}

func TestCheckMaintenanceConfigurationNames(t *testing.T) {
	tests := []struct {
		name, config, body, code, message string
	}{
		{"default with time in week", "default", `{"properties":{"timeInWeek":[{"day":"Monday","hourSlots":[1,2]}]}}`, "", ""},
		{"default empty", "default", `{"properties":{}}`, "", ""},
		{"auto upgrade window", "aksManagedAutoUpgradeSchedule", weeklyWindow(""), "", ""},
		{"node OS window, other case", "aksmanagednodeosupgradeschedule", weeklyWindow(""), "", ""},
		{"unknown name", "weekends", weeklyWindow(""), codeInvalidParameter, "'weekends' is invalid"},
		{"auto upgrade without window", "aksManagedAutoUpgradeSchedule", `{"properties":{"timeInWeek":[{"day":"Monday","hourSlots":[1]}]}}`, codeInvalidParameter, "requires a maintenanceWindow"},
		{"node OS without properties", "aksManagedNodeOSUpgradeSchedule", `{}`, codeInvalidParameter, "requires a maintenanceWindow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, CheckMaintenanceConfiguration(tt.config, maintenanceConfig(t, tt.body)), tt.code, tt.message)
		})
	}
	if CanonicalMaintenanceName("AKSMANAGEDAUTOUPGRADESCHEDULE") != MaintenanceAutoUpgrade || CanonicalMaintenanceName("x") != "" {
		t.Error("CanonicalMaintenanceName")
	}
}
