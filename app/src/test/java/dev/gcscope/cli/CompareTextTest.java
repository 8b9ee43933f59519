package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTextTest {
    @TempDir
    Path dir;

    @Test
    void pValuesNeverRoundToACertainZero() {
        assertEquals("< 1e-300", CompareCommand.pValue(0));
        assertEquals("3.2e-45", CompareCommand.pValue(3.2e-45));
        assertEquals("0.0123", CompareCommand.pValue(0.0123));
        assertEquals("n/a", CompareCommand.pValue(Double.NaN));
    }

    @Test
    void twoGoVersionsOfTheWorkloadCompareWithAVerdict() throws IOException {
        Path a = SampleTraces.get("gctrace/go1.21-phases.log").copyTo(dir);
        Path b = SampleTraces.get("gctrace/go1.24-phases.log").copyTo(dir);
        CliRun run = CliRun.of("compare", a.toString(), b.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("verdict"), run.out());
        // issue 11: a row for every GC cost, labelled as GcCost names it
        for (dev.gcscope.analysis.compare.GcCost cost : dev.gcscope.analysis.compare.GcCost.values()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  " + cost.label() + " ")), cost.label() + " in\n" + run.out());
        }
        for (String line : run.out().split("\n")) {
            if (line.startsWith("  mann-whitney p") || line.startsWith("  ks p")) {
                assertFalse(line.strip().endsWith(" 0"), "a p-value printed as a bare 0: " + line);
            }
        }
    }
}
