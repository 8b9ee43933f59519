// Command gctrace-regexp is the baseline that `gcscope summary` is measured against: it reads a
// GODEBUG=gctrace=1 log the way existing Go tools do — a bufio.Scanner with a big buffer, the
// regular expression from shared/formats.md §1.9 applied to each line with FindStringSubmatch,
// strconv.Atoi/ParseFloat for every field, one struct per cycle in a slice — and prints the same
// summary figures as `gcscope summary`, in the same layout:
//
//	gctrace-regexp FILE          text, the rows of `gcscope summary FILE` from "cycles" on
//	gctrace-regexp -json FILE    the keys of `gcscope summary --json FILE` for those figures
//
// The figures are defined as gcscope defines them (app/.../analysis/GcSummary.java):
//   - cycles: gc lines (a line repeated with the same number and time counts once);
//   - forced: lines ending in " (forced)", plus gc lines right after a "GC forced" line;
//   - runs: the gc number not rising starts a new run (a restarted process);
//   - stw pause: sweep termination + mark termination clock (Go 1.5: + the write-barrier phase);
//     percentiles by linear interpolation between closest ranks (Hyndman & Fan R-7), computed with
//     the same float operations as commons-math3's Percentile (EstimationType.R_7);
//   - heap peak: the largest heap at the start or end of any cycle, MB;
//   - gc cpu: the last percent of each run, averaged over runs weighted by the run's last @time.
//
// Only the standard library; `go 1.19` in go.mod, so any Go from 1.19 on builds it.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// gcLine is formats.md §1.9 as written: every released Go ≥1.5 form of the gc line.
var gcLine = regexp.MustCompile(`^gc (\d+) @(\d+\.\d{3})s (\d+)%(?: \(checking for goroutine leaks\))?: ([0-9.]+(?:\+[0-9.]+){2,4}) ms clock, ([0-9.+/]+) ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (?:(\d+) MB stacks, (\d+) MB globals, )?(\d+) P( \(forced\))?$`)

// cycle is one parsed gc line, every field kept as a tool building a table would.
type cycle struct {
	gc, cpuPct                             int
	startS                                 float64
	clockMs                                []float64
	cpuMs                                  []float64
	heapStart, heapEnd, heapLive, heapGoal int
	stacks, globals, procs                 int // -1 when absent (Go < 1.18)
	forced, periodic                       bool
	run                                    int
}

func main() {
	asJSON := flag.Bool("json", false, "print the figures as JSON (the keys of gcscope summary --json)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gctrace-regexp [-json] FILE")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	name := flag.Arg(0)
	cycles, err := read(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gctrace-regexp:", err)
		os.Exit(1)
	}
	s := summarize(cycles)
	if *asJSON {
		s.printJSON(name)
	} else {
		s.printText(name)
	}
}

func read(name string) ([]cycle, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var cycles []cycle
	lastGc, lastStart, run := math.MaxInt, -1.0, 0
	periodicNext := false
	for sc.Scan() {
		line := sc.Text()
		if line == "GC forced" { // the 2-minute periodic GC announces its gc line
			periodicNext = true
			continue
		}
		m := gcLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		c := cycle{stacks: -1, globals: -1, periodic: periodicNext, forced: m[13] != ""}
		periodicNext = false
		c.gc, _ = strconv.Atoi(m[1])
		c.startS, _ = strconv.ParseFloat(m[2], 64)
		c.cpuPct, _ = strconv.Atoi(m[3])
		for _, t := range strings.Split(m[4], "+") {
			v, _ := strconv.ParseFloat(t, 64)
			c.clockMs = append(c.clockMs, v)
		}
		for _, t := range strings.FieldsFunc(m[5], func(r rune) bool { return r == '+' || r == '/' }) {
			v, _ := strconv.ParseFloat(t, 64)
			c.cpuMs = append(c.cpuMs, v)
		}
		c.heapStart, _ = strconv.Atoi(m[6])
		c.heapEnd, _ = strconv.Atoi(m[7])
		c.heapLive, _ = strconv.Atoi(m[8])
		c.heapGoal, _ = strconv.Atoi(m[9])
		if m[10] != "" {
			c.stacks, _ = strconv.Atoi(m[10])
			c.globals, _ = strconv.Atoi(m[11])
		}
		c.procs, _ = strconv.Atoi(m[12])
		if c.gc == lastGc && c.startS == lastStart && len(cycles) > 0 {
			continue // the same line twice (a log shipper's retry)
		}
		if c.gc <= lastGc {
			run++
		}
		lastGc, lastStart = c.gc, c.startS
		c.run = run
		cycles = append(cycles, c)
	}
	return cycles, sc.Err()
}

type summary struct {
	cycles, forced, runs     int
	stwCount                 int
	p50, p90, p99, p999, max float64
	heapPeakMb, gcCPUPct     float64
}

func summarize(cycles []cycle) summary {
	s := summary{cycles: len(cycles), heapPeakMb: math.NaN(), gcCPUPct: math.NaN()}
	stw := make([]float64, 0, len(cycles))
	weighted, weight := 0.0, 0.0
	for i, c := range cycles {
		if c.forced || c.periodic {
			s.forced++
		}
		if i == 0 || c.run != cycles[i-1].run {
			s.runs++
		}
		if p := stwMs(c.clockMs); !math.IsNaN(p) {
			stw = append(stw, p)
		}
		for _, h := range []int{c.heapStart, c.heapEnd} {
			if math.IsNaN(s.heapPeakMb) || float64(h) > s.heapPeakMb {
				s.heapPeakMb = float64(h)
			}
		}
		if i+1 == len(cycles) || cycles[i+1].run != c.run {
			w := math.Max(c.startS, 1e-3)
			weighted += float64(float64(c.cpuPct) * w)
			weight += w
		}
	}
	if weight > 0 {
		s.gcCPUPct = weighted / weight
	}
	sort.Float64s(stw)
	s.stwCount = len(stw)
	s.p50, s.p90, s.p99, s.p999 = r7(stw, 50), r7(stw, 90), r7(stw, 99), r7(stw, 99.9)
	s.max = math.NaN()
	if len(stw) > 0 {
		s.max = stw[len(stw)-1]
	}
	return s
}

// stwMs is the pause of one cycle. Go prints clock times from whole microseconds, so the sum is
// rounded back to whole microseconds: 0.012+0.003 in floats is not exactly 0.015.
func stwMs(clock []float64) float64 {
	var sum float64
	switch len(clock) {
	case 5: // Go 1.5: sweep termination + install write barriers + mark termination
		sum = clock[0] + clock[2] + clock[4]
	case 3, 4:
		sum = clock[0] + clock[len(clock)-1]
	default:
		return math.NaN()
	}
	return math.Round(sum*1000) / 1000
}

// r7 is the p-th percentile of sorted values, R-7, step by step as commons-math3 3.6.1 computes it
// (Percentile.EstimationType.R_7: index 1+(n-1)q, then lower + dif*(upper-lower)). The explicit
// float64 conversions keep the compiler from fusing a multiply-add, which Java never does.
func r7(sorted []float64, p float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	if n == 1 {
		return sorted[0]
	}
	q := p / 100
	var pos float64
	switch q {
	case 0:
		pos = 0
	case 1:
		pos = float64(n)
	default:
		pos = 1 + float64(float64(n-1)*q)
	}
	fpos := math.Floor(pos)
	dif := pos - fpos
	if pos < 1 {
		return sorted[0]
	}
	if pos >= float64(n) {
		return sorted[n-1]
	}
	lower, upper := sorted[int(fpos)-1], sorted[int(fpos)]
	return lower + float64(dif*(upper-lower))
}

func (s summary) printText(name string) {
	fmt.Println(name)
	row := func(label, value string) { fmt.Printf("  %-16s%s\n", label, value) }
	row("cycles", strconv.Itoa(s.cycles))
	row("forced", strconv.Itoa(s.forced)+"  (runtime.GC() and the 2-minute periodic GC)")
	runs := strconv.Itoa(s.runs)
	if s.runs > 1 {
		runs += "  (the gc number restarted: the process restarted)"
	}
	row("runs", runs)
	if s.stwCount == 0 {
		row("stw pause", "n/a (no cycle with pause times)")
	} else {
		row("stw pause p50", rounded(s.p50, 3)+" ms")
		row("          p90", rounded(s.p90, 3)+" ms")
		row("          p99", rounded(s.p99, 3)+" ms")
		row("          p99.9", rounded(s.p999, 3)+" ms")
		row("          max", rounded(s.max, 3)+" ms")
	}
	if math.IsNaN(s.heapPeakMb) {
		row("heap peak", "n/a")
	} else {
		row("heap peak", rounded(s.heapPeakMb, 0)+" MB")
	}
	if math.IsNaN(s.gcCPUPct) {
		row("gc cpu", "n/a")
	} else {
		row("gc cpu", rounded(s.gcCPUPct, 1)+" %  (since program start, as Go reports it)")
	}
}

func (s summary) printJSON(name string) {
	num := func(v float64) string {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return "null"
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	q := strconv.Quote(name)
	fmt.Printf("{\n  \"file\" : %s,\n  \"cycles\" : %d,\n  \"forced\" : %d,\n  \"runs\" : %d,\n", q, s.cycles, s.forced, s.runs)
	fmt.Printf("  \"stw_ms\" : {\n    \"p50\" : %s,\n    \"p90\" : %s,\n    \"p99\" : %s,\n    \"p999\" : %s,\n    \"max\" : %s\n  },\n",
		num(s.p50), num(s.p90), num(s.p99), num(s.p999), num(s.max))
	fmt.Printf("  \"heap_peak_mb\" : %s,\n  \"gc_cpu_pct\" : %s\n}\n", num(s.heapPeakMb), num(s.gcCPUPct))
}

// rounded matches gcscope's PlainNumbers.rounded: the shortest decimal that reads back as v,
// rounded half-even to at most `decimals` places, trailing zeros dropped ("0.2", "12", "0").
func rounded(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if len(frac) > decimals {
		keep, rest := frac[:decimals], frac[decimals:]
		digits, _ := strconv.ParseInt(intPart+keep, 10, 64)
		up := rest[0] > '5' || (rest[0] == '5' && (strings.TrimRight(rest[1:], "0") != "" || digits%2 == 1))
		if up {
			digits++
		}
		str := strconv.FormatInt(digits, 10)
		for len(str) <= decimals {
			str = "0" + str
		}
		intPart, frac = str[:len(str)-decimals], str[len(str)-decimals:]
	}
	frac = strings.TrimRight(frac, "0")
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if out == "0" {
		return "0"
	}
	if neg {
		return "-" + out
	}
	return out
}
