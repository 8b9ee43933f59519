#!/usr/bin/env bash
# Records one steady run of the phases workload under `perf sched record`: its low-alloc phase alone,
# paced at 60 MB/s, as record-steady.sh runs it for gctrace, so that the scheduling delays keep one
# distribution from the first second to the last. Cut in two, it is what `compare` of two timehist
# files must call "no clear change" (neighbouring switches are alike, so tests that take each switch
# as independent call differences that are not there). Writes
#   src/main/resources/dev/gcscope/samples/sched-steady/go1.24-steady-timehist.txt.gz
# and prints the PROVENANCE.md section to stdout (paste it into PROVENANCE.md).
#
#   usage: sample-traces/record-steady-sched.sh GOROOT [SECONDS]   (a Go 1.24 toolchain; default 15 s)
#
# Needs root (perf sched record traces the whole machine), perf and gzip. timehist is rendered for
# the phases process only (-p PID): the machine is shared.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
goroot=${1:?usage: record-steady-sched.sh GOROOT [SECONDS]}
seconds=${2:-15}
out=$here/src/main/resources/dev/gcscope/samples/sched-steady
work=$(mktemp -d /tmp/gcscope-steady-sched.XXXXXX)
mkdir -p "$out"

. "$here/go-overlay.sh"
gocmd() { go_with "$goroot" "$work/goroot" "$@"; }
gover=$(gocmd version)
(cd "$here/workloads" && gocmd build -o "$work/phases" ./cmd/phases)

flags="-low-alloc ${seconds}s -low-alloc-rate 60 -cache 0 -cache-mb 0 -burst 0 -forced 0"
name=go1.24-steady
load=$(cut -d' ' -f1-3 /proc/loadavg); date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
(cd "$work" && GOMAXPROCS=2 perf sched record -o steady.data -- sh -c "echo \$\$ > steady.pid; exec ./phases $flags" > steady.console 2>&1)
pid=$(cat "$work/steady.pid")
(cd "$work" && perf sched timehist -p "$pid" -i steady.data > "$name-timehist.txt" 2> timehist.stderr)
gzip -9 -n -c "$work/$name-timehist.txt" > "$out/$name-timehist.txt.gz"
cat <<EOF2
## Steady scheduler recording (\`sched-steady/\`, \`record-steady-sched.sh\`)

One steady run of the phases workload (its low-alloc phase alone, ${seconds} s at 60 MB/s, as \`record-steady.sh\`), for \`compare\` of its two halves (issue 11's "no clear change" check, for scheduling delays).

#### sched-steady/$name-timehist.txt.gz

- Go: \`$gover\`, the phases workload of \`workloads/cmd/phases\`; $(perf --version); Linux $(uname -r); $(nproc) cores, shared with other builds
- Recorded: $date (UTC); load average (1, 5, 15 min) before: $load
- Command (in a scratch folder; the Go process had pid $pid):

      GOMAXPROCS=2 perf sched record -o steady.data -- sh -c 'echo \$\$ > steady.pid; exec ./phases $flags'
      perf sched timehist -p $pid -i steady.data > $name-timehist.txt
      gzip -9 -n $name-timehist.txt

- timehist: $(wc -l < "$work/$name-timehist.txt") lines ($(stat -c %s "$work/$name-timehist.txt") bytes before gzip), the phases process only (\`-p\`)

EOF2
rm -rf "$work"
