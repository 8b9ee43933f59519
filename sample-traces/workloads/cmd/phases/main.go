// Command phases is a deterministic workload that moves through phases with
// different garbage-collection regimes, for recording real GODEBUG=gctrace=1
// output. Standard library only; builds with Go 1.19 and later.
//
// Phases, in order (durations are flags):
//
//	low-alloc  low allocation rate (-low-alloc-rate MB/s) over a tiny live heap (~2 MB)
//	cache      a cache (map of entries with retained payloads) grows linearly to
//	           -cache-mb; most of what is allocated survives. GC percent is set to
//	           -cache-gogc for this phase only (see below) and restored afterwards.
//	burst      the cache is dropped, then -burst-goroutines goroutines allocate
//	           short-lived garbage as fast as the machine allows
//	forced     runtime.GC() every -forced-interval with little allocation in between
//	surge      off unless -surge is given: -surge-goroutines goroutines are started
//	           at once, each runs -surge-spin iterations of arithmetic (about
//	           0.3 ms of CPU at the default) and exits; the phase waits for all
//	           of them, then idles until -surge has passed
//
// Each phase start is logged on stderr with the standard log package (default
// flags), as "phase=<name> start t=<seconds>s", where t is measured from a
// time.Now() taken in a package-level initializer, close to runtime start, so
// it lines up with the "@#s" field of gctrace lines. A final "phase=end" line
// marks the end of the last phase.
//
// Why -cache-gogc: with GOGC=100 a heap where nearly everything survives only
// gets a GC cycle each time the live heap doubles (~6 cycles from 2 MB to
// 240 MB). A lower GC percent during the cache phase gives ~30 cycles of a
// high-survival regime. Set -cache-gogc=0 to leave GOGC unchanged.
//
// -app-log-rate N makes a separate goroutine write N ordinary application log
// lines per second to stderr through log.Printf. The runtime prints a gc line
// with several write(2) calls and without taking the log package's lock, so
// heavy application logging splits some gc lines mid-line, as in real logs.
//
// metrics.go adds -metrics-json and -metrics-json-list (runtime/metrics
// histograms as JSON, standard library only). promexporter.go, built only with
// -tags promexporter (it needs prometheus/client_golang), serves /metrics while
// the phases run. Without these flags the program behaves exactly as before.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

// start is taken during package initialisation, before main runs.
var start = time.Now()

func since() float64 { return time.Since(start).Seconds() }

func phase(name string) { log.Printf("phase=%s start t=%.3fs", name, since()) }

var (
	lowDur      = flag.Duration("low-alloc", 5*time.Second, "duration of the low-alloc phase")
	cacheDur    = flag.Duration("cache", 5*time.Second, "duration of the cache phase")
	burstDur    = flag.Duration("burst", 5*time.Second, "duration of the burst phase")
	forcedDur   = flag.Duration("forced", 5*time.Second, "duration of the forced phase")
	lowRate     = flag.Int("low-alloc-rate", 20, "allocation rate of the low-alloc phase, MB/s")
	cacheMB     = flag.Int("cache-mb", 240, "size the cache grows to by the end of the cache phase, MB")
	cacheGOGC   = flag.Int("cache-gogc", 25, "GC percent during the cache phase (0 = leave GOGC unchanged)")
	burstG      = flag.Int("burst-goroutines", 64, "number of allocating goroutines in the burst phase")
	forcedEvery = flag.Duration("forced-interval", 75*time.Millisecond, "interval between runtime.GC() calls in the forced phase")
	appLogRate  = flag.Int("app-log-rate", 0, "application log lines per second written to stderr by a separate goroutine (0 = none)")
	surgeDur    = flag.Duration("surge", 0, "duration of the surge phase after the forced phase (0 = no surge phase)")
	surgeG      = flag.Int("surge-goroutines", 4000, "goroutines started at once in the surge phase")
	surgeSpin   = flag.Int("surge-spin", 200000, "iterations of arithmetic each surge goroutine runs")
)

// hooks start optional instruments after flag parsing (metrics.go,
// promexporter.go); each returns a function that main calls at exit, after
// the phase=end line, in reverse order.
var hooks []func() (stop func())

// Retained data. Package-level so that the compiler cannot drop it.
var (
	table [][]byte          // small live table, low-alloc phase
	ring  [64][]byte        // recently used buffers (short survival)
	cache map[uint64]*entry // the growing cache
	sink  atomic.Value      // defeats dead-code elimination of garbage
)

type entry struct {
	id      uint64
	key     string
	payload []byte
	tags    []string
	prev    *entry
}

func main() {
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: phases [flags]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	var stops []func()
	for _, h := range hooks {
		stops = append(stops, h())
	}
	var stopLog chan struct{}
	var logDone sync.WaitGroup
	if *appLogRate > 0 {
		stopLog = make(chan struct{})
		logDone.Add(1)
		go func() { defer logDone.Done(); appLogger(*appLogRate, stopLog) }()
	}

	lowAlloc(*lowDur, *lowRate)
	growCache(*cacheDur, *cacheMB, *cacheGOGC)
	burst(*burstDur, *burstG)
	forced(*forcedDur, *forcedEvery)
	if *surgeDur > 0 {
		surge(*surgeDur, *surgeG, *surgeSpin)
	}
	phase("end")

	if stopLog != nil {
		close(stopLog)
		logDone.Wait()
	}
	for i := len(stops) - 1; i >= 0; i-- {
		stops[i]()
	}
}

// fill writes a deterministic pattern into b (touches every page).
func fill(b []byte, seed uint64) {
	for i := 0; i < len(b); i += 512 {
		b[i] = byte(seed + uint64(i))
	}
}

// lowAlloc keeps a ~2 MB table alive and allocates small request-sized
// objects at rate MB/s, paced against the clock.
func lowAlloc(d time.Duration, rateMB int) {
	phase("low-alloc")
	table = make([][]byte, 0, 2048)
	for i := 0; i < 2048; i++ {
		b := make([]byte, 1024)
		fill(b, uint64(i))
		table = append(table, b)
	}
	const obj = 1024
	t0 := time.Now()
	var allocated int64
	var n uint64
	for {
		el := time.Since(t0)
		if el >= d {
			break
		}
		want := int64(el.Seconds() * float64(rateMB) * (1 << 20))
		for allocated < want {
			b := make([]byte, obj)
			fill(b, n)
			ring[n%uint64(len(ring))] = b
			allocated += obj
			n++
		}
		time.Sleep(2 * time.Millisecond)
	}
}

var paths = []string{"/api/v1/items", "/api/v1/items/42", "/api/v1/users", "/healthz", "/api/v1/orders", "/metrics"}

// growCache grows a map-based cache linearly to sizeMB over d. Every insert
// retains a 4 KiB payload plus its entry, key and tags, and throws away a
// 2 KiB decode buffer, so about two thirds of the allocated bytes survive.
func growCache(d time.Duration, sizeMB, gogc int) {
	phase("cache")
	if gogc > 0 {
		old := debug.SetGCPercent(gogc)
		defer debug.SetGCPercent(old)
	}
	const payload = 4096
	total := sizeMB << 20 / payload
	cache = make(map[uint64]*entry)
	var prev *entry
	t0 := time.Now()
	inserted := 0
	for inserted < total {
		el := time.Since(t0)
		want := total
		if el < d {
			want = int(float64(total) * el.Seconds() / d.Seconds())
		}
		for ; inserted < want; inserted++ {
			id := uint64(inserted)
			tmp := make([]byte, 2048) // decode buffer, garbage after the insert
			fill(tmp, id)
			p := make([]byte, payload)
			copy(p, tmp)
			fill(p, id)
			e := &entry{
				id:      id,
				key:     fmt.Sprintf("item-%08d", id),
				payload: p,
				tags:    []string{paths[id%uint64(len(paths))], "cached"},
				prev:    prev,
			}
			prev = e
			cache[id] = e
			sink.Store(tmp)
		}
		if inserted < total {
			time.Sleep(2 * time.Millisecond)
		}
	}
	for time.Since(t0) < d {
		time.Sleep(5 * time.Millisecond)
	}
}

type node struct {
	next *node
	buf  []byte
	n    int
}

// burst drops every retained structure, then allocates short-lived garbage on
// g goroutines until d has passed.
func burst(d time.Duration, g int) {
	phase("burst")
	cache = nil
	table = nil
	ring = [64][]byte{}
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for w := 0; w < g; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			sizes := [...]int{64, 256, 512, 1024, 2048, 4096, 8192}
			var keep [2]*node // a tiny working set per goroutine
			for i := 0; ; i++ {
				if i&255 == 0 && time.Now().After(deadline) {
					return
				}
				nd := &node{buf: make([]byte, sizes[(i+w)%len(sizes)]), n: i}
				nd.buf[0] = byte(i)
				nd.next = keep[i%len(keep)]
				if nd.next != nil {
					nd.next.next = nil // keep chains short: garbage stays garbage
				}
				keep[i%len(keep)] = nd
			}
		}(w)
	}
	wg.Wait()
}

// forced calls runtime.GC() every interval, allocating only a little between calls.
func forced(d, every time.Duration) {
	phase("forced")
	t0 := time.Now()
	for i := 0; time.Since(t0) < d; i++ {
		for j := 0; j < 64; j++ {
			b := make([]byte, 1024)
			fill(b, uint64(i*64+j))
			ring[j] = b
		}
		time.Sleep(every)
		runtime.GC()
	}
}

// surge starts g goroutines at once, each running iters iterations of
// arithmetic and allocating a little, as a server does when a fan-out or a
// reconnect storm hits it; then it waits for all of them and idles until d has
// passed. A fixed iteration count (not a duration) keeps the work the same with
// and without a CPU quota.
func surge(d time.Duration, g, iters int) {
	phase("surge")
	t0 := time.Now()
	var wg sync.WaitGroup
	wg.Add(g)
	for w := 0; w < g; w++ {
		go func(w int) {
			defer wg.Done()
			b := make([]byte, 2048)
			b[0] = byte(spin(iters, uint64(w)))
			sink.Store(b)
		}(w)
	}
	wg.Wait()
	for time.Since(t0) < d {
		time.Sleep(5 * time.Millisecond)
	}
}

// spin is deterministic arithmetic the compiler cannot drop (its result is used).
func spin(n int, x uint64) uint64 {
	for i := 0; i < n; i++ {
		x = x*6364136223846793005 + 1442695040888963407
	}
	return x
}

var statuses = []int{200, 200, 200, 201, 200, 304, 200, 404, 200, 500}

// appLogger writes rate lines per second via log.Printf until stop is closed.
func appLogger(rate int, stop chan struct{}) {
	t0 := time.Now()
	var id uint64
	for {
		select {
		case <-stop:
			return
		default:
		}
		want := uint64(time.Since(t0).Seconds() * float64(rate))
		for ; id < want; id++ {
			log.Printf("request id=%d path=%s status=%d dur=%.1fms",
				id, paths[id%uint64(len(paths))], statuses[id%uint64(len(statuses))], float64(id%97)/10+0.3)
		}
		time.Sleep(time.Millisecond)
	}
}
