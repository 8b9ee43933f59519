package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.dist.ShippedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command run from {@code gcscope.jar} prints what the same command prints from the classes
 * under test: the jar is cut down to the classes gcscope reaches (maven-shade minimizeJar), so a class
 * loaded only by name would be missing here and nowhere else. Runs on the demo samples the jar
 * bundles, one or two of every format; each run starts a JVM, so there are few of them.
 */
class ShippedJarCliIT {
    @TempDir
    static Path dir;
    private static List<ShippedJar.Demo> demos;

    @BeforeAll
    static void extract() throws Exception {
        demos = ShippedJar.demos();
        ShippedJar.extractDemoSamples(dir);
    }

    private static String sample(String fileName) {
        return dir.resolve(fileName).toString();
    }

    private static void assertSameAsInProcess(String... args) throws Exception {
        ShippedJar.Run jar = ShippedJar.run(dir, args);
        CliRun here = CliRun.of(args);
        String command = String.join(" ", args);
        assertEquals(here.err(), jar.err(), () -> "stderr of " + command);
        assertEquals(here.out(), jar.out(), () -> "stdout of " + command);
        assertEquals(here.status(), jar.status(), () -> "exit status of " + command);
    }

    @Test
    void summaryOfEveryDemoSample() throws Exception {
        assertSameAsInProcess(Stream.concat(Stream.of("summary", "--json"), demos.stream().map(d -> sample(d.fileName())))
                .toArray(String[]::new));
    }

    /** One sample of each format: their tables have different column types. */
    @Test
    void exportOfASampleOfEachFormat() throws Exception {
        Set<String> formats = new LinkedHashSet<>();
        for (ShippedJar.Demo demo : demos) {
            if (!formats.add(demo.format())) continue;
            String file = sample(demo.fileName());
            ShippedJar.Run jar = ShippedJar.run(dir, "export", "--csv", "-", file);
            assertEquals(0, jar.status(), () -> file + ": " + jar.err());
            assertEquals(CliRun.of("export", "--csv", "-", file).out(), jar.out(), () -> "export of " + file);
        }
        assertEquals(Set.of("gctrace", "perf-sched-latency", "perf-sched-timehist", "prometheus", "metrics-json", "prometheus-range",
                "cgroup-cpu-stat"), formats);
    }

    @Test
    void compareTwoGcTracesAndAGcTraceWithRuntimeMetrics() throws Exception {
        String a = sample("go1.24-phases.log");
        assertSameAsInProcess("compare", a, sample("go1.22-phases-restart.log"));
        assertSameAsInProcess("compare", "--json", a, sample("go1.24-phases-histograms.jsonl"));
    }

    @Test
    void helpAndAnInputItCannotRead() throws Exception {
        assertSameAsInProcess("help", "summary");
        Path notATrace = Files.writeString(dir.resolve("notes.txt"), "nothing gcscope reads\n");
        assertSameAsInProcess("summary", notATrace.toString());
        assertNotEquals(0, CliRun.of("summary", notATrace.toString()).status());
    }
}
