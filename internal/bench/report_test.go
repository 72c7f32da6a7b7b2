package bench

import (
	"strings"
	"testing"
	"time"
)

func TestReportWrite(t *testing.T) {
	rep := &report{Info: []string{"commit abc"}}
	sec := rep.section("Refresh")
	one := Samples{{Wall: time.Second, Calls: Counts{Reads: 2}}}
	hundred := Samples{{Wall: 2500 * time.Millisecond, Calls: Counts{Reads: 4}}}
	sec.reads("refresh, 100 pools", hundred, 1)
	sec.wall("refresh, 100 pools", hundred, "refresh of 1 pool", one)
	sec.add("a|b", "failed calls", "0", "–", ratio(1, 0))
	rep.readGoal("refresh, 100 pools", hundred, 1)
	rep.readGoal("refresh, 1 pool", one, 1)

	var b strings.Builder
	rep.write(&b)
	out := b.String()
	for _, want := range []string{
		"# make bench\n\n- commit abc\n",
		"## Refresh\n\n| scenario | figure | value | compared to | ratio |\n|---|---|---|---|---|\n",
		"| refresh, 100 pools | ARM reads | 4 | budget 2 + 1 cluster = 3 | 1.33 |\n",
		"| refresh, 100 pools | wall | 2.50 s | refresh of 1 pool 1.00 s | 2.50 |\n",
		`| a\|b | failed calls | 0 | – | – |` + "\n",
		"| refresh, 100 pools: ARM reads ≤ 2 + 1 | 4 | no |\n",
		"| refresh, 1 pool: ARM reads ≤ 2 + 1 | 2 | yes |\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestFormats(t *testing.T) {
	if got := mib(32 << 20); got != "32.0 MiB" {
		t.Errorf("mib = %q", got)
	}
	if got := seconds(1234 * time.Millisecond); got != "1.23 s" {
		t.Errorf("seconds = %q", got)
	}
	if got := count(10, "cluster"); got != "10 clusters" {
		t.Errorf("count = %q", got)
	}
	if got := count(1, "pool"); got != "1 pool" {
		t.Errorf("count = %q", got)
	}
	if got := ratio(13, 10); got != "1.30" {
		t.Errorf("ratio = %q", got)
	}
}
