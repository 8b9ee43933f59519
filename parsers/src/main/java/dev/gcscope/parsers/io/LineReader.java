package dev.gcscope.parsers.io;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseCancelledException;
import dev.gcscope.parsers.ParseListener;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Arrays;

/**
 * Splits decoded input into lines without copying or decoding them: LF, CRLF and a lone CR all end
 * a line (old Mac exports and some terminals' copies use CR).
 *
 * <p>The line limit, the same for every line-based format: a line of up to {@link #MAX_LINE_BYTES}
 * bytes (not counting its line end) is a line; a longer one is never buffered whole. The sink gets
 * its first {@code MAX_LINE_BYTES} bytes and its full length through {@link Sink#overlongLine}, and
 * decides what of it to keep (a gc line that starts it, for gctrace) and reports the rest. So a
 * 10 MB line costs a bounded buffer and is still reported.
 *
 * <p>Hand-written instead of {@code BufferedReader.readLine}: that decodes every byte to a char and
 * allocates a String per line, which alone would cost more than the whole gctrace parse.
 */
public final class LineReader {
    /** The longest line read as a line, in bytes without its line end: 1 MiB. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    private static final int READ_CHUNK = 256 * 1024;

    /** Receives lines; the bytes are only valid during the call. */
    public interface Sink {
        void line(byte[] buf, int start, int end, long lineNo);

        /**
         * A chance to take the line starting at {@code start} before its end is searched for:
         * returns the index of the CR or LF that ends the line if the sink consumed it (it is then
         * not passed to {@link #line}), or -1. {@code limit} is the end of the data read so far.
         */
        default int lineAt(byte[] buf, int start, int limit, long lineNo) {
            return -1;
        }

        /**
         * A line over the limit: {@code head} holds its first {@link #MAX_LINE_BYTES} bytes (the limit
         * the reader was built with), {@code length} is its full length without the line end.
         */
        void overlongLine(byte[] head, long lineNo, long length);

        /**
         * The stored data is damaged here (a gzip CRC error, a file cut off, trailing garbage):
         * {@code lineNo} is the line that was being read when the damage was reached.
         */
        void damagedInput(long lineNo, String reason);
    }

    /**
     * What the reader saw besides the lines.
     *
     * @param lines number of lines, counting a last line without a newline
     * @param endsWithoutNewline the input's last line had no line end (often a cut-off paste)
     */
    public record Outcome(long lines, boolean endsWithoutNewline) {}

    private final int maxLineBytes;

    /** The issue every format reports for a line over the limit that it skips: one wording for all. */
    public static String overlongReason(long length) {
        return String.format(java.util.Locale.ROOT, "line is %,d bytes long, over the %,d-byte limit for one line; skipped",
                length, MAX_LINE_BYTES);
    }

    public LineReader() {
        this(MAX_LINE_BYTES);
    }

    public LineReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public Outcome read(DecodedInput in, Sink sink, ParseListener listener) throws IOException {
        return read(in, sink, listener, in.storedSize(), in.name());
    }

    public Outcome read(DecodedInput in, Sink sink, ParseListener listener, long storedSize, String name)
            throws IOException {
        return read(in, sink, () -> {
            if (!listener.progress(in.storedBytesRead(), storedSize)) throw new ParseCancelledException(name);
            return in.takeProblems();
        }, newBuffer());
    }

    /**
     * The lines of plain bytes with no decoding, progress or damage to report: a piece of a file
     * cut at line ends, for a parse split across threads ({@code GcTraceParser}'s chunked parse).
     * Read in {@code buffer} (from {@link #newBuffer()}), not a new one: the split parse reads a file
     * as many pieces, and a new buffer each (1.25 MiB zeroed) cost more than reading a small piece
     * (4.9 s of a test reading a 1.2 MB log in 6,400 pieces). The sink must not keep
     * {@code buffer}'s bytes after a call, as no sink does.
     */
    public Outcome read(InputStream in, Sink sink, byte[] buffer) throws IOException {
        if (buffer.length != bufferBytes()) throw new IllegalArgumentException("a buffer of " + bufferBytes() + " bytes");
        return read(in, sink, List::of, buffer);
    }

    /** A buffer for {@link #read(InputStream, Sink, byte[])}: room for a line at the limit and a read after it. */
    public byte[] newBuffer() {
        return new byte[bufferBytes()];
    }

    private int bufferBytes() {
        return Math.max(READ_CHUNK, maxLineBytes) + READ_CHUNK;
    }

    /** Called after each read: may stop the reading (by throwing), returns the damage the read found. */
    @FunctionalInterface
    private interface AfterRead {
        List<String> check() throws IOException;
    }

    private Outcome read(InputStream in, Sink sink, AfterRead afterRead, byte[] buf) throws IOException {
        int start = 0;
        int limit = 0;
        long lineNo = 0;
        boolean skipLf = false;
        byte[] overlongHead = null;
        long overlongLength = 0;
        while (true) {
            int n = in.read(buf, limit, buf.length - limit);
            // Damage lies just before the bytes this read returned: on the line being read before them.
            for (String reason : afterRead.check()) {
                sink.damagedInput(Math.max(1, lineNo + (limit > start || overlongHead != null ? 1 : 0)), reason);
            }
            if (n < 0) break;
            if (n == 0) continue;
            if (skipLf) {
                skipLf = false;
                if (buf[limit] == '\n') {
                    System.arraycopy(buf, limit + 1, buf, limit, n - 1);
                    n--;
                }
            }
            int i = limit;
            limit += n;
            while (true) {
                int taken = i == start && overlongHead == null ? sink.lineAt(buf, start, limit, lineNo + 1) : -1;
                i = taken >= 0 ? taken : LineBreaks.next(buf, i, limit);
                if (i >= limit) break;
                byte b = buf[i];
                lineNo++;
                if (overlongHead != null) {
                    sink.overlongLine(overlongHead, lineNo, overlongLength + (i - start));
                    overlongHead = null;
                } else if (taken < 0) {
                    if (i - start <= maxLineBytes) {
                        sink.line(buf, start, i, lineNo);
                    } else {
                        sink.overlongLine(Arrays.copyOfRange(buf, start, start + maxLineBytes), lineNo, i - start);
                    }
                }
                if (b == '\r') {
                    if (i + 1 < limit) {
                        if (buf[i + 1] == '\n') i++;
                    } else {
                        skipLf = true;
                    }
                }
                start = i + 1;
                i = start;
            }
            if (overlongHead != null) {
                overlongLength += limit - start;
                start = limit;
            } else if (limit - start > maxLineBytes) {
                overlongHead = Arrays.copyOfRange(buf, start, start + maxLineBytes);
                overlongLength = limit - start;
                start = limit;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, limit - start);
                limit -= start;
                start = 0;
            }
        }
        boolean noFinalNewline = false;
        if (overlongHead != null) {
            sink.overlongLine(overlongHead, ++lineNo, overlongLength + (limit - start));
            noFinalNewline = true;
        } else if (limit > start) {
            if (limit - start <= maxLineBytes) {
                sink.line(buf, start, limit, ++lineNo);
            } else {
                sink.overlongLine(Arrays.copyOfRange(buf, start, start + maxLineBytes), ++lineNo, limit - start);
            }
            noFinalNewline = true;
        }
        return new Outcome(lineNo, noFinalNewline);
    }
}
