package dev.gcscope.render.timeline;

import dev.gcscope.render.plot.AxisTicks;
import dev.gcscope.render.plot.NiceTicks;
import dev.gcscope.render.plot.StwSeries;
import dev.gcscope.render.plot.TimeRange;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the timelines' x axis says, as {@link TimeAxis} asks. Wall clock (when every run of the trace
 * has a logged wall-clock time): ticks fall on whole clock steps (a second, 15 s, 5 min, an hour …)
 * and read {@code HH:mm:ss}, with the date when the range shown crosses midnight. Seconds since the
 * first cycle, or since process start (each run from its own start): ticks on nice steps of that
 * count. The cycle's position in the file when the trace has no times at all (Go 1.4 and older).
 *
 * <p>x is the laid-out time of {@link StwSeries} (runs end to end), so each run has its own offset
 * from x to the wall clock: the first logged time of the run minus its x.
 */
public final class TimelineClock {
    /** Clock steps in seconds, from a millisecond to a week. */
    private static final double[] CLOCK_STEPS = {
        0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30,
        60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800};
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_SECONDS = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    /** Full wall time of a cycle, for the readout. */
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    /** What x means on the axis. */
    public enum Kind { WALL_CLOCK, SECONDS, CYCLE_INDEX }

    private final StwSeries layout;
    private final Kind kind;
    private final TimeAxis axis;
    /** Per run (0-based): wall-clock epoch ms at x = 0; null when a run has no logged time. */
    private final double[] runOffsetMs;
    private final double[] runStartX;
    /**
     * The x "since first cycle" counts from: the file's first cycle, or the first cycle of the
     * selection when one is in force (issue 15: "time since the first cycle of the file or selection").
     */
    private final double firstX;

    /** The wall clock when the trace gives it, else seconds since process start (what the axis said before it was a choice). */
    public TimelineClock(TimelineCycles cycles) {
        this(cycles, TimeAxis.WALL_CLOCK);
    }

    /** @param axis what the axis counts from; falls back to process start when the trace has no wall clock */
    public TimelineClock(TimelineCycles cycles, TimeAxis axis) {
        this(cycles.layout(), cycles.layout().xKind() == StwSeries.XKind.SECONDS && cycles.hasWallTimes()
                ? runOffsets(cycles) : null, axis, cycles.layout().xMin());
    }

    private TimelineClock(StwSeries layout, double[] runOffsetMs, TimeAxis requested, double firstX) {
        this.layout = layout;
        this.firstX = firstX;
        this.runStartX = layout.runStartX();
        this.runOffsetMs = runOffsetMs;
        if (layout.xKind() != StwSeries.XKind.SECONDS) {
            kind = Kind.CYCLE_INDEX;
            axis = requested;
        } else if (requested == TimeAxis.WALL_CLOCK && runOffsetMs != null) {
            kind = Kind.WALL_CLOCK;
            axis = requested;
        } else {
            kind = Kind.SECONDS;
            axis = requested == TimeAxis.WALL_CLOCK ? TimeAxis.SINCE_PROCESS_START : requested;
        }
    }

    /** The same clock counting from {@code axis}. */
    public TimelineClock withAxis(TimeAxis axis) {
        return axis == this.axis ? this : new TimelineClock(layout, runOffsetMs, axis, firstX);
    }

    /**
     * The same clock with "since first cycle" counting from the first cycle inside {@code selection},
     * or from the file's first cycle when there is no selection or it holds no cycle.
     */
    public TimelineClock countingFrom(TimeRange selection) {
        double first = layout.xMin();
        if (selection != null) {
            double[] x = layout.x();
            double inside = Double.POSITIVE_INFINITY;
            for (double v : x) {
                if (selection.contains(v) && v < inside) inside = v;
            }
            if (inside != Double.POSITIVE_INFINITY) first = inside;
        }
        return Double.compare(first, firstX) == 0 ? this : new TimelineClock(layout, runOffsetMs, axis, first);
    }

    /** What the axis counts from now (process start when wall clock was asked for and the trace has none). */
    public TimeAxis axis() {
        return axis;
    }

    /** The choices this trace offers: none without cycle times, the wall clock only when the lines carry it. */
    public List<TimeAxis> available() {
        if (layout.xKind() != StwSeries.XKind.SECONDS) return List.of();
        return runOffsetMs != null ? List.of(TimeAxis.values())
                : List.of(TimeAxis.SINCE_FIRST_CYCLE, TimeAxis.SINCE_PROCESS_START);
    }

    /**
     * Seconds added to x to give what the axis reads at x: minus the first cycle's x since the first
     * cycle, minus the run's start since process start (each run counts from its own start).
     */
    private double secondsOffset(double x) {
        if (axis == TimeAxis.SINCE_FIRST_CYCLE) return layout.isEmpty() ? 0 : -firstX;
        int r = runIndexAt(x);
        return r == 0 ? 0 : -runStartX[r - 1];
    }

    /** What the axis reads at x, in seconds (not for the wall clock or cycle positions). */
    public double seconds(double x) {
        return x + secondsOffset(x);
    }

    /** The offset of each run from its first cycle with a logged time, or null when a run has none. */
    private static double[] runOffsets(TimelineCycles cycles) {
        StwSeries layout = cycles.layout();
        double[] runStartX = layout.runStartX();
        double[] x = layout.x();
        double[] offsets = new double[runStartX.length + 1];
        java.util.Arrays.fill(offsets, Double.NaN);
        for (int i = 0; i < x.length; i++) {
            int r = runIndexAt(runStartX, x[i]);
            long w = cycles.wallMs(i);
            if (Double.isNaN(offsets[r]) && w != TimelineCycles.NO_WALL_TIME) offsets[r] = w - x[i] * 1000;
        }
        for (double o : offsets) {
            if (Double.isNaN(o)) return null;
        }
        return offsets;
    }

    /** 0-based run whose stretch of the axis holds {@code x}. */
    private int runIndexAt(double x) {
        return runIndexAt(runStartX, x);
    }

    private static int runIndexAt(double[] runStartX, double x) {
        int r = 0;
        while (r < runStartX.length && x >= runStartX[r]) r++;
        return r;
    }

    public Kind kind() {
        return kind;
    }

    /** The axis title for the range shown. */
    public String title(double min, double max) {
        return switch (kind) {
            case CYCLE_INDEX -> "cycle (position in file; the trace has no cycle start times)";
            case SECONDS -> axis == TimeAxis.SINCE_FIRST_CYCLE
                    ? (firstX != layout.xMin() ? "time since first cycle of selection (s)"
                    : layout.runCount() > 1 ? "time since first cycle (s), runs laid end to end" : "time since first cycle (s)")
                    : (layout.runCount() > 1 ? "time since process start (s), each run from its own start"
                    : "time since process start (s)");
            case WALL_CLOCK -> {
                LocalDateTime a = wall(min);
                LocalDateTime b = wall(max);
                String days = a.toLocalDate().equals(b.toLocalDate()) ? a.format(DATE) : a.format(DATE) + " – " + b.format(DATE);
                yield "wall clock as logged, " + days + (layout.runCount() > 1 ? " (runs laid end to end)" : "");
            }
        };
    }

    /**
     * Ticks for about {@code maxTicks} of them over {@code min..max}. Since process start on a trace
     * of several runs, each run's stretch gets ticks of one step on its own count (0, 2, 4 s after
     * its own start), labelled: nice ticks of the first run would read 3.17, 5.17 in the second.
     */
    public AxisTicks axisTicks(double min, double max, int maxTicks) {
        NiceTicks whole = ticks(min, max, maxTicks);
        if (kind != Kind.SECONDS || axis != TimeAxis.SINCE_PROCESS_START || runStartX.length == 0) return whole;
        List<Double> positions = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double step = whole.step();
        for (int r = 0; r <= runStartX.length; r++) {
            double start = r == 0 ? Double.NEGATIVE_INFINITY : runStartX[r - 1];
            double end = r == runStartX.length ? Double.POSITIVE_INFINITY : runStartX[r];
            double a = Math.max(min, start), b = Math.min(max, end);
            if (!(b > a)) continue;
            double zero = r == 0 ? 0 : runStartX[r - 1];
            NiceTicks t = new NiceTicks(Math.ceil((a - zero) / step - 1e-9) * step, step, 1);
            for (double v = t.first(); zero + v <= b + 1e-9 * step && zero + v < end; v += step) {
                positions.add(zero + v);
                labels.add(new NiceTicks(v, step, 1).label(0));
            }
        }
        return new LabelledTicks(positions.stream().mapToDouble(Double::doubleValue).toArray(), labels.toArray(String[]::new));
    }

    /** Ticks at given positions with given labels. */
    public record LabelledTicks(double[] positions, String[] labels) implements AxisTicks {
        @Override public int count() { return positions.length; }
        @Override public double at(int i) { return positions[i]; }
        @Override public String label(int i) { return labels[i]; }
    }

    /** Ticks on one step for about {@code maxTicks} of them over {@code min..max}. */
    public NiceTicks ticks(double min, double max, int maxTicks) {
        if (kind == Kind.CYCLE_INDEX) {
            NiceTicks t = NiceTicks.covering(min, max, maxTicks);
            return t.step() >= 1 ? t : new NiceTicks(Math.floor(min), 1, (int) (Math.ceil(max) - Math.floor(min)) + 1);
        }
        if (kind == Kind.SECONDS) {
            // nice in what the axis reads, not in x: 0, 0.5, 1 s after the first cycle, not 8921.3, 8921.8
            double offset = secondsOffset(min);
            NiceTicks t = NiceTicks.covering(min + offset, max + offset, maxTicks);
            double first = t.first() < min + offset - 1e-9 * t.step() ? t.first() + t.step() : t.first();
            int count = Math.max(1, (int) Math.floor((max + offset - first) / t.step() + 1e-9) + 1);
            return new NiceTicks(first - offset, t.step(), count);
        }
        double rough = (max - min) / Math.max(1, maxTicks - 1);
        double step = CLOCK_STEPS[CLOCK_STEPS.length - 1];
        for (double s : CLOCK_STEPS) {
            if (s >= rough) {
                step = s;
                break;
            }
        }
        double offsetS = runOffsetMs[runIndexAt(min)] / 1000;
        double first = Math.ceil((min + offsetS) / step) * step - offsetS;
        int count = Math.max(1, (int) Math.floor((max - first) / step + 1e-9) + 1);
        return new NiceTicks(first, step, count);
    }

    /** The label of tick {@code i}; {@code spanCrossesDays} adds the date. */
    public String label(NiceTicks ticks, int i, boolean spanCrossesDays) {
        if (kind == Kind.CYCLE_INDEX) return ticks.label(i);
        if (kind == Kind.SECONDS) {
            double x = ticks.at(i);
            return new NiceTicks(seconds(x), ticks.step(), 1).label(0);
        }
        LocalDateTime t = wall(ticks.at(i));
        double step = ticks.step();
        if (step < 1) return t.format(MILLIS);
        if (spanCrossesDays) return t.format(step < 60 ? DAY_SECONDS : DAY_MINUTES);
        return t.format(step < 60 ? SECONDS : MINUTES);
    }

    public boolean crossesDays(double min, double max) {
        return kind == Kind.WALL_CLOCK && !wall(min).toLocalDate().equals(wall(max).toLocalDate());
    }

    /** The wall-clock time at {@code x}, through the offset of the run x falls in. */
    public LocalDateTime wall(double x) {
        long ms = Math.round(runOffsetMs[runIndexAt(x)] + x * 1000);
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), ZoneOffset.UTC);
    }

    /** A logged wall time (epoch ms, as {@link TimelineCycles#wallMs}) for the readout. */
    public static String formatWall(long epochMs) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMs), ZoneOffset.UTC).format(FULL);
    }

    /** A label as wide as the widest this axis draws, to space ticks by. */
    public String widestLabel(boolean spanCrossesDays) {
        return switch (kind) {
            case WALL_CLOCK -> spanCrossesDays ? "00-00 00:00:00" : "00:00:00.000";
            case SECONDS -> "000000.000";
            case CYCLE_INDEX -> "0000000";
        };
    }
}
