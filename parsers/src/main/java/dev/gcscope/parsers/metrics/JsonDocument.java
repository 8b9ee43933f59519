package dev.gcscope.parsers.metrics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseCancelledException;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseReport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.util.BitSet;

/**
 * A {@code metrics-json} input that is one JSON document (or several, one after another): read with
 * Jackson's streaming parser, a top-level array one element at a time. Line accounting: a line is
 * used when a value on it gave a histogram or a value, skipped as "JSON without histograms" when the
 * values on it gave none, skipped as "bad JSON" from the value where the JSON broke to the end (the
 * parser cannot resynchronise inside a document), and otherwise used as structure ({@code [},
 * {@code ]}) or skipped as blank.
 */
final class JsonDocument {
    /** Where the document broke, for the parser to report with an excerpt. */
    record Failure(long line, String reason) {}

    private final ParseReport.Builder report;
    private final JsonHistograms histograms;
    private final BitSet used = new BitSet();
    private final BitSet noData = new BitSet();
    private final BitSet bad = new BitSet();
    private Failure failure;

    JsonDocument(ParseReport.Builder report, SnapshotTables tables, GoReleaseHints releases) {
        this.report = report;
        this.histograms = new JsonHistograms(tables, releases, (line, reason) -> report.issue(line, reason, ""));
    }

    Failure failure() { return failure; }

    /** Reads {@code in} to its end; returns the number of lines. */
    long read(DecodedInput in, ParseListener listener, long storedSize, String name) throws IOException {
        LineCountingStream counter = new LineCountingStream(in, listener, storedSize, name);
        long valueStart = 1;
        try (JsonParser p = MetricsJsonParser.parser(counter)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                valueStart = line(p.currentTokenLocation());
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t == null) break;
                        valueStart = line(p.currentTokenLocation());
                        JsonNode element = MetricsJsonParser.Json.VALUE_READER.readTree(p);
                        mark(histograms.arrayElement(element, valueStart) > 0, valueStart, line(p.currentLocation()));
                    }
                    histograms.endSnapshot();
                } else if (t == JsonToken.START_OBJECT) {
                    JsonNode node = MetricsJsonParser.Json.VALUE_READER.readTree(p);
                    mark(histograms.snapshot(node, valueStart) > 0, valueStart, line(p.currentLocation()));
                } else {
                    mark(false, valueStart, line(p.currentLocation()));
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long errorLine = at == null || at.getLineNr() < 1 ? valueStart : at.getLineNr();
            failure = new Failure(errorLine, "not valid JSON (" + MetricsJsonParser.jsonError(e)
                    + "); the document is read up to the value that starts at line " + valueStart);
            counter.drain();
            bad.set((int) Math.min(Integer.MAX_VALUE - 1, valueStart), (int) Math.min(Integer.MAX_VALUE - 1, counter.lines() + 1));
        }
        counter.drain();
        account(counter);
        return counter.lines();
    }

    private static long line(JsonLocation loc) {
        return loc == null ? 1 : Math.max(1, loc.getLineNr());
    }

    private void mark(boolean gaveData, long from, long to) {
        int a = (int) Math.min(Integer.MAX_VALUE - 1, from);
        int b = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(from, to) + 1);
        (gaveData ? used : noData).set(a, b);
    }

    private void account(LineCountingStream counter) {
        long n = counter.lines();
        for (int line = 1; line <= n; line++) {
            if (used.get(line)) report.used();
            else if (bad.get(line)) report.skipped(MetricsJsonParser.KIND_BAD_JSON);
            else if (noData.get(line)) report.skipped(MetricsJsonParser.KIND_NO_HISTOGRAMS);
            else if (!counter.nonBlank.get(line)) report.skipped(MetricsJsonParser.KIND_BLANK);
            else report.used();
        }
    }

    /**
     * Counts lines as {@code LineReader} and Jackson do (LF, CRLF and a lone CR each end one; a last
     * line without an end counts) and remembers which are not blank; reports progress per read.
     */
    private static final class LineCountingStream extends FilterInputStream {
        final BitSet nonBlank = new BitSet();
        private final DecodedInput decoded;
        private final ParseListener listener;
        private final long storedSize;
        private final String name;
        private long ends;
        private boolean pendingContent;
        private boolean lastWasCr;
        private boolean lineHasText;

        LineCountingStream(DecodedInput in, ParseListener listener, long storedSize, String name) {
            super(in);
            this.decoded = in;
            this.listener = listener;
            this.storedSize = storedSize;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (!listener.progress(decoded.storedBytesRead(), storedSize)) throw new ParseCancelledException(name);
            for (int i = off; i < off + Math.max(n, 0); i++) {
                byte c = b[i];
                if (c == '\n') {
                    if (!lastWasCr) endLine();
                    lastWasCr = false;
                } else if (c == '\r') {
                    endLine();
                    lastWasCr = true;
                } else {
                    lastWasCr = false;
                    pendingContent = true;
                    if (c != ' ' && c != '\t') lineHasText = true;
                }
            }
            return n;
        }

        private void endLine() {
            ends++;
            if (lineHasText) nonBlank.set((int) Math.min(Integer.MAX_VALUE - 1, ends));
            lineHasText = false;
            pendingContent = false;
        }

        void drain() throws IOException {
            byte[] buf = new byte[64 * 1024];
            while (read(buf, 0, buf.length) >= 0) { /* count the rest */ }
        }

        long lines() {
            if (pendingContent && lineHasText) nonBlank.set((int) Math.min(Integer.MAX_VALUE - 1, ends + 1));
            return ends + (pendingContent ? 1 : 0);
        }
    }
}
