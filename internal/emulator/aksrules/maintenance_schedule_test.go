package aksrules

import "testing"

func TestCheckMaintenanceSchedule(t *testing.T) {
	tests := []struct {
		name, schedule, code, message string
	}{
		{"daily seven", `{"daily":{"intervalDays":7}}`, "", ""},
		{"weekly four", `{"weekly":{"intervalWeeks":4,"dayOfWeek":"Sunday"}}`, "", ""},
		{"absolute monthly", `{"absoluteMonthly":{"intervalMonths":6,"dayOfMonth":31}}`, "", ""},
		{"relative monthly", `{"relativeMonthly":{"intervalMonths":3,"weekIndex":"Last","dayOfWeek":"Friday"}}`, "", ""},
		{"none", `{}`, codeInvalidParameter, "One and only one of the schedule types"},
		{"two", `{"daily":{"intervalDays":1},"weekly":{"intervalWeeks":1,"dayOfWeek":"Monday"}}`, codeInvalidParameter, "One and only one of the schedule types"},
		{"daily eight", `{"daily":{"intervalDays":8}}`, codeInvalidParameter, "intervalDays 8 is invalid: it must be from 1 to 7"},
		{"daily zero", `{"daily":{"intervalDays":0}}`, codeInvalidParameter, "from 1 to 7"},
		{"daily no interval", `{"daily":{}}`, codeInvalidParameter, "intervalDays is required"},
		{"weekly five", `{"weekly":{"intervalWeeks":5,"dayOfWeek":"Monday"}}`, codeInvalidParameter, "from 1 to 4"},
		{"weekly no day", `{"weekly":{"intervalWeeks":1}}`, codeInvalidParameter, "dayOfWeek is required"},
		{"weekly bad day", `{"weekly":{"intervalWeeks":1,"dayOfWeek":"Funday"}}`, codeInvalidParameter, "not a day of the week"},
		{"absolute seven months", `{"absoluteMonthly":{"intervalMonths":7,"dayOfMonth":1}}`, codeInvalidParameter, "from 1 to 6"},
		{"absolute day 32", `{"absoluteMonthly":{"intervalMonths":1,"dayOfMonth":32}}`, codeInvalidParameter, "from 1 to 31"},
		{"relative bad index", `{"relativeMonthly":{"intervalMonths":1,"weekIndex":"Fifth","dayOfWeek":"Monday"}}`, codeInvalidParameter, "First, Second, Third, Fourth or Last"},
		{"relative no index", `{"relativeMonthly":{"intervalMonths":1,"dayOfWeek":"Monday"}}`, codeInvalidParameter, "weekIndex is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mc := maintenanceConfig(t, `{"properties":{"maintenanceWindow":{"schedule":`+tt.schedule+`}}}`)
			wantError(t, checkMaintenanceSchedule(mc.Properties.MaintenanceWindow.Schedule), tt.code, tt.message)
		})
	}
	wantError(t, checkMaintenanceSchedule(nil), codeInvalidParameter, "schedule is required")
}
