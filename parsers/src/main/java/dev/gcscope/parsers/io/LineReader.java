package dev.gcscope.parsers.io;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseCancelledException;
import dev.gcscope.parsers.ParseListener;
import java.io.IOException;
import java.util.Arrays;

/**
 * Splits decoded input into lines without copying or decoding them: LF, CRLF and a lone CR all end
 * a line (old Mac exports and some terminals' copies use CR). Lines longer than {@code maxLineBytes}
 * are not buffered whole; the sink gets their first bytes and their length, so a 10 MB line costs
 * nothing and still gets reported.
 *
 * <p>Hand-written instead of {@code BufferedReader.readLine}: that decodes every byte to a char and
 * allocates a String per line, which alone would cost more than the whole gctrace parse.
 */
public final class LineReader {
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    private static final int READ_CHUNK = 256 * 1024;
    private static final int OVERLONG_HEAD = 256;

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

        /** A line over the limit: {@code head} holds its first bytes, {@code length} its full length. */
        void overlongLine(byte[] head, long lineNo, long length);
    }

    /**
     * What the reader saw besides the lines.
     *
     * @param lines number of lines, counting a last line without a newline
     * @param endsWithoutNewline the input's last line had no line end (often a cut-off paste)
     * @param truncatedInput non-empty when the compressed stream ended early; says how
     */
    public record Outcome(long lines, boolean endsWithoutNewline, String truncatedInput) {}

    private final int maxLineBytes;

    public LineReader() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    public LineReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    public Outcome read(DecodedInput in, Sink sink, ParseListener listener, long storedSize, String name)
            throws IOException {
        byte[] buf = new byte[Math.max(READ_CHUNK, maxLineBytes) + READ_CHUNK];
        int start = 0;
        int limit = 0;
        long lineNo = 0;
        boolean skipLf = false;
        byte[] overlongHead = null;
        long overlongLength = 0;
        while (true) {
            int n = in.read(buf, limit, buf.length - limit);
            if (!listener.progress(in.storedBytesRead(), storedSize)) throw new ParseCancelledException(name);
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
                    sink.line(buf, start, i, lineNo);
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
                overlongHead = Arrays.copyOfRange(buf, start, start + OVERLONG_HEAD);
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
            sink.line(buf, start, limit, ++lineNo);
            noFinalNewline = true;
        }
        String damage = in.damage();
        return new Outcome(lineNo, noFinalNewline, damage.isEmpty() ? "" : damage + "; the lines before it were read");
    }
}
