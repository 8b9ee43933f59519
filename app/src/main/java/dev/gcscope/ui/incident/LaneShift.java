package dev.gcscope.ui.incident;

import dev.gcscope.render.incident.IncidentLane;
import dev.gcscope.render.incident.IncidentLaneSet;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;

/**
 * An Alt-drag moving one lane's source on the incident's clock by hand: how far the pointer went, in pixels and in
 * seconds at the zoom the drag began at, and the moments of the other sources' GC stop-the-world to line it up with.
 * When no alignment method placed a file, the user's eye on the pauses both sides saw is the next best.
 */
final class LaneShift {
    private final String file;
    private final double pressX;
    private final double pixelS;
    private final double[] guides;
    private double pixels;
    private boolean dragging = true;

    /**
     * @param pixelS one pixel's time at the lane's zoom (seconds), the drag's resolution
     * @param guides {@link #stwMoments} of the other sources, seconds from the lane set's origin
     */
    LaneShift(String file, double pressX, double pixelS, double[] guides) {
        this.file = file;
        this.pressX = pressX;
        this.pixelS = pixelS;
        this.guides = guides;
    }

    void moveTo(double x) {
        pixels = x - pressX;
    }

    void release() {
        dragging = false;
    }

    boolean dragging() {
        return dragging;
    }

    String file() {
        return file;
    }

    double pixels() {
        return pixels;
    }

    /** Seconds the pointer moved the lane: later to the right. */
    double seconds() {
        return pixels * pixelS;
    }

    double pixelS() {
        return pixelS;
    }

    double[] guides() {
        return guides;
    }

    /**
     * When the lanes {@code other} accepts saw GC stop the world, seconds from the set's origin: the start of every
     * gctrace cycle (its sweep-termination pause), and the middle of every interval where a runtime source counted a
     * stop-the-world pause (runtime/metrics counts per snapshot, not per pause: the interval is as close as it goes).
     */
    static double[] stwMoments(IncidentLaneSet set, Predicate<IncidentLane> other) {
        DoubleStream.Builder out = DoubleStream.builder();
        for (IncidentLane lane : set.lanes()) {
            if (!other.test(lane)) continue;
            if (lane.cycles() != null) {
                for (double start : lane.cycles().startS()) out.add(start - set.originS());
                continue;
            }
            for (IncidentLane.Series s : lane.series()) {
                if (!s.name().contains("stop-the-world")) continue;
                double[] v = s.values();
                for (int b = 0; b < v.length; b++) {
                    if (v[b] > 0) out.add((set.bins().from(b) + set.bins().to(b)) / 2 - set.originS());
                }
            }
        }
        return out.build().distinct().toArray();
    }
}
