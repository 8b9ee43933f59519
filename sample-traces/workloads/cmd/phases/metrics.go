package main

// runtime/metrics histograms as JSON, for recording sample dumps. Standard
// library only (runtime/metrics exists since Go 1.16).
//
// -metrics-json FILE writes one JSON object per line: a snapshot when the
// program starts, one every -metrics-interval, and one at exit:
//
//	{"t":<seconds since start>,"wall":<Unix seconds>,"histograms":{"<name>":{"counts":[...],"buckets":[...]},...},
//	 "values":{"<name>":<number>,...}}
//
// with every KindFloat64Histogram metric of the running Go version (or those
// named by -metrics-histograms) and every scalar metric (KindUint64 and
// KindFloat64) in "values" (the map keys are sorted: encoding/json sorts
// them). "wall" is the time.Now() the snapshot was read at, so the snapshot
// can be put on one clock with other recordings (gcscope diagnose); "t" and
// "wall" come from one time.Now(). -Inf and +Inf boundaries are written as
// the strings "-Inf" and "+Inf": encoding/json cannot encode them.
//
// -metrics-json-list FILE writes, once at exit, a JSON array of
//
//	{"name":"<name>","kind":"histogram","counts":[...],"buckets":[...]}
//
// objects (in metrics.All() order), with the infinite boundaries as null.
// -metrics-json-indent indents that array by two spaces (json.MarshalIndent).

import (
	"encoding/json"
	"flag"
	"log"
	"math"
	"os"
	"runtime/metrics"
	"strings"
	"sync"
	"time"
)

var (
	metricsLines    = flag.String("metrics-json", "", "write every runtime/metrics histogram to this file every -metrics-interval, one JSON object per line")
	metricsInterval = flag.Duration("metrics-interval", 250*time.Millisecond, "interval between -metrics-json snapshots")
	metricsList     = flag.String("metrics-json-list", "", "write every runtime/metrics histogram once, at exit, to this file as a JSON array of {name, kind, counts, buckets} objects")
	metricsIndent   = flag.Bool("metrics-json-indent", false, "indent the -metrics-json-list array by two spaces")
	metricsNames    = flag.String("metrics-histograms", "", "comma-separated histogram names -metrics-json writes (default: all)")
)

func init() { hooks = append(hooks, startMetricsDump) }

type histLine struct {
	Counts  []uint64      `json:"counts"`
	Buckets []interface{} `json:"buckets"`
}

type snapshotLine struct {
	T          float64             `json:"t"`
	Wall       float64             `json:"wall"`
	Histograms map[string]histLine `json:"histograms"`
	Values     map[string]float64  `json:"values"`
}

type histListEntry struct {
	Name    string        `json:"name"`
	Kind    string        `json:"kind"`
	Counts  []uint64      `json:"counts"`
	Buckets []interface{} `json:"buckets"`
}

// histogramSamples returns a sample for every Float64Histogram metric of this
// Go version, or for those of them named in only (comma-separated) when it is
// not empty.
func histogramSamples(only string) []metrics.Sample {
	var s []metrics.Sample
	for _, d := range metrics.All() {
		if d.Kind == metrics.KindFloat64Histogram && (only == "" || strings.Contains(","+only+",", ","+d.Name+",")) {
			s = append(s, metrics.Sample{Name: d.Name})
		}
	}
	return s
}

// scalarSamples returns a sample for every uint64 and float64 metric.
func scalarSamples() []metrics.Sample {
	var s []metrics.Sample
	for _, d := range metrics.All() {
		if d.Kind == metrics.KindUint64 || d.Kind == metrics.KindFloat64 {
			s = append(s, metrics.Sample{Name: d.Name})
		}
	}
	return s
}

func scalar(v metrics.Value) float64 {
	if v.Kind() == metrics.KindUint64 {
		return float64(v.Uint64())
	}
	return v.Float64()
}

// bounds converts bucket boundaries, writing an infinite one as inf(+1 or -1).
func bounds(b []float64, inf func(sign int) interface{}) []interface{} {
	out := make([]interface{}, len(b))
	for i, x := range b {
		switch {
		case math.IsInf(x, 1):
			out[i] = inf(1)
		case math.IsInf(x, -1):
			out[i] = inf(-1)
		default:
			out[i] = x
		}
	}
	return out
}

func infString(sign int) interface{} {
	if sign > 0 {
		return "+Inf"
	}
	return "-Inf"
}

func infNull(int) interface{} { return nil }

func counts(h *metrics.Float64Histogram) []uint64 {
	c := make([]uint64, len(h.Counts))
	copy(c, h.Counts)
	return c
}

func startMetricsDump() func() {
	if *metricsLines == "" && *metricsList == "" {
		return func() {}
	}
	samples := histogramSamples(*metricsNames)
	scalars := scalarSamples()
	var f *os.File
	var stop chan struct{}
	var wg sync.WaitGroup
	snapshot := func() {
		now := time.Now()
		metrics.Read(samples)
		metrics.Read(scalars)
		line := snapshotLine{
			T:          math.Round(now.Sub(start).Seconds()*1000) / 1000,
			Wall:       math.Round(float64(now.UnixNano())/1e3) / 1e6,
			Histograms: map[string]histLine{},
			Values:     map[string]float64{},
		}
		for _, s := range samples {
			h := s.Value.Float64Histogram()
			line.Histograms[s.Name] = histLine{Counts: counts(h), Buckets: bounds(h.Buckets, infString)}
		}
		for _, s := range scalars {
			if s.Value.Kind() != metrics.KindBad {
				line.Values[s.Name] = scalar(s.Value)
			}
		}
		b, err := json.Marshal(line)
		if err != nil {
			log.Fatalf("metrics-json: %v", err)
		}
		if _, err := f.Write(append(b, '\n')); err != nil {
			log.Fatalf("metrics-json: %v", err)
		}
	}
	if *metricsLines != "" {
		var err error
		if f, err = os.Create(*metricsLines); err != nil {
			log.Fatalf("metrics-json: %v", err)
		}
		snapshot()
		stop = make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(*metricsInterval)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					snapshot()
				}
			}
		}()
	}
	return func() {
		if f != nil {
			close(stop)
			wg.Wait()
			snapshot()
			if err := f.Close(); err != nil {
				log.Fatalf("metrics-json: %v", err)
			}
		}
		if *metricsList != "" {
			samples := histogramSamples("")
			metrics.Read(samples)
			list := make([]histListEntry, 0, len(samples))
			for _, s := range samples {
				h := s.Value.Float64Histogram()
				list = append(list, histListEntry{Name: s.Name, Kind: "histogram", Counts: counts(h), Buckets: bounds(h.Buckets, infNull)})
			}
			var b []byte
			var err error
			if *metricsIndent {
				b, err = json.MarshalIndent(list, "", "  ")
			} else {
				b, err = json.Marshal(list)
			}
			if err == nil {
				err = os.WriteFile(*metricsList, append(b, '\n'), 0o644)
			}
			if err != nil {
				log.Fatalf("metrics-json-list: %v", err)
			}
		}
	}
}
