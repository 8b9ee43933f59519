#!/usr/bin/env bash
# Records a steady run of the phases workload — its low-alloc phase alone, for a minute, at a paced
# allocation rate — under Go 1.19 and Go 1.24, with GODEBUG=gctrace=1 on stderr. One steady run is
# what `compare` must call "no clear change" when it is cut in two (issue 11); the pair of versions
# is the same workload under two releases without phases in the way. Writes
#   src/main/resources/dev/gcscope/samples/steady/go1.19-steady.log
#   src/main/resources/dev/gcscope/samples/steady/go1.24-steady.log
#
#   usage: sample-traces/record-steady.sh [TOOLCHAINS]     (default /opt/go-toolchains; needs go1.19, go1.24)
#
# Real runs, one after the other (never at the same time): every re-recording differs in its numbers.
# Takes about 2 minutes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tc=${1:-/opt/go-toolchains}
out=$here/src/main/resources/dev/gcscope/samples/steady
work=$(mktemp -d /tmp/gcscope-steady.XXXXXX)
mkdir -p "$out"

. "$here/go-overlay.sh"
gocmd() { local v=$1; shift; go_with "$tc/go$v" "$work/goroot/go$v" "$@"; }

for v in 1.19 1.24; do
  mkdir -p "$work/go$v"
  (cd "$here/workloads" && gocmd "$v" build -o "$work/go$v/phases" ./cmd/phases)
  gocmd "$v" version
done
for v in 1.19 1.24; do
  cd "$work/go$v"
  # Only the low-alloc phase: 60 MB/s of 1 KiB objects over the ~2 MB live table, paced against the
  # clock, so the GC sees the same load from the first second to the last. The other phases get
  # zero length (their start lines are still logged, at the end).
  echo "recording go$v-steady.log; load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
  GOMAXPROCS=2 GODEBUG=gctrace=1 ./phases -low-alloc 60s -low-alloc-rate 60 -cache 0 -cache-mb 0 -burst 0 -forced 0 \
    2> "go$v-steady.log"
  date -u '+recorded %Y-%m-%dT%H:%M:%SZ'
  cp "go$v-steady.log" "$out/"
done
ls -la "$out"
