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
import dev.gcscope.parsers.io.Excerpt;
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
    private final ParseReport.Builder report;
    private final JsonHistograms histograms;
    private final BitSet used = new BitSet();
    private final BitSet noData = new BitSet();
    private final BitSet bad = new BitSet();

    JsonDocument(ParseReport.Builder report, SnapshotTables tables, GoReleaseHints releases) {
        this.report = report;
        this.histograms = new JsonHistograms(tables, releases, (line, reason) -> report.issue(line, reason, ""));
    }

    /** Reads {@code in} to its end, reporting where the JSON broke; returns the number of lines. */
    long read(DecodedInput in, ParseListener listener) throws IOException {
        LineCountingStream counter = new LineCountingStream(in, listener, report);
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
            String excerpt = counter.excerpt(errorLine);
            counter.drain();
            report.issue(errorLine, "not valid JSON (" + MetricsJsonParser.jsonError(e)
                    + "); the document is read up to the value that starts at line " + valueStart, excerpt);
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
     * line without an end counts) and remembers which are not blank; reports progress per read and
     * damage in the stored data on the line it was reached. It keeps the last bytes read, so the line
     * where the JSON broke can be quoted without reading the input again (it may be a pipe).
     */
    private static final class LineCountingStream extends FilterInputStream {
        /** Jackson reads ahead 8,000 bytes at most; this keeps well over that. */
        private static final int RECENT = 64 * 1024;

        final BitSet nonBlank = new BitSet();
        private final DecodedInput decoded;
        private final ParseListener listener;
        private final ParseReport.Builder report;
        private long ends;
        private boolean pendingContent;
        private boolean lastWasCr;
        private boolean lineHasText;
        /** The last bytes read, from the start of line {@code recentFirstLine}. */
        private final byte[] recent = new byte[2 * RECENT];
        private int recentLength;
        private long recentFirstLine = 1;

        LineCountingStream(DecodedInput in, ParseListener listener, ParseReport.Builder report) {
            super(in);
            this.decoded = in;
            this.listener = listener;
            this.report = report;
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
            if (!listener.progress(decoded.storedBytesRead(), decoded.storedSize())) throw new ParseCancelledException(decoded.name());
            for (String reason : decoded.takeProblems()) report.damage(Math.max(1, ends + (pendingContent ? 1 : 0)), reason);
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
            if (n > 0) remember(b, off, n);
            return n;
        }

        private void remember(byte[] b, int off, int n) {
            if (n >= RECENT) {
                // Only the tail matters; where its first line starts is unknown, so quote nothing before it.
                System.arraycopy(b, off + n - RECENT, recent, 0, RECENT);
                recentLength = RECENT;
                recentFirstLine = Long.MAX_VALUE;
                return;
            }
            if (recentLength + n > recent.length) {
                int drop = recentLength + n - RECENT;
                if (recent[drop - 1] == '\r' && recent[drop] == '\n') drop++; // a window never starts inside a CRLF
                recentFirstLine = advanceLines(recentFirstLine, recent, 0, drop);
                System.arraycopy(recent, drop, recent, 0, recentLength - drop);
                recentLength -= drop;
            }
            System.arraycopy(b, off, recent, recentLength, n);
            recentLength += n;
        }

        /** The line number after {@code b[from, to)}, from {@code line} at its start. */
        private static long advanceLines(long line, byte[] b, int from, int to) {
            if (line == Long.MAX_VALUE) return line;
            for (int i = from; i < to; i++) {
                if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r') || b[i] == '\r') line++;
            }
            return line;
        }

        /** The start of line {@code lineNo} if it is among the bytes kept, else empty. */
        String excerpt(long lineNo) {
            if (lineNo < recentFirstLine) return "";
            long line = recentFirstLine;
            int i = 0;
            while (line < lineNo && i < recentLength) {
                byte c = recent[i++];
                if (c == '\r' || c == '\n') {
                    if (c == '\r' && i < recentLength && recent[i] == '\n') i++;
                    line++;
                }
            }
            if (line != lineNo) return "";
            int e = i;
            while (e < recentLength && recent[e] != '\n' && recent[e] != '\r') e++;
            return Excerpt.of(recent, i, e);
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
