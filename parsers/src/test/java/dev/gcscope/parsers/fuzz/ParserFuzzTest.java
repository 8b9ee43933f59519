package dev.gcscope.parsers.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * One coverage-guided fuzzer per parser, seeded from the head of every bundled sample of its format
 * ({@link FuzzSeeds}). Whatever the bytes, a parse either gives a result or fails with one
 * {@link TraceInputException} line; any other exception, a hang or an impossible figure is a finding.
 *
 * <p>In the suite these run in Jazzer's regression mode: each seed and every input a past run found
 * (kept beside the seeds) is parsed once. Long runs, one parser at a time (the README says how):
 * {@code JAZZER_FUZZ=1 mvn -pl parsers -am test -Dtest=ParserFuzzTest#gctrace -Dsurefire.failIfNoSpecifiedTests=false}
 * fuzzes that parser for the {@code maxDuration} below (Jazzer fuzzes one test per run and takes the
 * duration only from the annotation); a finding is saved as {@code crash-*} beside the seeds of its
 * method, so that every later suite run replays it once it is committed. {@link MutantInvariantsTest}
 * is the suite's short run of mutants.
 */
class ParserFuzzTest {
    /** The fuzz method that takes the samples of {@code format}, or null for a format with no parser. */
    static String methodFor(String format) {
        return switch (format) {
            case "gctrace" -> "gctrace";
            case "perf-sched-latency" -> "perfSchedLatency";
            case "perf-sched-timehist" -> "perfSchedTimehist";
            case "prometheus" -> "prometheusText";
            case "metrics-json" -> "metricsJson";
            case "prometheus-range" -> "prometheusRange";
            case "cgroup-cpu-stat" -> "cgroupCpuStat";
            default -> null;
        };
    }

    @FuzzTest(maxDuration = "5m")
    void gctrace(byte[] input) {
        check("gctrace", input);
    }

    @FuzzTest(maxDuration = "5m")
    void perfSchedLatency(byte[] input) {
        check("perf-sched-latency", input);
    }

    @FuzzTest(maxDuration = "5m")
    void perfSchedTimehist(byte[] input) {
        check("perf-sched-timehist", input);
    }

    @FuzzTest(maxDuration = "5m")
    void prometheusText(byte[] input) {
        check("prometheus", input);
    }

    @FuzzTest(maxDuration = "5m")
    void metricsJson(byte[] input) {
        check("metrics-json", input);
    }

    @FuzzTest(maxDuration = "5m")
    void prometheusRange(byte[] input) {
        check("prometheus-range", input);
    }

    @FuzzTest(maxDuration = "5m")
    void cgroupCpuStat(byte[] input) {
        check("cgroup-cpu-stat", input);
    }

    /** The format given ({@code --format ID}), then detection, as the app and the CLI do. */
    private static void check(String format, byte[] input) {
        ParseInvariants.check(format, input);
        ParseInvariants.check(null, input);
    }
}
