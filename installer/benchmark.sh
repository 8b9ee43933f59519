#!/usr/bin/env bash
# Start-up benchmark: gcscope against its baselines, side by side in one run, each figure printed
# as a ratio against its baseline (the issue's goals: first window within 1.2x of a bare JavaFX
# window, first chart within 1.5x of it, `summary` within 1.5x of a bare `java` hello).
#
#   installer/benchmark.sh [RUNS] [GCSCOPE] [TRACE] [BEFORE]
#
# RUNS (default 7) runs of each, interleaved so a busy machine slows all of them alike; the median
# is reported. GCSCOPE is the packaged command (default /usr/bin/gcscope when installed, else the
# image in installer/target); the window is started with its image's command script,
# lib/desktop/gcscope, as the menu entry starts it. TRACE a trace of about 1 MB (default: a bundled sample).
# BEFORE, another packaged launcher (e.g. a copy of an older build's image), is measured in the
# same runs against the same baselines, for before/after figures on a noisy machine. The command
# line rows also give the summary through jpackage's launcher and a floor: a bare java that reads
# the trace and counts its lines, on the same runtime. It needs
# the packaging build (mvn -Pinstaller -DskipTests package: the baselines are compiled there),
# Xvfb (apt-get install xvfb).
#
# Window times are from the moment the process is started to the app's own marks
# (-Dgcscope.startup.log: the stage shown, the first chart drawn). The baselines run on the
# packaged runtime, so they start the way gcscope does; "before" rows are the fat jar on the
# JDK, as people who build from source start it, against the same baselines on that JDK.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${1:-7}
gcscope=${2:-}
if [ -z "$gcscope" ]; then
    if [ -x /usr/bin/gcscope ]; then gcscope=/usr/bin/gcscope; else gcscope=$here/target/image/gcscope/lib/desktop/gcscope; fi
fi
gcscope=$(readlink -f "$gcscope")
trace=${3:-$root/sample-traces/src/main/resources/dev/gcscope/samples/gctrace/go1.24-phases-app-log.log}
before=${4:+$(readlink -f "$4")}
# The image holding GCSCOPE: bin/gcscope (jpackage's launcher) or lib/desktop/gcscope (the command
# on the PATH, see CommandScript) are both in it.
image=${gcscope%/bin/gcscope}
image=${image%/lib/desktop/gcscope}
# BEFORE's window starts through its image's command script too, whichever of its launchers is given:
# jpackage's launcher asks rpm and dpkg for its package first (0.3-0.4 s), which would be measured as
# the app's own time.
before_window=
if [ -n "$before" ]; then
    before_window=${before%/bin/gcscope}
    before_window=${before_window%/lib/desktop/gcscope}/lib/desktop/gcscope
fi
runtime=$image/lib/runtime
classes=$here/target/classes
javafx=$here/target/javafx
fatjar=$root/app/target/gcscope.jar
jdk_java=${JAVA_HOME:+$JAVA_HOME/bin/}java
for f in "$gcscope" "$runtime/bin/java" "$classes/dev/gcscope/installer/hello/HelloWindow.class" "$trace"; do
    [ -e "$f" ] || { echo "benchmark: $f is missing (build with: mvn -Pinstaller -DskipTests package)" >&2; exit 2; }
done
command -v Xvfb >/dev/null || { echo "benchmark: needs Xvfb" >&2; exit 2; }

work=$(mktemp -d)
xvfb_pid=
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# A display of our own: -displayfd prints the free number Xvfb took once it accepts clients.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(cat "$work/display")
# No running gcscope to hand files to, no remembered window size or recent files.
export XDG_RUNTIME_DIR=$work/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
probe="-Dgcscope.startup.exit=true -Dgcscope.single.instance=false -Djava.util.prefs.userRoot=$work/prefs"

now() { date +%s%6N; }

# window NAME COMMAND...: one start, appends "NAME shown-ms chart-ms" (chart "-" when none).
window() {
    local name=$1 log=$work/startup.log
    shift
    rm -f "$log"
    local t0
    t0=$(now)
    JAVA_TOOL_OPTIONS="$probe -Dgcscope.startup.log=$log" "$@" >/dev/null 2>&1
    awk -v n="$name" -v t0="$t0" '
        $1 == "stage-shown" { s = ($2 - t0) / 1000 }
        $1 == "first-chart" { c = ($2 - t0) / 1000 }
        END { if (s == "") { print "benchmark: " n " showed no window" > "/dev/stderr"; exit 1 }
              printf "%s %.0f %s\n", n, s, (c == "" ? "-" : sprintf("%.0f", c)) }' "$log" >>"$work/windows"
}

echo "load: $(uptime)"
echo "gcscope: $gcscope; trace: $trace ($(du -h "$trace" | cut -f1)); $runs runs each; DISPLAY=$DISPLAY"
: >"$work/windows"
for i in $(seq "$runs"); do
    window hello "$runtime/bin/java" -cp "$classes" dev.gcscope.installer.hello.HelloWindow
    window gcscope "$image/lib/desktop/gcscope" "$trace"
    [ -z "$before" ] || window before "$before_window" "$trace"
    window image-no-appcds "$runtime/bin/java" -cp "$image/lib/app/gcscope.jar" dev.gcscope.Launcher "$trace"
    if [ -f "$fatjar" ]; then
        window jdk-hello "$jdk_java" --module-path "$javafx" --add-modules javafx.controls -cp "$classes" dev.gcscope.installer.hello.HelloWindow
        window fatjar "$jdk_java" -jar "$fatjar" "$trace"
    fi
    printf '.'
done
echo

median() { # median NAME COLUMN
    awk -v n="$1" -v c="$2" '$1 == n && $c != "-" { print $c }' "$work/windows" | sort -n \
        | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-") print "-"; else printf "%.2fx", a / b }'; }

printf '\n%-44s %10s %10s %8s\n' "window (median ms from process start)" "time" "baseline" "ratio"
row() { printf '%-44s %10s %10s %8s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
hello=$(median hello 2)
row "first window, packaged (goal <= 1.2x)" "$(median gcscope 2)" "$hello"
row "first chart, packaged (goal <= 1.5x)" "$(median gcscope 3)" "$hello"
if [ -n "$before" ]; then
    row "first window, $before" "$(median before 2)" "$hello"
    row "first chart, $before" "$(median before 3)" "$hello"
fi
row "first window, image without the AppCDS archive" "$(median image-no-appcds 2)" "$hello"
row "first chart, image without the AppCDS archive" "$(median image-no-appcds 3)" "$hello"
if [ -f "$fatjar" ]; then
    jhello=$(median jdk-hello 2)
    row "first window, fat jar on the JDK (before)" "$(median fatjar 2)" "$jhello"
    row "first chart, fat jar on the JDK (before)" "$(median fatjar 3)" "$jhello"
fi

# run_command NAME COMMAND...: one whole process, appends "NAME wall-ms cpu-ms" (CPU: user + system).
run_command() {
    local name=$1 t0 t1
    shift
    t0=$(now)
    /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null 2>&1
    t1=$(now)
    awk -v n="$name" -v w="$(( (t1 - t0) / 1000 ))" '{ printf "%s %d %.0f\n", n, w, ($1 + $2) * 1000 }' "$work/cpu" >>"$work/commands"
}

# The command line, interleaved like the windows (one warm-up round not counted), so that a load
# that comes and goes on a shared machine falls on every row alike.
: >"$work/commands"
for i in $(seq 0 "$runs"); do
    run_command java-hello "$runtime/bin/java" -cp "$classes" dev.gcscope.installer.hello.HelloMain
    run_command java-read "$runtime/bin/java" -cp "$classes" dev.gcscope.installer.hello.ReadMain "$trace"
    run_command gcscope-summary "$gcscope" summary "$trace"
    run_command launcher-summary "$image/bin/gcscope" summary "$trace"
    [ -z "$before" ] || run_command before-summary "$before" summary "$trace"
    if [ -f "$fatjar" ]; then
        run_command jdk-java-hello "$jdk_java" -cp "$classes" dev.gcscope.installer.hello.HelloMain
        run_command fatjar-summary "$jdk_java" -jar "$fatjar" summary "$trace"
    fi
    [ "$i" -gt 0 ] || : >"$work/commands"
    printf '.'
done
echo
cli() { # cli NAME COLUMN (2 wall, 3 CPU)
    awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$work/commands" | sort -n \
        | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
clirow() { # clirow LABEL NAME BASELINE: wall and CPU, each against the baseline's
    printf '%-44s %10s %10s %8s   cpu %5s / %5s ms %8s\n' "$1" "$(cli "$2" 2)" "$(cli "$3" 2)" "$(ratio "$(cli "$2" 2)" "$(cli "$3" 2)")" \
        "$(cli "$2" 3)" "$(cli "$3" 3)" "$(ratio "$(cli "$2" 3)" "$(cli "$3" 3)")"
}
echo
printf '%-44s %10s %10s %8s\n' "command line (median ms, whole process)" "time" "baseline" "ratio"
clirow "gcscope summary, packaged (goal <= 1.5x)" gcscope-summary java-hello
clirow "summary through jpackage's launcher" launcher-summary java-hello
clirow "floor: java reading the trace, lines counted" java-read java-hello
[ -z "$before" ] || clirow "summary, $before" before-summary java-hello
[ ! -f "$fatjar" ] || clirow "summary, fat jar on the JDK" fatjar-summary jdk-java-hello
echo "load: $(uptime)"
