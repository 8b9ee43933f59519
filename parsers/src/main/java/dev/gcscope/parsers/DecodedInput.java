package dev.gcscope.parsers;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * A trace's content as UTF-8-compatible bytes: gzip is unwrapped by its magic bytes (never by file
 * name), a UTF-8 byte-order mark is dropped, and UTF-16/32 text (PowerShell's {@code 2> gc.log}
 * writes UTF-16LE) is transcoded to UTF-8. Parsers work on bytes, so invalid UTF-8 passes through
 * untouched and only shows up in excerpts.
 */
public final class DecodedInput extends InputStream {
    private static final int GZIP_BUFFER = 64 * 1024;

    private final InputStream content;
    private final BoundedInputStream rawCounter;
    private final String encoding;

    private final EndAtDamage damage;

    private DecodedInput(InputStream content, BoundedInputStream rawCounter, String encoding, EndAtDamage damage) {
        this.content = content;
        this.rawCounter = rawCounter;
        this.encoding = encoding;
        this.damage = damage;
    }

    /**
     * Empty, or why the compressed data ended before its proper end (a gzip file cut off by a full
     * disk or an interrupted copy). Everything decompressed before that point was delivered.
     */
    public String damage() {
        return damage == null || damage.error == null ? "" : "compressed data ends early (" + damage.error + ")";
    }

    static DecodedInput open(TraceSource source) throws IOException {
        InputStream raw = source.openRaw();
        try {
            BoundedInputStream counter = BoundedInputStream.builder().setInputStream(raw).get();
            BufferedInputStream buffered = new BufferedInputStream(counter, GZIP_BUFFER);
            byte[] magic = peek(buffered, 6);
            Compression compression = Compression.of(magic);
            InputStream plain = buffered;
            String encoding = "";
            EndAtDamage damage = null;
            if (compression == Compression.GZIP) {
                damage = new EndAtDamage(new GZIPInputStream(buffered, GZIP_BUFFER));
                plain = new BufferedInputStream(damage, GZIP_BUFFER);
                encoding = "gzip";
            } else if (compression != Compression.NONE) {
                throw new TraceInputException(source.name() + ": is " + compression.label
                        + "-compressed; gcscope reads plain text and gzip — decompress it first ("
                        + compression.command + ")");
            }
            BOMInputStream bom = BOMInputStream.builder().setInputStream(plain)
                    .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE,
                            ByteOrderMark.UTF_32LE, ByteOrderMark.UTF_32BE)
                    .get();
            InputStream content = bom;
            ByteOrderMark mark = bom.getBOM();
            if (mark != null && !mark.equals(ByteOrderMark.UTF_8)) {
                Charset cs = Charset.forName(mark.getCharsetName());
                content = ReaderInputStream.builder()
                        .setReader(new InputStreamReader(bom, cs))
                        .setCharset(StandardCharsets.UTF_8)
                        .setBufferSize(GZIP_BUFFER)
                        .get();
                encoding = join(encoding, mark.getCharsetName());
            } else if (mark != null) {
                encoding = join(encoding, "UTF-8 BOM");
            }
            return new DecodedInput(content, counter, encoding, damage);
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

    /** Stored bytes consumed so far (compressed bytes for gzip). */
    public long storedBytesRead() {
        return rawCounter.getCount();
    }

    /** How the stored bytes were decoded, e.g. {@code "gzip, UTF-16LE"}; empty for plain bytes. */
    public String encoding() {
        return encoding;
    }

    /** Reads until {@code max} bytes or the end. */
    byte[] readUpTo(int max) throws IOException {
        byte[] buf = new byte[max];
        int n = 0;
        while (n < max) {
            int r = content.read(buf, n, max - n);
            if (r < 0) break;
            n += r;
        }
        return Arrays.copyOf(buf, n);
    }

    @Override
    public int read() throws IOException {
        return content.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return content.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    /**
     * Ends the stream instead of throwing where gzip data is cut off or corrupt. It sits below the
     * buffering on purpose: {@code BufferedInputStream.read} discards bytes it already read in a call
     * that then throws, which would lose the last good lines of a truncated file.
     */
    private static final class EndAtDamage extends FilterInputStream {
        String error;

        EndAtDamage(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (error != null) return -1;
            try {
                return super.read();
            } catch (EOFException | ZipException e) {
                error = e.getMessage();
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (error != null) return -1;
            try {
                return super.read(b, off, len);
            } catch (EOFException | ZipException e) {
                error = e.getMessage();
                return -1;
            }
        }

        @Override
        public int available() throws IOException {
            return error != null ? 0 : super.available();
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
            if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) return GZIP;
            if (m.length >= 6 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X' && m[4] == 'Z' && m[5] == 0) return XZ;
            if (m.length >= 4 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h' && m[3] >= '1' && m[3] <= '9') return BZIP2;
            if (m.length >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f && (m[3] & 0xff) == 0xfd) return ZSTD;
            if (m.length >= 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4) return ZIP;
            return NONE;
        }
    }
}
