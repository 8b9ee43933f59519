package dev.gcscope.analysis.incident;

import java.util.List;
import java.util.Optional;

/**
 * Every source's place on the incident's clock.
 *
 * @param unixClock true when the clock is Unix seconds (some source carries the wall clock), false when it
 *                  is seconds since the Go process started
 * @param sources one entry per source, in the order of {@link IncidentSources}
 * @param checks where two methods could align the same pair of sources, how far apart they put them
 */
public record Alignment(boolean unixClock, List<SourceAlignment> sources, List<CrossCheck> checks) {
    public Alignment {
        sources = List.copyOf(sources);
        checks = List.copyOf(checks);
    }

    /**
     * The offset between a gctrace file and a runtime/metrics file of the same process by both ways at once.
     *
     * @param byWallClockS the metrics clock minus the gctrace clock as their wall clocks say
     * @param byGcCyclesS the same as matching GC cycles says
     * @param gcCyclesUncertaintyS half the width of the offsets the matched cycles allow
     */
    public record CrossCheck(String gcFile, String runtimeFile, double byWallClockS, double byGcCyclesS, double gcCyclesUncertaintyS) {
        public double differenceS() {
            return Math.abs(byWallClockS - byGcCyclesS);
        }
    }

    public Optional<SourceAlignment> of(String file, String kind) {
        return sources.stream().filter(s -> s.file().equals(file) && s.kind().equals(kind)).findFirst();
    }

    SourceAlignment require(String file, String kind) {
        return of(file, kind).orElseThrow();
    }
}
