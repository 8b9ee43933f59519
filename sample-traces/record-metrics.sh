#!/usr/bin/env bash
# Re-records every real runtime/metrics sample in
#   src/main/resources/dev/gcscope/samples/metrics/   (not quoted/, which holds excerpts from public sources)
# and regenerates the metrics part of PROVENANCE.md and the metrics/ rows of index.tsv:
#
#  * JSON dumps of every runtime/metrics Float64Histogram, written by the phases workload itself
#    (workloads/cmd/phases/metrics.go, standard library only) for Go 1.19, 1.21, 1.22, 1.23, 1.24;
#  * Prometheus scrapes (text format and OpenMetrics) of the phases workload built with
#    -tags promexporter (workloads/cmd/phases/promexporter.go), which serves /metrics with
#    prometheus/client_golang's Go collector; client_golang comes from Debian's source packages:
#    bookworm's golang-github-prometheus-client-golang-dev 1.14.0 and trixie's 1.21.1, unpacked
#    (apt-get download + dpkg-deb -x, nothing installed) and built in GOPATH mode.
#
#   usage: sample-traces/record-metrics.sh [TOOLCHAINS]     (default /opt/go-toolchains)
#
# TOOLCHAINS must hold go1.19 go1.21 go1.22 go1.23 go1.24, each with bin/go. Needs apt-get
# (Debian, with deb.debian.org reachable), dpkg-deb, curl and gzip. Takes about 2 minutes.
# Outputs are real runs, so each re-recording differs in its numbers.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tc=${1:-/opt/go-toolchains}
res=$here/src/main/resources/dev/gcscope/samples
out=$res/metrics
index=$res/index.tsv
prov=$here/PROVENANCE.md
versions=(1.19 1.21 1.22 1.23 1.24)

for cmd in apt-get dpkg-deb curl gzip; do
  command -v "$cmd" >/dev/null || { echo "record-metrics.sh: $cmd not found" >&2; exit 1; }
done

work=$(mktemp -d /tmp/gcscope-metrics.XXXXXX)
mkdir -p "$out"
echo "record-metrics.sh: working in $work"

. "$here/go-overlay.sh"
gocmd() { local v=$1; shift; go_with "$tc/go$v" "$work/goroot/go$v" "$@"; }

declare -A gover
for v in "${versions[@]}"; do
  gover[$v]=$(gocmd "$v" version)
  mkdir -p "$work/go$v"
  (cd "$here/workloads" && gocmd "$v" build -o "$work/go$v/phases" ./cmd/phases)
  echo "built with ${gover[$v]}"
done

# ---- client_golang from Debian: bookworm (the machine's own lists) and trixie (a private list) ----
debpkgs="golang-github-prometheus-client-golang-dev golang-github-prometheus-common-dev golang-github-prometheus-client-model-dev golang-github-prometheus-procfs-dev golang-github-beorn7-perks-dev golang-github-cespare-xxhash-dev golang-github-golang-protobuf-1-5-dev golang-google-protobuf-dev golang-golang-x-sys-dev golang-golang-x-sync-dev golang-protobuf-extensions-dev"
trixie_extra="golang-github-klauspost-compress-dev golang-github-munnerz-goautoneg-dev"
apt_trixie=(-o "Dir::Etc::sourcelist=$work/apt/sources.list" -o Dir::Etc::sourceparts=/dev/null
  -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache")
mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/deb/bookworm" "$work/deb/trixie"
echo 'deb http://deb.debian.org/debian trixie main' > "$work/apt/sources.list"
apt-get "${apt_trixie[@]}" update -qq
(cd "$work/deb/bookworm" && apt-get download -qq $debpkgs 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
(cd "$work/deb/trixie" && apt-get "${apt_trixie[@]}" download -qq $debpkgs $trixie_extra 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
declare -A client debs
for suite in bookworm trixie; do
  for f in "$work/deb/$suite"/*.deb; do dpkg-deb -x "$f" "$work/deb/$suite/root"; done
  client[$suite]=$(cd "$work/deb/$suite" && ls golang-github-prometheus-client-golang-dev_*.deb | sed 's/.*_\(.*\)_all.deb/\1/')
  debs[$suite]=$(cd "$work/deb/$suite" && ls *.deb | sed 's/_all.deb$//; s/_/ /' | paste -sd ';' | sed 's/;/; /g')
done
# promexporter BINARY SUITE GOVERSION: phases with the exporter, built in GOPATH mode
promexporter() {
  (cd "$here/workloads/cmd/phases" && GO111MODULE=off GOPATH="$work/deb/$2/root/usr/share/gocode" \
    gocmd "$3" build -tags promexporter -o "$work/go$3/$1" .)
}
promexporter promexporter-bookworm bookworm 1.19
promexporter promexporter-bookworm bookworm 1.24
promexporter promexporter-trixie trixie 1.24   # client_golang 1.21 needs Go >= 1.21 (slices)
echo "built the exporters: client_golang ${client[bookworm]} (bookworm), ${client[trixie]} (trixie)"

machine="$(nproc) cores (CPU model: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')); Linux $(uname -r) ($(uname -m)); $(. /etc/os-release && echo "$PRETTY_NAME"); a shared virtual machine: other work may run at the same time, see the load average"

entries=$work/provenance.md
rows=$work/index-rows.tsv
: > "$entries"; : > "$rows"
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
stamp() { d=$(now); load=$(cut -d' ' -f1-3 /proc/loadavg); }
run() { (cd "$work/go$1" && bash -c "$2"); }

# json_stats FILE: what a JSON dump holds
json_stats() {
  python3 - "$1" <<'EOF'
import json, sys
p = sys.argv[1]
text = open(p).read()
if text.lstrip().startswith('['):
    items = json.loads(text)
    print(f"one JSON array of {len(items)} histograms: " + "; ".join(
        f"{h['name']} ({len(h['counts'])} counts, {len(h['buckets'])} buckets, total count {sum(h['counts'])})" for h in items))
else:
    lines = [json.loads(l) for l in text.splitlines() if l.strip()]
    last = lines[-1]['histograms']
    print(f"{len(lines)} JSON lines, t = {lines[0]['t']} ... {lines[-1]['t']} s; {len(last)} histograms per line: " + "; ".join(
        f"{k} ({len(v['counts'])} counts, {len(v['buckets'])} buckets, total count at the last line {sum(v['counts'])})" for k, v in last.items()))
EOF
}
# prom_stats FILE: what a scrape file holds
prom_stats() {
  awk '
    /^# EOF/ { eof++ }
    /^# TYPE go_info / { scrapes++ }
    /^# TYPE [^ ]+ histogram/ { if (!seen[$3]++) hist = hist (hist ? ", " : "") $3 }
    /^go_info\{/ { info = $0 }
    /^# HELP go_gc_duration_seconds / { sub(/^# HELP go_gc_duration_seconds /, ""); help = $0 }
    END {
      printf "%d scrape(s)%s; %s; go_gc_duration_seconds HELP: \"%s\"; histograms: %s", scrapes, eof ? sprintf(", %d # EOF line(s)", eof) : "", info, help, hist
    }' "$1"
}

# note FILE VERSION FORMAT FEATURES DESCRIPTION COMMAND ENV TRANSFORM [EXTRA]
note() {
  local file=$1 v=$2 format=$3 features=$4 desc=$5 command=$6 env=$7 transform=$8 extra=${9:-} stats
  case $format in metrics-json) stats=$(json_stats "$out/$file") ;; *) stats=$(prom_stats "$out/$file") ;; esac
  printf '%s\t%s\t%s\t%s\t%s\n' "metrics/$file" "$format" "$(echo "${gover[$v]}" | awk '{sub(/^go/, "", $3); print $3}')" "$features" "$desc" >> "$rows"
  {
    echo "### metrics/$file"
    echo
    echo "- Go: \`${gover[$v]}\` (the binary was built with this toolchain: \`go build -trimpath\`)"
    [ -n "$extra" ] && echo "- $extra"
    echo "- Recorded: $d (UTC); load average (1, 5, 15 min) at the start: $load"
    echo "- Command (run in the folder holding the binaries):"
    echo
    echo '  ```'
    printf '%s\n' "$command" | sed 's/^/  /'
    echo '  ```'
    echo "- Environment: $env"
    echo "- Machine: $machine"
    echo "- Transformation: $transform"
    echo "- Size: $(stat -c %s "$out/$file") bytes; $stats"
    echo
  } >> "$entries"
}

# ---- JSON dumps, one run per Go version ----
short="-low-alloc 1s -cache 1s -cache-mb 60 -burst 1s -forced 1s"
for v in "${versions[@]}"; do
  lines=go$v-phases-histograms.jsonl; list=go$v-phases-histograms-list.json
  indent=""; [ "$v" = 1.24 ] && indent=" -metrics-json-indent"
  stamp
  c="GOMAXPROCS=2 ./phases $short -metrics-json $lines -metrics-interval 250ms -metrics-json-list $list$indent 2> phases.log"
  run "$v" "$c"
  cp "$work/go$v/$lines" "$work/go$v/$list" "$out/"
  env="GOMAXPROCS=2, GOGC unset (100); shortened phases (1 s each, a 60 MB cache); the phases program sets the GC percent to 25 for its cache phase"
  note "$lines" "$v" metrics-json phases,lines-shape \
    "Every runtime/metrics Float64Histogram of Go $v as JSON lines, one snapshot every 250 ms of a phases run; infinite boundaries as \"-Inf\"/\"+Inf\" strings." \
    "$c" "$env" none "Shape: one JSON object per line, {\"t\": seconds since start, \"histograms\": {name: {\"counts\": [...], \"buckets\": [...]}}}; a snapshot at start, every 250 ms, and at exit"
  note "$list" "$v" metrics-json "phases,list-shape$([ -n "$indent" ] && echo ,indented)" \
    "Every runtime/metrics Float64Histogram of Go $v at the end of a phases run, as one JSON array of {name, kind, counts, buckets}; infinite boundaries as null$([ -n "$indent" ] && echo '; indented')." \
    "$c" "$env" none "Same run as $lines. Shape: a JSON array of {\"name\", \"kind\": \"histogram\", \"counts\", \"buckets\"} objects written once at exit$([ -n "$indent" ] && echo ' with json.MarshalIndent (two spaces)')"
done

# ---- Prometheus scrapes ----
port=19464
# wait_for_end LOG: waits until the phases program has logged phase=end (at most 120 s)
wait_for_end() { local i; for i in $(seq 1200); do grep -q 'phase=end' "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "record-metrics.sh: no phase=end in $1" >&2; return 1; }
wait_for_port() { local i; for i in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/metrics" && return 0; sleep 0.1; done; return 1; }

# SUITE VERSION PREFIX MULTI(yes|no) ACCEPT: ACCEPT is the Accept header of the OpenMetrics scrape
scrape_run() {
  local suite=$1 v=$2 p=$3 multi=$4 accept=$5 flags c pid
  if [ "$multi" = yes ]; then flags=""; else flags="$short"; fi
  stamp
  c="GOMAXPROCS=2 ./promexporter-$suite -listen 127.0.0.1:$port $flags${flags:+ }-linger 6s 2> exporter.log &"
  if [ "$multi" = yes ]; then
    c="$c
for i in 1 2 3 4 5 6 7 8 9 10; do sleep 2; curl -s http://127.0.0.1:$port/metrics; done >> $p-scrapes.txt"
  fi
  c="$c
# after the phase=end line in exporter.log:
curl -s http://127.0.0.1:$port/metrics > $p.txt
curl -s -H 'Accept: $accept' http://127.0.0.1:$port/metrics > $p-openmetrics.txt"
  (
    cd "$work/go$v"; rm -f "$p-scrapes.txt"
    GOMAXPROCS=2 "./promexporter-$suite" -listen "127.0.0.1:$port" $flags -linger 6s 2> exporter.log &
    pid=$!
    wait_for_port
    if [ "$multi" = yes ]; then
      for i in 1 2 3 4 5 6 7 8 9 10; do sleep 2; curl -s "http://127.0.0.1:$port/metrics"; done >> "$p-scrapes.txt"
    fi
    wait_for_end exporter.log
    curl -s "http://127.0.0.1:$port/metrics" > "$p.txt"
    curl -s -H "Accept: $accept" "http://127.0.0.1:$port/metrics" > "$p-openmetrics.txt"
    wait "$pid"
  )
  cmd=$c
  pdate=$d; pload=$load
}
prom_env() { echo "GOMAXPROCS=2, GOGC unset (100); $1; the exporter registers collectors.NewGoCollector(collectors.WithGoCollectorRuntimeMetrics(collectors.MetricsAll)) and collectors.NewProcessCollector in a new registry, served by promhttp.HandlerFor with EnableOpenMetrics: true"; }
prom_extra() { echo "prometheus/client_golang ${client[$1]} from Debian $1's golang-github-prometheus-client-golang-dev, built in GOPATH mode (GO111MODULE=off) from these unpacked Debian source packages: ${debs[$1]}. The binary is the phases workload built with -tags promexporter (workloads/cmd/phases/promexporter.go); curl $(curl --version | head -1 | awk '{print $2}')"; }

# client_golang 1.21.1 (trixie), Go 1.24: ten scrapes during a full-length run, then one text and one OpenMetrics scrape
p=go1.24-client_golang-1.21.1
scrape_run trixie 1.24 $p yes 'application/openmetrics-text; version=1.0.0'
d=$pdate; load=$pload
cp "$work/go1.24/$p.txt" "$work/go1.24/$p-scrapes.txt" "$work/go1.24/$p-openmetrics.txt" "$out/"
env=$(prom_env "full-length phases (5 s each)")
note "$p-scrapes.txt" 1.24 prometheus phases,multi-scrape,client-golang-1.21 \
  "Ten scrapes of /metrics, 2 s apart, appended to one file (client_golang 1.21.1, Go 1.24, all runtime/metrics)." "$cmd" "$env" none "$(prom_extra trixie)"
note "$p.txt" 1.24 prometheus phases,client-golang-1.21 \
  "One text-format scrape of /metrics after the last phase (client_golang 1.21.1, Go 1.24, all runtime/metrics)." "$cmd" "$env" none "$(prom_extra trixie). Same run as $p-scrapes.txt."
note "$p-openmetrics.txt" 1.24 prometheus phases,openmetrics,client-golang-1.21 \
  "One OpenMetrics scrape (Accept: application/openmetrics-text; version=1.0.0) after the last phase (client_golang 1.21.1, Go 1.24)." "$cmd" "$env" none "$(prom_extra trixie). Same run as $p-scrapes.txt."

# the Accept header of Prometheus 2.x's scraper (scrapeAcceptHeader in scrape/scrape.go)
prom_accept='application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'
# client_golang 1.14.0 (bookworm), Go 1.24 and Go 1.19 (1.18-1.19 bucket layout): text and OpenMetrics after a short run
for v in 1.24 1.19; do
  p=go$v-client_golang-1.14.0
  # prometheus/common 0.39 (bookworm) negotiates OpenMetrics only for version=0.0.1 (or no version) and
  # answers version=1.0.0 with the text format, so ask as Prometheus 2.x's scraper does
  scrape_run bookworm $v $p no "$prom_accept"
  d=$pdate; load=$pload
  cp "$work/go$v/$p.txt" "$work/go$v/$p-openmetrics.txt" "$out/"
  env=$(prom_env "shortened phases (1 s each, a 60 MB cache)")
  note "$p.txt" $v prometheus phases,client-golang-1.14 \
    "One text-format scrape of /metrics after the last phase (client_golang 1.14.0, Go $v, all runtime/metrics)." "$cmd" "$env" none "$(prom_extra bookworm)"
  note "$p-openmetrics.txt" $v prometheus phases,openmetrics,client-golang-1.14 \
    "One OpenMetrics 0.0.1 scrape (Accept header of Prometheus 2.x's scraper) after the last phase (client_golang 1.14.0, Go $v, all runtime/metrics)." "$cmd" "$env" none "$(prom_extra bookworm). Same run as $p.txt."
done

# ---- PROVENANCE.md (metrics part) and index.tsv (metrics rows) ----
begin='<!-- BEGIN metrics recorded: generated by record-metrics.sh, do not edit by hand -->'
end='<!-- END metrics recorded -->'
if ! grep -qF "$begin" "$prov"; then
  printf '\n## runtime/metrics recordings (`metrics/`)\n\n%s\n%s\n' "$begin" "$end" >> "$prov"
fi
awk -v b="$begin" -v e="$end" -v f="$entries" '
  $0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
  $0 == e { skip = 0 }
  !skip' "$prov" > "$work/prov.new"
mv "$work/prov.new" "$prov"

header=$'path\tformat\tgo\tfeatures\tdescription'
{
  echo "$header"
  awk -F'\t' 'NR > 1 && $1 !~ /^metrics\/[^\/]*$/' "$index"
  sort "$rows"
} > "$work/index.new"
mv "$work/index.new" "$index"

du -ab "$out" | sort -k2 | sed "s|$out|metrics|"
du -sh "$res"
echo "record-metrics.sh: done; temporary files are in $work"
