package aksrules

import (
	"slices"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// Spec limits of the schedule types (minimum/maximum of DailySchedule.intervalDays,
// WeeklySchedule.intervalWeeks, AbsoluteMonthlySchedule.intervalMonths and
// dayOfMonth, RelativeMonthlySchedule.intervalMonths).
const (
	maxIntervalDays   = 7
	maxIntervalWeeks  = 4
	maxIntervalMonths = 6
	maxDayOfMonth     = 31
)

// checkMaintenanceSchedule: a schedule is required and holds exactly one of
// daily, weekly, absoluteMonthly, relativeMonthly (spec, Schedule: "One and
// only one of the schedule types should be specified"), with its required
// fields inside the spec's bounds.
func checkMaintenanceSchedule(s *armcontainerservice.Schedule) *Error {
	const base = "properties.maintenanceWindow.schedule"
	if s == nil {
		return badRequest(codeInvalidParameter, base, "The maintenance window's schedule is required.")
	}
	set := 0
	for _, present := range []bool{s.Daily != nil, s.Weekly != nil, s.AbsoluteMonthly != nil, s.RelativeMonthly != nil} {
		if present {
			set++
		}
	}
	if set != 1 {
		return badRequest(codeInvalidParameter, base,
			"One and only one of the schedule types should be specified. Choose either 'daily', 'weekly', 'absoluteMonthly' or 'relativeMonthly' for your maintenance schedule.")
	}
	switch {
	case s.Daily != nil:
		return checkInterval(base+".daily.intervalDays", s.Daily.IntervalDays, maxIntervalDays)
	case s.Weekly != nil:
		return firstError(checkInterval(base+".weekly.intervalWeeks", s.Weekly.IntervalWeeks, maxIntervalWeeks),
			checkWeekDay(base+".weekly.dayOfWeek", s.Weekly.DayOfWeek))
	case s.AbsoluteMonthly != nil:
		return firstError(checkInterval(base+".absoluteMonthly.intervalMonths", s.AbsoluteMonthly.IntervalMonths, maxIntervalMonths),
			checkInterval(base+".absoluteMonthly.dayOfMonth", s.AbsoluteMonthly.DayOfMonth, maxDayOfMonth))
	}
	r := s.RelativeMonthly
	return firstError(checkInterval(base+".relativeMonthly.intervalMonths", r.IntervalMonths, maxIntervalMonths),
		checkWeekDay(base+".relativeMonthly.dayOfWeek", r.DayOfWeek),
		checkWeekIndex(base+".relativeMonthly.weekIndex", r.WeekIndex))
}

// checkInterval: a required integer from 1 to maxValue.
func checkInterval(target string, v *int32, maxValue int32) *Error {
	if v == nil {
		return badRequest(codeInvalidParameter, target, "%s is required.", target)
	}
	if *v < 1 || *v > maxValue {
		return badRequest(codeInvalidParameter, target, "%s %d is invalid: it must be from 1 to %d.", target, *v, maxValue)
	}
	return nil
}

// checkWeekDay: a required day of the week (spec WeekDay, Sunday … Saturday).
func checkWeekDay(target string, d *armcontainerservice.WeekDay) *Error {
	if d == nil {
		return badRequest(codeInvalidParameter, target, "%s is required.", target)
	}
	if !slices.Contains(armcontainerservice.PossibleWeekDayValues(), *d) {
		return badRequest(codeInvalidParameter, target, "%s '%s' is not a day of the week.", target, *d)
	}
	return nil
}

// checkWeekIndex: a required week of the month (spec Type: First, Second,
// Third, Fourth, Last).
func checkWeekIndex(target string, t *armcontainerservice.Type) *Error {
	if t == nil {
		return badRequest(codeInvalidParameter, target, "%s is required.", target)
	}
	if !slices.Contains(armcontainerservice.PossibleTypeValues(), *t) {
		return badRequest(codeInvalidParameter, target, "%s '%s' is invalid: use First, Second, Third, Fourth or Last.", target, *t)
	}
	return nil
}
