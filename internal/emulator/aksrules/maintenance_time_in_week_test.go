package aksrules

import "testing"

func TestCheckTimeInWeekAndNotAllowedTime(t *testing.T) {
	tests := []struct {
		name, props, code, message string
	}{
		{"slots", `{"timeInWeek":[{"day":"Monday","hourSlots":[0,23]},{"day":"Sunday"}],"notAllowedTime":[{"start":"2020-11-26T03:00:00Z","end":"2020-11-30T12:00:00Z"}]}`, "", ""},
		{"empty lists", `{"timeInWeek":[],"notAllowedTime":[]}`, "", ""},
		{"hour 24", `{"timeInWeek":[{"day":"Monday","hourSlots":[24]}]}`, codeInvalidParameter, "hour slots are from 0 to 23"},
		{"negative hour", `{"timeInWeek":[{"day":"Monday","hourSlots":[-1]}]}`, codeInvalidParameter, "hour slots are from 0 to 23"},
		{"bad day", `{"timeInWeek":[{"day":"Someday","hourSlots":[1]}]}`, codeInvalidParameter, "not a day of the week"},
		{"reversed span", `{"notAllowedTime":[{"start":"2020-11-30T12:00:00Z","end":"2020-11-26T03:00:00Z"}]}`, codeInvalidParameter, "ends before it starts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := maintenanceConfig(t, `{"properties":`+tt.props+`}`).Properties
			wantError(t, firstError(checkTimeInWeek(p.TimeInWeek), checkNotAllowedTime(p.NotAllowedTime)), tt.code, tt.message)
		})
	}
}
