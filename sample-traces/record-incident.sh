#!/usr/bin/env bash
# Records the incident samples of issue 16 ("why did the goroutines wait?") in
#   src/main/resources/dev/gcscope/samples/incident/
# Two runs of the same phased workload (low-alloc, cache, burst, forced, then a surge phase that
# starts 4000 goroutines at once), one in a cgroup without a CPU limit ("free") and one in a
# cgroup with a 50 % CPU quota (cpu.cfs_quota_us=50000 of a 100000 us period, "quota50"). Each
# run is recorded by every source gcscope diagnose reads, on their own clocks:
#
#   NAME-gctrace.log        GODEBUG=gctrace=1 stderr, stamped per line by crilog (containerd's CRI format)
#   NAME-metrics.jsonl.gz   runtime/metrics JSON lines every 100 ms with "wall" and "values"
#   NAME-timehist.txt.gz    perf report --header-only + perf sched timehist --state --pid of the Go
#                           process (perf sched record -k mono: the header's "reference time" line
#                           ties perf's monotonic timestamps to the wall clock; --state tells the
#                           time a thread waited after being preempted or throttled, which perf
#                           counts as wait time, from the time it slept)
#   NAME-cpu-stat.log       the cgroup's v1 cpu.stat every 100 ms after date +%s.%N
#   NAME-prometheus.json    Prometheus /api/v1/query_range responses (one per line) for cAdvisor's
#                           CFS counters and client_golang's Go collector series, scraped every 1 s
# and the free run also its cgroup v2 cpu.stat (usage only: this machine's cpu controller is on v1).
# The PROVENANCE.md part between its markers and the incident/ rows of index.tsv are regenerated.
#
#   usage: sample-traces/record-incident.sh [TOOLCHAINS]     (default /opt/go-toolchains; needs go1.24)
#
# Needs root, a cgroup v1 cpu and cpuacct hierarchy at /sys/fs/cgroup, perf (Debian linux-perf),
# prometheus (Debian's prometheus package, 2.42), apt-get (for client_golang's Debian source
# packages), curl, python3 and gzip. Takes about two minutes. Real runs: numbers differ each time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tc=${1:-/opt/go-toolchains}
res=$here/src/main/resources/dev/gcscope/samples
out=$res/incident
index=$res/index.tsv
prov=$here/PROVENANCE.md
cgv1=/sys/fs/cgroup
cgv2=/sys/fs/cgroup/unified
prom_port=19090 phases_port=19464 cgexp_port=19465

for cmd in perf prometheus curl gzip python3 apt-get dpkg-deb; do
  command -v "$cmd" >/dev/null || { echo "record-incident.sh: $cmd not found (apt-get install linux-perf prometheus curl)" >&2; exit 1; }
done
[ -f "$cgv1/cpu/cgroup.procs" ] && [ -f "$cgv1/cpuacct/cgroup.procs" ] || { echo "record-incident.sh: no cgroup v1 cpu/cpuacct at $cgv1" >&2; exit 1; }

work=$(mktemp -d /tmp/gcscope-incident.XXXXXX)
mkdir -p "$out"
echo "record-incident.sh: working in $work"

. "$here/go-overlay.sh"
gocmd() { go_with "$tc/go1.24" "$work/goroot" "$@"; }
gover=$(gocmd version)

# client_golang 1.14.0 from Debian 12's source packages, built in GOPATH mode (as record-metrics.sh)
debpkgs="golang-github-prometheus-client-golang-dev golang-github-prometheus-common-dev golang-github-prometheus-client-model-dev golang-github-prometheus-procfs-dev golang-github-beorn7-perks-dev golang-github-cespare-xxhash-dev golang-github-golang-protobuf-1-5-dev golang-google-protobuf-dev golang-golang-x-sys-dev golang-golang-x-sync-dev golang-protobuf-extensions-dev"
mkdir -p "$work/deb"
(cd "$work/deb" && apt-get download -qq $debpkgs 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
for f in "$work/deb"/*.deb; do dpkg-deb -x "$f" "$work/deb/root"; done
client=$(cd "$work/deb" && ls golang-github-prometheus-client-golang-dev_*.deb | sed 's/.*_\(.*\)_all.deb/\1/')
# the binary is called phases, so its threads are "phases" in perf's output
(cd "$here/workloads/cmd/phases" && GO111MODULE=off GOPATH="$work/deb/root/usr/share/gocode" gocmd build -tags promexporter -o "$work/phases" .)
(cd "$here/workloads" && gocmd build -o "$work/crilog" ./cmd/crilog && gocmd build -o "$work/cgroupexporter" ./cmd/cgroupexporter)
echo "built with $gover, client_golang $client"

# Prometheus on loopback, scraping the workload's /metrics and the cgroup exporter every second.
mkdir -p "$work/prom"
cat > "$work/prom/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  scrape_timeout: 1s
scrape_configs:
  - job_name: phases
    static_configs: [{targets: ['127.0.0.1:$phases_port']}]
  - job_name: cadvisor
    static_configs: [{targets: ['127.0.0.1:$cgexp_port']}]
YML
prometheus --config.file="$work/prom/prometheus.yml" --storage.tsdb.path="$work/prom/data" \
  --web.listen-address="127.0.0.1:$prom_port" > "$work/prom/prometheus.log" 2>&1 &
prom_pid=$!
cleanup() {
  kill "$prom_pid" 2>/dev/null || true
  for n in free quota50; do
    rmdir "$cgv1/cpu/gcscope-incident-$n" "$cgv1/cpuacct/gcscope-incident-$n" 2>/dev/null || true
  done
  rmdir "$cgv2/gcscope-incident-free" 2>/dev/null || true
}
trap cleanup EXIT
for i in $(seq 100); do curl -sf "http://127.0.0.1:$prom_port/-/ready" >/dev/null && break; sleep 0.2; done
promver=$(prometheus --version 2>&1 | head -1)

# The cgroups: cpu.shares 8192 (eight times a plain task's weight) so that the other work on this
# shared machine delays the workload less; quota50 adds the CPU limit, free has none.
for n in free quota50; do
  for h in cpu cpuacct; do [ -d "$cgv1/$h/gcscope-incident-$n" ] || mkdir "$cgv1/$h/gcscope-incident-$n"; done
  echo 8192 > "$cgv1/cpu/gcscope-incident-$n/cpu.shares"
  echo 100000 > "$cgv1/cpu/gcscope-incident-$n/cpu.cfs_period_us"
done
echo -1 > "$cgv1/cpu/gcscope-incident-free/cpu.cfs_quota_us"
echo 50000 > "$cgv1/cpu/gcscope-incident-quota50/cpu.cfs_quota_us"
[ -d "$cgv2/gcscope-incident-free" ] || mkdir "$cgv2/gcscope-incident-free"

phase_flags="-low-alloc 3s -cache 3s -cache-mb 96 -burst 3s -forced 3s -surge 4s -surge-goroutines 4000"
metric_flags="-metrics-json METRICS -metrics-interval 100ms -metrics-histograms /sched/latencies:seconds,/sched/pauses/total/gc:seconds -listen 127.0.0.1:$phases_port -linger 3s"
declare -A r_cmd r_start r_end r_load0 r_load1 r_pid r_sampler

# record NAME: one run in cgroup gcscope-incident-NAME
record() {
  local n=$1 cg=gcscope-incident-$1 dir=$work/$1 v2="" inner c sampler
  mkdir -p "$dir"
  [ "$n" = free ] && v2="echo \$\$ > $cgv2/$cg/cgroup.procs; "
  inner="echo \$\$ > $cgv1/cpu/$cg/cgroup.procs; echo \$\$ > $cgv1/cpuacct/$cg/cgroup.procs; ${v2}echo \$\$ > $n.pid; exec env GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases $phase_flags ${metric_flags/METRICS/$n-metrics.jsonl}"
  c="perf sched record -k mono -o $n.data -- ./crilog -o $n-gctrace.log -- sh -c '$inner'"
  sampler="while sleep 0.1; do date +%s.%N; cat $cgv1/cpu/$cg/cpu.stat; done > $n-cpu-stat.log"
  r_cmd[$n]=$c; r_sampler[$n]=$sampler
  cp "$work/phases" "$work/crilog" "$dir/"
  "$work/cgroupexporter" -listen "127.0.0.1:$cgexp_port" -cgroup "/$cg" 2> "$dir/cgroupexporter.log" &
  local exp_pid=$!
  (cd "$dir" && exec bash -c "$sampler") &
  local s1=$! s2=""
  if [ "$n" = free ]; then
    (cd "$dir" && exec bash -c "while sleep 0.1; do date +%s.%N; cat $cgv2/$cg/cpu.stat; done > $n-cpu-stat-v2.log") &
    s2=$!
  fi
  sleep 1
  r_load0[$n]=$(cut -d' ' -f1-3 /proc/loadavg); r_start[$n]=$(date +%s.%N)
  (cd "$dir" && bash -c "$c" > "$n.console" 2>&1)
  r_end[$n]=$(date +%s.%N); r_load1[$n]=$(cut -d' ' -f1-3 /proc/loadavg)
  sleep 1
  kill "$s1" $s2 "$exp_pid"
  wait "$s1" $s2 "$exp_pid" 2>/dev/null || true
  r_pid[$n]=$(cat "$dir/$n.pid")
  echo "recorded $n (pid ${r_pid[$n]}, load ${r_load0[$n]} -> ${r_load1[$n]})"
}

record free
record quota50

# ---------------------------------------------------------------- renderings
queries_of() {
  local id="/gcscope-incident-$1"
  printf '%s\n' \
    "container_cpu_cfs_periods_total{id=\"$id\"}" \
    "container_cpu_cfs_throttled_periods_total{id=\"$id\"}" \
    "container_cpu_cfs_throttled_seconds_total{id=\"$id\"}" \
    "container_cpu_usage_seconds_total{id=\"$id\"}" \
    'go_sched_latencies_seconds_bucket{job="phases"}' \
    'go_sched_pauses_total_gc_seconds_bucket{job="phases"}' \
    'go_sched_goroutines_goroutines{job="phases"}' \
    'go_sched_gomaxprocs_threads{job="phases"}' \
    'go_gc_cycles_total_gc_cycles_total{job="phases"}' \
    'go_cpu_classes_gc_total_cpu_seconds_total{job="phases"}' \
    'go_cpu_classes_gc_mark_assist_cpu_seconds_total{job="phases"}' \
    'go_cpu_classes_total_cpu_seconds_total{job="phases"}'
}
sleep 2
declare -A f_desc f_feat f_format f_cmd f_run f_transform
files=()
add() { files+=("$1"); f_run[$1]=$2; f_format[$1]=$3; f_feat[$1]=$4; f_desc[$1]=$5; f_cmd[$1]=$6; f_transform[$1]=${7:-none}; }
for n in free quota50; do
  dir=$work/$n pid=${r_pid[$n]}
  q=""; [ "$n" = quota50 ] && q=",quota50"
  what="the phased run $([ "$n" = quota50 ] && echo 'under a 50 % CPU quota' || echo 'without a CPU limit')"
  cp "$dir/$n-gctrace.log" "$out/"
  add "$n-gctrace.log" "$n" gctrace "incident,phases,forced,cri,surge$q" "gctrace of $what, stamped per line in containerd's CRI format." "${r_cmd[$n]}"
  gzip -9 -n -c "$dir/$n-metrics.jsonl" > "$out/$n-metrics.jsonl.gz"
  add "$n-metrics.jsonl.gz" "$n" metrics-json "incident,phases,lines-shape,wall,values,surge,gzip$q" "runtime/metrics JSON lines (every 100 ms, with wall and values) of $what." "${r_cmd[$n]}" "gzip -9 -n"
  cp "$dir/$n-cpu-stat.log" "$out/"
  add "$n-cpu-stat.log" "$n" cgroup-cpu-stat "incident,cgroup-v1$q" "cgroup v1 cpu.stat every 100 ms after date +%s.%N, during $what." "${r_sampler[$n]}"
  if [ "$n" = free ]; then
    cp "$dir/$n-cpu-stat-v2.log" "$out/"
    add "$n-cpu-stat-v2.log" "$n" cgroup-cpu-stat "incident,cgroup-v2" "cgroup v2 cpu.stat (usage only: no cpu controller on v2 here) every 100 ms, during $what." \
      "while sleep 0.1; do date +%s.%N; cat $cgv2/gcscope-incident-free/cpu.stat; done > $n-cpu-stat-v2.log"
  fi
  c="{ perf report --header-only -i $n.data; perf sched timehist --state --pid $pid -i $n.data; } > $n-timehist.txt"
  (cd "$dir" && bash -c "$c" 2> "$n-timehist.stderr")
  gzip -9 -n -c "$dir/$n-timehist.txt" > "$out/$n-timehist.txt.gz"
  add "$n-timehist.txt.gz" "$n" perf-sched-timehist "incident,phases,state,clock-reference,perf-header,surge,gzip$q" "perf sched timehist --state of the Go process of $what, after perf's header (reference time: wall and monotonic clock)." "$c
gzip -9 -n $n-timehist.txt" "gzip -9 -n"
  from=$(python3 -c "print(int(float('${r_start[$n]}')) - 2)"); to=$(python3 -c "print(int(float('${r_end[$n]}')) + 3)")
  c=""
  : > "$dir/$n-prometheus.json"
  while read -r query; do
    curl -sG "http://127.0.0.1:$prom_port/api/v1/query_range" --data-urlencode "query=$query" \
      --data-urlencode "start=$from" --data-urlencode "end=$to" --data-urlencode "step=1s" >> "$dir/$n-prometheus.json"
    echo >> "$dir/$n-prometheus.json"
    c="$c
curl -sG http://127.0.0.1:$prom_port/api/v1/query_range --data-urlencode 'query=$query' --data-urlencode start=$from --data-urlencode end=$to --data-urlencode step=1s >> $n-prometheus.json; echo >> $n-prometheus.json"
  done < <(queries_of "$n")
  cp "$dir/$n-prometheus.json" "$out/"
  add "$n-prometheus.json" "$n" prometheus-range "incident,cadvisor,client-golang-1.14,json-lines$q" "Prometheus query_range responses (step 1 s, one per line) of the CFS counters under cAdvisor's names (served by workloads/cmd/cgroupexporter: cAdvisor is not packaged here) and the Go collector's series during $what." "${c#?}"
done

# ---------------------------------------------------------------- provenance and index
machine="$(nproc) cores (CPU model: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')); Linux $(uname -r) ($(uname -m)); $(. /etc/os-release && echo "$PRETTY_NAME"); $(perf --version) (Debian linux-perf); $promver; a shared virtual machine where other sessions' builds ran at the same time (see the load averages)"
entries=$work/provenance.md rows=$work/index-rows.tsv
: > "$entries"; : > "$rows"
goshort=$(echo "$gover" | awk '{sub(/^go/, "", $3); print $3}')
{
  for n in free quota50; do
    echo "### Run $n"
    echo
    echo "- Go: \`$gover\`; the phases binary built with \`-tags promexporter\` against Debian 12's client_golang $client (GOPATH mode), crilog and cgroupexporter from \`workloads/\`"
    echo "- Recorded: $(date -u -d @"${r_start[$n]%.*}" +%Y-%m-%dT%H:%M:%SZ) (UTC), $(python3 -c "print(round(float('${r_end[$n]}') - float('${r_start[$n]}'), 1))") s; load average (1, 5, 15 min) before: ${r_load0[$n]}, after: ${r_load1[$n]}"
    echo "- cgroup: /gcscope-incident-$n in the v1 cpu and cpuacct hierarchies, cpu.shares 8192, cpu.cfs_period_us 100000, cpu.cfs_quota_us $([ "$n" = quota50 ] && echo '50000 (half a CPU)' || echo '-1 (no limit)')$([ "$n" = free ] && echo "; also /gcscope-incident-free in the v2 hierarchy at $cgv2")"
    echo "- Command (in the run's folder; the Go process had pid ${r_pid[$n]}):"
    echo
    echo '  ```'
    printf '%s\n' "${r_cmd[$n]}" | sed 's/^/  /'
    echo '  ```'
    echo "- cpu.stat sampler, started 1 s before and stopped 1 s after: \`${r_sampler[$n]}\`"
    echo "- cgroupexporter -listen 127.0.0.1:$cgexp_port -cgroup /gcscope-incident-$n ran alongside; Prometheus scraped it and the workload's /metrics every 1 s"
    echo "- Phases (stderr): $(grep -o 'phase=[a-z-]* start t=[0-9.]*s' "$work/$n/$n-gctrace.log" | sed 's/phase=//; s/ start t=/ /' | paste -sd ',' | sed 's/,/, /g')"
    echo "- Machine: $machine"
    echo
    for f in "${files[@]}"; do
      [ "${f_run[$f]}" = "$n" ] || continue
      echo "#### incident/$f"
      echo
      echo "- ${f_desc[$f]}"
      echo "- Command:"
      echo
      echo '  ```'
      printf '%s\n' "${f_cmd[$f]}" | sed 's/^/  /'
      echo '  ```'
      echo "- Transformation: ${f_transform[$f]}"
      echo "- Size: $(stat -c %s "$out/$f") bytes"
      echo
      printf '%s\t%s\t%s\t%s\t%s\n' "incident/$f" "${f_format[$f]}" "$goshort" "${f_feat[$f]}" "${f_desc[$f]}" >> "$rows"
    done
  done
} > "$entries"

begin='<!-- BEGIN incident recorded: generated by record-incident.sh, do not edit by hand -->'
end='<!-- END incident recorded -->'
if ! grep -qF "$begin" "$prov"; then
  printf '\n## Incident recordings (`incident/`, `record-incident.sh`)\n\n%s\n%s\n' "$begin" "$end" >> "$prov"
fi
awk -v b="$begin" -v e="$end" -v f="$entries" '
  $0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
  $0 == e { skip = 0 }
  !skip' "$prov" > "$work/prov.new"
mv "$work/prov.new" "$prov"
{
  head -1 "$index"
  awk -F'\t' 'NR > 1 && $1 !~ /^incident\//' "$index"
  sort "$rows"
} > "$work/index.new"
mv "$work/index.new" "$index"
du -ab "$out" | sort -k2 | sed "s|$out|incident|"
echo "record-incident.sh: done; temporary files are in $work"
