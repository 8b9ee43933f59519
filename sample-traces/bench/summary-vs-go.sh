#!/usr/bin/env bash
# Whole-process benchmark: `java -jar app/target/gcscope.jar summary FILE` against a Go program that
# reads the same file the way existing Go tools do (bufio.Scanner + the formats.md §1.9 regexp +
# strconv; sample-traces/bench/gctrace-regexp). FILE is the 1,000,000-cycle benchmark input made by
# dev.gcscope.samples.bench.BenchInputGenerator from real recordings.
#
#   usage: sample-traces/bench/summary-vs-go.sh          (from anywhere; ~1 minute)
#
# Requirements measured (median wall time of the whole process, JVM start-up included): gcscope
# summary at least 3x faster than the Go program, at most 2x the time of a Java program that only
# counts the file's newlines (newline-count/NewlineCount.java, the floor: a JVM reading the file),
# and gcscope's peak RSS at most 400 MiB. A fourth program is measured beside them, for scale
# only: plain-summary/PlainSummary.java, the cheapest Java reader of the Go program's figures (it
# splits lines and parses the fields by hand); gcscope/plain reader is the price of what gcscope
# adds, plain reader/newline count the price of parsing at all. A fifth is the same reader on
# every core (its file cut into nproc parts, C1 only, which is its fastest setting here): the
# least that reading these figures costs on this machine.
#
# Steps: builds app/target/gcscope.jar if it is missing (mvn -q -DskipTests package); generates
# the input into $BENCH_DIR if it is missing (compiling sample-traces' generator first if needed); builds
# the Go program and compiles the newline counter and the plain reader; then runs the four programs in turn, one warm-up
# run each (not counted: it fills the page cache) and then $RUNS measured runs each, recording wall
# time (bash EPOCHREALTIME, ms) and peak RSS (GNU time %M). Prints the medians, the ratios Go/gcscope
# and gcscope/newline count, gcscope/plain reader, gcscope's peak RSS, and checks that gcscope, Go and
# the plain reader printed the same figures and gcscope read as many lines as there are newlines.
#
# Needs: java 17+ and mvn on PATH; Go 1.19+ as $GO, `go` on PATH, or /opt/go-toolchains/go1.24/bin/go
# (shared/tools/go-toolchains.sh installs it); GNU time at /usr/bin/time (Debian: apt-get install time);
# bash 5 (EPOCHREALTIME). Run nothing else meanwhile: the machine has 2 cores and timings are real.
#
# Environment: RUNS (default 5), LINES (default 1000000), BENCH_DIR (default sample-traces/target/bench),
# GO (a go binary), JAR (default app/target/gcscope.jar; point it at a copy while others rebuild),
# JAVA (default java; JAVAC next to it compiles the newline counter and the plain reader),
# JAVA_OPTS (extra JVM options for gcscope, default none: the jar runs as users run it;
# -Dgcscope.parse.threads=1 parses on one core),
# GCSCOPE (a gcscope command to time instead of the jar: /usr/bin/gcscope, the installed package's
# command, which starts the bundled runtime with its class-data archive, C1 only and the heap in
# transparent huge pages; see README, Install).
#
# Exit status: 0 measured (the verdict lines say whether the requirement is met), 1 gcscope or the
# plain reader printed figures other than Go's, 2 something needed is missing, 3 measured but the
# requirement is not met.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-5}
lines=${LINES:-1000000}
work=${BENCH_DIR:-$root/sample-traces/target/bench}
java=${JAVA:-java}
jar=${JAR:-$root/app/target/gcscope.jar}
input=$work/gctrace-$lines.log
gobin=$work/gctrace-regexp
min_speedup=3
max_vs_newlines=2
max_rss_mib=400

die() { echo "summary-vs-go: $*" >&2; exit 2; }

[ -n "${EPOCHREALTIME:-}" ] || die "needs bash 5 or later (EPOCHREALTIME)"
[ -x /usr/bin/time ] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null \
  || die "needs GNU time at /usr/bin/time for peak RSS (Debian/Ubuntu: apt-get install time)"
command -v "$java" >/dev/null || die "needs java 17+ on PATH (or JAVA=/path/to/java)"
mkdir -p "$work"

# (a) the jar (unless an installed command is timed instead)
if [ -n "${GCSCOPE:-}" ]; then
  [ -x "$GCSCOPE" ] || die "GCSCOPE=$GCSCOPE is not an executable"
elif [ ! -f "$jar" ]; then
  command -v mvn >/dev/null || die "app/target/gcscope.jar is missing and mvn is not on PATH"
  echo "building $jar ..."
  (cd "$root" && mvn -q -DskipTests package)
fi

# (b) the input: the generator is a test class of sample-traces (no jar ships it), the recordings are
# its resources.
if [ ! -f "$input" ]; then
  if [ ! -d "$root/sample-traces/target/test-classes/dev/gcscope/samples/bench" ]; then
    command -v mvn >/dev/null || die "sample-traces is not compiled and mvn is not on PATH"
    (cd "$root" && mvn -q -pl sample-traces test-compile)
  fi
  echo "generating $input ..."
  "$java" -cp "$root/sample-traces/target/classes:$root/sample-traces/target/test-classes" dev.gcscope.samples.bench.BenchInputGenerator \
    --lines "$lines" --out "$input"
fi

# (c) the Go baseline
go=${GO:-}
if [ -z "$go" ]; then
  if command -v go >/dev/null; then go=$(command -v go)
  elif [ -x /opt/go-toolchains/go1.24/bin/go ]; then go=/opt/go-toolchains/go1.24/bin/go
  fi
fi
if [ -z "$go" ] || [ ! -x "$go" ]; then
  cat >&2 <<'EOF'
summary-vs-go: no Go toolchain found. Any Go 1.19 or later will do:
  - shared/tools/go-toolchains.sh /opt/go-toolchains   (Debian's golang-1.NN packages; then this finds go1.24), or
  - https://go.dev/dl/ (tar -C /usr/local -xzf go1.24.*.linux-amd64.tar.gz; export PATH=$PATH:/usr/local/go/bin), or
  - GO=/path/to/bin/go sample-traces/bench/summary-vs-go.sh
EOF
  exit 2
fi
goroot=$("$go" env GOROOT)
# Debian's golang-1.NN packages unpacked outside /usr leave GOROOT/pkg/include as a dangling link;
# the assembler needs its headers, which are copies of files in GOROOT/src/runtime (as record.sh does).
if [ ! -f "$goroot/pkg/include/textflag.h" ]; then
  ov=$work/goroot-$(basename "$(dirname "$(dirname "$go")")")
  if [ ! -d "$ov" ]; then
    mkdir -p "$ov/pkg/include"
    for e in "$goroot"/*; do [ "$(basename "$e")" = pkg ] || ln -s "$e" "$ov/$(basename "$e")"; done
    for e in "$goroot"/pkg/*; do [ "$(basename "$e")" = include ] || ln -s "$e" "$ov/pkg/$(basename "$e")"; done
    for e in textflag.h funcdata.h asm_ppc64x.h asm_amd64.h; do
      [ -f "$goroot/src/runtime/$e" ] && cp "$goroot/src/runtime/$e" "$ov/pkg/include/"
    done
  fi
  goroot=$ov
fi
if [ ! -x "$gobin" ] || [ "$here/gctrace-regexp/main.go" -nt "$gobin" ]; then
  echo "building $gobin with $("$go" version) ..."
  (cd "$here/gctrace-regexp" && GOROOT=$goroot GOTOOLCHAIN=local GOWORK=off GOFLAGS=-trimpath "$go" build -o "$gobin" .)
fi

# (c2) the floor: a JVM that only counts the file's newlines
javac=${JAVAC:-$(dirname "$(command -v "$java")")/javac}
[ -x "$javac" ] || javac=$(command -v javac) || die "needs javac (a JDK) for the newline counter (or JAVAC=/path/to/javac)"
nlclasses=$work/newline-count
if [ ! -f "$nlclasses/NewlineCount.class" ] || [ "$here/newline-count/NewlineCount.java" -nt "$nlclasses/NewlineCount.class" ]; then
  mkdir -p "$nlclasses"
  "$javac" -d "$nlclasses" "$here/newline-count/NewlineCount.java"
fi

# (c3) for scale: the plain Java reader of the same figures (runs with JAVA, as the newline counter)
plainclasses=$work/plain-summary
if [ ! -f "$plainclasses/PlainSummary.class" ] || [ "$here/plain-summary/PlainSummary.java" -nt "$plainclasses/PlainSummary.class" ]; then
  mkdir -p "$plainclasses"
  "$javac" -d "$plainclasses" "$here/plain-summary/PlainSummary.java"
fi

# (d) alternate runs; each writes its stdout to a file, its wall ms and peak RSS KiB to arrays
if [ -n "${GCSCOPE:-}" ]; then gcscope_cmd=("$GCSCOPE" summary "$input")
else gcscope_cmd=("$java" ${JAVA_OPTS:-} -jar "$jar" summary "$input")
fi
go_cmd=("$gobin" "$input")
nl_cmd=("$java" -cp "$nlclasses" NewlineCount "$input")
plain_cmd=("$java" -cp "$plainclasses" PlainSummary "$input")
# C1 only: with C2 the compiler threads take the cores the parts would use (2 parts, C2: 3.0x the
# newline count; C1: 2.2x; 2026-12-04)
plain_all_cmd=("$java" -XX:TieredStopAtLevel=1 -cp "$plainclasses" PlainSummary "$input" "$(nproc)")
declare -a gc_ms=() gc_kib=() go_ms=() go_kib=() nl_ms=() plain_ms=() plain_all_ms=()
ms=0 kib=0
# measure OUT CMD...: runs CMD with stdout to OUT; sets ms (wall) and kib (peak RSS)
measure() {
  local out=$1; shift
  local t0 t1
  t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$work/time.txt" "$@" >"$out" 2>"$out.err" || {
    echo "summary-vs-go: failed: $* (stderr in $out.err)" >&2; cat "$out.err" >&2; exit 2; }
  t1=$EPOCHREALTIME
  kib=$(tail -1 "$work/time.txt")
  ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
}

load=$(cut -d' ' -f1 /proc/loadavg)
echo "input: $input ($(stat -c %s "$input") bytes, $(nproc) cores, load average $load)"
awk -v l="$load" 'BEGIN { exit !(l > 1.0) }' && echo "warning: load average $load: other work is running, timings will be noisy"
echo "gcscope: ${gcscope_cmd[*]}"
echo "go:      ${go_cmd[*]}"
echo "floor:   ${nl_cmd[*]}"
echo "plain:   ${plain_cmd[*]}"
echo "         ${plain_all_cmd[*]}"
for ((i = 0; i <= runs; i++)); do
  measure "$work/gcscope.out" "${gcscope_cmd[@]}"
  [ "$i" -gt 0 ] && { gc_ms+=("$ms"); gc_kib+=("$kib"); }
  printf '  run %d%s  gcscope %6d ms %6d MiB' "$i" "$([ "$i" -eq 0 ] && echo ' (warm-up)' || echo '          ')" "$ms" $((kib / 1024))
  measure "$work/go.out" "${go_cmd[@]}"
  [ "$i" -gt 0 ] && { go_ms+=("$ms"); go_kib+=("$kib"); }
  printf '   go %6d ms %6d MiB' "$ms" $((kib / 1024))
  measure "$work/newlines.out" "${nl_cmd[@]}"
  [ "$i" -gt 0 ] && nl_ms+=("$ms")
  printf '   newline count %6d ms' "$ms"
  measure "$work/plain.out" "${plain_cmd[@]}"
  [ "$i" -gt 0 ] && plain_ms+=("$ms")
  printf '   plain reader %6d ms' "$ms"
  measure "$work/plain-all.out" "${plain_all_cmd[@]}"
  [ "$i" -gt 0 ] && plain_all_ms+=("$ms")
  printf '   on every core %6d ms\n' "$ms"
done

# (e) medians, ratio, RSS, and the same figures from both
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { printf '%s\n' "$@" | sort -n | tail -1; }
gc_med=$(median "${gc_ms[@]}")
go_med=$(median "${go_ms[@]}")
gc_rss=$(( $(max "${gc_kib[@]}") / 1024 ))
go_rss=$(( $(max "${go_kib[@]}") / 1024 ))
nl_med=$(median "${nl_ms[@]}")
ratio=$(awk -v a="$go_med" -v b="$gc_med" 'BEGIN { printf "%.2f", a / b }')
floor_ratio=$(awk -v a="$gc_med" -v b="$nl_med" 'BEGIN { printf "%.2f", a / b }')
plain_med=$(median "${plain_ms[@]}")
plain_ratio=$(awk -v a="$gc_med" -v b="$plain_med" 'BEGIN { printf "%.2f", a / b }')
plain_floor_ratio=$(awk -v a="$plain_med" -v b="$nl_med" 'BEGIN { printf "%.2f", a / b }')
plain_all_med=$(median "${plain_all_ms[@]}")
plain_all_floor_ratio=$(awk -v a="$plain_all_med" -v b="$nl_med" 'BEGIN { printf "%.2f", a / b }')

# The figures both print: gcscope's extra analysis (confidence intervals, tail ratio, regimes) is
# dropped before comparing, so only the shared figures have to agree.
figures() {
  sed -n '/^  cycles /,$p' "$1" | sed -E 's/  \(95% CI [^)]*\)$//' \
    | awk '/^  regimes /{skip=1; next} skip && /^                  /{next} {skip=0} !/^  tail /'
}
gc_cycles=$(awk '$1 == "cycles" { print $2; exit }' "$work/gcscope.out")
go_cycles=$(awk '$1 == "cycles" { print $2; exit }' "$work/go.out")

echo
echo "median of $runs runs (after 1 warm-up each):"
echo "  gcscope summary   $gc_med ms   peak RSS $gc_rss MiB (max of the runs)"
echo "  go regexp         $go_med ms   peak RSS $go_rss MiB"
echo "  newline count     $nl_med ms"
echo "  plain reader      $plain_med ms   (for scale: the same figures, lines split and fields parsed by hand)"
echo "    on $(nproc) cores     $plain_all_med ms   (the file cut in $(nproc) parts read at once, C1 only)"
echo "  ratio go/gcscope  $ratio x"
echo "  ratio gcscope/newline count  $floor_ratio x"
echo "  ratio gcscope/plain reader   $plain_ratio x;  plain reader/newline count  $plain_floor_ratio x, on $(nproc) cores  $plain_all_floor_ratio x"
status=0
if [ -z "$gc_cycles" ] || [ "$gc_cycles" != "$go_cycles" ]; then
  echo "  cycles            DIFFER: gcscope '$gc_cycles', go '$go_cycles'"
  status=1
elif ! diff <(figures "$work/gcscope.out") <(figures "$work/go.out") >"$work/figures.diff"; then
  echo "  cycles            same ($gc_cycles), but other figures differ (see $work/figures.diff)"
  status=1
else
  echo "  figures           identical: cycles $gc_cycles, forced, runs, stw p50-max, heap peak, gc cpu"
fi
if ! diff <(figures "$work/plain.out") <(figures "$work/go.out") >"$work/plain-figures.diff"; then
  echo "  plain reader      its figures differ from Go's (see $work/plain-figures.diff)"
  status=1
fi
if ! cmp -s "$work/plain.out" "$work/plain-all.out"; then
  echo "  plain reader      on $(nproc) cores it printed other figures than on one (compare $work/plain.out and $work/plain-all.out)"
  status=1
fi
gc_lines=$(awk '$1 == "lines" { print $2; exit }' "$work/gcscope.out")
nl_lines=$(awk '$1 == "lines" { print $2; exit }' "$work/newlines.out")
if [ "$gc_lines" != "$nl_lines" ]; then
  echo "  lines             DIFFER: gcscope read '$gc_lines', the file has '$nl_lines' newlines"
  status=1
fi
speed_ok=$(awk -v r="$ratio" -v m="$min_speedup" 'BEGIN { print (r >= m) ? 1 : 0 }')
floor_ok=$(awk -v r="$floor_ratio" -v m="$max_vs_newlines" 'BEGIN { print (r <= m) ? 1 : 0 }')
rss_ok=$(( gc_rss <= max_rss_mib ? 1 : 0 ))
verdict() { [ "$1" = 1 ] && echo PASS || echo FAIL; }
echo "  requirement       go/gcscope >= ${min_speedup}x: $(verdict "$speed_ok");  gcscope/newline count <= ${max_vs_newlines}x: $(verdict "$floor_ok");  gcscope peak RSS <= $max_rss_mib MiB: $(verdict "$rss_ok")"
[ "$status" -ne 0 ] || [ "$speed_ok$floor_ok$rss_ok" = 111 ] || status=3
exit "$status"
