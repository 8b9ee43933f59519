package dev.gcscope.ui.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.format.AnalysisOptions;
import dev.gcscope.format.FileSummary;
import dev.gcscope.format.FormatSupports;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.FollowedSource;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.GcColumns;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.ui.workspace.DocumentLoader;
import dev.gcscope.ui.workspace.TraceDocument;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;

/**
 * What one update of a followed log costs against reading everything again, in one run, as a
 * ratio. The baseline is a full re-analysis of the same content: parse the whole file afresh, then
 * build the window's document (derived columns, layout, whole-trace statistics) or the CLI's
 * summary. The update is what {@code -f}/{@code summary --follow} does per refresh: the parse so far
 * handed out by the running parse (no byte read again), then the same document or summary of it.
 * The log is followed to its end; each update is timed after ten more lines are appended, from the
 * moment the parse is asked for what it has to the document built. Median of five after a warm-up.
 * Not a test; run from the project root:
 *
 * <pre>mvn -q -pl app -am test-compile exec:exec@follow-bench -Dfollow.bench.args=FILE</pre>
 */
public final class FollowUpdateBenchmark {
    private static final int RUNS = 5;

    private FollowUpdateBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "sample-traces/target/bench/gctrace-1000000.log");
        byte[] bytes = Files.readAllBytes(input);
        DocumentLoader documents = new DocumentLoader(TraceLoader.standard());
        FileSummary summary = new FileSummary(FormatSupports.standard(), AnalysisOptions.DEFAULT, JsonNodeFactory.instance);
        GcTraceParser parser = new GcTraceParser();

        double[] fullDoc = new double[RUNS];
        double[] fullSummary = new double[RUNS];
        int cycles = 0;
        for (int r = -1; r < RUNS; r++) {
            long t0 = System.nanoTime();
            ParseResult parsed = DerivedColumns.addTo(parser.parse(TraceSource.of(input.toString(), bytes)));
            long t1 = System.nanoTime();
            TraceDocument doc = documents.document(parsed, "bench", "bench", null, bytes.length, t0, t1, () -> false, true);
            long t2 = System.nanoTime();
            summary.json(parsed);
            long t3 = System.nanoTime();
            cycles = doc.gcTrace().size();
            if (r < 0) continue;
            fullDoc[r] = (t2 - t0) / 1e9;
            fullSummary[r] = (t1 - t0 + t3 - t2) / 1e9;
        }

        Path log = Files.createTempFile("gcscope-follow-bench", ".log");
        Files.write(log, bytes);
        FollowedSource source = FollowedSource.of(log);
        SynchronousQueue<double[]> measured = new SynchronousQueue<>();
        Timed listener = new Timed(documents, summary, measured);
        CompletableFuture<ParseResult> follow = CompletableFuture.supplyAsync(() -> {
            try (DecodedInput in = source.open(listener)) {
                return DerivedColumns.parse(parser, in, listener, ParseOptions.ALL);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (!(source.caughtUp() && source.bytesRead() == bytes.length)) Thread.sleep(20);
        String[] head = new String(bytes, 0, Math.min(bytes.length, 1 << 16), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        double[] updateDoc = new double[RUNS];
        double[] updateSummary = new double[RUNS];
        for (int r = -1; r < RUNS; r++) {
            listener.want = true;
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                for (int i = 0; i < 10; i++) out.write((head[(10 * (r + 1) + i) % head.length] + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            double[] t = measured.take();
            if (r < 0) continue;
            updateDoc[r] = t[0];
            updateSummary[r] = t[1];
        }
        source.finish();
        follow.get();
        Files.deleteIfExists(log);

        parts(DerivedColumns.addTo(parser.parse(TraceSource.of(input.toString(), bytes))).table(GcColumns.CYCLES_TABLE));
        double fd = median(fullDoc), fs = median(fullSummary), ud = median(updateDoc), us = median(updateSummary);
        System.out.printf(Locale.ROOT, "%s: %,d cycles, %.1f MB%n", input, cycles, bytes.length / 1e6);
        System.out.printf(Locale.ROOT, "window document: full re-analysis %.3f s, update %.3f s, update/full %.3f%n", fd, ud, ud / fd);
        System.out.printf(Locale.ROOT, "CLI summary:     full re-analysis %.3f s, update %.3f s, update/full %.3f%n", fs, us, us / fs);
    }

    /** Times the updates the benchmark asks for: the parse so far, then the document and the summary of it. */
    private static final class Timed implements ParseListener {
        private final DocumentLoader documents;
        private final FileSummary summary;
        private final SynchronousQueue<double[]> measured;
        volatile boolean want;
        private long askedAt;

        Timed(DocumentLoader documents, FileSummary summary, SynchronousQueue<double[]> measured) {
            this.documents = documents;
            this.summary = summary;
            this.measured = measured;
        }

        @Override
        public boolean progress(long bytesDone, long bytesTotal) {
            return true;
        }

        @Override
        public boolean snapshotDue() {
            if (!want) return false;
            askedAt = System.nanoTime();
            return true;
        }

        @Override
        public void snapshot(ParseResult soFar) {
            want = false;
            try {
                long handedOut = System.nanoTime();
                ParseResult parsed = DerivedColumns.addTo(soFar);
                long derived = System.nanoTime();
                documents.document(parsed, "bench", "bench", null, 0, askedAt, derived, () -> false, true);
                long doc = System.nanoTime();
                summary.json(parsed);
                long sum = System.nanoTime();
                measured.put(new double[] {(doc - askedAt) / 1e9, (handedOut - askedAt + derived - handedOut + sum - doc) / 1e9});
                if (soFar.table(GcColumns.CYCLES_TABLE).rowCount() == 0) throw new IllegalStateException("no cycles");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Where an update's time goes: the document's parts on the same cycles, each timed alone (median of three). */
    private static void parts(tech.tablesaw.api.Table cycles) {
        java.util.Map<String, Runnable> parts = new java.util.LinkedHashMap<>();
        parts.put("regimes (GcTraceAnalysis)", () -> dev.gcscope.analysis.GcTraceAnalysis.of(cycles,
                dev.gcscope.analysis.regime.RegimeAnalysis.Method.KMEANS, dev.gcscope.analysis.work.Work.serial()));
        parts.put("timeline layout", () -> dev.gcscope.render.timeline.GcTraceSeries.of(cycles));
        parts.put("MMU curve", () -> dev.gcscope.analysis.stats.MutatorUtilization.curve(cycles));
        double[] stw = cycles.doubleColumn(GcColumns.STW_MS).asDoubleArray();
        parts.put("convergence", () -> dev.gcscope.analysis.stats.Convergence.of(stw, dev.gcscope.analysis.work.Work.serial()));
        parts.put("sort + percentiles + fits", () -> dev.gcscope.analysis.stats.PauseFits.of(dev.gcscope.analysis.stats.SortedSample.of(stw)));
        for (var e : parts.entrySet()) {
            double[] t = new double[3];
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                e.getValue().run();
                t[r] = (System.nanoTime() - t0) / 1e9;
            }
            System.out.printf(Locale.ROOT, "  part %-28s %.3f s%n", e.getKey(), median(t));
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
