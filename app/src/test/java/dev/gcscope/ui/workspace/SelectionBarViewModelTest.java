package dev.gcscope.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.gctrace.GcTraceModel;
import dev.gcscope.render.plot.TimeRange;
import dev.gcscope.ui.task.SynchronousRunner;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The selection bar's text, from the raw file's lines rather than the window's tables. */
class SelectionBarViewModelTest {
    private static final Pattern GC = Pattern.compile("^(\\S+) .*gc (\\d+) @([0-9.]+)s");

    private static DocumentViewModel open(String sample) throws Exception {
        SampleTraces.Sample s = SampleTraces.get(sample);
        TraceDocument doc = new DocumentLoader(TraceLoader.standard()).load(TraceSource.of(s.fileName(), s.bytes()),
                s.fileName(), "test", null, ParseListener.NONE, () -> false);
        return new DocumentViewModel(doc, new SynchronousRunner());
    }

    @Test
    void aSelectionSaysItsWallClockRangeAndHowManyCyclesItHolds() throws Exception {
        String sample = "gctrace/go1.23-phases-rsyslog-rfc3339.log";
        DocumentViewModel doc = open(sample);
        SelectionBarViewModel bar = doc.selectionBar();
        GcTraceModel model = doc.gcTraceModel();
        assertFalse(bar.canResetProperty().get());

        // The cycles with 5 s <= @t <= 9 s, and the rsyslog stamps of the first and last of them.
        String first = null, last = null;
        int inside = 0, all = 0;
        for (String line : new String(SampleTraces.get(sample).bytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            Matcher m = GC.matcher(line);
            if (!m.find()) continue;
            all++;
            double t = Double.parseDouble(m.group(3));
            if (t >= 5 && t <= 9) {
                inside++;
                if (first == null) first = m.group(1);
                last = m.group(1);
            }
        }
        assertEquals(all, model.data().size());
        // One run from 0: the laid-out x is the @ time itself.
        model.selectionProperty().set(new TimeRange(5, 9));
        String expectedFrom = first.substring(0, 10) + " " + first.substring(11, 19);
        String expectedTo = last.substring(11, 23);
        assertEquals(expectedFrom + " – " + expectedTo + " · " + inside + " of " + all + " cycles", bar.textProperty().get());
        assertTrue(bar.canResetProperty().get());
        assertEquals(inside, model.statisticsProperty().get().cycles());

        bar.reset();
        assertNull(model.selectionProperty().get());
        assertTrue(bar.textProperty().get().endsWith(" · whole trace · " + all + " cycles"), bar.textProperty().get());
        assertFalse(bar.canResetProperty().get());
    }

    @Test
    void withoutWallTimesTheRangeIsInSecondsSinceStart() throws Exception {
        DocumentViewModel doc = open(SampleTraces.DEFAULT_GCTRACE);
        GcTraceModel model = doc.gcTraceModel();
        double[] x = model.data().layout().x();
        model.selectionProperty().set(new TimeRange(2.5, 12.25));
        int from = 0;
        while (x[from] < 2.5) from++;
        int to = x.length - 1;
        while (x[to] > 12.25) to--;
        String expected = String.format(Locale.ROOT, "%.2f s – %.1f s · %d of %d cycles", x[from], x[to], to - from + 1, x.length);
        assertEquals(expected, doc.selectionBar().textProperty().get());
    }

    @Test
    void aRangeWithoutCyclesSaysSo() throws Exception {
        DocumentViewModel doc = open(SampleTraces.DEFAULT_GCTRACE);
        doc.gcTraceModel().selectionProperty().set(new TimeRange(1000, 1001));
        assertEquals("1,000 s – 1,001 s · 0 of " + doc.gcTraceModel().data().size() + " cycles", doc.selectionBar().textProperty().get());
    }

    @Test
    void theBarSaysWhenTheChartsAreZoomedSoWholeTraceIsNeverEnabledUnderWholeTrace() throws Exception {
        DocumentViewModel doc = open(SampleTraces.DEFAULT_GCTRACE);
        GcTraceModel model = doc.gcTraceModel();
        SelectionBarViewModel bar = doc.selectionBar();
        dev.gcscope.ui.timeline.TimelineViewport viewport = dev.gcscope.ui.timeline.TimelineViewport.over(model.data().layout());
        viewport.link(model.viewportProperty());

        // zooming in and back out by the same wheel steps shows everything again: nothing to reset
        for (int i = 0; i < 7; i++) viewport.zoomAt(0.37, 0.8);
        assertTrue(bar.canResetProperty().get());
        assertTrue(bar.textProperty().get().contains("whole trace") && bar.textProperty().get().contains("zoomed to"),
                "zoomed: the bar says so while the button can reset it: " + bar.textProperty().get());
        for (int i = 0; i < 7; i++) viewport.zoomAt(0.37, 1 / 0.8);
        assertNull(model.viewportProperty().get(), "back to everything");
        assertFalse(bar.canResetProperty().get());
        assertFalse(bar.textProperty().get().contains("zoomed"), bar.textProperty().get());
    }
}
