// Command gcstats summarises a gctrace log written by the phases workload:
// per phase, the number of gc cycles, an approximate allocation rate and the
// mean survival (marked live heap / heap at GC end). It reads the phase lines
// ("phase=<name> start t=<s>s") and assigns each gc line to a phase by its
// "@<s>s" start time. Lines may carry prefixes (CRI, syslog, ...) and CRLF
// ends; .gz files are decompressed. A gc line that was split by other output
// (it starts with "gc N @" but its fields are not all on the line) is counted
// as split and left out of the statistics. A phase line whose t is smaller than
// the previous one starts a new run (a process restart within the file).
//
// Allocation between cycles is estimated as heap-at-end(i) - live(i-1), in MB
// as printed (truncated), so the rate is approximate.
//
//	usage: gcstats FILE...
//
// The last line for each file is machine-readable:
//
//	summary file=F gc_lines=N split=N forced_lines=N runs=N
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

var (
	gcRe    = regexp.MustCompile(`gc (\d+) @(\d+\.\d{3})s \d+%: .* ms cpu, (\d+)->(\d+)->(\d+) MB, .*?(\d+) P( \(forced\))?$`)
	phaseRe = regexp.MustCompile(`phase=(\S+) start t=(\d+\.\d{3})s`)
	gcStart = regexp.MustCompile(`gc \d+ @`)
)

type cycle struct {
	t                float64
	start, end, live int
	forced           bool
}

type ph struct {
	name string
	t    float64
}

type run struct {
	phases []ph
	cycles []cycle
}

func main() {
	for _, f := range os.Args[1:] {
		if err := summarise(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func summarise(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return err
		}
		r = zr
	}
	runs := []*run{{}}
	cur := runs[0]
	lines, split, gcLines, forcedLines := 0, 0, 0, 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		s := strings.TrimSuffix(sc.Text(), "\r")
		lines++
		if strings.HasSuffix(s, "GC forced") {
			forcedLines++
		}
		if m := phaseRe.FindStringSubmatch(s); m != nil {
			t, _ := strconv.ParseFloat(m[2], 64)
			if n := len(cur.phases); n > 0 && t < cur.phases[n-1].t {
				cur = &run{}
				runs = append(runs, cur)
			}
			cur.phases = append(cur.phases, ph{m[1], t})
		}
		if m := gcRe.FindStringSubmatch(s); m != nil {
			t, _ := strconv.ParseFloat(m[2], 64)
			a, _ := strconv.Atoi(m[3])
			b, _ := strconv.Atoi(m[4])
			c, _ := strconv.Atoi(m[5])
			cur.cycles = append(cur.cycles, cycle{t, a, b, c, m[7] != ""})
			gcLines++
		} else if gcStart.MatchString(s) {
			split++
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Printf("%s: %d lines, %d complete gc lines, %d split gc lines, %d \"GC forced\" lines, %d run(s)\n",
		path, lines, gcLines, split, forcedLines, len(runs))
	for i, rn := range runs {
		if len(runs) > 1 {
			fmt.Printf("  run %d:\n", i+1)
		}
		rn.print()
	}
	fmt.Printf("summary file=%s gc_lines=%d split=%d forced_lines=%d runs=%d\n", path, gcLines, split, forcedLines, len(runs))
	return nil
}

func (rn *run) print() {
	if len(rn.phases) == 0 {
		return
	}
	fmt.Printf("  %-10s %7s %7s %9s %9s %9s %7s\n", "phase", "dur_s", "cycles", "alloc_MBs", "survival", "max_live", "forced")
	for i, p := range rn.phases {
		if p.name == "end" || p.name == "exit" {
			continue
		}
		end, last := 0.0, i+1 == len(rn.phases)
		if !last {
			end = rn.phases[i+1].t
		}
		in := func(c cycle) bool { return c.t >= p.t && (last || c.t < end) }
		var n, nf, maxLive int
		var alloc, surv float64
		for j, c := range rn.cycles {
			if !in(c) {
				continue
			}
			n++
			if c.forced {
				nf++
			}
			if j > 0 {
				alloc += float64(c.end - rn.cycles[j-1].live)
			}
			if c.end > 0 {
				surv += float64(c.live) / float64(c.end)
			}
			if c.live > maxLive {
				maxLive = c.live
			}
		}
		rate, ms, dur := 0.0, 0.0, 0.0
		if !last {
			dur = end - p.t
			rate = alloc / dur
		}
		if n > 0 {
			ms = surv / float64(n)
		}
		fmt.Printf("  %-10s %7.2f %7d %9.1f %9.2f %9d %7d\n", p.name, dur, n, rate, ms, maxLive, nf)
	}
}
