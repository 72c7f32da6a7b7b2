package aksrules

import "testing"

func TestCheckMaintenanceWindow(t *testing.T) {
	const schedule = `"schedule":{"daily":{"intervalDays":1}}`
	tests := []struct {
		name, window, code, message string
	}{
		{"complete", schedule + `,"durationHours":24,"startTime":"23:59","utcOffset":"-07:00","startDate":"2023-01-01","notAllowedDates":[{"start":"2023-02-18","end":"2023-02-18"}]`, "", ""},
		{"four hours", schedule + `,"durationHours":4,"startTime":"00:00"`, "", ""},
		{"no duration", schedule + `,"startTime":"00:00"`, codeInvalidParameter, "durationHours is required"},
		{"three hours", schedule + `,"durationHours":3,"startTime":"00:00"`, codeInvalidParameter, "from 4 to 24 hours"},
		{"twenty-five hours", schedule + `,"durationHours":25,"startTime":"00:00"`, codeInvalidParameter, "from 4 to 24 hours"},
		{"no start time", schedule + `,"durationHours":4`, codeInvalidParameter, "startTime is required"},
		{"start time without minutes", schedule + `,"durationHours":4,"startTime":"8"`, codeInvalidParameter, "from '00:00' to '23:59'"},
		{"start time 24:00", schedule + `,"durationHours":4,"startTime":"24:00"`, codeInvalidParameter, "from '00:00' to '23:59'"},
		{"offset without sign", schedule + `,"durationHours":4,"startTime":"01:00","utcOffset":"05:30"`, codeInvalidParameter, "+/-HH:mm"},
		{"offset minutes", schedule + `,"durationHours":4,"startTime":"01:00","utcOffset":"+05:60"`, codeInvalidParameter, "+/-HH:mm"},
		{"dates reversed", schedule + `,"durationHours":4,"startTime":"01:00","notAllowedDates":[{"start":"2023-02-25","end":"2023-02-18"}]`, codeInvalidParameter, "ends before it starts"},
		{"no schedule", `"durationHours":4,"startTime":"01:00"`, codeInvalidParameter, "schedule is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mc := maintenanceConfig(t, `{"properties":{"maintenanceWindow":{`+tt.window+`}}}`)
			wantError(t, checkMaintenanceWindow(mc.Properties.MaintenanceWindow), tt.code, tt.message)
		})
	}
}
