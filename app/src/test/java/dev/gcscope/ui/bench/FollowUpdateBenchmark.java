package dev.gcscope.ui.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcscope.analysis.LiveAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.analysis.stats.SloStreak;
import dev.gcscope.analysis.work.Work;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one update of a followed log costs, in one run, three ways: a full re-analysis of the same
 * content (parse the whole file afresh, then build the window's document or the CLI's summary),
 * the update as it was before statistics were incremental (the parse so far handed out by the
 * running parse, then the document or the summary computed from scratch over every cycle so far),
 * and the update now (the same hand-out, the statistics updated by a {@link LiveAnalysis} from the
 * cycles appended since the last update). The log is followed to its end; then, five times, 1,000
 * more cycles are appended (gc lines of the input, renumbered and re-timed to continue it) and the
 * update is timed from the moment the parse is asked for what it has to the document or summary
 * built, both ways on the same hand-out, in alternating order. Median of five after a warm-up that
 * also primes the live analysis with the whole file. Not a test; run from the project root:
 *
 * <pre>mvn -q -pl app -am test-compile exec:exec@follow-bench -Dfollow.bench.args=FILE</pre>
 */
public final class FollowUpdateBenchmark {
    private static final int RUNS = 5;
    private static final int APPENDED = 1000;
    private static final Pattern GC_LINE = Pattern.compile("^gc (\\d+) @(\\d+)\\.(\\d{3})s");

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
        Continuation more = Continuation.of(bytes);
        double[][] t = new double[5][RUNS];
        for (int r = -1; r < RUNS; r++) {
            listener.want = true;
            try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
                out.write(more.next(APPENDED));
            }
            double[] m = measured.take();
            if (r < 0) continue;
            for (int k = 0; k < 5; k++) t[k][r] = m[k];
        }
        source.finish();
        follow.get();
        Files.deleteIfExists(log);

        parts(DerivedColumns.addTo(parser.parse(TraceSource.of(input.toString(), bytes))).table(GcColumns.CYCLES_TABLE));
        double fd = median(fullDoc), fs = median(fullSummary);
        double bd = median(t[0]), ad = median(t[1]), bs = median(t[2]), as = median(t[3]);
        System.out.printf(Locale.ROOT, "%s: %,d cycles, %.1f MB; updates after %,d cycles appended each%n", input, cycles,
                bytes.length / 1e6, APPENDED);
        System.out.printf(Locale.ROOT, "window document: full re-analysis %.3f s; update from scratch %.3f s (%.3f of full);"
                + " incremental update %.3f s (%.3f of full); from scratch / incremental %.1f x%n", fd, bd, bd / fd, ad, ad / fd, bd / ad);
        System.out.printf(Locale.ROOT, "  of each update, in both ways: the parse so far handed out and its derived columns %.3f s%n",
                median(t[4]));
        System.out.printf(Locale.ROOT, "CLI summary:     full re-analysis %.3f s; update from scratch %.3f s (%.3f of full);"
                + " incremental update %.3f s (%.3f of full); from scratch / incremental %.1f x%n", fs, bs, bs / fs, as, as / fs, bs / as);
    }

    /** More gc lines for the log: the input's own lines in turn, numbered and timed on from its last cycle. */
    private static final class Continuation {
        private final String[] lines;
        private long gc;
        private long millis;
        private int next;

        private Continuation(String[] lines, long gc, long millis) {
            this.lines = lines;
            this.gc = gc;
            this.millis = millis;
        }

        static Continuation of(byte[] bytes) {
            String head = new String(bytes, 0, Math.min(bytes.length, 1 << 20), StandardCharsets.UTF_8);
            String[] lines = Arrays.stream(head.split("\n")).filter(l -> GC_LINE.matcher(l).find()).limit(2000).toArray(String[]::new);
            String tail = new String(bytes, Math.max(0, bytes.length - 4096), Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
            long gc = 0, millis = 0;
            for (String l : tail.split("\n")) {
                Matcher m = GC_LINE.matcher(l);
                if (m.find()) {
                    gc = Long.parseLong(m.group(1));
                    millis = Long.parseLong(m.group(2)) * 1000 + Long.parseLong(m.group(3));
                }
            }
            return new Continuation(lines, gc, millis);
        }

        byte[] next(int count) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                String line = lines[next++ % lines.length];
                Matcher m = GC_LINE.matcher(line);
                m.find();
                gc++;
                millis += 25; // 40 cycles a second, about the input's own pace
                out.append(String.format(Locale.ROOT, "gc %d @%d.%03ds", gc, millis / 1000, millis % 1000))
                        .append(line, m.end(), line.length()).append('\n');
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Times the updates the benchmark asks for, on one hand-out: the document from scratch and
     * updated, then the summary from scratch and updated (the order swapped every other update).
     */
    private static final class Timed implements ParseListener {
        private final DocumentLoader documents;
        private final FileSummary summary;
        private final SynchronousQueue<double[]> measured;
        private final LiveAnalysis liveDocument = new LiveAnalysis(RegimeAnalysis.Method.KMEANS);
        private final LiveAnalysis liveSummary = new LiveAnalysis(RegimeAnalysis.Method.KMEANS);
        volatile boolean want;
        private long askedAt;
        private int round;

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
                double common = (derived - askedAt) / 1e9;
                double[] out = new double[5];
                out[4] = common;
                boolean liveFirst = round++ % 2 == 1;
                for (int pass = 0; pass < 2; pass++) {
                    boolean incremental = (pass == 0) == liveFirst;
                    long a = System.nanoTime();
                    if (incremental) documents.followed(parsed, liveDocument, SloStreak.DEFAULT_THRESHOLD_MS, "bench", "bench", null, 0, askedAt, derived);
                    else documents.document(parsed, "bench", "bench", null, 0, askedAt, derived, () -> false, true);
                    long b = System.nanoTime();
                    if (incremental) summary.json(parsed, liveSummary.updateSummary(parsed.table(GcColumns.CYCLES_TABLE), Work.serial()));
                    else summary.json(parsed);
                    long c = System.nanoTime();
                    out[incremental ? 1 : 0] = common + (b - a) / 1e9;
                    out[incremental ? 3 : 2] = common + (c - b) / 1e9;
                }
                measured.put(out);
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
