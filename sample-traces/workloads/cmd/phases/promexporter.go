//go:build promexporter
// +build promexporter

package main

// A Prometheus exporter inside the phases workload, so that /metrics shows
// the runtime/metrics histograms of a process that really goes through the
// phases. Built only with -tags promexporter, because it needs
// github.com/prometheus/client_golang, which the workloads module does not
// require (it is standard library only). record-metrics.sh builds it in
// GOPATH mode (GO111MODULE=off) against Debian's golang-github-prometheus-*
// source packages.
//
// -listen ADDR serves /metrics on ADDR (a loopback address) with a registry
// holding the Go collector with every runtime/metrics metric
// (collectors.WithGoCollectorRuntimeMetrics(collectors.MetricsAll)) and the
// process collector. -linger D keeps serving for D after the last phase so a
// scraper can take a final scrape.

import (
	"flag"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

var (
	promListen = flag.String("listen", "", "serve Prometheus /metrics on this address (e.g. 127.0.0.1:9464)")
	promLinger = flag.Duration("linger", 0, "keep serving /metrics this long after the last phase")
)

func init() { hooks = append(hooks, startExporter) }

func startExporter() func() {
	if *promListen == "" {
		return func() {}
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(collectors.WithGoCollectorRuntimeMetrics(collectors.MetricsAll)),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	ln, err := net.Listen("tcp", *promListen)
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{EnableOpenMetrics: true}))
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	log.Printf("serving /metrics on %s", ln.Addr())
	return func() {
		if *promLinger > 0 {
			time.Sleep(*promLinger)
		}
		srv.Close()
	}
}
