#!/usr/bin/env bash
# Re-records every real perf sched sample in
#   src/main/resources/dev/gcscope/samples/perf/   (not quoted/, which holds excerpts from public sources)
# with real `perf sched record` sessions of the phases workload, renders each recording with
# `perf sched latency`, `perf sched timehist` and `perf sched map` in their option variants, and
# regenerates the perf part of PROVENANCE.md and the perf/ rows of index.tsv.
#
#   usage: sample-traces/record-sched.sh [TOOLCHAINS]     (default /opt/go-toolchains)
#
# TOOLCHAINS must hold go1.19 and go1.24, each with bin/go. Needs root (perf sched record traces
# the whole machine; the CPU quota uses the cgroup v1 cpu controller at /sys/fs/cgroup/cpu), perf
# (Debian linux-perf) and gzip. Takes about a minute on 2 cores. Outputs are real runs, so each
# re-recording differs in its numbers (and in which other tasks of the machine show up).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tc=${1:-/opt/go-toolchains}
res=$here/src/main/resources/dev/gcscope/samples
out=$res/perf
index=$res/index.tsv
prov=$here/PROVENANCE.md
cgv1=/sys/fs/cgroup/cpu
cg=$cgv1/gcscope-quota50
# text outputs larger than this are stored gzipped (gzip -9 -n)
gzip_over=$((512 * 1024))

for cmd in perf gzip; do
  command -v "$cmd" >/dev/null || { echo "record-sched.sh: $cmd not found (apt-get install linux-perf gzip)" >&2; exit 1; }
done
[ -f "$cgv1/cgroup.procs" ] || { echo "record-sched.sh: no cgroup v1 cpu controller at $cgv1" >&2; exit 1; }

work=$(mktemp -d /tmp/gcscope-sched.XXXXXX)
mkdir -p "$out"
echo "record-sched.sh: working in $work"

. "$here/go-overlay.sh"
gocmd() { local v=$1; shift; go_with "$tc/go$v" "$work/goroot/go$v" "$@"; }

declare -A gover
for v in 1.19 1.24; do
  gover[$v]=$(gocmd "$v" version)
  mkdir -p "$work/go$v"
  # the binary is called phases, so every Go thread has the comm "phases" in perf's output
  (cd "$here/workloads" && gocmd "$v" build -o "$work/go$v/phases" ./cmd/phases)
  echo "built with ${gover[$v]}"
done

# A cgroup v1 cpu group with a quota of 50 ms per 100 ms period: half of one CPU.
[ -d "$cg" ] || mkdir "$cg"
echo 100000 > "$cg/cpu.cfs_period_us"
echo 50000 > "$cg/cpu.cfs_quota_us"
trap 'rmdir "$cg" 2>/dev/null || true' EXIT

perfver=$(perf --version)
kernel=$(uname -r)
machine="$(nproc) cores (CPU model: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')); Linux $kernel ($(uname -m)); $(. /etc/os-release && echo "$PRETTY_NAME"); $perfver (Debian linux-perf); a shared virtual machine: perf sched record traces every CPU, so other work running at the time (other builds, kernel threads) shows up next to the phases threads"

# Shortened phases (0.75 s each) keep a recording to ~3.5 s and the outputs small; a 48 MB cache
# can be built in 0.75 s even at half a CPU.
phase_flags="-low-alloc 750ms -cache 750ms -cache-mb 48 -burst 750ms -forced 750ms"

entries=$work/provenance.md
rows=$work/index-rows.tsv
: > "$entries"; : > "$rows"
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# record NAME VERSION GOMAXPROCS QUOTA(yes|no): one perf sched record session -> $work/NAME.data
declare -A rec_cmd rec_date rec_load rec_v rec_gmp rec_quota rec_console rec_throttle
record() {
  local name=$1 v=$2 gmp=$3 quota=$4 c before after
  if [ "$quota" = yes ]; then
    c="GOMAXPROCS=$gmp perf sched record -o $name.data -- sh -c 'echo \$\$ > $cg/cgroup.procs && exec ./phases $phase_flags' > $name.console 2>&1"
  else
    c="GOMAXPROCS=$gmp perf sched record -o $name.data -- ./phases $phase_flags > $name.console 2>&1"
  fi
  before=$(awk '{printf "%s=%s ", $1, $2}' "$cg/cpu.stat")
  rec_date[$name]=$(now); rec_load[$name]=$(cut -d' ' -f1-3 /proc/loadavg)
  (cd "$work/go$v" && bash -c "$c")
  after=$(awk '{printf "%s=%s ", $1, $2}' "$cg/cpu.stat")
  rec_cmd[$name]=$c; rec_v[$name]=$v; rec_gmp[$name]=$gmp; rec_quota[$name]=$quota
  rec_console[$name]=$(cat "$work/go$v/$name.console")
  if [ "$quota" = yes ]; then
    rec_throttle[$name]="cgroup cpu.stat before: ${before% }; after: ${after% }"
  else
    rec_throttle[$name]=""
  fi
  echo "recorded $name"
}

# Bookkeeping per output file.
declare -a files=()
declare -A f_rec f_cmd f_transform f_desc f_feat f_format
# render REC FILE FORMAT FEATURES DESCRIPTION COMMAND [TRANSFORM]
#   runs COMMAND (a shell command line that writes FILE) in the recording's folder, then gzips
#   FILE if it is larger than gzip_over (the stored name gets .gz)
render() {
  local rec=$1 file=$2 format=$3 feat=$4 desc=$5 c=$6 transform=${7:-none} v=${rec_v[$1]} stored size
  (cd "$work/go$v" && bash -c "$c")
  stored=$file
  size=$(stat -c %s "$work/go$v/$file")
  if [ "$size" -gt "$gzip_over" ]; then
    gzip -9 -n -c "$work/go$v/$file" > "$work/go$v/$file.gz"
    stored=$file.gz
    feat="$feat,gzip"
    if [ "$transform" = none ]; then transform="gzip -9 -n (the text output is $size bytes)"; else transform="$transform; then gzip -9 -n (the text is $size bytes)"; fi
    c="$c
gzip -9 -n $file"
  fi
  cp "$work/go$v/$stored" "$out/$stored"
  files+=("$stored")
  f_rec[$stored]=$rec; f_cmd[$stored]=$c; f_transform[$stored]=$transform; f_desc[$stored]=$desc
  f_feat[$stored]=$feat; f_format[$stored]=$format
}

# latency_stats FILE: a one-line summary of a perf sched latency output
latency_stats() {
  awk -F'|' '
    { sub(/^> /, "") }
    /^ +TOTAL:/ { total = $2 "|" $3; next }
    NF >= 7 && $1 !~ /Task/ && $4 ~ /avg:/ {
      rows++; name = $1; gsub(/^ +| +$/, "", name)
      if (name ~ /^phases:/) { ph++; m = $5; sub(/.*max: */, "", m); sub(/ ms.*/, "", m); if (m + 0 > phmax + 0) { phmax = m; phname = name } }
    }
    END { gsub(/ +/, " ", total); printf "%d task rows, of which %d phases rows; largest phases max delay %s ms (%s); TOTAL: %s", rows, ph, phmax, phname, total }' "$1"
}

# timehist_stats FILE: a one-line summary of a perf sched timehist / map output
timehist_stats() {
  awk '
    { lines++ }
    /^ *[0-9]+\.[0-9]+ +\[[0-9]+\]/ { rows++; if (/phases\[/) ph++; if (/ awakened: /) aw++; if (/ migrated: /) mig++; if (/<idle>/) idle++ }
    /secs / && /=>/ { sw++ }
    /^ +phases\[[0-9]+(\/[0-9]+)?\] / { sumph++ }
    /Total number of context switches:/ { cs = $NF }
    /^ +\*/ || /^ +[A-Z.]/ && /secs/ { maprows++ }
    END {
      printf "%d lines", lines
      if (rows) printf "; %d time-stamped rows (%d of a phases thread, %d <idle>, %d awakened:, %d migrated:)", rows, ph, idle, aw, mig
      if (sumph) printf "; %d phases threads in the summary", sumph
      if (cs != "") printf "; total number of context switches %s", cs
      if (!rows && maprows) printf "; %d map rows, %d of them name a task (X => comm:tid)", maprows, sw
    }' "$1"
}

# ---------------------------------------------------------------- recordings
record go1.24-gmp2 1.24 2 no
record go1.24-gmp4 1.24 4 no
record go1.24-gmp2-quota50 1.24 2 yes
record go1.24-gmp4-quota50 1.24 4 yes
record go1.19-gmp2 1.19 2 no
record go1.19-gmp4-quota50 1.19 4 yes

# ---------------------------------------------------------------- renderings
lat=perf-sched-latency
th=perf-sched-timehist
for rec in go1.24-gmp2 go1.24-gmp4 go1.24-gmp2-quota50 go1.24-gmp4-quota50 go1.19-gmp2 go1.19-gmp4-quota50; do
  q=""; [ "${rec_quota[$rec]}" = yes ] && q=",quota"
  gmp=${rec_gmp[$rec]}
  what="phases workload (Go ${rec_v[$rec]}, GOMAXPROCS=$gmp${q:+, 50% CPU quota})"
  render "$rec" "$rec-latency.txt" $lat "phases$q" "perf sched latency of the $what: merged comm:(N) rows, default sort." \
    "perf sched latency -i $rec.data > $rec-latency.txt"
  render "$rec" "$rec-latency-p.txt" $lat "phases$q,per-thread" "perf sched latency -p of the $what: one comm:tid row per thread." \
    "perf sched latency -p -i $rec.data > $rec-latency-p.txt"
  render "$rec" "$rec-latency-sort-max.txt" $lat "phases$q,sort-max" "perf sched latency -s max of the $what: rows sorted by maximum delay." \
    "perf sched latency -s max -i $rec.data > $rec-latency-sort-max.txt"
  render "$rec" "$rec-timehist.txt" $th "phases$q" "perf sched timehist of the $what: one row per context switch, default columns." \
    "perf sched timehist -i $rec.data > $rec-timehist.txt"
  render "$rec" "$rec-timehist-summary.txt" $th "phases$q,summary-only" "perf sched timehist -s of the $what: runtime summary and idle stats only." \
    "perf sched timehist -s -i $rec.data > $rec-timehist-summary.txt"
done

# every timehist option on the most eventful recording (4 Ps on 2 CPUs under a quota)
rec=go1.24-gmp4-quota50
what="phases workload (Go 1.24, GOMAXPROCS=4, 50% CPU quota)"
render $rec $rec-timehist-w.txt $th phases,quota,awakened "perf sched timehist -w of the $what: awakened: rows with blank time columns." \
  "perf sched timehist -w -i $rec.data > $rec-timehist-w.txt"
render $rec $rec-timehist-M.txt $th phases,quota,migrated "perf sched timehist -M of the $what: migrated: rows (cpu A => B)." \
  "perf sched timehist -M -i $rec.data > $rec-timehist-M.txt"
render $rec $rec-timehist-V.txt $th phases,quota,cpu-visual "perf sched timehist -V of the $what: CPU visual column (s, i)." \
  "perf sched timehist -V -i $rec.data > $rec-timehist-V.txt"
render $rec $rec-timehist-n.txt $th phases,quota,next "perf sched timehist -n of the $what: next: task column." \
  "perf sched timehist -n -i $rec.data > $rec-timehist-n.txt"
render $rec $rec-timehist-state.txt $th phases,quota,state "perf sched timehist --state of the $what: state column (R, S, D, ...)." \
  "perf sched timehist --state -i $rec.data > $rec-timehist-state.txt"
render $rec $rec-timehist-S.txt $th phases,quota,with-summary "perf sched timehist -S of the $what: every row, then the runtime summary." \
  "perf sched timehist -S -i $rec.data > $rec-timehist-S.txt"
render $rec $rec-timehist-I.txt $th phases,quota,idle-hist "perf sched timehist -I of the $what: idle events only." \
  "perf sched timehist -I -i $rec.data > $rec-timehist-I.txt"
render $rec $rec-timehist-I-summary.txt $th phases,quota,idle-hist,summary-only "perf sched timehist -I -s of the $what: the Idle-time summary." \
  "perf sched timehist -I -s -i $rec.data > $rec-timehist-I-summary.txt"
render $rec $rec-timehist-wMVn-state.txt $th phases,quota,awakened,migrated,cpu-visual,next,state "perf sched timehist -w -M -V -n --state of the $what: every optional column and row kind at once." \
  "perf sched timehist -w -M -V -n --state -i $rec.data > $rec-timehist-wMVn-state.txt"
render $rec $rec-map.txt perf-sched-map phases,quota "perf sched map of the $what (two CPU columns, shortnames A0...)." \
  "perf sched map -i $rec.data > $rec-map.txt"

# a plain-text window of half a second, from 1.0 s after the first event
first=$(cd "$work/go1.24" && perf sched timehist -i $rec.data 2>/dev/null > first.txt && awk 'NR > 3 && $1 ~ /^[0-9]+\.[0-9]+$/ { print $1; exit }' first.txt)
t0=$(awk -v f="$first" 'BEGIN { printf "%.6f", f + 1.0 }'); t1=$(awk -v f="$first" 'BEGIN { printf "%.6f", f + 1.5 }')
render $rec $rec-timehist-window.txt $th phases,quota,time-window "perf sched timehist --time of the $what: half a second from the cache phase (plain text)." \
  "perf sched timehist --time $t0,$t1 -i $rec.data > $rec-timehist-window.txt"

# with stderr: what a user gets with 2>&1 (perf writes its banner lines to stderr)
render $rec $rec-latency-stderr.txt $lat phases,quota,stderr-mixed "perf sched latency 2>&1 of the $what (stderr is empty here: no lost or unordered events)." \
  "perf sched latency -i $rec.data > $rec-latency-stderr.txt 2>&1"
render $rec $rec-timehist-summary-stderr.txt $th phases,quota,summary-only,stderr-mixed "perf sched timehist -s 2>&1 of the $what: stderr's 'Samples do not have callchains.' above the summary." \
  "perf sched timehist -s -i $rec.data > $rec-timehist-summary-stderr.txt 2>&1"
render $rec $rec-timehist-window-stderr.txt $th phases,quota,time-window,stderr-mixed "perf sched timehist --time 2>&1 of the $what: stderr's banner line above the table." \
  "perf sched timehist --time $t0,$t1 -i $rec.data > $rec-timehist-window-stderr.txt 2>&1"

# as pasted: the terminal session (prompt lines, the program's stderr and perf record's banner,
# then the table), and an email / GitHub quote of the per-thread table
render $rec $rec-latency-pasted.txt $lat phases,quota,pasted,stderr-mixed "A terminal session as pasted: prompt line, the program's log lines and perf record's banner, then perf sched latency." \
  "{ echo '\$ sudo GOMAXPROCS=4 perf sched record -- ./phases $phase_flags'; cat $rec.console; echo '\$ sudo perf sched latency'; perf sched latency -i $rec.data 2>&1; } > $rec-latency-pasted.txt" \
  "assembled from real parts: two shell prompt lines ('\$ sudo ...', written by the echo commands above, showing the commands in the short form a user types), the real console output of the recording (the program's stderr and perf record's stderr banner, saved to $rec.console during the recording) and the real perf sched latency output"
render $rec $rec-latency-p-quoted.txt $lat phases,quota,per-thread,pasted "perf sched latency -p quoted as in an email reply or GitHub comment: every line prefixed with '> '." \
  "perf sched latency -p -i $rec.data | sed 's/^/> /' > $rec-latency-p-quoted.txt" \
  "every line prefixed with '> ' by sed; nothing else changed"

rec=go1.19-gmp4-quota50
what="phases workload (Go 1.19, GOMAXPROCS=4, 50% CPU quota)"
render $rec $rec-timehist-wMV.txt $th phases,quota,awakened,migrated,cpu-visual "perf sched timehist -w -M -V of the $what." \
  "perf sched timehist -w -M -V -i $rec.data > $rec-timehist-wMV.txt"
render $rec $rec-timehist-state-S.txt $th phases,quota,state,with-summary "perf sched timehist --state -S of the $what: state column, then the summary." \
  "perf sched timehist --state -S -i $rec.data > $rec-timehist-state-S.txt"
render $rec $rec-timehist-summary-indented.txt $th phases,quota,summary-only,pasted "perf sched timehist -s of the $what, indented by four spaces as in a Markdown code block." \
  "perf sched timehist -s -i $rec.data 2>&1 | sed 's/^/    /' > $rec-timehist-summary-indented.txt" \
  "stdout and stderr, every line indented by four spaces by sed; nothing else changed"

# ---------------------------------------------------------------- provenance and index
{
  for rec in go1.24-gmp2 go1.24-gmp4 go1.24-gmp2-quota50 go1.24-gmp4-quota50 go1.19-gmp2 go1.19-gmp4-quota50; do
    echo "### Recording $rec"
    echo
    echo "- Go: \`${gover[${rec_v[$rec]}]}\` (the phases binary was built with this toolchain: \`go build -trimpath\`)"
    echo "- perf: \`$perfver\`; kernel: \`$kernel\`"
    echo "- Recorded: ${rec_date[$rec]} (UTC); load average (1, 5, 15 min) at the start: ${rec_load[$rec]}"
    echo "- GOMAXPROCS=${rec_gmp[$rec]} on $(nproc) CPUs$([ "${rec_gmp[$rec]}" -gt "$(nproc)" ] && echo ' (more Ps than CPUs)')"
    if [ "${rec_quota[$rec]}" = yes ]; then
      echo "- CPU quota: cgroup v1 \`$cg\` with cpu.cfs_period_us=100000 and cpu.cfs_quota_us=50000 (half of one CPU); the shell moves itself into the group, then execs phases. ${rec_throttle[$rec]}"
    else
      echo "- CPU quota: none"
    fi
    echo "- Command (run in the folder holding the binary):"
    echo
    echo '  ```'
    printf '%s\n' "${rec_cmd[$rec]}" | sed 's/^/  /'
    echo '  ```'
    echo "- Console output of the recording (the program's phase lines and perf record's banner):"
    echo
    echo '  ```'
    printf '%s\n' "${rec_console[$rec]}" | sed 's/^/  /'
    echo '  ```'
    echo "- Machine: $machine"
    echo
  done
  for f in "${files[@]}"; do
    rec=${f_rec[$f]}
    echo "### perf/$f"
    echo
    echo "- From recording $rec (above). ${f_desc[$f]}"
    echo "- Command:"
    echo
    echo '  ```'
    printf '%s\n' "${f_cmd[$f]}" | sed 's/^/  /'
    echo '  ```'
    echo "- Transformation: ${f_transform[$f]}"
    echo -n "- Size: $(stat -c %s "$out/$f") bytes"
    case $f in
      *-latency*.txt)
        plain=$work/go${rec_v[$rec]}/${f%.gz}
        echo "; $(grep -c '' "$plain") lines; $(latency_stats "$plain")" ;;
      *)
        plain=$work/go${rec_v[$rec]}/${f%.gz}
        echo "; $(timehist_stats "$plain")" ;;
    esac
    echo
    printf '%s\t%s\t%s\t%s\t%s\n' "perf/$f" "${f_format[$f]}" "$(echo "${gover[${rec_v[$rec]}]}" | awk '{sub(/^go/, "", $3); print $3}')" "${f_feat[$f]}" "${f_desc[$f]}" >> "$rows"
  done
} > "$entries"

begin='<!-- BEGIN perf recorded: generated by record-sched.sh, do not edit by hand -->'
end='<!-- END perf recorded -->'
if ! grep -qF "$begin" "$prov"; then
  printf '\n## perf sched recordings (`perf/`)\n\n%s\n%s\n' "$begin" "$end" >> "$prov"
fi
awk -v b="$begin" -v e="$end" -v f="$entries" '
  $0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
  $0 == e { skip = 0 }
  !skip' "$prov" > "$work/prov.new"
mv "$work/prov.new" "$prov"

# index: keep every row that is not a perf/ recording, then this script's rows (sorted)
header=$'path\tformat\tgo\tfeatures\tdescription'
{
  echo "$header"
  awk -F'\t' 'NR > 1 && $1 !~ /^perf\/[^\/]*$/' "$index"
  sort "$rows"
} > "$work/index.new"
mv "$work/index.new" "$index"

# the recordings' outputs that are no longer produced
for f in "$out"/*; do
  [ -f "$f" ] || continue
  b=$(basename "$f"); keep=no
  for g in "${files[@]}"; do [ "$g" = "$b" ] && keep=yes; done
  [ $keep = yes ] || { echo "record-sched.sh: removing stale $b"; rm -f "$f"; }
done

du -ab "$out" | sort -k2 | sed "s|$out|perf|"
du -sh "$res"
echo "record-sched.sh: done; perf.data files and temporary files are in $work"
