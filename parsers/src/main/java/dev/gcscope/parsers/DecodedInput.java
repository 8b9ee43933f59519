package dev.gcscope.parsers;

import dev.gcscope.parsers.io.ByteOrderMark;
import dev.gcscope.parsers.io.CountingInputStream;
import dev.gcscope.parsers.io.GzipStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * One input's content, opened once and read once, front to back, as UTF-8-compatible bytes: gzip
 * is unwrapped by its magic bytes (never by file name; gzip inside gzip too), a UTF-8 byte-order
 * mark is dropped, and UTF-16/32 text (PowerShell's {@code 2> gc.log} writes UTF-16LE) is
 * transcoded to UTF-8. Parsers work on bytes, so invalid UTF-8 passes through untouched and only
 * shows up in excerpts.
 *
 * <p>Because it is read only once, a pipe, a FIFO or standard input works like a file: the first
 * {@link TraceParsers#SAMPLE_BYTES} are kept in memory as the {@link #sample()} that detection and
 * the parsers' sizing look at, and reading then starts again from the first byte of that sample.
 *
 * <p>Damaged compressed data never throws: what could be decompressed is delivered and each
 * problem is kept; a reader asks for them with {@link #takeProblems()} after every read. A read
 * never returns bytes on both sides of a problem, so the problems it hands out lie just before the
 * bytes that read returned (or at the end, when it returned -1).
 */
public final class DecodedInput extends InputStream {
    private static final int BUFFER = 64 * 1024;
    /** Gzip inside gzip inside gzip is unwrapped; deeper is no log collector's doing. */
    private static final int MAX_GZIP_DEPTH = 3;

    private final String name;
    private final long storedSize;
    private final CountingInputStream rawCounter;
    private final InputStream content;
    private final String encoding;
    private final List<Problem> problems;
    /** The raw stream when it is a followed input's, which can say when it waits; else null. */
    private FollowedSource.LiveInput live;
    /** The open regular file when its bytes are the content as they are; else null. */
    private FileChannel plainFile;

    private TraceSample sample;
    /** The sample's bytes until they have been read again; {@code headLength} stays. */
    private byte[] head;
    private int headLength;
    /** Bytes pulled from {@code content} (in a cell the damage stamps read), and bytes handed to the reader. */
    private final long[] pulled;
    private long served;
    private long lastReadStart;
    private int nextProblem;

    /** A damage found in the stored bytes, at {@code offset} of the decoded content. */
    private record Problem(long offset, String reason) {}

    private DecodedInput(String name, long storedSize, CountingInputStream rawCounter, InputStream content,
                         String encoding, List<Problem> problems, long[] pulled) {
        this.pulled = pulled;
        this.name = name;
        this.storedSize = storedSize;
        this.rawCounter = rawCounter;
        this.content = content;
        this.encoding = encoding;
        this.problems = problems;
    }

    static DecodedInput open(TraceSource source, InputStream raw) throws IOException {
        try {
            CountingInputStream counter = new CountingInputStream(raw);
            List<Problem> problems = new ArrayList<>();
            long[] pulled = new long[1]; // the new instance's count, which damage found while peeking stamps as 0
            BufferedInputStream plain = new BufferedInputStream(counter, BUFFER);
            String encoding = "";
            for (int depth = 0; ; depth++) {
                Compression compression = Compression.of(peek(plain, 6));
                if (compression == Compression.NONE) break;
                String outer = depth == 0 ? "" : " inside " + encoding;
                if (compression != Compression.GZIP || depth == MAX_GZIP_DEPTH) {
                    throw new TraceInputException(source.name() + ": is " + compression.label + "-compressed" + outer
                            + "; gcscope reads plain text and gzip — decompress it first (" + compression.command + ")");
                }
                if (depth > 0) {
                    // Not damage, but no collector means to do it (a log rotator compressing a .gz again):
                    // said once, so the user can fix the pipeline.
                    problems.add(new Problem(0, "the data is gzip inside " + encoding + " (compressed " + (depth + 1)
                            + " times); unwrapped"));
                }
                encoding = depth == 0 ? "gzip" : "gzip" + outer;
                String label = encoding;
                // Stamped with the bytes pulled so far: the read that found the damage has not returned yet.
                GzipStream gzip = new GzipStream(plain, label, reason -> problems.add(new Problem(pulled[0], reason)));
                // Refilled only when empty and from one member at a time (GzipStream's reads never
                // span two), so a member's end stays a read boundary and the stamps stay exact.
                plain = new BufferedInputStream(gzip, BUFFER);
            }
            ByteOrderMark mark = ByteOrderMark.skip(plain);
            InputStream content = plain;
            if (mark != null && mark != ByteOrderMark.UTF_8) {
                content = Transcoded.toUtf8(plain, Charset.forName(mark.charsetName()));
                encoding = join(encoding, mark.charsetName());
            } else if (mark != null) {
                encoding = join(encoding, "UTF-8 BOM");
            }
            DecodedInput in = new DecodedInput(source.name(), source.storedSize(), counter, content, encoding, problems, pulled);
            if (raw instanceof FollowedSource.LiveInput l) in.live = l;
            if (raw instanceof PlainFileStream file && encoding.isEmpty()) in.plainFile = file.channel();
            return in;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + ", " + b;
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] b = in.readNBytes(n);
        in.reset();
        return b;
    }

    /**
     * For a followed input ({@link FollowedSource}): runs {@code hook} on the reading thread each
     * time a read waits for more bytes to be written, at most every {@link FollowedSource#POLL_MILLIS}
     * ms. A read waits only when everything read before it has been handed out, so the hook sees
     * the reader's state whole; it may throw {@link ParseCancelledException} to end the parse. Does
     * nothing for any other input, whose reads never wait for a writer to go on.
     */
    public void whileWaiting(Runnable hook) {
        if (live != null) live.whileWaiting(hook);
    }

    /**
     * The open regular file behind this input when its stored bytes are the content as they are (no
     * gzip, no byte order mark): a parse may then read pieces of it at any position, from several
     * threads, instead of this stream. Nothing read through the channel moves this stream.
     */
    public Optional<FileChannel> plainFile() {
        return Optional.ofNullable(plainFile);
    }

    /** The name used in every message about this input. */
    public String name() {
        return name;
    }

    /** Size as stored (compressed size for a gzip file), or -1 when unknown (a pipe). */
    public long storedSize() {
        return storedSize;
    }

    /** Stored bytes consumed so far (compressed bytes for gzip). */
    public long storedBytesRead() {
        return rawCounter.count();
    }

    /** How the stored bytes were decoded, e.g. {@code "gzip, UTF-16LE"}; empty for plain bytes. */
    public String encoding() {
        return encoding;
    }

    /**
     * The first {@link TraceParsers#SAMPLE_BYTES} of the content (fewer if it is shorter), read on
     * the first call and kept: reading then still starts at the content's first byte.
     *
     * @throws IllegalStateException when reading had started before the sample was taken
     */
    public TraceSample sample() throws IOException {
        if (sample == null) {
            if (served > 0) throw new IllegalStateException("the sample of " + name + " is taken before reading starts");
            byte[] b = new byte[TraceParsers.SAMPLE_BYTES];
            int n = 0;
            while (n < b.length) {
                int r = content.read(b, n, b.length - n);
                if (r < 0) break;
                n += r;
                pulled[0] += r;
            }
            head = b;
            headLength = n;
            sample = new TraceSample(name, Arrays.copyOf(b, n), encoding);
        }
        return sample;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        lastReadStart = served;
        if (served < headLength) {
            // The sample again, in pieces that end where a problem was found inside it.
            int upTo = headLength;
            for (int i = nextProblem; i < problems.size(); i++) {
                long at = problems.get(i).offset();
                if (at > served) {
                    upTo = (int) Math.min(upTo, at);
                    break;
                }
            }
            int n = Math.min(len, upTo - (int) served);
            System.arraycopy(head, (int) served, b, off, n);
            served += n;
            if (served == headLength) head = null;
            return n;
        }
        int n = content.read(b, off, len);
        if (n < 0) {
            lastReadStart = Long.MAX_VALUE;
            return -1;
        }
        pulled[0] += n;
        served += n;
        return n;
    }

    /**
     * Reasons for the damage found at or before the first byte the last read returned (all that
     * are left once it returned -1), each handed out once: a reader puts them on the line it was
     * in before that read. Empty nearly always.
     */
    public List<String> takeProblems() {
        if (nextProblem == problems.size()) return List.of();
        List<String> out = new ArrayList<>();
        while (nextProblem < problems.size() && problems.get(nextProblem).offset() <= lastReadStart) {
            out.add(problems.get(nextProblem++).reason());
        }
        return out;
    }

    /** Every reason for damage found so far, none handed out: what detection names when the text it got tells nothing. */
    public List<String> damageSoFar() {
        return problems.stream().map(Problem::reason).toList();
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    /**
     * UTF-16/32 text as UTF-8, by commons-io's {@code ReaderInputStream}: in a class of its own so
     * that only such a file loads it (and its builders, some 60 classes), not every plain one.
     */
    private static final class Transcoded {
        static InputStream toUtf8(InputStream in, Charset cs) throws IOException {
            return ReaderInputStream.builder()
                    .setReader(new InputStreamReader(in, cs))
                    .setCharset(StandardCharsets.UTF_8)
                    .setBufferSize(BUFFER)
                    .get();
        }
    }

    private enum Compression {
        NONE("", ""), GZIP("gzip", ""),
        XZ("xz", "xz -d FILE"), BZIP2("bzip2", "bzip2 -d FILE"), ZSTD("zstd", "zstd -d FILE"), ZIP("zip", "unzip FILE");

        final String label;
        final String command;

        Compression(String label, String command) {
            this.label = label;
            this.command = command;
        }

        static Compression of(byte[] m) {
            if (GzipStream.isGzip(m, m.length)) return GZIP;
            if (m.length >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X' && m[4] == 'Z' && m[5] == 0) return XZ;
            if (m.length >= 4 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h' && m[3] >= '1' && m[3] <= '9') return BZIP2;
            if (m.length >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f && (m[3] & 0xff) == 0xfd) return ZSTD;
            if (m.length >= 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4) return ZIP;
            return NONE;
        }
    }
}
