package dev.gcscope.parsers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A regular file read as it grows, as {@code tail -F} reads it, across the two ways log rotation
 * replaces it:
 * <ul>
 *   <li>renamed away and a new file created at the path (logrotate's default, most loggers): the
 *       open file is read to its end, then the file now at the path from its start;</li>
 *   <li>copied and truncated in place ({@code copytruncate}, for programs that never reopen their
 *       log): the file is read again from its start. A file that was truncated and has grown past
 *       where it was read before the next look is caught too: the last bytes read are compared
 *       with what is now at their place whenever a read resumes after the end was reached.</li>
 * </ul>
 * Hand-written: commons-io's {@code Tailer} reads lines as Strings in a charset (this pipeline
 * reads bytes, gzip and UTF-16 included), starts a thread of its own, and only tells a truncation
 * when the file got shorter.
 */
final class FollowedFile extends FollowedSource.LiveInput {
    /** Bytes kept from the end of what was read, to recognise the file when reading resumes. */
    private static final int TAIL = 256;

    private final String name;
    private final Path path;
    private final Consumer<String> notices;
    private FileChannel channel;
    private Object identity;
    private long position;
    private long total;
    private final byte[] tail = new byte[TAIL];
    private int tailLength;
    private boolean atEnd;
    private boolean newFileSeen;
    private volatile boolean finishing;
    private volatile boolean stopped;
    private volatile boolean caughtUp;
    private volatile int rotations;
    private final Object wake = new Object();

    FollowedFile(String name, Path path, Consumer<String> notices) throws IOException {
        this.name = name;
        this.path = path;
        this.notices = notices;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.identity = identity(path);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            if (stopped) return -1;
            if (atEnd && rewritten()) {
                restart("was truncated and written again (copytruncate); reading it from its start");
            }
            int n = channel.read(ByteBuffer.wrap(b, off, len));
            if (n > 0) {
                atEnd = false;
                caughtUp = false;
                position += n;
                total += n;
                keepTail(b, off, n);
                return n;
            }
            atEnd = true;
            Object now = identity(path);
            if (now != null && !Objects.equals(now, identity)) {
                // Once more to the old file's end first: its writer may have written after that read.
                if (newFileSeen) {
                    newFileSeen = false;
                    switchTo(now);
                } else {
                    newFileSeen = true;
                }
                continue;
            }
            if (channel.size() < position) {
                restart("was truncated (copytruncate); reading it from its start");
                continue;
            }
            caughtUp = true;
            if (finishing) return -1;
            waiting();
            pause();
        }
    }

    /** Whether the bytes last read are no longer where they were: the file was truncated and has grown again. */
    private boolean rewritten() throws IOException {
        if (tailLength == 0 || channel.size() < position) return false;
        ByteBuffer now = ByteBuffer.allocate(tailLength);
        long at = position - tailLength;
        while (now.hasRemaining()) {
            int n = channel.read(now, at + now.position());
            if (n < 0) return true;
        }
        return !Arrays.equals(now.array(), 0, tailLength, tail, 0, tailLength);
    }

    private void keepTail(byte[] b, int off, int n) {
        if (n >= TAIL) {
            System.arraycopy(b, off + n - TAIL, tail, 0, TAIL);
            tailLength = TAIL;
            return;
        }
        int keep = Math.min(tailLength, TAIL - n);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        System.arraycopy(b, off, tail, keep, n);
        tailLength = keep + n;
    }

    private void restart(String what) throws IOException {
        channel.position(0);
        position = 0;
        tailLength = 0;
        atEnd = false;
        rotations++;
        notices.accept(name + ": " + what);
    }

    /** The old file has been read to its end (the writer has moved on): the new one from its start. */
    private void switchTo(Object newIdentity) throws IOException {
        FileChannel next;
        try {
            next = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return; // renamed away again meanwhile: the next look finds the one after
        }
        channel.close();
        channel = next;
        identity = newIdentity;
        position = 0;
        tailLength = 0;
        atEnd = false;
        rotations++;
        notices.accept(name + ": was rotated (a new file is at its path); reading the new file from its start");
    }

    /** The file's identity (inode and device where the platform has them), or null when the path is gone. */
    private static Object identity(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    private void pause() throws IOException {
        synchronized (wake) {
            if (stopped || finishing) return;
            try {
                wake.wait(FollowedSource.POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(name + ": interrupted while following");
            }
        }
    }

    @Override
    void finish() {
        finishing = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    void stop() {
        stopped = true;
        finish();
    }

    @Override
    long bytesRead() {
        return total;
    }

    @Override
    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    int rotations() {
        return rotations;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
