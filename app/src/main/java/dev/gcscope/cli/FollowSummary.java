package dev.gcscope.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.analysis.LiveAnalysis;
import dev.gcscope.analysis.cycles.DerivedColumns;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.format.FileSummary;
import dev.gcscope.format.TextReport;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.FollowedSource;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.gctrace.GcColumns;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tech.tablesaw.api.Table;

/**
 * {@code summary --follow FILE|-}: one parse of a log as it is written (the file followed across
 * rotation, or a pipe until its writer closes it), printing the summary of what has been read so
 * far at most every {@link #MIN_INTERVAL_MILLIS} ms while new lines arrive, and a final one when
 * the input ends or on Ctrl+C. Each update summarises the parser's cycles so far (shared with the
 * parse, never read again) with statistics updated from the cycles appended since the last one
 * ({@link LiveAnalysis#updateSummary}: the regimes clustered when the log has doubled, new cycles
 * placed by the nearest regime centre between); the final summary is computed from scratch, as
 * {@code summary FILE} would. Updates are spaced at least twice their own cost apart, so the parse
 * never spends more than a third of its time on them.
 *
 * <p>Output forms: on a terminal the summary is redrawn in place (like {@code watch}); otherwise each
 * update is a new block under a {@code --- update N ---} line; with {@code --json} each is one line
 * of JSON, the summary's object plus {@code follow: {update, final, bytes, rotations}}.
 */
final class FollowSummary {
    static final long MIN_INTERVAL_MILLIS = 500;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CliContext context;
    private final FileSummary summary;
    private final PrintWriter out;
    private final boolean json;
    private final boolean redraw;
    private final LiveAnalysis live;
    private int updates;
    private int linesOnScreen;

    /** @param redraw redraw in place (standard output is a terminal) rather than print a block per update */
    FollowSummary(CliContext context, FileSummary summary, PrintWriter out, boolean json, boolean redraw) {
        this.context = context;
        this.summary = summary;
        this.out = out;
        this.json = json;
        this.redraw = redraw && !json;
        this.live = new LiveAnalysis(summary.options().regimes());
    }

    int run(FollowedSource source, TraceParser parser, ParseOptions options) throws TraceInputException {
        CountDownLatch printed = new CountDownLatch(1);
        // Ctrl+C ends the follow at the end of what has been read: the parse ends as a file's would and
        // its final summary is printed before the process goes.
        Thread onInterrupt = new Thread(() -> {
            source.finish();
            try {
                printed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gcscope-follow-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            ParseListener base = context.inputs().listener();
            Updates listener = new Updates(base, source, options);
            ParseResult result;
            try (DecodedInput in = source.open(listener)) {
                result = DerivedColumns.parse(parser, in, listener, options);
            } catch (TraceInputException e) {
                throw e;
            } catch (IOException e) {
                throw new TraceInputException(source.name() + ": " + TraceInputs.describe(e, "read"), e);
            }
            print(result, null, source, true);
            return ExitStatus.OK;
        } finally {
            printed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // shutting down (Ctrl+C): the hook is running and has just been let go
            }
        }
    }

    /** Hands out a summary while lines arrive, spaced by time and by its own cost. */
    private final class Updates implements ParseListener {
        private final ParseListener base;
        private final FollowedSource source;
        private final ParseOptions options;
        private long nextAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS);

        Updates(ParseListener base, FollowedSource source, ParseOptions options) {
            this.base = base;
            this.source = source;
            this.options = options;
        }

        @Override
        public boolean progress(long bytesDone, long bytesTotal) {
            if (context.outputClosed().getAsBoolean()) source.stop(); // | head has what it wanted
            return base.progress(bytesDone, bytesTotal);
        }

        @Override
        public void waiting(String message) {
            base.waiting(message);
        }

        @Override
        public boolean snapshotDue() {
            return System.nanoTime() >= nextAt;
        }

        @Override
        public void snapshot(ParseResult soFar) {
            long t0 = System.nanoTime();
            ParseResult parsed = DerivedColumns.addTo(soFar, options);
            Table cycles = parsed.table(GcColumns.CYCLES_TABLE);
            print(parsed, cycles == null ? null : live.updateSummary(cycles, Work.serial()), source, false);
            long cost = System.nanoTime() - t0;
            nextAt = System.nanoTime() + Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_INTERVAL_MILLIS), 2 * cost);
        }
    }

    /** @param analysis the updated analysis of {@code result}, or null to analyse it from scratch */
    private void print(ParseResult result, GcTraceAnalysis analysis, FollowedSource source, boolean last) {
        updates++;
        if (json) {
            ObjectNode node = summary.json(result, analysis);
            ObjectNode follow = node.putObject("follow");
            follow.put("update", updates);
            follow.put("final", last);
            follow.put("bytes", source.bytesRead());
            follow.put("rotations", source.rotations());
            try {
                out.println(JsonOutput.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
            return;
        }
        StringWriter block = new StringWriter();
        PrintWriter w = new PrintWriter(block);
        String clock = LocalTime.now(ZoneOffset.UTC).format(CLOCK);
        w.println(last ? "--- " + source.name() + ": final summary (" + clock + " UTC) ---"
                : "--- " + source.name() + ": update " + updates + " (" + clock + " UTC; following, Ctrl+C ends it) ---");
        summary.text(result, new TextReport(w), analysis);
        w.flush();
        String text = block.toString();
        if (redraw && linesOnScreen > 0) {
            // Up to the first line of the previous update, and clear from there down.
            out.print("\033[" + linesOnScreen + "F\033[J");
        } else if (updates > 1) {
            out.println();
        }
        out.print(text);
        out.flush();
        linesOnScreen = (int) text.lines().count();
    }
}
