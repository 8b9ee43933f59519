#!/usr/bin/env bash
# Records runtime/metrics under a steady load, for the metrics comparison's two questions: is a
# program run twice the same way called unchanged, and is a real change still called once the
# intervals allow for bursts? The phases workload's low-alloc phase alone (as record-steady.sh),
# three times: twice in a cgroup without a CPU quota, once with a quota of 5 ms per 100 ms period
# (a twentieth of one CPU, which this load overruns), each writing /sched/latencies and
# /sched/pauses/total/gc every 250 ms as JSON lines. Writes
#   src/main/resources/dev/gcscope/samples/metrics-steady/{free-a,free-b,quota5}-metrics.jsonl.gz
# and prints the PROVENANCE.md section to stdout (paste it into PROVENANCE.md).
#
#   usage: sample-traces/record-steady-metrics.sh GOROOT [SECONDS]  (a Go 1.24 toolchain; default 15 s)
#
# Needs root (the quota uses the cgroup v1 cpu controller at /sys/fs/cgroup/cpu) and gzip.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
goroot=${1:?usage: record-steady-metrics.sh GOROOT [SECONDS]}
seconds=${2:-15}
out=$here/src/main/resources/dev/gcscope/samples/metrics-steady
cgv1=/sys/fs/cgroup/cpu
work=$(mktemp -d /tmp/gcscope-steady-metrics.XXXXXX)
mkdir -p "$out"

. "$here/go-overlay.sh"
gocmd() { go_with "$goroot" "$work/goroot" "$@"; }
gover=$(gocmd version)
(cd "$here/workloads" && gocmd build -o "$work/phases" ./cmd/phases)

flags="-low-alloc ${seconds}s -low-alloc-rate 60 -cache 0 -cache-mb 0 -burst 0 -forced 0 -metrics-interval 250ms -metrics-histograms /sched/latencies:seconds,/sched/pauses/total/gc:seconds"

# run NAME QUOTA_US: one recording in cgroup gcscope-NAME (-1: no quota)
run() {
  local name=$1 quota=$2 cg=$cgv1/gcscope-$1 before after load date
  [ -d "$cg" ] || mkdir "$cg"
  echo 100000 > "$cg/cpu.cfs_period_us"
  echo "$quota" > "$cg/cpu.cfs_quota_us"
  before=$(awk '{printf "%s=%s ", $1, $2}' "$cg/cpu.stat")
  load=$(cut -d' ' -f1-3 /proc/loadavg); date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  (cd "$work" && GOMAXPROCS=2 sh -c "echo \$\$ > $cg/cgroup.procs; exec ./phases $flags -metrics-json $name-metrics.jsonl" > "$name.console" 2>&1)
  after=$(awk '{printf "%s=%s ", $1, $2}' "$cg/cpu.stat")
  gzip -9 -n -c "$work/$name-metrics.jsonl" > "$out/$name-metrics.jsonl.gz"
  rmdir "$cg" 2>/dev/null || true
  cat <<EOF
### metrics-steady/$name-metrics.jsonl.gz

- Go: \`$gover\`, the phases workload of \`workloads/cmd/phases\`; Linux $(uname -r); $(nproc) cores, shared with other builds
- Recorded: $date (UTC); load average (1, 5, 15 min) before: $load
- cgroup v1 \`$cg\`: cpu.cfs_period_us 100000, cpu.cfs_quota_us $quota$( [ "$quota" = -1 ] && echo " (no limit)"); cpu.stat before: ${before% }; after: ${after% }
- Command (in a scratch folder): \`GOMAXPROCS=2 sh -c 'echo \$\$ > $cg/cgroup.procs; exec ./phases $flags -metrics-json $name-metrics.jsonl'\`
- Transformation: gzip -9 -n; $(wc -l < "$work/$name-metrics.jsonl") snapshots, $(stat -c %s "$work/$name-metrics.jsonl") bytes before gzip

EOF
}

echo "## Steady runtime/metrics (\`metrics-steady/\`, \`record-steady-metrics.sh\`)"
echo
echo "One steady load (the low-alloc phase alone, ${seconds} s at 60 MB/s) recorded three times, one after the other: twice without a CPU quota (a pair in which nothing changed) and once under a quota of 5 ms per 100 ms (a real change), for the runtime/metrics comparison's intervals."
echo
run free-a -1
run free-b -1
run quota5 5000
