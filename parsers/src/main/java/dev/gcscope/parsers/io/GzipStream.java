package dev.gcscope.parsers.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses gzip (RFC 1952) member after member and names every way the data can be damaged,
 * instead of throwing or passing it over. {@code GZIPInputStream} is not enough for a trace viewer:
 * it ignores whatever follows the last member (trailing garbage vanishes silently), decides whether
 * another member follows by {@code available()} (so a pipe that is slow at a member boundary ends
 * the input early), and throws on a bad CRC only after the damaged text was delivered, without
 * saying where.
 *
 * <p>Damage never throws: it ends the stream (corrupt deflate data, a cut-off file) or is only
 * reported (a CRC or length mismatch, after which the next member is still read), each time through
 * {@code problems} with a one-line reason. Everything decompressed before the damage is delivered.
 * A read returns bytes of one member only, so a problem found at a member's end is reported before
 * any byte of the next member: callers can tell where in the text it lies.
 */
public final class GzipStream extends InputStream {
    private static final int ID1 = 0x1f, ID2 = 0x8b, DEFLATE = 8;
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xe0;
    private static final int BUFFER = 64 * 1024;

    private enum State { HEADER, DATA, DONE }

    private final InputStream in;
    private final String label;
    private final Consumer<String> problems;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private int limit;
    /** Compressed bytes taken from {@code in} before {@code buf[0]}. */
    private long bufBase;
    private State state = State.HEADER;
    private int member;
    private long memberOut;

    /**
     * @param in the compressed bytes, starting at the gzip magic
     * @param label what to call this data in messages ("gzip", "gzip inside gzip")
     * @param problems receives a one-line reason for each kind of damage found
     */
    public GzipStream(InputStream in, String label, Consumer<String> problems) {
        this.in = in;
        this.label = label;
        this.problems = problems;
    }

    /** True when {@code b} starts with the gzip magic bytes. */
    public static boolean isGzip(byte[] b, int length) {
        return length >= 2 && (b[0] & 0xff) == ID1 && (b[1] & 0xff) == ID2;
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
        while (true) {
            switch (state) {
                case DONE -> {
                    return -1;
                }
                case HEADER -> {
                    if (!startMember()) return -1;
                }
                case DATA -> {
                    int n = inflate(b, off, len);
                    if (n != 0) return n;
                }
            }
        }
    }

    /** Reads the next member's header; false at the end of the data (or of what can be used). */
    private boolean startMember() throws IOException {
        if (!ensure(1)) {
            state = State.DONE;
            if (member == 0) damage("compressed data ends early: the " + label + " file is empty after its first bytes");
            return false;
        }
        if (!ensure(2) || (buf[pos] & 0xff) != ID1 || (buf[pos + 1] & 0xff) != ID2) {
            long garbage = drain();
            state = State.DONE;
            damage(String.format(Locale.ROOT, "%,d byte(s) after the end of the %s data are not gzip (trailing garbage); ignored",
                    garbage, label));
            return false;
        }
        try {
            readHeader();
        } catch (EOFException e) {
            state = State.DONE;
            damage("compressed data ends early: the " + label + " file is cut off in the header of member " + (member + 1));
            return false;
        } catch (HeaderException e) {
            state = State.DONE;
            damage("compressed data ends early: the " + label + " header of member " + (member + 1) + " is damaged ("
                    + e.getMessage() + "); the rest is not read");
            return false;
        }
        member++;
        memberOut = 0;
        crc.reset();
        inflater.reset();
        state = State.DATA;
        return true;
    }

    private static final class HeaderException extends IOException {
        private static final long serialVersionUID = 1L;

        HeaderException(String message) {
            super(message);
        }
    }

    private void readHeader() throws IOException {
        byte1();
        byte1();
        int method = byte1();
        if (method != DEFLATE) throw new HeaderException("compression method " + method + ", not deflate");
        int flags = byte1();
        if ((flags & RESERVED) != 0) throw new HeaderException("reserved flag bits set");
        skip(6); // mtime, xfl, os
        if ((flags & FEXTRA) != 0) skip(byte1() | byte1() << 8);
        if ((flags & FNAME) != 0) skipZeroTerminated();
        if ((flags & FCOMMENT) != 0) skipZeroTerminated();
        if ((flags & FHCRC) != 0) skip(2);
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = inflater.inflate(b, off, len);
        } catch (DataFormatException e) {
            state = State.DONE;
            damage(String.format(Locale.ROOT, "compressed data ends early: the %s data of member %d is corrupt near byte %,d (%s);"
                    + " the text after it cannot be recovered", label, member, compressedPosition(), e.getMessage()));
            return -1;
        }
        if (n > 0) {
            crc.update(b, off, n);
            memberOut += n;
            return n;
        }
        if (inflater.finished()) {
            pos = limit - inflater.getRemaining();
            checkTrailer();
            return 0;
        }
        if (inflater.needsDictionary()) {
            state = State.DONE;
            damage("compressed data ends early: the " + label + " data asks for a preset dictionary, which gzip never uses");
            return -1;
        }
        if (inflater.needsInput()) {
            if (pos == limit && !fill()) {
                state = State.DONE;
                damage(String.format(Locale.ROOT, "compressed data ends early: the %s file is cut off inside member %d"
                        + " (after %,d compressed bytes)", label, member, bufBase + limit));
                return -1;
            }
            inflater.setInput(buf, pos, limit - pos);
            pos = limit;
        }
        return 0;
    }

    private void checkTrailer() throws IOException {
        long expectedCrc;
        long expectedSize;
        try {
            expectedCrc = uint32();
            expectedSize = uint32();
        } catch (EOFException e) {
            state = State.DONE;
            damage("compressed data ends early: the " + label + " file is cut off before the CRC and length of member "
                    + member + ", so its text cannot be checked");
            return;
        }
        if (expectedCrc != crc.getValue()) {
            damage("the " + label + " CRC of member " + member + " does not match its text: the data is corrupt,"
                    + " so lines before this point may hold wrong values");
        } else if (expectedSize != (memberOut & 0xffffffffL)) {
            damage(String.format(Locale.ROOT, "the %s length check of member %d fails (%,d bytes decompressed, the trailer"
                    + " says %,d): the data is corrupt", label, member, memberOut & 0xffffffffL, expectedSize));
        }
        state = State.HEADER;
    }

    private long compressedPosition() {
        return bufBase + limit - inflater.getRemaining();
    }

    private void damage(String reason) {
        problems.accept(reason);
    }

    /** Refills the buffer, whose bytes the inflater has all consumed; false at the end of the input. */
    private boolean fill() throws IOException {
        bufBase += limit;
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) return false;
        limit = n;
        return true;
    }

    /** At least {@code n} unread bytes in the buffer (n is small); false if the input ends first. */
    private boolean ensure(int n) throws IOException {
        if (limit - pos >= n) return true;
        System.arraycopy(buf, pos, buf, 0, limit - pos);
        bufBase += pos;
        limit -= pos;
        pos = 0;
        while (limit < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) return false;
            limit += r;
        }
        return true;
    }

    private int byte1() throws IOException {
        if (!ensure(1)) throw new EOFException();
        return buf[pos++] & 0xff;
    }

    private long uint32() throws IOException {
        return byte1() | (long) byte1() << 8 | (long) byte1() << 16 | (long) byte1() << 24;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) byte1();
    }

    private void skipZeroTerminated() throws IOException {
        while (byte1() != 0) { /* a file name or comment */ }
    }

    /** Counts and discards the rest of the input. */
    private long drain() throws IOException {
        long n = limit - pos;
        pos = limit;
        byte[] scratch = new byte[BUFFER];
        int r;
        while ((r = in.read(scratch)) >= 0) n += r;
        return n;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
