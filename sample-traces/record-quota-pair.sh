#!/usr/bin/env bash
# Records the scheduler comparison pair (issue 11): the phases workload twice, the same way, once in
# a cgroup without a CPU quota and once with a quota of 20 ms per 100 ms period (a fifth of one CPU),
# each under `perf sched record` and writing runtime/metrics histograms as JSON lines. Writes
#   src/main/resources/dev/gcscope/samples/sched-pair/{free,quota20}-timehist.txt.gz
#   src/main/resources/dev/gcscope/samples/sched-pair/{free,quota20}-metrics.jsonl
# and prints the PROVENANCE.md section to stdout (paste it into PROVENANCE.md).
#
#   usage: sample-traces/record-quota-pair.sh GOROOT      (a Go 1.24 toolchain, e.g. from go-toolchains.sh)
#
# Needs root (perf sched record traces the whole machine; the quota uses the cgroup v1 cpu controller
# at /sys/fs/cgroup/cpu), perf and gzip. timehist is rendered for the phases process only (-p PID):
# the machine is shared, and every other process's switches would make the file tens of MB.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
goroot=${1:?usage: record-quota-pair.sh GOROOT}
out=$here/src/main/resources/dev/gcscope/samples/sched-pair
cgv1=/sys/fs/cgroup/cpu
work=$(mktemp -d /tmp/gcscope-quota-pair.XXXXXX)
mkdir -p "$out"

. "$here/go-overlay.sh"
gocmd() { go_with "$goroot" "$work/goroot" "$@"; }
gover=$(gocmd version)
(cd "$here/workloads" && gocmd build -o "$work/phases" ./cmd/phases)

flags="-low-alloc 1500ms -cache 1500ms -cache-mb 48 -burst 1500ms -forced 1500ms -metrics-interval 100ms -metrics-histograms /sched/latencies:seconds,/sched/pauses/total/gc:seconds"

# run NAME QUOTA_US: one recording in cgroup gcscope-NAME (-1: no quota)
run() {
  local name=$1 quota=$2 cg=$cgv1/gcscope-$1 before after pid
  [ -d "$cg" ] || mkdir "$cg"
  echo 100000 > "$cg/cpu.cfs_period_us"
  echo "$quota" > "$cg/cpu.cfs_quota_us"
  before=$(awk '{printf "%s=%s ", $1, $2}' "$cg/cpu.stat")
  local load date
  load=$(cut -d' ' -f1-3 /proc/loadavg); date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  (cd "$work" && GOMAXPROCS=2 perf sched record -o "$name.data" -- sh -c "echo \$\$ > $cg/cgroup.procs; echo \$\$ > $name.pid; exec ./phases $flags -metrics-json $name-metrics.jsonl" > "$name.console" 2>&1)
  after=$(awk '{printf "%s=%s ", $1, $2}' "$cg/cpu.stat")
  pid=$(cat "$work/$name.pid")
  (cd "$work" && perf sched timehist -p "$pid" -i "$name.data" > "$name-timehist.txt" 2> "$name-timehist.stderr")
  gzip -9 -n -c "$work/$name-timehist.txt" > "$out/$name-timehist.txt.gz"
  # stored as written: gzipped, these would be the smallest metrics-json recordings, and the parser
  # contract test seeds from the smallest
  cp "$work/$name-metrics.jsonl" "$out/$name-metrics.jsonl"
  rmdir "$cg" 2>/dev/null || true
  cat <<EOF
### Run $name (sched-pair/$name-timehist.txt.gz, sched-pair/$name-metrics.jsonl)

- Go: \`$gover\`, the phases workload of \`workloads/cmd/phases\`; $(perf --version); Linux $(uname -r); $(nproc) cores, shared with other builds
- Recorded: $date (UTC); load average (1, 5, 15 min) before: $load
- cgroup v1 \`$cg\`: cpu.cfs_period_us 100000, cpu.cfs_quota_us $quota$( [ "$quota" = -1 ] && echo " (no limit)"); cpu.stat before: ${before% }; after: ${after% }
- Command (in a scratch folder; the Go process had pid $pid):

      GOMAXPROCS=2 perf sched record -o $name.data -- sh -c 'echo \$\$ > $cg/cgroup.procs; echo \$\$ > $name.pid; exec ./phases $flags -metrics-json $name-metrics.jsonl'
      perf sched timehist -p $pid -i $name.data > $name-timehist.txt
      gzip -9 -n $name-timehist.txt

- timehist: $(wc -l < "$work/$name-timehist.txt") lines ($(stat -c %s "$work/$name-timehist.txt") bytes before gzip), the phases process only (\`-p\`); metrics: $(wc -l < "$work/$name-metrics.jsonl") snapshots, every 100 ms

EOF
}

echo "## Scheduler comparison pair (\`sched-pair/\`, \`record-quota-pair.sh\`)"
echo
echo "The same run of the phases workload without and with a CPU quota of a fifth of one CPU, recorded one after the other."
echo
run free -1
run quota20 20000
rm -rf "$work"
