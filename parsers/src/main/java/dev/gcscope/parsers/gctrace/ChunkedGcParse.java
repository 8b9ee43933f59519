package dev.gcscope.parsers.gctrace;

import dev.gcscope.parsers.ParseCancelledException;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.io.LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * A large plain gctrace file parsed on every core, with exactly the serial parse's result.
 *
 * <p>The file is cut into chunks of {@link Settings#chunkBytes} at line starts (after an LF: a chunk
 * owns the lines that start in it, so a CRLF is never cut). Worker threads read their chunk with
 * positional reads, split it into lines with the same {@link LineReader} and read every line that
 * takes {@link FastGcLine}'s fast path into a {@link Chunk}: that is nearly all of the work. The
 * calling thread then hands the chunks' lines, in file order, to the one {@link GcTraceRun}, as the
 * serial reader would: a fast line's fields go in without being read again, every other line (side
 * lines, split and damaged gc lines, over-long lines) goes in as its bytes. So runs and restarts,
 * lines split across chunk borders, duplicates, line numbers and issues are those of the serial
 * parse by construction, and the order-dependent part is the cheap part.
 *
 * <p>A line running on more than {@link #MAX_RUN_ON} bytes past its chunk (a file without LFs)
 * makes the whole parse serial instead: the caller starts again from the stream, untouched so far.
 */
final class ChunkedGcParse {
    /** How far a chunk's last line may run on past the chunk before the parse goes serial. */
    static final int MAX_RUN_ON = 2 * LineReader.MAX_LINE_BYTES + 2;
    private static final int FIRST_SCAN_BYTES = 4 * 1024;
    private static final int SCAN_BYTES = 64 * 1024;
    private static final long MIN_SPLIT_BYTES = 8L << 20;
    private static final long TWO_CORE_MIN_SPLIT_BYTES = 512L << 20;
    private static final int CHUNK_BYTES = 4 << 20;

    /**
     * When to split and how.
     *
     * @param minBytes files smaller than this are parsed serially (splitting costs more than it saves)
     * @param chunkBytes bytes per chunk
     * @param threads worker threads; 1 or less means serial
     * @param split told the number of chunks of each parse that was split (tests check that it was)
     */
    record Settings(long minBytes, int chunkBytes, int threads, LongConsumer split) {
        /**
         * 4 MiB chunks; on 3 or more cores one worker per core for files of 8 MB or more; on 2 cores
         * both, for files of 512 MiB or more, and only when the JIT compiles with C1 alone (as the
         * installed command does); serial otherwise. {@code -Dgcscope.parse.threads=N} sets the
         * workers whatever the cores, for files of 8 MB or more (1: every parse serial).
         */
        static Settings defaults() {
            Integer forced = Integer.getInteger("gcscope.parse.threads");
            if (forced != null) return new Settings(MIN_SPLIT_BYTES, CHUNK_BYTES, forced, n -> {});
            int cores = Runtime.getRuntime().availableProcessors();
            // HotSpot calls its C1-only mode "emulated-client" in java.vm.info (as java -version
            // prints it); the installed runtime has no java.management to ask for the flag itself.
            boolean c1Only = System.getProperty("java.vm.info", "").contains("emulated-client");
            return new Settings(defaultMinBytes(cores, c1Only), CHUNK_BYTES, defaultThreads(cores, c1Only), n -> {});
        }

        /**
         * Workers for {@code cores} cores. With C2 on 2 cores the split parse lost to the serial one
         * (whole-process summary, idle: 1.15x as long at 1 M and 2 M cycles, 0.99-1.08x at 4 M and
         * 0.86-0.99x at 15 M): in a fresh process the compiler threads need those cores while the parse
         * runs, and the workers take them from it. With C1 alone the compiler's share is small.
         */
        static int defaultThreads(int cores, boolean c1Only) {
            if (cores >= 3) return cores;
            return cores == 2 && c1Only ? 2 : 1;
        }

        /**
         * The smallest file to split. On 2 cores with C1 alone the split parse's whole-process summary
         * took 0.77-0.95x the serial one's time at 550 MB (4 M cycles) and 0.66-0.94x at 2 GB, but
         * 0.92-1.05x at 136 MB and 0.89-1.03x at 274 MB (medians of 3-7 runs, idle): the second
         * worker pays off only once the file is large.
         */
        static long defaultMinBytes(int cores, boolean c1Only) {
            return cores == 2 && c1Only ? TWO_CORE_MIN_SPLIT_BYTES : MIN_SPLIT_BYTES;
        }

        boolean splits(long size) {
            return threads > 1 && size >= minBytes && size > chunkBytes;
        }
    }

    private ChunkedGcParse() {}

    /**
     * Parses {@code file} into {@code run}.
     *
     * @return the number of lines, or -1 when the file cannot be split (then {@code run} is spoiled
     *         and the caller parses the stream serially with a new one)
     */
    static long parse(FileChannel file, long size, String name, GcTraceRun run, ParseListener listener, Settings settings)
            throws IOException {
        int chunkBytes = settings.chunkBytes();
        long chunks = (size + chunkBytes - 1) / chunkBytes;
        int window = settings.threads() * 2;
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
        Deque<Future<Chunk>> pending = new ArrayDeque<>();
        // Replayed chunks go back to the workers: a few chunks' arrays serve the whole file.
        Queue<Chunk> free = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        long next = 0;
        long lines = 0;
        try {
            while (next < chunks && pending.size() < window) pending.add(submit(pool, file, size, next++, chunkBytes, stop, free));
            while (!pending.isEmpty()) {
                Chunk chunk = take(pending.poll());
                if (chunk.runsOn) return -1;
                chunk.replay(run, lines);
                lines += chunk.lines;
                if (chunk.end >= 0 && !listener.progress(chunk.end, size)) throw new ParseCancelledException(name);
                if (chunk != Chunk.EMPTY) free.add(chunk);
                if (next < chunks) pending.add(submit(pool, file, size, next++, chunkBytes, stop, free));
            }
            settings.split().accept(chunks);
            return lines;
        } finally {
            // Never interrupt a worker: an interrupted read closes the channel, which the serial
            // fallback still reads. Workers see the flag between reads and stop.
            stop.set(true);
            for (Future<Chunk> f : pending) f.cancel(false);
            pool.shutdown();
        }
    }

    private static Future<Chunk> submit(ExecutorService pool, FileChannel file, long size, long index, int chunkBytes,
                                        AtomicBoolean stop, Queue<Chunk> free) {
        return pool.submit(() -> {
            if (stop.get()) return Chunk.EMPTY;
            return read(file, size, index * chunkBytes, Math.min(size, (index + 1) * chunkBytes), free.poll());
        });
    }

    private static Chunk take(Future<Chunk> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while parsing", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        }
    }

    /**
     * The lines that start in {@code [from, to)}, up to the line start after {@code to}, into
     * {@code reuse} (a chunk already replayed) or a new chunk when it is null.
     */
    static Chunk read(FileChannel file, long size, long from, long to, Chunk reuse) throws IOException {
        long start = from == 0 ? 0 : lineStartIn(file, from - 1, to - 1);
        if (start < 0) return Chunk.EMPTY; // no line starts here: an earlier chunk's line covers it
        long end = size;
        if (to < size) {
            long limit = Math.min(size, to - 1 + MAX_RUN_ON);
            end = lineStartIn(file, to - 1, limit);
            if (end < 0) {
                if (limit < size) return Chunk.RUNS_ON;
                end = size;
            }
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, end - start);
        Chunk chunk = reuse == null ? new Chunk(end, capacity, false) : reuse.reuse(end, capacity);
        LineReader reader = new LineReader();
        if (chunk.readBuffer == null) chunk.readBuffer = reader.newBuffer();
        chunk.lines = reader.read(new Range(file, start, end), chunk, chunk.readBuffer).lines();
        return chunk;
    }

    /**
     * The position after the first LF in {@code [from, to)}, or -1. Reads 4 KiB first (a line end is
     * rarely further), then twice as much each time up to 64 KiB.
     */
    private static long lineStartIn(FileChannel file, long from, long to) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(FIRST_SCAN_BYTES);
        for (long at = from; at < to;) {
            if (!buf.hasRemaining() && buf.capacity() < SCAN_BYTES) buf = ByteBuffer.allocate(buf.capacity() * 2);
            buf.clear().limit((int) Math.min(buf.capacity(), to - at));
            int n = file.read(buf, at);
            if (n <= 0) return -1;
            byte[] b = buf.array();
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') return at + i + 1;
            }
            at += n;
        }
        return -1;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory plain = Executors.defaultThreadFactory();
        return r -> {
            Thread t = plain.newThread(r);
            t.setDaemon(true);
            t.setName("gcscope-parse-" + count.incrementAndGet());
            return t;
        };
    }

    /** {@code [start, end)} of a file through positional reads, which leave the channel's position alone. */
    private static final class Range extends InputStream {
        private final FileChannel file;
        private long at;
        private final long end;

        Range(FileChannel file, long start, long end) {
            this.file = file;
            this.at = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at >= end) return -1;
            int n = file.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - at)), at);
            if (n < 0) return -1;
            at += n;
            return n;
        }
    }

    /**
     * One chunk's lines, in order: every line's bytes (one array, so a side line costs no object)
     * and, for a line the fast path read, its fields.
     */
    static final class Chunk implements LineReader.Sink {
        static final Chunk EMPTY = new Chunk(-1, 0, false);
        static final Chunk RUNS_ON = new Chunk(-1, 0, true);
        private static final int CLOCK = 3;
        private static final int CPU = 5;
        private static final int HEAP = 4;

        long end;
        final boolean runsOn;
        long lines;
        /** The line reader's buffer, kept with the chunk: reused chunks read the next pieces without a new one. */
        byte[] readBuffer;
        private final GcLine line = new GcLine();
        private byte[] bytes;
        private int used;
        /** Per line: where its bytes start in {@link #bytes} (one more entry: the end), and its record or -1. */
        private int[] lineStart = new int[1024];
        private int[] record = new int[1024];
        private int count;
        /** Per over-long line (its bytes are its head): its index and full length. */
        private int[] overlongIndex = new int[0];
        private long[] overlongLength = new long[0];
        // The fast lines' fields, one entry per record (CLOCK, CPU, HEAP entries for the arrays so named).
        private int records;
        private int[] gc = new int[256];
        private long[] startMillis = new long[256];
        private int[] cpuPct = new int[256];
        private long[] clock = new long[256 * CLOCK];
        private long[] cpu = new long[256 * CPU];
        private int[] heap = new int[256 * HEAP];
        private int[] stacks = new int[256];
        private int[] globals = new int[256];
        private int[] procs = new int[256];
        private boolean[] forced = new boolean[256];

        private Chunk(long end, int capacity, boolean runsOn) {
            this.end = end;
            this.runsOn = runsOn;
            this.bytes = new byte[capacity];
        }

        /** This chunk emptied for another piece of the file. */
        Chunk reuse(long end, int capacity) {
            this.end = end;
            if (bytes.length < capacity) bytes = new byte[capacity];
            used = 0;
            count = 0;
            records = 0;
            lines = 0;
            overlongIndex = new int[0];
            overlongLength = new long[0];
            return this;
        }

        /**
         * A fast line's bytes are kept only where the run might still want them: after a line that
         * is not a fast line (a held, split gc line may be waiting for its continuation; a fast line
         * always ends that wait) or at the chunk's start, and when it repeats the previous fast line's
         * cycle (a duplicate is reported with its text). Elsewhere {@link GcTraceRun#takeFastLine}
         * takes it as it is, and copying every line would cost as much as reading it.
         */
        @Override
        public void line(byte[] b, int s, int e, long lineNo) {
            if (e - s > 3 && b[s] == 'g' && b[s + 1] == 'c' && b[s + 2] == ' ' && FastGcLine.parse(b, s, e, line)) {
                fastLine(b, s, e);
            } else {
                add(b, s, e, -1);
            }
        }

        /** As {@link GcTraceRun#lineAt}: the fast path finds the line's end as it reads it. */
        @Override
        public int lineAt(byte[] b, int s, int limit, long lineNo) {
            if (limit - s < GcTraceRun.WHOLE_LINE_SURELY || b[s] != 'g' || b[s + 1] != 'c' || b[s + 2] != ' ') return -1;
            int end = FastGcLine.parseLine(b, s, limit, line);
            if (end >= 0) fastLine(b, s, end);
            return end;
        }

        private void fastLine(byte[] b, int s, int e) {
            int rec = keep(line);
            boolean afterFast = count > 0 && record[count - 1] >= 0;
            boolean repeats = afterFast && gc[rec] == gc[record[count - 1]] && startMillis[rec] == startMillis[record[count - 1]];
            add(b, s, afterFast && !repeats ? s : e, rec);
        }

        @Override
        public void overlongLine(byte[] head, long lineNo, long length) {
            int n = overlongIndex.length;
            overlongIndex = Arrays.copyOf(overlongIndex, n + 1);
            overlongLength = Arrays.copyOf(overlongLength, n + 1);
            overlongIndex[n] = count;
            overlongLength[n] = length;
            add(head, 0, head.length, -1);
        }

        @Override
        public void damagedInput(long lineNo, String reason) {
            // Plain bytes have no damage to report: only decoding (gzip) finds any.
            throw new IllegalStateException("damage in a plain file: " + reason);
        }

        private void add(byte[] b, int s, int e, int rec) {
            if (count + 1 >= lineStart.length) {
                lineStart = Arrays.copyOf(lineStart, lineStart.length * 2);
                record = Arrays.copyOf(record, record.length * 2);
            }
            int n = e - s;
            if (used + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + n));
            System.arraycopy(b, s, bytes, used, n);
            lineStart[count] = used;
            record[count] = rec;
            used += n;
            count++;
            lineStart[count] = used;
        }

        private int keep(GcLine l) {
            int r = records;
            if (r == gc.length) growRecords();
            gc[r] = l.gc;
            startMillis[r] = l.startMillis;
            cpuPct[r] = l.cpuPct;
            System.arraycopy(l.clockMicros, 0, clock, r * CLOCK, CLOCK);
            System.arraycopy(l.cpuMicros, 0, cpu, r * CPU, CPU);
            heap[r * HEAP] = l.heapStartMb;
            heap[r * HEAP + 1] = l.heapEndMb;
            heap[r * HEAP + 2] = l.heapLiveMb;
            heap[r * HEAP + 3] = l.heapGoalMb;
            stacks[r] = l.stacksMb;
            globals[r] = l.globalsMb;
            procs[r] = l.procs;
            forced[r] = l.forced;
            records++;
            return r;
        }

        /** Puts record {@code r} into {@code out} as {@link FastGcLine} would have. */
        private void load(int r, GcLine out) {
            out.reset();
            out.gc = gc[r];
            out.startMillis = startMillis[r];
            out.cpuPct = cpuPct[r];
            out.clockCount = CLOCK;
            out.cpuCount = CPU;
            System.arraycopy(clock, r * CLOCK, out.clockMicros, 0, CLOCK);
            System.arraycopy(cpu, r * CPU, out.cpuMicros, 0, CPU);
            out.heapStartMb = heap[r * HEAP];
            out.heapEndMb = heap[r * HEAP + 1];
            out.heapLiveMb = heap[r * HEAP + 2];
            out.heapGoalMb = heap[r * HEAP + 3];
            out.stacksMb = stacks[r];
            out.globalsMb = globals[r];
            out.procs = procs[r];
            out.forced = forced[r];
        }

        private void growRecords() {
            int n = gc.length * 2;
            gc = Arrays.copyOf(gc, n);
            startMillis = Arrays.copyOf(startMillis, n);
            cpuPct = Arrays.copyOf(cpuPct, n);
            clock = Arrays.copyOf(clock, n * CLOCK);
            cpu = Arrays.copyOf(cpu, n * CPU);
            heap = Arrays.copyOf(heap, n * HEAP);
            stacks = Arrays.copyOf(stacks, n);
            globals = Arrays.copyOf(globals, n);
            procs = Arrays.copyOf(procs, n);
            forced = Arrays.copyOf(forced, n);
        }

        /** Hands the lines to {@code run} in order, numbered after the {@code before} lines of the chunks before. */
        void replay(GcTraceRun run, long before) {
            int over = 0;
            for (int i = 0; i < count; i++) {
                long lineNo = before + i + 1;
                int rec = record[i];
                int s = lineStart[i];
                int e = lineStart[i + 1];
                if (rec >= 0) {
                    load(rec, run.fastLine());
                    if (run.takeFastLine(lineNo)) continue;
                    // Kept by the rule in line(): a fast line's bytes are only wanted where they were kept.
                    if (s == e) throw new IllegalStateException("the bytes of line " + lineNo + " were not kept");
                }
                if (over < overlongIndex.length && overlongIndex[over] == i) {
                    run.overlongLine(Arrays.copyOfRange(bytes, s, e), lineNo, overlongLength[over++]);
                } else {
                    run.line(bytes, s, e, lineNo);
                }
            }
        }
    }
}
