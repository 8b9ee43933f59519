package dev.gcscope.analysis.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.analysis.incident.SourceAlignment.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four sources of each real incident recording on one clock. */
class ClockAlignmentTest {
    @ParameterizedTest
    @ValueSource(strings = {"free", "quota50"})
    void everySourceIsPlacedByItsOwnClock(String run) {
        IncidentSources s = new SourceReader(null).read(IncidentSamples.parse(run, IncidentSamples.CORE));
        Alignment a = ClockAlignment.align(s, Map.of());
        assertTrue(a.unixClock());
        assertEquals(List.of(Method.WALL_CLOCK, Method.PERF_CLOCK_REFERENCE, Method.WALL_CLOCK, Method.WALL_CLOCK),
                a.sources().stream().map(SourceAlignment::method).toList(), a.sources()::toString);
        // gctrace's t=0 on the wall clock, against the wall time of the CRI line of the first phase (logged at its t)
        double[] first = IncidentSamples.phases(run).get("low-alloc");
        SourceAlignment gc = a.sources().get(0);
        assertEquals(first[0], gc.toReference(first[1]), 0.02, "the phase line's stamp is when crilog read it");
    }

    /** The check: alignment by wall clock and by GC-cycle matching agree within one metrics interval. */
    @ParameterizedTest
    @ValueSource(strings = {"free", "quota50"})
    void wallClockAndGcCyclesAgreeWithinOneMetricsInterval(String run) {
        IncidentSources s = new SourceReader(null).read(IncidentSamples.parse(run, IncidentSamples.CORE));
        Alignment a = ClockAlignment.align(s, Map.of());
        assertEquals(1, a.checks().size());
        Alignment.CrossCheck c = a.checks().get(0);
        RuntimeSource r = s.runtime().get(0);
        double[] gaps = new double[r.size() - 1];
        for (int i = 1; i < r.size(); i++) gaps[i - 1] = r.timeS()[i] - r.timeS()[i - 1];
        Arrays.sort(gaps);
        double interval = gaps[gaps.length / 2];
        assertEquals(0.1, interval, 0.01, "record-incident.sh writes a snapshot every 100 ms");
        assertTrue(c.differenceS() < interval, c::toString);

        // without their wall clock the metrics are placed by the cycles, as far from the wall-clock place
        RuntimeSource noWall = new RuntimeSource(r.file(), r.timeS(), SourceReader.nanArray(r.size()), r.goroutines(), r.runnable(),
                r.gomaxprocs(), r.gcCycles(), r.gcCpuS(), r.assistCpuS(), r.totalCpuS(), r.idleCpuS(), r.latencies(), r.stwPauses(), false);
        IncidentSources cut = new IncidentSources(s.gc(), s.kernel(), List.of(noWall), s.quota(), s.notes());
        SourceAlignment byCycles = ClockAlignment.align(cut, Map.of()).require(r.file(), SourceAlignment.RUNTIME);
        assertEquals(Method.GC_CYCLES, byCycles.method());
        assertEquals(a.require(r.file(), SourceAlignment.RUNTIME).offsetS(), byCycles.offsetS(), interval);
    }

    /** perf's reference time puts the program's first context switch just before gctrace's t=0. */
    @ParameterizedTest
    @ValueSource(strings = {"free", "quota50"})
    void perfsFirstSwitchOfTheProgramIsAtItsStart(String run) {
        IncidentSources s = new SourceReader(null).read(IncidentSamples.parse(run, IncidentSamples.CORE));
        Alignment a = ClockAlignment.align(s, Map.of());
        ThreadDelaySource k = s.kernel().get(0);
        assertEquals("phases", k.program());
        double perfStart = a.require(k.file(), SourceAlignment.PERF).toReference(k.clock().firstProgramEventS());
        double processStart = a.sources().get(0).toReference(0);
        assertTrue(perfStart <= processStart + 0.01 && perfStart > processStart - 0.2,
                () -> "perf's first switch " + (perfStart - processStart) + " s from the process start");
    }
}
