package acctest

import (
	"testing"
	"time"
)

func TestOperationOverlapArithmetic(t *testing.T) {
	at := func(s float64) time.Time { return time.Unix(0, 0).Add(time.Duration(s * float64(time.Second))) }
	op := func(from, to float64) Operation {
		end := at(to)
		return Operation{Start: at(from), End: &end}
	}
	running := Operation{Start: at(5)}

	if !op(0, 2).overlaps(op(1, 3)) || op(0, 2).overlaps(op(2, 3)) || op(2, 3).overlaps(op(0, 2)) {
		t.Error("overlaps: [0,2) and [1,3) overlap; [0,2) and [2,3) only touch")
	}
	if !running.overlaps(op(4, 6)) || running.overlaps(op(0, 5)) {
		t.Error("overlaps: a running operation overlaps what ends after it started, not what ended before")
	}
	for name, tc := range map[string]struct {
		ops  []Operation
		want int
	}{
		"none":               {nil, 0},
		"one after another":  {[]Operation{op(0, 1), op(1, 2), op(2, 3)}, 1},
		"all at once":        {[]Operation{op(0, 3), op(0.1, 3), op(0.2, 3), op(0.3, 3)}, 4},
		"two pairs":          {[]Operation{op(0, 2), op(1, 3), op(4, 6), op(5, 7)}, 2},
		"a long one and two": {[]Operation{op(0, 10), op(1, 2), op(3, 4)}, 2},
		"still running":      {[]Operation{op(0, 10), running, op(6, 7)}, 3},
	} {
		if got := mostAtOnce(tc.ops); got != tc.want {
			t.Errorf("%s: mostAtOnce = %d, want %d", name, got, tc.want)
		}
	}
}
