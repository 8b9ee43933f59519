// Command idle allocates a little and then sleeps, so that the Go runtime's
// periodic (2-minute) forced GC runs. With GODEBUG=gctrace=1 the runtime prints
// a "GC forced" line followed by an ordinary gc line for that cycle.
//
// Standard library only; builds with Go 1.19 and later.
package main

import (
	"flag"
	"log"
	"runtime"
	"time"
)

var start = time.Now()

var sink [][]byte

func main() {
	idle := flag.Duration("idle", 130*time.Second, "how long to stay idle after the allocation phase")
	flag.Parse()

	log.Printf("phase=alloc start t=%.3fs", time.Since(start).Seconds())
	// A few MB of short-lived garbage: enough for a handful of ordinary cycles.
	for i := 0; i < 2000; i++ {
		b := make([]byte, 8<<10)
		b[0] = byte(i)
		sink = append(sink, b)
		if len(sink) > 64 {
			sink = sink[:0]
		}
	}
	runtime.KeepAlive(sink)
	log.Printf("phase=idle start t=%.3fs", time.Since(start).Seconds())
	time.Sleep(*idle)
	log.Printf("phase=exit start t=%.3fs", time.Since(start).Seconds())
}
