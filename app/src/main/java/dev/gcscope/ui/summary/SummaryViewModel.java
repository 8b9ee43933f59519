package dev.gcscope.ui.summary;

import dev.gcscope.analysis.GcSummary;
import dev.gcscope.analysis.StwPercentiles;
import dev.gcscope.parsers.ParseReport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The summary figures of the loaded trace, as the texts the summary panel shows. Every figure is a
 * read-only property; {@link #show} and {@link #clear} are the only commands.
 */
public final class SummaryViewModel {
    // --- cycles
    private final ReadOnlyStringWrapper cycles = figure("cycles");
    private final ReadOnlyStringWrapper forced = figure("forced");
    private final ReadOnlyStringWrapper runs = figure("runs");
    // --- stop-the-world pause, ms
    private final ReadOnlyStringWrapper stwP50 = figure("stwP50");
    private final ReadOnlyStringWrapper stwP90 = figure("stwP90");
    private final ReadOnlyStringWrapper stwP99 = figure("stwP99");
    private final ReadOnlyStringWrapper stwP999 = figure("stwP999");
    private final ReadOnlyStringWrapper stwMax = figure("stwMax");
    // --- memory and CPU
    private final ReadOnlyStringWrapper heapPeak = figure("heapPeak");
    private final ReadOnlyStringWrapper gcCpu = figure("gcCpu");
    // --- input
    private final ReadOnlyStringWrapper goVersions = figure("goVersions");
    private final ReadOnlyStringWrapper linesRead = figure("linesRead");
    private final ReadOnlyStringWrapper linesSkipped = figure("linesSkipped");
    private final ReadOnlyStringWrapper issues = figure("issues");
    private final ReadOnlyBooleanWrapper hasTrace = new ReadOnlyBooleanWrapper(this, "hasTrace", false);

    private ReadOnlyStringWrapper figure(String name) {
        return new ReadOnlyStringWrapper(this, name, Formats.MISSING);
    }

    /**
     * @param s the trace's summary figures
     * @param report what the parse did with every line
     * @param goVersions the Go releases the line format implies, e.g. {@code Go 1.18+}; may be empty
     */
    public void show(GcSummary s, ParseReport report, String goVersions) {
        cycles.set(Formats.count(s.cycles()));
        forced.set(Formats.count(s.forced()));
        runs.set(Formats.count(s.runs()));
        StwPercentiles stw = s.stwMs();
        stwP50.set(Formats.ms(stw.p50()));
        stwP90.set(Formats.ms(stw.p90()));
        stwP99.set(Formats.ms(stw.p99()));
        stwP999.set(Formats.ms(stw.p999()));
        stwMax.set(Formats.ms(stw.max()));
        heapPeak.set(Formats.mb(s.heapPeakMb()));
        gcCpu.set(Formats.percent(s.gcCpuPct()));
        this.goVersions.set(Formats.text(goVersions));
        linesRead.set(Formats.count(report.linesRead()));
        linesSkipped.set(Formats.count(report.linesSkipped()));
        issues.set(Formats.count(report.issueCount()));
        hasTrace.set(true);
    }

    public void clear() {
        for (ReadOnlyStringWrapper w : new ReadOnlyStringWrapper[] {cycles, forced, runs, stwP50, stwP90, stwP99, stwP999,
                stwMax, heapPeak, gcCpu, goVersions, linesRead, linesSkipped, issues}) {
            w.set(Formats.MISSING);
        }
        hasTrace.set(false);
    }

    public ReadOnlyStringProperty cyclesProperty() { return cycles.getReadOnlyProperty(); }
    public ReadOnlyStringProperty forcedProperty() { return forced.getReadOnlyProperty(); }
    public ReadOnlyStringProperty runsProperty() { return runs.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP50Property() { return stwP50.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP90Property() { return stwP90.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP99Property() { return stwP99.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwP999Property() { return stwP999.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stwMaxProperty() { return stwMax.getReadOnlyProperty(); }
    public ReadOnlyStringProperty heapPeakProperty() { return heapPeak.getReadOnlyProperty(); }
    public ReadOnlyStringProperty gcCpuProperty() { return gcCpu.getReadOnlyProperty(); }
    public ReadOnlyStringProperty goVersionsProperty() { return goVersions.getReadOnlyProperty(); }
    public ReadOnlyStringProperty linesReadProperty() { return linesRead.getReadOnlyProperty(); }
    public ReadOnlyStringProperty linesSkippedProperty() { return linesSkipped.getReadOnlyProperty(); }
    public ReadOnlyStringProperty issuesProperty() { return issues.getReadOnlyProperty(); }
    /** True while a trace is shown (so its parse report can be opened). */
    public ReadOnlyBooleanProperty hasTraceProperty() { return hasTrace.getReadOnlyProperty(); }
}
