package dev.gcscope.analysis.sched;

import dev.gcscope.analysis.TimehistSummary;
import dev.gcscope.analysis.compare.BatchPlacementTest;
import dev.gcscope.analysis.compare.TraceComparison;
import dev.gcscope.analysis.compare.VerdictRanking;
import dev.gcscope.analysis.stats.SortedSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Two {@code perf sched timehist} recordings of the same program (without and with a CPU quota, before
 * and after a kernel or GOMAXPROCS change) side by side (issue 11, "Scheduler inputs compare too"):
 * the scheduling delay ({@code sch_delay_ms}, wakeup to running) of every task found in both, with
 * P50/P90/P99/max, B/A and the ratio's 95 % interval, Mann–Whitney and KS p-values, and a verdict.
 *
 * <p>A task is a process, as {@code summary}'s {@code per_task} groups threads by pid ({@link TaskDelays}).
 * Two recordings have different pids, so tasks are matched by name; a name with several processes on a
 * side (a restarted program) is compared as all of them together ({@code processes} says how many).
 *
 * <p>The statistics are {@link TraceComparison}'s (order-statistic intervals at √0.95 per side, exact or
 * tie-aware tests), which treat every switch as an independent draw. Delays come in bursts (a throttled
 * quota period delays every wakeup in it), so the tests alone would call small differences; a change is
 * therefore called only when a Holm-adjusted p-value (over both tests of every task compared) is under
 * {@value #ALPHA}, the placement test that allows for neighbouring switches being alike
 * ({@link BatchPlacementTest}, Holm-adjusted over the tasks) agrees, <em>and</em> at least one
 * percentile's ratio interval excludes 1; its direction is read from those percentiles. Anything else
 * is "no clear change". Without the placement test, Mann–Whitney and KS called the halves of one steady
 * recording ({@code sched-steady/go1.24-steady-timehist.txt.gz}) different at p &lt; 0.001 in every
 * split tried, and only the 10 µs rule below kept the verdict from calling them changed.
 */
public final class DelayComparison {
    public static final double ALPHA = 0.05;
    /**
     * A percentile that moved less than this (10 µs) does not count as a change however certain: perf
     * prints delays in whole microseconds, and a context switch itself costs microseconds, so a median
     * of 9 → 7 µs (the incident recordings, 37,923 and 27,013 switches) is resolution, not news.
     */
    public static final double NEGLIGIBLE_MS = 0.01;
    /** Tasks listed at most, as {@code summary}'s {@code per_task}. */
    public static final int MAX_TASKS = 10;
    static final String[] PERCENTILES = {"p50", "p90", "p99"};

    public enum Change { LONGER, SHORTER, DIFFERENT, NO_CLEAR_CHANGE, TOO_FEW }

    /** One side's figures for one task, as {@code summary}'s {@code per_task} gives them. */
    public record Figures(String task, List<Integer> pids, int threads, int switches, double p50Ms, double p90Ms,
                          double p99Ms, double maxMs) {}

    /**
     * One task in both recordings.
     *
     * @param rows p50, p90, p99, max with B/A and its interval (none for the maximum)
     * @param mannWhitneyP, ksP unadjusted; NaN with too few switches
     * @param mannWhitneyAdjusted, ksAdjusted Holm-adjusted over every test of every task compared
     * @param inOrderP {@link BatchPlacementTest}'s p-value over the task's switches in the order they
     *                 happened; NaN with too few switches for its batches
     * @param inOrderAdjusted Holm-adjusted over the tasks compared
     */
    public record TaskRow(String task, Figures a, Figures b, List<TraceComparison.Row> rows, double mannWhitneyP, double ksP,
                          double mannWhitneyAdjusted, double ksAdjusted, double inOrderP, double inOrderAdjusted, Change change,
                          String sentence) {}

    /** One recording: all its non-idle switches (as {@code summary}'s {@code sch_delay_ms}) and its tasks. */
    public record Side(String label, long switches, long tasks, String program, double[] delaysMs, TaskDelays delays) {
        public static Side of(String label, Table events) {
            TimehistSummary s = TimehistSummary.of(events, emptySummary());
            TaskDelays d = TaskDelays.of(events);
            String program = TimehistPrograms.likely(TimehistPrograms.of(d, events)).map(TimehistPrograms.Program::name).orElse("");
            // in the order the switches happened, as the intervals' widening reads them
            int[] rows = new int[d.switches()];
            int k = 0;
            for (TaskDelays.Task t : d.tasks()) for (int r : t.rows()) rows[k++] = r;
            java.util.Arrays.sort(rows);
            double[] all = new double[rows.length];
            for (int i = 0; i < rows.length; i++) all[i] = d.delayMs()[rows[i]];
            return new Side(label, s.events(), s.tasks(), program, all, d);
        }

        public Side withLabel(String newLabel) {
            return new Side(newLabel, switches, tasks, program, delaysMs, delays);
        }
    }

    /**
     * @param overall every non-idle switch of each side: p50, p90, p99, max
     * @param overallMannWhitneyP, overallKsP the overall delays' tests, unadjusted
     * @param onlyA, onlyB task names with enough switches on one side only
     */
    public record Result(Side a, Side b, List<TraceComparison.Row> overall, double overallMannWhitneyP, double overallKsP,
                         List<TaskRow> tasks, List<String> onlyA, List<String> onlyB, String verdict) {}

    private DelayComparison() {}

    public static Result of(Side a, Side b) {
        double[] allA = a.delaysMs(), allB = b.delaysMs();
        TraceComparison.Result overall = TraceComparison.of(SortedSample.of(allA), SortedSample.of(allB), allA, allB);
        Map<String, double[]> byNameA = delaysByName(a.delays()), byNameB = delaysByName(b.delays());
        Map<String, Figures> figA = figures(a.delays()), figB = figures(b.delays());
        List<String> names = new ArrayList<>(), onlyA = new ArrayList<>(), onlyB = new ArrayList<>();
        for (String n : byNameA.keySet()) {
            if (figA.get(n).switches() < TaskDelays.FEW_SWITCHES) continue;
            if (byNameB.containsKey(n) && figB.get(n).switches() >= TaskDelays.FEW_SWITCHES) names.add(n); else onlyA.add(n);
        }
        for (String n : byNameB.keySet()) {
            if (figB.get(n).switches() >= TaskDelays.FEW_SWITCHES && !names.contains(n)) onlyB.add(n);
        }
        String program = names.contains(a.program()) ? a.program() : names.contains(b.program()) ? b.program() : null;
        // the program first, then the worse P99 of the two sides
        names.sort(Comparator.comparing((String n) -> !n.equals(program))
                .thenComparing(Comparator.comparingDouble((String n) -> -Math.max(nanLow(figA.get(n).p99Ms()), nanLow(figB.get(n).p99Ms())))));
        if (names.size() > MAX_TASKS) names = new ArrayList<>(names.subList(0, MAX_TASKS));

        List<TraceComparison.Result> results = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        double[] inOrder = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            double[] ofA = byNameA.get(n), ofB = byNameB.get(n);
            TraceComparison.Result r = TraceComparison.of(SortedSample.of(ofA), SortedSample.of(ofB), ofA, ofB);
            results.add(r);
            ps.add(r.mannWhitneyP());
            ps.add(r.ksP());
            inOrder[i] = BatchPlacementTest.p(byNameA.get(n), byNameB.get(n));
        }
        double[] adjusted = VerdictRanking.holm(ps.stream().mapToDouble(Double::doubleValue).toArray());
        double[] inOrderAdjusted = VerdictRanking.holm(inOrder);
        List<TaskRow> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            TraceComparison.Result r = results.get(i);
            double mwAdj = adjusted[2 * i], ksAdj = adjusted[2 * i + 1];
            Change change = change(r, mwAdj, ksAdj, inOrderAdjusted[i]);
            rows.add(new TaskRow(n, figA.get(n), figB.get(n), r.percentiles(), r.mannWhitneyP(), r.ksP(), mwAdj, ksAdj, inOrder[i],
                    inOrderAdjusted[i], change, sentence(n, r.percentiles(), change, Math.min(mwAdj, ksAdj), inOrder[i],
                            inOrderAdjusted[i])));
        }
        return new Result(a, b, overall.percentiles(), overall.mannWhitneyP(), overall.ksP(), List.copyOf(rows),
                List.copyOf(onlyA), List.copyOf(onlyB), verdict(rows, a, b));
    }

    /** @param inOrderAdjusted NaN (too few switches for the batches) leaves the call to the other tests */
    static Change change(TraceComparison.Result r, double mwAdj, double ksAdj, double inOrderAdjusted) {
        if (Double.isNaN(r.mannWhitneyP()) || Double.isNaN(r.ksP())) return Change.TOO_FEW;
        if (!(Math.min(mwAdj, ksAdj) < ALPHA) || inOrderAdjusted >= ALPHA) return Change.NO_CLEAR_CHANGE;
        boolean up = false, down = false;
        for (TraceComparison.Row row : r.percentiles()) {
            if (Double.isNaN(row.ratioLow())) continue; // the maximum has no interval
            up |= supports(row, 1);
            down |= supports(row, -1);
        }
        if (up && down) return Change.DIFFERENT;
        if (up) return Change.LONGER;
        if (down) return Change.SHORTER;
        return Change.NO_CLEAR_CHANGE;
    }

    /** Whether the row's ratio interval lies above 1 ({@code side} 1) or below it (−1), by more than {@link #NEGLIGIBLE_MS}. */
    public static boolean supports(TraceComparison.Row r, int side) {
        if (Double.isNaN(r.ratioLow()) || Math.abs(r.b() - r.a()) < NEGLIGIBLE_MS) return false;
        return side > 0 ? r.ratioLow() > 1 : r.ratioHigh() < 1;
    }

    /** "phases: scheduling delays longer (P99 1.36 → 2.59 ms, +91 %, 95 % CI +40 % to +150 %)". */
    static String sentence(String task, List<TraceComparison.Row> rows, Change change, double p, double inOrderP,
                           double inOrderAdjusted) {
        TraceComparison.Row p99 = rows.get(2);
        return switch (change) {
            case TOO_FEW -> task + ": too few switches to compare";
            case NO_CLEAR_CHANGE -> String.format(Locale.ROOT, "%s: no clear change in scheduling delay (P99 %s → %s ms; %s)",
                    task, num(p99.a()), num(p99.b()), !(p < ALPHA) ? "Holm-adjusted p " + pText(p)
                            : inOrderAdjusted >= ALPHA
                            ? "Mann–Whitney and KS, which take every switch as independent, find the distributions different"
                                    + " (Holm-adjusted p " + pText(p) + "); allowing for neighbouring switches being alike, the"
                                    + " in-order test gives p " + pText(inOrderP) + ", Holm-adjusted " + pText(inOrderAdjusted)
                            : "the distributions differ, Holm-adjusted p " + pText(p) + ", but no percentile moved by 10 µs or more"
                                    + " with its 95% interval clear of no change" + (Double.isNaN(p99.ratioLow()) ? ""
                                    : String.format(Locale.ROOT, " (P99 %s, 95%% CI %s)", pct(p99.ratio()), ci(p99.ratioLow(), p99.ratioHigh()))));
            case LONGER, SHORTER, DIFFERENT -> {
                List<String> support = new ArrayList<>();
                // the tail first: it is what a quota or a noisy neighbour changes
                for (int i = rows.size() - 1; i >= 0; i--) {
                    TraceComparison.Row r = rows.get(i);
                    if (!supports(r, 1) && !supports(r, -1)) continue;
                    support.add(String.format(Locale.ROOT, "%s %s → %s ms (%s, 95%% CI %s)", r.name().toUpperCase(Locale.ROOT),
                            num(r.a()), num(r.b()), pct(r.ratio()), ci(r.ratioLow(), r.ratioHigh())));
                }
                String what = change == Change.LONGER ? "scheduling delays longer" : change == Change.SHORTER
                        ? "scheduling delays shorter" : "scheduling delay distribution changed shape";
                yield String.format(Locale.ROOT, "%s: %s: %s; Holm-adjusted p %s", task, what, String.join(", ", support), pText(p));
            }
        };
    }

    /** The program's sentence first, then those of the other tasks that changed; the rest counted. */
    static String verdict(List<TaskRow> rows, Side a, Side b) {
        if (rows.isEmpty()) {
            return "no task with at least " + TaskDelays.FEW_SWITCHES + " switches on both sides: nothing to compare";
        }
        List<String> parts = new ArrayList<>();
        parts.add(rows.get(0).sentence());
        int quiet = 0;
        for (int i = 1; i < rows.size(); i++) {
            TaskRow r = rows.get(i);
            if (r.change() == Change.NO_CLEAR_CHANGE || r.change() == Change.TOO_FEW) quiet++;
            else parts.add(r.sentence());
        }
        if (quiet > 0) parts.add(quiet + (quiet == 1 ? " other task: no clear change" : " other tasks: no clear change"));
        return String.join("; ", parts);
    }

    /** Each name's switch delays, its processes pooled, in row order. */
    static Map<String, double[]> delaysByName(TaskDelays d) {
        Map<String, List<TaskDelays.Task>> by = byName(d);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<TaskDelays.Task>> e : by.entrySet()) {
            int n = 0;
            for (TaskDelays.Task t : e.getValue()) n += t.switches();
            double[] v = new double[n];
            int k = 0;
            for (TaskDelays.Task t : e.getValue()) for (int r : t.rows()) v[k++] = d.delayMs()[r];
            out.put(e.getKey(), v);
        }
        return out;
    }

    /** Each name's figures: its one process's own (summary's per_task), or all of its processes pooled. */
    static Map<String, Figures> figures(TaskDelays d) {
        Map<String, double[]> delays = delaysByName(d);
        Map<String, Figures> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<TaskDelays.Task>> e : byName(d).entrySet()) {
            List<TaskDelays.Task> ts = e.getValue();
            if (ts.size() == 1) {
                TaskDelays.Task t = ts.get(0);
                out.put(e.getKey(), new Figures(t.name(), List.of(t.pid()), t.threads(), t.switches(), t.p50Ms(), t.p90Ms(),
                        t.p99Ms(), t.maxMs()));
                continue;
            }
            SortedSample s = SortedSample.of(delays.get(e.getKey()));
            int threads = ts.stream().mapToInt(TaskDelays.Task::threads).sum();
            out.put(e.getKey(), new Figures(e.getKey(), ts.stream().map(TaskDelays.Task::pid).toList(), threads, s.size(),
                    s.percentile(50), s.percentile(90), s.percentile(99), s.max()));
        }
        return out;
    }

    private static Map<String, List<TaskDelays.Task>> byName(TaskDelays d) {
        Map<String, List<TaskDelays.Task>> by = new LinkedHashMap<>();
        for (TaskDelays.Task t : d.tasks()) by.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t);
        return by;
    }

    /** A task's delays on one side, for the overlays. */
    public static Optional<double[]> delaysOf(Side side, String task) {
        return Optional.ofNullable(delaysByName(side.delays()).get(task));
    }

    private static Table emptySummary() {
        return Table.create("summary", tech.tablesaw.api.StringColumn.create(dev.gcscope.parsers.perfsched.TimehistColumns.SECTION));
    }

    private static double nanLow(double v) {
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    static String num(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "n/a" : "∞";
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String pct(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%+.0f%%", (ratio - 1) * 100) : "n/a";
    }

    static String ci(double low, double high) {
        boolean hasLow = low > 0 && Double.isFinite(low);
        if (!Double.isFinite(high)) return hasLow ? "from " + pct(low) : "open at both ends";
        return hasLow ? pct(low) + " to " + pct(high) : "up to " + pct(high);
    }

    static String pText(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
