package aksrules

import (
	"strconv"

	"github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/containerservice/armcontainerservice/v8"
)

// maxHourSlot is the spec's HourInDay maximum (0-23).
const maxHourSlot = 23

// checkTimeInWeek checks the default configuration's allowed slots: each
// entry's day is a day of the week and each hour slot an hour of the day
// (spec TimeInWeek, HourInDay 0-23).
func checkTimeInWeek(slots []*armcontainerservice.TimeInWeek) *Error {
	for i, s := range slots {
		target := "properties.timeInWeek[" + strconv.Itoa(i) + "]"
		if s == nil {
			continue
		}
		if s.Day != nil {
			if e := checkWeekDay(target+".day", s.Day); e != nil {
				return e
			}
		}
		for _, h := range s.HourSlots {
			if h != nil && (*h < 0 || *h > maxHourSlot) {
				return badRequest(codeInvalidParameter, target+".hourSlots", "The hour slot %d is invalid: hour slots are from 0 to %d.", *h, maxHourSlot)
			}
		}
	}
	return nil
}

// checkNotAllowedTime: each not-allowed time span that has both ends ends
// after it starts.
func checkNotAllowedTime(spans []*armcontainerservice.TimeSpan) *Error {
	for i, s := range spans {
		if s == nil || s.Start == nil || s.End == nil {
			continue
		}
		if s.End.Before(*s.Start) {
			return badRequest(codeInvalidParameter, "properties.notAllowedTime["+strconv.Itoa(i)+"]",
				"The not-allowed time span from %s to %s ends before it starts.", s.Start.UTC().Format("2006-01-02T15:04:05Z"), s.End.UTC().Format("2006-01-02T15:04:05Z"))
		}
	}
	return nil
}
