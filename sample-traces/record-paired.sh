#!/usr/bin/env bash
# Records one run of the phases workload with GODEBUG=gctrace=1 on stderr AND runtime/metrics JSON
# lines from the same process, so gcscope can put the gctrace STW pauses next to /gc/pauses:seconds
# and /sched/pauses/total/gc:seconds of the same run (issue 4, "Scheduler"). Writes
#   src/main/resources/dev/gcscope/samples/paired/go1.24-phases-gctrace.log
#   src/main/resources/dev/gcscope/samples/paired/go1.24-phases-histograms.jsonl
#
#   usage: sample-traces/record-paired.sh [TOOLCHAINS]     (default /opt/go-toolchains; needs go1.24)
#
# A real run: every re-recording differs in its numbers. Takes about 15 s.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tc=${1:-/opt/go-toolchains}
out=$here/src/main/resources/dev/gcscope/samples/paired
work=$(mktemp -d /tmp/gcscope-paired.XXXXXX)
mkdir -p "$out"

. "$here/go-overlay.sh"
gocmd() { go_with "$tc/go1.24" "$work/goroot" "$@"; }

(cd "$here/workloads" && gocmd build -o "$work/phases" ./cmd/phases)
gocmd version
cd "$work"
# 2 s phases and a 120 MB cache keep the JSON lines under 1 MB; 250 ms between snapshots.
GOMAXPROCS=2 GODEBUG=gctrace=1 ./phases -low-alloc 2s -cache 2s -cache-mb 120 -burst 2s -forced 2s \
  -metrics-json go1.24-phases-histograms.jsonl -metrics-interval 250ms 2> go1.24-phases-gctrace.log
cp go1.24-phases-gctrace.log go1.24-phases-histograms.jsonl "$out/"
date -u '+recorded %Y-%m-%d %H:%M:%S UTC'; cut -d' ' -f1-3 /proc/loadavg
ls -la "$out"
