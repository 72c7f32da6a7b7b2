package bench

import (
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []int64
		want int64
	}{
		{nil, 0},
		{[]int64{7}, 7},
		{[]int64{9, 1, 5}, 5},
		{[]int64{4, 1, 3, 2}, 2}, // (2+3)/2 in integers
		{[]int64{10, 30, 20, 40}, 25},
		{[]int64{100, 1, 1, 1, 100}, 1},
	} {
		in := append([]int64(nil), tc.in...)
		if got := median(in); got != tc.want {
			t.Errorf("median(%v) = %d, want %d", tc.in, got, tc.want)
		}
		for i := range in {
			if in[i] != tc.in[i] {
				t.Errorf("median reordered its input: %v, was %v", in, tc.in)
				break
			}
		}
	}
}

func TestSamples(t *testing.T) {
	s := Samples{
		{Wall: 3 * time.Second, PeakRSS: 30 << 20, CPU: 300 * time.Millisecond, Calls: Counts{Reads: 2, Failed: 0}},
		{Wall: 1 * time.Second, PeakRSS: 10 << 20, CPU: 100 * time.Millisecond, Calls: Counts{Reads: 9, Failed: 2}},
		{Wall: 2 * time.Second, PeakRSS: 20 << 20, CPU: 900 * time.Millisecond, Calls: Counts{Reads: 2, Failed: 0}},
	}
	if got := s.Wall(); got != 2*time.Second {
		t.Errorf("Wall = %s, want the median 2s", got)
	}
	if got := s.PeakRSS(); got != 20<<20 {
		t.Errorf("PeakRSS = %d, want the median %d", got, 20<<20)
	}
	if got := s.CPU(); got != 300*time.Millisecond {
		t.Errorf("CPU = %s, want the median 300ms", got)
	}
	if got := s.Reads(); got != 2 {
		t.Errorf("Reads = %d, want the median 2", got)
	}
	if got := s.Failed(); got != 2 {
		t.Errorf("Failed = %d, want the worst run's 2", got)
	}
}
