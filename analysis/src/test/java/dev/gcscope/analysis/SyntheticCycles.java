package dev.gcscope.analysis;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.parsers.table.Columns;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A gctrace cycles table whose phases are known, built as the parser builds one from Go's lines:
 * heaps in whole MB, {@code @} start times in whole milliseconds, {@code interval_s} and
 * {@code alloc_mb} derived from those printed figures, pauses printed as Go prints them.
 *
 * <p>Each cycle of a phase collects the garbage allocated since the last: live heap L (jittered a
 * few percent), survival s = L ÷ end heap, so the end heap is L/s and L/s − L MB were allocated, at
 * the phase's allocation rate (jittered ×e^N(0, 0.25)); the interval follows. A burst with a small
 * heap therefore packs many cycles into little time, as real bursts do.
 */
public final class SyntheticCycles {
    /** @param seconds how long the phase lasts; @param survival live ÷ end heap, 0..1 */
    public record Phase(String name, double seconds, double allocMbS, double liveMb, double survival) {}

    /** What went into the table: the table, and the phase index of every row. */
    public record Trace(Table cycles, int[] phaseOfRow, List<Phase> phases) {}

    /** How the {@code @} times are damaged, as in logs that were concatenated, re-timed or stripped. */
    public enum Timestamps { INTACT, REPEATED, BACKWARD, MISSING }

    private SyntheticCycles() {}

    public static Trace of(long seed, List<Phase> phases) {
        return of(seed, phases, Timestamps.INTACT);
    }

    public static Trace of(long seed, List<Phase> phases, Timestamps timestamps) {
        RandomGenerator random = new Well19937c(seed);
        SyntheticPauses pauses = new SyntheticPauses(random, true);
        List<double[]> rows = new ArrayList<>(); // start_s, live, end, start heap, stw
        List<Integer> phaseOf = new ArrayList<>();
        double t = 0.5;
        for (int p = 0; p < phases.size(); p++) {
            Phase ph = phases.get(p);
            double end = t + ph.seconds();
            while (t < end) {
                double live = Math.max(1, ph.liveMb() * (1 + 0.03 * random.nextGaussian()));
                double s = Math.min(0.97, Math.max(0.03, ph.survival() + 0.02 * random.nextGaussian()));
                double heapEnd = live / s;
                double allocated = Math.max(1, heapEnd - live);
                double rate = ph.allocMbS() * Math.exp(0.25 * random.nextGaussian());
                t += allocated / rate;
                rows.add(new double[] {t, Math.floor(live), Math.floor(heapEnd), Math.floor(heapEnd * 0.95), pauses.next()});
                phaseOf.add(p);
            }
        }
        int n = rows.size();
        double[] startS = new double[n], stw = new double[n], interval = new double[n], alloc = new double[n];
        int[] run = new int[n], gc = new int[n], live = new int[n], endMb = new int[n], startMb = new int[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            run[i] = 1;
            gc[i] = i + 1;
            startS[i] = Math.rint(r[0] * 1000) / 1000; // Go prints @%.3fs
            live[i] = (int) r[1];
            endMb[i] = (int) r[2];
            startMb[i] = (int) r[3];
            stw[i] = r[4];
        }
        damage(startS, timestamps, random);
        for (int i = 0; i < n; i++) {
            // as the parser derives them (CycleTableBuilder.intervals and allocations)
            double iv;
            if (i == 0) iv = startS[0];
            else if (Double.isNaN(startS[i]) || Double.isNaN(startS[i - 1])) iv = Double.NaN;
            else iv = Math.rint((startS[i] - startS[i - 1]) * 1000) / 1000.0;
            interval[i] = iv < 0 ? Double.NaN : iv;
            alloc[i] = i == 0 ? startMb[0] : Math.max(0, (startMb[i] - live[i - 1]) + (endMb[i - 1] - startMb[i - 1]));
        }
        Table table = Table.create("cycles",
                IntColumn.create(RUN, run), IntColumn.create(GC, gc), DoubleColumn.create(START_S, startS),
                DoubleColumn.create(STW_MS, stw), IntColumn.create(HEAP_START_MB, startMb), IntColumn.create(HEAP_END_MB, endMb),
                IntColumn.create(HEAP_LIVE_MB, live), IntColumn.create(GC_CPU_PCT, new int[n]),
                Columns.booleans(FORCED, new BitSet(), n), Columns.booleans(PARTIAL, new BitSet(), n),
                DoubleColumn.create(INTERVAL_S, interval), DoubleColumn.create(ALLOC_MB, alloc));
        return new Trace(table, phaseOf.stream().mapToInt(Integer::intValue).toArray(), List.copyOf(phases));
    }

    private static void damage(double[] startS, Timestamps how, RandomGenerator random) {
        switch (how) {
            case INTACT -> { }
            // every line carries the same time (a log re-stamped when it was collected)
            case REPEATED -> java.util.Arrays.fill(startS, startS[0]);
            // lines from two processes or a shuffled collector: times jump back and forth
            case BACKWARD -> {
                for (int i = 1; i < startS.length; i++) if (random.nextBoolean()) startS[i] = startS[i - 1] - 0.001 * (1 + random.nextInt(50));
            }
            case MISSING -> java.util.Arrays.fill(startS, Double.NaN);
        }
    }
}
