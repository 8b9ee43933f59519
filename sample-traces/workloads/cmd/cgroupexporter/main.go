// Command cgroupexporter serves the CPU bandwidth counters of one cgroup v1
// group under the metric names cAdvisor gives them, for recording what a
// Prometheus that scrapes cAdvisor (or the kubelet's /metrics/cadvisor) holds
// during an incident. cAdvisor itself is not packaged for Debian 12, and these
// four series are plain copies of the kernel's counters:
//
//	container_cpu_cfs_periods_total            cpu.stat nr_periods
//	container_cpu_cfs_throttled_periods_total  cpu.stat nr_throttled
//	container_cpu_cfs_throttled_seconds_total  cpu.stat throttled_time / 1e9
//	container_cpu_usage_seconds_total{cpu="total"}  cpuacct.usage / 1e9
//
// each with cAdvisor's id, image and name labels (id is the cgroup path).
// Standard library only.
//
//	cgroupexporter -listen 127.0.0.1:19465 -cgroup /gcscope-quota50
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

var (
	listen = flag.String("listen", "127.0.0.1:19465", "address to serve /metrics on")
	group  = flag.String("cgroup", "", "cgroup path below the v1 cpu and cpuacct hierarchies, e.g. /gcscope-quota50")
	root   = flag.String("root", "/sys/fs/cgroup", "where the v1 hierarchies are mounted")
)

func main() {
	flag.Parse()
	if *group == "" {
		log.Fatal("-cgroup is required")
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/metrics", serve)
	log.Printf("serving %s on %s", *group, ln.Addr())
	log.Fatal(http.Serve(ln, nil))
}

func serve(w http.ResponseWriter, _ *http.Request) {
	stat, err := readStat(filepath.Join(*root, "cpu", *group, "cpu.stat"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	usage, err := readNumber(filepath.Join(*root, "cpuacct", *group, "cpuacct.usage"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	labels := fmt.Sprintf(`id=%q,image="",name=""`, *group)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	counter(w, "container_cpu_cfs_periods_total", "Number of elapsed enforcement period intervals.", labels, stat["nr_periods"])
	counter(w, "container_cpu_cfs_throttled_periods_total", "Number of throttled period intervals.", labels, stat["nr_throttled"])
	counter(w, "container_cpu_cfs_throttled_seconds_total", "Total time duration the container has been throttled.", labels, stat["throttled_time"]/1e9)
	counter(w, "container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.", `cpu="total",`+labels, usage/1e9)
}

func counter(w http.ResponseWriter, name, help, labels string, v float64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s{%s} %s\n", name, help, name, name, labels,
		strconv.FormatFloat(v, 'g', -1, 64))
}

func readStat(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]float64{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		k, v, ok := strings.Cut(s.Text(), " ")
		if !ok {
			continue
		}
		if x, err := strconv.ParseFloat(v, 64); err == nil {
			out[k] = x
		}
	}
	return out, s.Err()
}

func readNumber(path string) (float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
}
