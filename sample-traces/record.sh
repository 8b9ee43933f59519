#!/usr/bin/env bash
# Re-records every real gctrace sample in
#   src/main/resources/dev/gcscope/samples/gctrace/   (not quoted/, which holds excerpts from public issues)
# with real Go toolchains, and regenerates the recorded part of PROVENANCE.md and the
# recorded rows of src/main/resources/dev/gcscope/samples/index.tsv.
#
#   usage: sample-traces/record.sh [TOOLCHAINS]     (default /opt/go-toolchains)
#
# TOOLCHAINS must hold go1.19 go1.21 go1.22 go1.23 go1.24, each with bin/go
# (shared/tools/go-toolchains.sh installs them from Debian's packages).
# Needs root (unshare/mount for a private journald), and the Debian packages
# systemd (systemd-journald, systemd-cat, journalctl), rsyslog, bsdutils (logger), gzip.
# Takes about 8 minutes on 2 cores; run nothing else meanwhile, the timings are real.
# Outputs are real runs, so each re-recording differs in its numbers.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tc=${1:-/opt/go-toolchains}
res=$here/src/main/resources/dev/gcscope/samples
out=$res/gctrace
index=$res/index.tsv
prov=$here/PROVENANCE.md
versions=(1.19 1.21 1.22 1.23 1.24)

for cmd in rsyslogd logger systemd-cat journalctl unshare gzip; do
  command -v "$cmd" >/dev/null || { echo "record.sh: $cmd not found (apt-get install rsyslog systemd bsdutils util-linux gzip)" >&2; exit 1; }
done
[ -x /lib/systemd/systemd-journald ] || { echo "record.sh: /lib/systemd/systemd-journald not found" >&2; exit 1; }

work=$(mktemp -d /tmp/gcscope-record.XXXXXX)
mkdir -p "$out" "$work/bin"
echo "record.sh: working in $work"

. "$here/go-overlay.sh"
gocmd() { local v=$1; shift; go_with "$tc/go$v" "$work/goroot/go$v" "$@"; }

declare -A gover
for v in "${versions[@]}"; do
  gover[$v]=$(gocmd "$v" version)
  mkdir -p "$work/go$v"
  (cd "$here/workloads" && gocmd "$v" build -o "$work/go$v/phases" ./cmd/phases && gocmd "$v" build -o "$work/go$v/idle" ./cmd/idle)
  echo "built with ${gover[$v]}"
done
(cd "$here/workloads" && gocmd 1.24 build -o "$work/bin/crilog" ./cmd/crilog && gocmd 1.24 build -o "$work/bin/gcstats" ./cmd/gcstats)

machine="$(nproc) cores (CPU model: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')); $(free -g | awk '/^Mem:/{print $2}') GiB RAM; Linux $(uname -r) ($(uname -m)); $(. /etc/os-release && echo "$PRETTY_NAME"); a shared virtual machine: other work (for example Maven builds of the other modules) may run at the same time, so see the load average below; the idle recording runs alongside the others, asleep"

# ---- bookkeeping: one provenance entry and one index row per file ----
entries=$work/provenance.md
rows=$work/index-rows.tsv
: > "$entries"; : > "$rows"
# note FILE VERSION FEATURES DESCRIPTION DATE COMMAND TRANSFORM
note() {
  local file=$1 v=$2 features=$3 desc=$4 date=$5 command=$6 transform=$7 gv split
  gv=${gover[$v]}
  split=$("$work/bin/gcstats" "$out/$file" | awk '/^summary /{for(i=1;i<=NF;i++) if($i ~ /^split=/){sub("split=","",$i); print $i}}')
  if [ "${split:-0}" -gt 0 ] && [[ ",$features," != *,split-lines,* ]]; then features="$features,split-lines"; fi
  printf '%s\t%s\t%s\t%s\t%s\n' "gctrace/$file" gctrace "${gv#go version go}" "$features" "$desc" | sed 's/ linux\/amd64//' >> "$rows"
  {
    echo "### gctrace/$file"
    echo
    echo "- Go: \`$gv\` (the binary was built with this toolchain: \`go build -trimpath\`)"
    echo "- Recorded: $date (UTC)"
    echo "- Command (run in the folder holding the binaries):"
    echo
    echo '  ```'
    printf '%s\n' "$command" | sed 's/^/  /'
    echo '  ```'
    echo "- Environment: ${env_note}"
    echo "- Machine: $machine"
    echo "- Load average (1, 5, 15 min) when the recording started: $load"
    echo "- Transformation: $transform"
    echo "- Size: $(stat -c %s "$out/$file") bytes; gcstats:"
    echo
    echo '  ```'
    "$work/bin/gcstats" "$out/$file" | sed -e "s|$out/||" -e 's/^/  /'
    echo '  ```'
    echo
  } >> "$entries"
}
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
# stamp: sets d (UTC start time) and load (load averages) just before a recording starts
stamp() { d=$(now); load=$(cut -d' ' -f1-3 /proc/loadavg); }
# run VERSION COMMAND: runs COMMAND with bash in the version's folder
run() { (cd "$work/go$1" && bash -c "$2"); }

env_note='GODEBUG=gctrace=1, GOMAXPROCS=2, GOGC unset (100); the phases program itself sets the GC percent to 25 for its cache phase (-cache-gogc=25) and restores it afterwards.'

# ---- the periodic forced GC: idle for 130 s, in the background while the rest runs ----
stamp; idle_date=$d; idle_load=$load
idle_cmd='GODEBUG=gctrace=1 GOMAXPROCS=2 ./idle 2> go1.24-idle-periodic.log'
run 1.24 "$idle_cmd" &
idle_pid=$!
sleep 1

# ---- plain runs, one per version ----
for v in "${versions[@]}"; do
  f=go$v-phases.log; stamp; c="GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases 2> $f"
  run "$v" "$c"; mv "$work/go$v/$f" "$out/$f"
  note "$f" "$v" phases,forced "Plain stderr of the phases workload (low-alloc, cache, burst, forced) with its phase log lines." "$d" "$c" "none"
done

# ---- gcpacertrace + scavtrace ----
env_pacer='GODEBUG=gctrace=1,gcpacertrace=1,scavtrace=1, GOMAXPROCS=2, GOGC unset (100); -cache-gogc=25 as above.'
for v in 1.19 1.24; do
  f=go$v-phases-pacer-scav.log; stamp; c="GODEBUG=gctrace=1,gcpacertrace=1,scavtrace=1 GOMAXPROCS=2 ./phases 2> $f"
  run "$v" "$c"; mv "$work/go$v/$f" "$out/$f"
  env_note_saved=$env_note; env_note=$env_pacer
  note "$f" "$v" phases,forced,pacer,scav "Phases workload with gcpacertrace and scavtrace lines mixed into the gctrace output." "$d" "$c" "none"
  env_note=$env_note_saved
done

# ---- containerd CRI log and kubectl logs --timestamps ----
f=go1.24-phases-cri.log; stamp
c="../bin/crilog -format cri -o $f -- env GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases"
run 1.24 "rm -f $f; $c"; mv "$work/go1.24/$f" "$out/$f"
note "$f" 1.24 phases,forced,cri "Phases workload as containerd stores it: RFC 3339 nano stamp, stream, F/P tag per line." "$d" "$c" \
  "stdout/stderr read through the crilog shim (workloads/cmd/crilog), which stamps each line on arrival with time.RFC3339Nano in UTC (trailing zeros of the fraction dropped, as containerd does) and follows containerd's internal/cri/io/logger.go rule for P (partial) entries: only lines longer than 16384 bytes, or output ending without a newline."

f=go1.22-phases-kubectl.log; stamp
c="../bin/crilog -format kubectl -o $f -- env GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases"
run 1.22 "rm -f $f; $c"; mv "$work/go1.22/$f" "$out/$f"
note "$f" 1.22 phases,forced,kubectl "Phases workload as kubectl logs --timestamps shows it: fixed 9-digit RFC 3339 stamp and a space." "$d" "$c" \
  "crilog shim in kubectl mode: each line stamped on arrival (UTC) and written with the kubelet's fixed-width layout 2006-01-02T15:04:05.000000000Z07:00 (pkg/kubelet/kuberuntime/logs), as kubectl logs --timestamps prints it."

# ---- a real rsyslogd (private instance, private socket) via logger ----
sl=$work/rsyslog; mkdir -p "$sl"
cat > "$sl/rsyslog.conf" <<EOF
global(workDirectory="$sl")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$sl/log.sock" RateLimit.Interval="0" UseSysTimeStamp="on")
if \$programname == 'phases' then {
  action(type="omfile" file="$sl/traditional.log" template="RSYSLOG_TraditionalFileFormat")
  action(type="omfile" file="$sl/rfc3339.log" template="RSYSLOG_FileFormat")
}
EOF
rsyslogd -f "$sl/rsyslog.conf" -i "$sl/rsyslogd.pid"
for _ in $(seq 50); do [ -S "$sl/log.sock" ] && break; sleep 0.1; done
stamp
c="bash -c 'exec 2> >(exec logger -u \"\$SYSLOG_SOCKET\" -t phases --id=\$\$); exec env GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases'"
run 1.23 "SYSLOG_SOCKET=$sl/log.sock $c"
sleep 3
kill "$(cat "$sl/rsyslogd.pid")"; sleep 1
cp "$sl/traditional.log" "$out/go1.23-phases-syslog.log"
cp "$sl/rfc3339.log" "$out/go1.23-phases-rsyslog-rfc3339.log"
sysl_note="one run: stderr piped line by line to util-linux logger (-t phases, --id = the pid of the phases process, which bash's exec keeps), sent over \$SYSLOG_SOCKET, the imuxsock socket of a private instance of a real rsyslogd $(rsyslogd -v | head -1 | awk '{print $2}' | tr -d ,) (Debian; configuration in record.sh: rate limiting off, system time stamp taken on reception); rsyslog wrote"
note go1.23-phases-syslog.log 1.23 phases,forced,syslog "Phases workload in a syslog file with the traditional prefix (Mmm dd hh:mm:ss host phases[pid]: )." "$d" "$c" \
  "$sysl_note this file with its RSYSLOG_TraditionalFileFormat template. Only the phases messages are kept (filter on \$programname)."
note go1.23-phases-rsyslog-rfc3339.log 1.23 phases,forced,syslog "Same run as go1.23-phases-syslog.log, written by rsyslog with RFC 3339 microsecond stamps." "$d" "$c" \
  "$sysl_note this file with its RSYSLOG_FileFormat template (high-precision RFC 3339 stamp with offset)."

# ---- a real systemd-journald (private mount namespace, volatile storage) via systemd-cat ----
jd=$work/journald; mkdir -p "$jd"
cat > "$jd/journald.conf" <<'EOF'
[Journal]
Storage=volatile
RateLimitIntervalSec=0
RateLimitBurst=0
ReadKMsg=no
ForwardToSyslog=no
ForwardToWall=no
ForwardToConsole=no
ForwardToKMsg=no
EOF
f=go1.21-phases-journald.log; stamp
c="systemd-cat -t phases env GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases
journalctl -o short-precise -t phases --no-pager -q > $f"
cat > "$jd/inner.sh" <<EOF
set -e
mount -t tmpfs tmpfs /run
mount --bind "$jd/journald.conf" /etc/systemd/journald.conf
/lib/systemd/systemd-journald &
jpid=\$!
for _ in \$(seq 100); do [ -S /run/systemd/journal/stdout ] && break; sleep 0.1; done
cd "$work/go1.21"
systemd-cat -t phases env GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases
sleep 2
journalctl -o short-precise -t phases --no-pager -q > $f
kill \$jpid; wait \$jpid || true
EOF
unshare -m --propagation private bash "$jd/inner.sh"
mv "$work/go1.21/$f" "$out/$f"
note "$f" 1.21 phases,forced,journald "Phases workload from journald, shown by journalctl -o short-precise (microsecond stamps)." "$d" "$c" \
  "run under a real systemd-journald $(journalctl --version | head -1 | awk '{print $2}') (Debian) started in a private mount namespace (tmpfs on /run, Storage=volatile, rate limiting off); systemd-cat connects the program's stdout/stderr to journald's stream socket, so journald stamps each line on arrival; the file is journalctl's short-precise output for the phases identifier."

# ---- heavy application logging: gc lines split mid-line ----
applog() { # VERSION FILE COMMAND-TEMPLATE(with @F@)
  local v=$1 f=$2 tmpl=$3 c try s
  c=${tmpl//@F@/$f}
  for try in 1 2 3; do
    stamp
    run "$v" "rm -f $f; $c"
    s=$("$work/bin/gcstats" "$work/go$v/$f" | awk '/^summary /{for(i=1;i<=NF;i++) if($i ~ /^split=/){sub("split=","",$i); print $i}}')
    [ "$s" -ge 3 ] && break
    echo "record.sh: only $s split gc lines in $f, recording again" >&2
  done
  mv "$work/go$v/$f" "$out/$f"
  cmdline=$c
}
applog 1.24 go1.24-phases-app-log.log "GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases -low-alloc 3s -cache 3s -burst 4s -forced 2s -app-log-rate 1200 2> @F@"
note go1.24-phases-app-log.log 1.24 phases,forced,app-log,split-lines "Phases workload with 1200 application log lines/s on stderr; some gc lines are split mid-line." "$d" "$cmdline" \
  "none (shorter phases so that the file stays under 2 MB)"
applog 1.21 go1.21-phases-app-log-cri.log "../bin/crilog -format cri -o @F@ -- env GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases -low-alloc 2s -cache 2s -burst 3s -forced 1s -app-log-rate 1200"
note go1.21-phases-app-log-cri.log 1.21 phases,forced,app-log,split-lines,cri "CRI log of the phases workload with heavy application logging; split gc lines become separate F entries." "$d" "$cmdline" \
  "crilog shim in cri mode (see go1.24-phases-cri.log); shorter phases so that the file stays under 2 MB"

# ---- a process restart: two runs appended to one file ----
f=go1.22-phases-restart.log; stamp
c="GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases -low-alloc 2s -cache 2s -burst 2s -forced 1s 2>> $f
sleep 1
GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases -low-alloc 2s -cache 2s -burst 2s -forced 1s 2>> $f"
run 1.22 "rm -f $f; $c"; mv "$work/go1.22/$f" "$out/$f"
note "$f" 1.22 phases,forced,restart "Two runs of a shortened phases workload appended to one file; gc numbers restart at 1." "$d" "$c" "none"

# ---- CRLF line ends ----
f=go1.21-phases-crlf.log; stamp
c="GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases -low-alloc 3s -cache 3s -burst 3s -forced 2s 2> phases.log
sed 's/\$/\r/' phases.log > $f"
run 1.21 "$c"; mv "$work/go1.21/$f" "$out/$f"
note "$f" 1.21 phases,forced,crlf "Shortened phases workload with every line end converted to CRLF." "$d" "$c" \
  "CRLF conversion after recording: sed 's/\$/\\r/' adds a carriage return before every LF; nothing else changed"

# ---- gzip ----
f=go1.23-phases.log.gz; stamp
c="GODEBUG=gctrace=1 GOMAXPROCS=2 ./phases 2> phases.log
gzip -9 -n -c phases.log > $f"
run 1.23 "$c"; mv "$work/go1.23/$f" "$out/$f"
note "$f" 1.23 phases,forced,gzip "Plain phases workload run, compressed with gzip -9." "$d" "$c" \
  "gzip -9 -n (no name or time stamp in the gzip header) of the real trace; a separate run from go1.23-phases.log"

# ---- wait for the idle run ----
wait "$idle_pid"
mv "$work/go1.24/go1.24-idle-periodic.log" "$out/go1.24-idle-periodic.log"
env_note_saved=$env_note
env_note='GODEBUG=gctrace=1, GOMAXPROCS=2, GOGC unset (100).'
load=$idle_load
note go1.24-idle-periodic.log 1.24 periodic-forced "Idle program: a few cycles, then the 2-minute periodic GC prints GC forced before its gc line." "$idle_date" "$idle_cmd" \
  "none (ran in the background, idle, while the other recordings ran)"
env_note=$env_note_saved

# ---- PROVENANCE.md (recorded part) and index.tsv (recorded rows) ----
begin='<!-- BEGIN recorded: generated by record.sh, do not edit by hand -->'
end='<!-- END recorded -->'
if [ ! -f "$prov" ] || ! grep -qF "$begin" "$prov"; then
  printf '# Provenance of the sample traces\n\n%s\n%s\n' "$begin" "$end" > "$prov"
fi
awk -v b="$begin" -v e="$end" -v f="$entries" '
  $0 == b { print; while ((getline l < f) > 0) print l; skip = 1; next }
  $0 == e { skip = 0 }
  !skip' "$prov" > "$work/prov.new"
mv "$work/prov.new" "$prov"

header=$'path\tformat\tgo\tfeatures\tdescription'
{
  echo "$header"
  sort "$rows"
  # keep every row this script does not write: gctrace/quoted/, and perf/ and metrics/ (record-sched.sh, record-metrics.sh)
  [ -f "$index" ] && awk -F'\t' 'NR > 1 && $1 !~ /^gctrace\/[^\/]*$/' "$index"
} > "$work/index.new"
mv "$work/index.new" "$index"

du -ab "$out" | sort -k2 | sed "s|$out|gctrace|"
du -sh "$here"
echo "record.sh: done; temporary files are in $work"
