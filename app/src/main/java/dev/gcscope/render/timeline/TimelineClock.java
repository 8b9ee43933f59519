package dev.gcscope.render.timeline;

import dev.gcscope.render.plot.NiceTicks;
import dev.gcscope.render.plot.StwSeries;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the timelines' x axis says. When every run of the trace has a logged wall-clock time, ticks
 * fall on whole clock steps (a second, 15 s, 5 min, an hour …) and read {@code HH:mm:ss}, with the
 * date when the range shown crosses midnight; otherwise the axis is seconds since process start, or
 * the cycle's position in the file when the trace has no times at all (Go 1.4 and older).
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
    /** Per run (0-based): wall-clock epoch ms at x = 0. */
    private final double[] runOffsetMs;
    private final double[] runStartX;

    public TimelineClock(TimelineCycles cycles) {
        this.layout = cycles.layout();
        this.runStartX = layout.runStartX();
        double[] offsets = null;
        if (layout.xKind() == StwSeries.XKind.SECONDS && cycles.hasWallTimes()) offsets = runOffsets(cycles);
        this.runOffsetMs = offsets;
        if (offsets != null) kind = Kind.WALL_CLOCK;
        else kind = layout.xKind() == StwSeries.XKind.SECONDS ? Kind.SECONDS : Kind.CYCLE_INDEX;
    }

    /** The offset of each run from its first cycle with a logged time, or null when a run has none. */
    private double[] runOffsets(TimelineCycles cycles) {
        double[] x = layout.x();
        double[] offsets = new double[runStartX.length + 1];
        java.util.Arrays.fill(offsets, Double.NaN);
        for (int i = 0; i < x.length; i++) {
            int r = runIndexAt(x[i]);
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
            case SECONDS -> layout.runCount() > 1 ? "time since process start (s), runs laid end to end"
                    : "time since process start (s)";
            case WALL_CLOCK -> {
                LocalDateTime a = wall(min);
                LocalDateTime b = wall(max);
                String days = a.toLocalDate().equals(b.toLocalDate()) ? a.format(DATE) : a.format(DATE) + " – " + b.format(DATE);
                yield "wall clock as logged, " + days + (layout.runCount() > 1 ? " (runs laid end to end)" : "");
            }
        };
    }

    /** Ticks for about {@code maxTicks} of them over {@code min..max}. */
    public NiceTicks ticks(double min, double max, int maxTicks) {
        if (kind == Kind.CYCLE_INDEX) {
            NiceTicks t = NiceTicks.covering(min, max, maxTicks);
            return t.step() >= 1 ? t : new NiceTicks(Math.floor(min), 1, (int) (Math.ceil(max) - Math.floor(min)) + 1);
        }
        if (kind == Kind.SECONDS) return NiceTicks.covering(min, max, maxTicks);
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
        if (kind != Kind.WALL_CLOCK) return ticks.label(i);
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
