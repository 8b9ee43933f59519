package main

// runtime/metrics histograms as JSON, for recording sample dumps. Standard
// library only (runtime/metrics exists since Go 1.16).
//
// -metrics-json FILE writes one JSON object per line: a snapshot when the
// program starts, one every -metrics-interval, and one at exit:
//
//	{"t":<seconds since start>,"histograms":{"<name>":{"counts":[...],"buckets":[...]},...}}
//
// with every KindFloat64Histogram metric of the running Go version (the map
// keys are sorted: encoding/json sorts them). -Inf and +Inf boundaries are
// written as the strings "-Inf" and "+Inf": encoding/json cannot encode them.
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
	"sync"
	"time"
)

var (
	metricsLines    = flag.String("metrics-json", "", "write every runtime/metrics histogram to this file every -metrics-interval, one JSON object per line")
	metricsInterval = flag.Duration("metrics-interval", 250*time.Millisecond, "interval between -metrics-json snapshots")
	metricsList     = flag.String("metrics-json-list", "", "write every runtime/metrics histogram once, at exit, to this file as a JSON array of {name, kind, counts, buckets} objects")
	metricsIndent   = flag.Bool("metrics-json-indent", false, "indent the -metrics-json-list array by two spaces")
)

func init() { hooks = append(hooks, startMetricsDump) }

type histLine struct {
	Counts  []uint64      `json:"counts"`
	Buckets []interface{} `json:"buckets"`
}

type snapshotLine struct {
	T          float64             `json:"t"`
	Histograms map[string]histLine `json:"histograms"`
}

type histListEntry struct {
	Name    string        `json:"name"`
	Kind    string        `json:"kind"`
	Counts  []uint64      `json:"counts"`
	Buckets []interface{} `json:"buckets"`
}

// histogramSamples returns a sample for every Float64Histogram metric of this Go version.
func histogramSamples() []metrics.Sample {
	var s []metrics.Sample
	for _, d := range metrics.All() {
		if d.Kind == metrics.KindFloat64Histogram {
			s = append(s, metrics.Sample{Name: d.Name})
		}
	}
	return s
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
	samples := histogramSamples()
	var f *os.File
	var stop chan struct{}
	var wg sync.WaitGroup
	snapshot := func() {
		metrics.Read(samples)
		line := snapshotLine{T: math.Round(since()*1000) / 1000, Histograms: map[string]histLine{}}
		for _, s := range samples {
			h := s.Value.Float64Histogram()
			line.Histograms[s.Name] = histLine{Counts: counts(h), Buckets: bounds(h.Buckets, infString)}
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
