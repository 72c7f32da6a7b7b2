package bench

import (
	"sort"
	"time"
)

// Sample is one measured terraform command.
type Sample struct {
	Wall    time.Duration // the whole terraform command, start to exit
	PeakRSS int64         // bytes: the largest peak RSS of any provider process it started
	CPU     time.Duration // user + system time of every provider process it started
	Plugins int           // how many provider processes it started
	Calls   Counts        // what it asked of the emulator
}

// Samples are the repetitions of one measurement.
type Samples []Sample

// Wall is the median wall time.
func (s Samples) Wall() time.Duration {
	return time.Duration(median(s.each(func(x Sample) int64 { return int64(x.Wall) })))
}

// PeakRSS is the median of the runs' peak RSS, in bytes.
func (s Samples) PeakRSS() int64 { return median(s.each(func(x Sample) int64 { return x.PeakRSS })) }

// CPU is the median provider CPU time.
func (s Samples) CPU() time.Duration {
	return time.Duration(median(s.each(func(x Sample) int64 { return int64(x.CPU) })))
}

// Reads is the median number of ARM reads.
func (s Samples) Reads() int64 {
	return median(s.each(func(x Sample) int64 { return int64(x.Calls.Reads) }))
}

// Failed is the most failed calls of any one run: a failure that happens
// once in five runs is still a failure.
func (s Samples) Failed() int64 {
	var most int64
	for _, x := range s {
		most = max(most, int64(x.Calls.Failed))
	}
	return most
}

func (s Samples) each(f func(Sample) int64) []int64 {
	out := make([]int64, len(s))
	for i, x := range s {
		out[i] = f(x)
	}
	return out
}

// median is the middle value, or the mean of the two middle values of an
// even count; 0 for none. It leaves xs unchanged.
func median(xs []int64) int64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]int64(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}
