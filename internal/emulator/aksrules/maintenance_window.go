package aksrules

import (
	"regexp"
	"strconv"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

var (
	// maintenanceStartTimePattern is the SPEC's startTime pattern; the text
	// adds "Accepted values are from '00:00' to '23:59'".
	maintenanceStartTimePattern = regexp.MustCompile(`^\d{2}:\d{2}$`)
	// utcOffsetPattern is the SPEC's utcOffset pattern ("+/-HH:mm").
	utcOffsetPattern = regexp.MustCompile(`^(-|\+)[0-9]{2}:[0-9]{2}$`)
)

// Spec limits of MaintenanceWindow.durationHours ("Length of maintenance
// window range from 4 to 24 hours").
const (
	minMaintenanceHours = 4
	maxMaintenanceHours = 24
)

// checkMaintenanceWindow checks a maintenance window as the spec constrains
// it: durationHours, schedule and startTime required; durationHours 4-24;
// startTime HH:mm from 00:00 to 23:59; utcOffset +/-HH:mm; each not-allowed
// date span with its start on or before its end. Unverified text: AKS's
// messages for these are not documented; the code is AKS's InvalidParameter
// with the property as target.
func checkMaintenanceWindow(w *armcontainerservice.MaintenanceWindow) *Error {
	if w == nil {
		return nil
	}
	const base = "properties.maintenanceWindow."
	switch {
	case w.DurationHours == nil:
		return badRequest(codeInvalidParameter, base+"durationHours", "The maintenance window's durationHours is required.")
	case *w.DurationHours < minMaintenanceHours || *w.DurationHours > maxMaintenanceHours:
		return badRequest(codeInvalidParameter, base+"durationHours",
			"The maintenance window's durationHours %d is invalid: it must be from %d to %d hours.", *w.DurationHours, minMaintenanceHours, maxMaintenanceHours)
	case w.StartTime == nil:
		return badRequest(codeInvalidParameter, base+"startTime", "The maintenance window's startTime is required.")
	case !validClock(*w.StartTime):
		return badRequest(codeInvalidParameter, base+"startTime",
			"The maintenance window's startTime '%s' is invalid: accepted values are from '00:00' to '23:59'.", *w.StartTime)
	case w.UTCOffset != nil && !validUTCOffset(*w.UTCOffset):
		return badRequest(codeInvalidParameter, base+"utcOffset",
			"The maintenance window's utcOffset '%s' is invalid: use the format +/-HH:mm, for example '+05:30' or '-07:00'.", *w.UTCOffset)
	}
	for i, d := range w.NotAllowedDates {
		if d == nil || d.Start == nil || d.End == nil {
			return badRequest(codeInvalidParameter, base+"notAllowedDates["+strconv.Itoa(i)+"]", "A not-allowed date span needs a start and an end.")
		}
		if d.End.Before(*d.Start) {
			return badRequest(codeInvalidParameter, base+"notAllowedDates["+strconv.Itoa(i)+"]",
				"The not-allowed date span from %s to %s ends before it starts.", d.Start.Format("2006-01-02"), d.End.Format("2006-01-02"))
		}
	}
	return checkMaintenanceSchedule(w.Schedule)
}

// validClock reports whether s is HH:mm from 00:00 to 23:59.
func validClock(s string) bool {
	if !maintenanceStartTimePattern.MatchString(s) {
		return false
	}
	h, _ := strconv.Atoi(s[:2])
	m, _ := strconv.Atoi(s[3:])
	return h <= 23 && m <= 59
}

// validUTCOffset reports whether s is +/-HH:mm with hours below 24 and
// minutes below 60. Real offsets run from -12:00 to +14:00, but AKS's own
// bound is undocumented: the check stays at what a clock reads, so that it is
// never stricter than AKS.
func validUTCOffset(s string) bool {
	if !utcOffsetPattern.MatchString(s) {
		return false
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[4:])
	return h <= 23 && m <= 59
}
