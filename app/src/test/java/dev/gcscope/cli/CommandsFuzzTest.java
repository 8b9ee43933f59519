package dev.gcscope.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * One coverage-guided fuzzer per format for the commands over the whole pipeline (parse, analysis,
 * figures, JSON, report, charts; {@link CommandInvariants}), as the parsers' fuzzers
 * ({@code ParserFuzzTest}) are for the parse alone. Seeded from the head of each demo sample; in
 * the suite Jazzer replays the seeds and every finding kept beside them. A long run fuzzes one
 * format for the duration below (README, Fuzzing):
 * {@code JAZZER_FUZZ=1 mvn -pl app -am test -Dtest=CommandsFuzzTest#gctrace -Dsurefire.failIfNoSpecifiedTests=false}
 */
class CommandsFuzzTest {
    /** The reports and charts of every execution go here, one file each, replaced. */
    @TempDir
    static Path out;

    @FuzzTest(maxDuration = "10m")
    void gctrace(byte[] input) {
        CommandInvariants.check("gctrace", input, out);
    }

    @FuzzTest(maxDuration = "10m")
    void perfSchedLatency(byte[] input) {
        CommandInvariants.check("perf-sched-latency", input, out);
    }

    @FuzzTest(maxDuration = "10m")
    void perfSchedTimehist(byte[] input) {
        CommandInvariants.check("perf-sched-timehist", input, out);
    }

    @FuzzTest(maxDuration = "10m")
    void prometheusText(byte[] input) {
        CommandInvariants.check("prometheus", input, out);
    }

    @FuzzTest(maxDuration = "10m")
    void metricsJson(byte[] input) {
        CommandInvariants.check("metrics-json", input, out);
    }

    @FuzzTest(maxDuration = "10m")
    void prometheusRange(byte[] input) {
        CommandInvariants.check("prometheus-range", input, out);
    }

    @FuzzTest(maxDuration = "10m")
    void cgroupCpuStat(byte[] input) {
        CommandInvariants.check("cgroup-cpu-stat", input, out);
    }
}
