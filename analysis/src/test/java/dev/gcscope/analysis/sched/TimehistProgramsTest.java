package dev.gcscope.analysis.sched;

import static dev.gcscope.parsers.perfsched.TimehistColumns.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.samples.SampleTraces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * The timehist processes grouped into programs: checked on every bundled timehist recording against
 * the events table itself (switch rows by task name, R-7 percentiles from commons-math, run times
 * summed), and the program guessed is the Go program the recording was made of ("phases"), also
 * where a JVM on the machine ran longer (go1.24-gmp2).
 */
class TimehistProgramsTest {
    static Stream<String> timehistSamples() {
        return SampleTraces.ofFormat("perf-sched-timehist").stream().map(SampleTraces.Sample::path)
                .filter(p -> p.startsWith("perf/"));
    }

    @ParameterizedTest
    @MethodSource("timehistSamples")
    void programsAreTheProcessesOfOneNameWithFiguresOverAllTheirSwitches(String path) {
        ParseResult r = SchedSamples.parse(path);
        Table events = r.table(EVENTS_TABLE);
        TaskDelays d = TaskDelays.of(events);
        List<TimehistPrograms.Program> programs = TimehistPrograms.of(d, events);
        if (d.tasks().isEmpty()) {
            assertTrue(programs.isEmpty());
            return;
        }
        assertEquals(d.switches(), programs.stream().mapToInt(TimehistPrograms.Program::switches).sum(), "every switch in one program");
        assertEquals(d.tasks().size(), programs.stream().mapToInt(p -> p.processes().size()).sum());

        // oracle: the switch rows of each process, by the task's name
        Map<String, List<Double>> delays = new HashMap<>();
        Map<String, Double> run = new HashMap<>();
        boolean hasRun = events.columnNames().contains(RUN_MS);
        for (TaskDelays.Task t : d.tasks()) {
            for (int row : t.rows()) {
                assertEquals("switch", events.stringColumn(EVENT).get(row));
                delays.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(events.doubleColumn(SCH_DELAY_MS).getDouble(row));
                double ms = hasRun ? events.doubleColumn(RUN_MS).getDouble(row) : Double.NaN;
                run.merge(t.name(), Double.isNaN(ms) ? 0 : ms, Double::sum);
            }
        }
        Percentile r7 = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (TimehistPrograms.Program p : programs) {
            double[] x = delays.get(p.name()).stream().mapToDouble(Double::doubleValue).toArray();
            assertEquals(x.length, p.switches(), p.name());
            assertEquals(r7.evaluate(x, 99), p.p99Ms(), 1e-12, p.name());
            assertEquals(r7.evaluate(x, 50), p.p50Ms(), 1e-12, p.name());
            if (hasRun) assertEquals(run.get(p.name()), p.runMs(), 1e-6, p.name());
            else assertTrue(Double.isNaN(p.runMs()), p.name());
            assertTrue(p.processes().stream().allMatch(t -> t.name().equals(p.name())));
        }
        for (int i = 1; i < programs.size(); i++) assertTrue(programs.get(i - 1).switches() >= programs.get(i).switches(), "most switches first");
        if (path.contains("gmp")) {
            assertEquals("phases", TimehistPrograms.likely(programs).orElseThrow().name(), path + ": the recorded Go program");
        }
    }
}
