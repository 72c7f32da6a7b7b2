package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// report is what `make bench` prints: a header, a markdown table per
// scenario and the goals. Rows come in a fixed order with fixed
// names, so two reports (two commits) compare line by line.
type report struct {
	Info     []string
	sections []section
	goals    []goal
}

type section struct {
	title string
	rows  []row
}

// row is one figure: its value, what it is compared to, and value/compared.
type row struct {
	scenario, figure, value, compared, ratio string
}

// goal is a target the issue sets and whether this run met it.
type goal struct {
	target, measured string
	met              bool
}

func (r *report) section(title string) *section {
	r.sections = append(r.sections, section{title: title})
	return &r.sections[len(r.sections)-1]
}

func (s *section) add(scenario, figure, value, compared, ratio string) {
	s.rows = append(s.rows, row{scenario, figure, value, compared, ratio})
}

// wall adds a wall-time row compared to a baseline.
func (s *section) wall(scenario string, v Samples, baseName string, base Samples) {
	s.add(scenario, "wall", seconds(v.Wall()), baseName+" "+seconds(base.Wall()), ratio(float64(v.Wall()), float64(base.Wall())))
}

// reads adds an ARM reads row compared to the budget of 2 + one per cluster.
func (s *section) reads(scenario string, v Samples, clusters int) {
	budget := readBudget(clusters)
	s.add(scenario, "ARM reads", fmt.Sprint(v.Reads()), fmt.Sprintf("budget 2 + %s = %d", count(clusters, "cluster"), budget),
		ratio(float64(v.Reads()), float64(budget)))
}

// readBudget is the bound on the reads of a refresh: 2 + clusters.
func readBudget(clusters int) int64 { return int64(2 + clusters) }

func (r *report) write(w io.Writer) {
	fmt.Fprintln(w, "# make bench")
	fmt.Fprintln(w)
	for _, line := range r.Info {
		fmt.Fprintln(w, "- "+line)
	}
	for _, s := range r.sections {
		fmt.Fprintf(w, "\n## %s\n\n", s.title)
		fmt.Fprintln(w, "| scenario | figure | value | compared to | ratio |")
		fmt.Fprintln(w, "|---|---|---|---|---|")
		for _, x := range s.rows {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", escape(x.scenario), escape(x.figure), escape(x.value), escape(x.compared), escape(x.ratio))
		}
	}
	if len(r.goals) == 0 {
		return
	}
	fmt.Fprintln(w, "\n## Goals\n\n| goal | measured | met |\n|---|---|---|")
	for _, g := range r.goals {
		met := "no"
		if g.met {
			met = "yes"
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", escape(g.target), escape(g.measured), met)
	}
}

// count is "1 pool", "10 pools".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mib(bytes int64) string { return fmt.Sprintf("%.1f MiB", float64(bytes)/(1<<20)) }

// ratio is a/b with two decimals, or "–" when b is 0.
func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", a/b)
}

// escape keeps a cell's text from ending the cell.
func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
