import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A second floor for the whole-process benchmark (summary-vs-go.sh), between the newline counter
 * and gcscope: a JVM that reads a gctrace log through a 256 KiB buffer, splits its lines, parses
 * the fields of each gc line by hand (no regex, no objects per line) and prints the figures that
 * gctrace-regexp prints, computed as it computes them: cycles, forced, runs, STW p50/p90/p99/p99.9
 * (R-7) and max, heap peak, gc cpu. It keeps one double per cycle and sorts them once.
 *
 * <p>It is what the cheapest Java reader of the same figures costs, so gcscope's time over it is
 * the price of what gcscope adds (every column kept, the issues and notes, the intervals, the
 * regimes), and its time over the newline counter is the price of parsing at all. It reads only
 * what the benchmark input holds, the gc line of Go 1.5 and later as shared/formats.md §1.9
 * writes it, and skips any other line; it is a measuring stick, not a parser.
 *
 * <p>With THREADS above 1 it cuts the file into that many parts at line starts and reads them at
 * once, each part as if it were the whole file; {@link #append} then corrects what only a part's
 * first cycle could not know (whether it continues the run before it, repeats its last line, or
 * follows a "GC forced" line), so the figures are the serial ones. That measures the floor on
 * every core, which issue 14 asks gcscope to use.
 *
 * <pre>  javac -d OUT PlainSummary.java &amp;&amp; java -cp OUT PlainSummary FILE [THREADS]</pre>
 */
public final class PlainSummary {
    private static final byte[] FORCED_LINE = "GC forced".getBytes();

    private double[] stw = new double[1 << 16];
    private int stwCount;
    private int cycles;
    private int forced;
    private int runs;
    private double heapPeak = Double.NaN;
    private double weighted;
    private double weight;
    private boolean periodicNext;
    private long lastGc = Long.MAX_VALUE;
    private double lastStart = -1;
    private int lastPct;
    private double lastRunStart;

    // What append needs of a part read on its own: its first cycle (which it took to start a run,
    // repeat nothing and follow no "GC forced" line of an earlier part) and its last run's share
    // of the gc cpu average.
    private long firstGc;
    private double firstStart;
    private boolean firstForced;
    private boolean firstStw;
    private double firstHeap = Double.NaN;
    private double lastRunWeighted;
    private double lastRunWeight;

    // The fields of the line being parsed; pos is the parse position within it.
    private int pos;
    private final double[] clock = new double[8];

    private PlainSummary() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        long[] cuts = cuts(file, threads);
        PlainSummary[] parts = new PlainSummary[cuts.length - 1];
        Thread[] readers = new Thread[parts.length];
        IOException[] failed = new IOException[1];
        for (int i = 0; i < parts.length; i++) {
            PlainSummary part = parts[i] = new PlainSummary();
            long from = cuts[i], to = cuts[i + 1];
            readers[i] = new Thread(() -> {
                try {
                    part.read(file, from, to);
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            readers[i].start();
        }
        for (Thread reader : readers) reader.join();
        if (failed[0] != null) throw failed[0];
        PlainSummary s = parts[0];
        s.heapPeak = max(s.heapPeak, s.firstHeap);
        for (int i = 1; i < parts.length; i++) s.append(parts[i]);
        s.print(args[0]);
    }

    /** Offsets that cut FILE into at most {@code parts} parts, each cut just after a newline. */
    private static long[] cuts(Path file, int parts) throws IOException {
        long size = Files.size(file);
        long[] cuts = new long[parts + 1];
        int n = 1;
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer look = ByteBuffer.allocate(64 * 1024);
            for (int i = 1; i < parts; i++) {
                long at = Math.max(size * i / parts, cuts[n - 1]);
                look.clear();
                int got = Math.max(ch.read(look, at), 0);
                int k = 0;
                while (k < got && look.get(k) != '\n') k++;
                if (k == got) break; // no newline near: the rest stays one part
                cuts[n++] = at + k + 1;
            }
        }
        cuts[n] = size;
        return Arrays.copyOf(cuts, n + 1);
    }

    private void read(Path file, long from, long to) throws IOException {
        byte[] buf = new byte[256 * 1024];
        int kept = 0;
        try (FileChannel in = FileChannel.open(file)) {
            ByteBuffer window = ByteBuffer.wrap(buf);
            long at = from;
            for (int n; at < to && (n = in.read(window.limit((int) Math.min(buf.length, kept + to - at)).position(kept), at)) > 0;) {
                at += n;
                int end = kept + n;
                int start = 0;
                for (int i = kept; i < end; i++) {
                    if (buf[i] == '\n') {
                        line(buf, start, i);
                        start = i + 1;
                    }
                }
                kept = end - start;
                if (kept == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                    window = ByteBuffer.wrap(buf);
                }
                System.arraycopy(buf, start, buf, 0, kept);
            }
        }
        if (kept > 0) line(buf, 0, kept);
        endRun();
    }

    /**
     * Adds the part read after this one, as if this had read on into it. Only the part's first
     * cycle was read without knowing what came before, so only it is put right: as the serial
     * read would, it is dropped as a log shipper's retry of this part's last line, or continues
     * its run, or counts as forced after a "GC forced" line this part ended with.
     */
    private void append(PlainSummary next) {
        if (next.cycles == 0) {
            periodicNext |= next.periodicNext;
            return;
        }
        if (cycles == 0) {
            boolean periodic = periodicNext;
            copy(next);
            if (periodic && !firstForced) forced++;
            return;
        }
        boolean retry = next.firstGc == lastGc && next.firstStart == lastStart;
        boolean sameRun = retry || next.firstGc > lastGc;
        if (sameRun) {
            // the run this part ended with goes on: its share of the average is the next part's
            weighted -= lastRunWeighted;
            weight -= lastRunWeight;
            runs--;
        }
        if (retry) {
            cycles--;
            if (next.firstForced) forced--;
            if (next.firstStw) next.stw[0] = Double.NaN; // sorted last, then cut off below
        } else {
            if (periodicNext && !next.firstForced) forced++;
            heapPeak = max(heapPeak, next.firstHeap);
        }
        heapPeak = max(heapPeak, next.heapPeak);
        stw = Arrays.copyOf(stw, stwCount + next.stwCount);
        System.arraycopy(next.stw, 0, stw, stwCount, next.stwCount);
        stwCount += next.stwCount;
        if (retry && next.firstStw) {
            Arrays.sort(stw, 0, stwCount); // NaN sorts after every number
            stwCount--;
        }
        cycles += next.cycles;
        forced += next.forced;
        runs += next.runs;
        weighted += next.weighted;
        weight += next.weight;
        periodicNext = next.periodicNext;
        lastGc = next.lastGc;
        lastStart = next.lastStart;
        lastRunWeighted = next.lastRunWeighted;
        lastRunWeight = next.lastRunWeight;
    }

    private void copy(PlainSummary o) {
        stw = o.stw;
        stwCount = o.stwCount;
        cycles = o.cycles;
        forced = o.forced;
        runs = o.runs;
        heapPeak = max(o.heapPeak, o.firstHeap);
        weighted = o.weighted;
        weight = o.weight;
        periodicNext = o.periodicNext;
        lastGc = o.lastGc;
        lastStart = o.lastStart;
        firstForced = o.firstForced;
        lastRunWeighted = o.lastRunWeighted;
        lastRunWeight = o.lastRunWeight;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }

    private void line(byte[] b, int from, int to) {
        if (to > from && b[to - 1] == '\r') to--;
        if (Arrays.equals(b, from, to, FORCED_LINE, 0, FORCED_LINE.length)) {
            periodicNext = true; // the 2-minute periodic GC announces its gc line
            return;
        }
        if (to - from < 3 || b[from] != 'g' || b[from + 1] != 'c' || b[from + 2] != ' ') return;
        pos = from + 3;
        long gc = digits(b, to);
        if (gc < 0 || !skip(b, to, " @")) return;
        double startS = decimal(b, to);
        if (startS < 0 || !skip(b, to, "s ")) return;
        long pct = digits(b, to);
        if (pct < 0 || !skip(b, to, "%")) return;
        while (pos < to && b[pos] != ':') pos++; // "(checking for goroutine leaks)"
        if (!skip(b, to, ": ")) return;
        int phases = 0;
        do {
            double v = decimal(b, to);
            if (v < 0 || phases == clock.length) return;
            clock[phases++] = v;
        } while (skip(b, to, "+"));
        if (!skip(b, to, " ms clock, ")) return;
        while (pos < to && b[pos] != ' ') pos++; // the cpu times: not in the figures
        if (!skip(b, to, " ms cpu, ")) return;
        long heapStart = digits(b, to);
        if (heapStart < 0 || !skip(b, to, "->")) return;
        long heapEnd = digits(b, to);
        if (heapEnd < 0 || !skip(b, to, "->") || digits(b, to) < 0 || !skip(b, to, " MB, ")
                || digits(b, to) < 0 || !skip(b, to, " MB goal, ") || digits(b, to) < 0) return;
        if (skip(b, to, " MB stacks, ") && (digits(b, to) < 0 || !skip(b, to, " MB globals, ") || digits(b, to) < 0)) return;
        if (!skip(b, to, " P")) return;
        boolean isForced = skip(b, to, " (forced)");
        if (pos != to) return; // the rest of the line is not a gc line's: a line cut by another
        cycle(gc, startS, (int) pct, phases, heapStart, heapEnd, isForced);
    }

    private void cycle(long gc, double startS, int pct, int phases, long heapStart, long heapEnd, boolean isForced) {
        boolean periodic = periodicNext;
        periodicNext = false;
        if (gc == lastGc && startS == lastStart && cycles > 0) return; // a log shipper's retry
        if (gc <= lastGc) {
            if (cycles > 0) endRun();
            runs++;
        }
        lastGc = gc;
        lastStart = startS;
        lastPct = pct;
        lastRunStart = startS;
        boolean first = cycles++ == 0;
        if (isForced || periodic) forced++;
        double sum;
        if (phases == 5) sum = clock[0] + clock[2] + clock[4];
        else if (phases == 3 || phases == 4) sum = clock[0] + clock[phases - 1];
        else sum = Double.NaN;
        if (!Double.isNaN(sum)) {
            if (stwCount == stw.length) stw = Arrays.copyOf(stw, stw.length * 2);
            stw[stwCount++] = Math.round(sum * 1000) / 1000.0;
        }
        if (first) {
            firstGc = gc;
            firstStart = startS;
            firstForced = isForced || periodic;
            firstStw = !Double.isNaN(sum);
            firstHeap = Math.max(heapStart, heapEnd);
        } else {
            heapPeak = max(heapPeak, Math.max(heapStart, heapEnd));
        }
    }

    /** The run's last percent, weighted by its last time, as gctrace-regexp's summarize. */
    private void endRun() {
        if (cycles == 0) return;
        double w = Math.max(lastRunStart, 1e-3);
        lastRunWeighted = lastPct * w;
        lastRunWeight = w;
        weighted += lastRunWeighted;
        weight += w;
    }

    private boolean skip(byte[] b, int to, String literal) {
        int n = literal.length();
        if (to - pos < n) return false;
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != literal.charAt(i)) return false;
        }
        pos += n;
        return true;
    }

    /** A run of digits, or -1. */
    private long digits(byte[] b, int to) {
        int start = pos;
        long v = 0;
        while (pos < to && b[pos] >= '0' && b[pos] <= '9' && pos - start < 18) v = v * 10 + (b[pos++] - '0');
        return pos == start ? -1 : v;
    }

    /**
     * digits[.digits] as the nearest double, or -1: the digits as a long over a power of ten,
     * both exact, so the one division rounds correctly, as Double.parseDouble would.
     */
    private double decimal(byte[] b, int to) {
        int start = pos;
        long v = 0;
        int scale = 0;
        boolean point = false;
        while (pos < to && pos - start < 17) {
            byte c = b[pos];
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                if (point) scale++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
            pos++;
        }
        if (pos == start || b[pos - 1] == '.') return -1;
        return scale == 0 ? v : v / POWERS[scale];
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
            1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};

    private void print(String name) {
        double[] sorted = Arrays.copyOf(stw, stwCount);
        Arrays.sort(sorted);
        StringBuilder out = new StringBuilder(name).append('\n');
        row(out, "cycles", Integer.toString(cycles));
        row(out, "forced", forced + "  (runtime.GC() and the 2-minute periodic GC)");
        row(out, "runs", runs + (runs > 1 ? "  (the gc number restarted: the process restarted)" : ""));
        if (stwCount == 0) {
            row(out, "stw pause", "n/a (no cycle with pause times)");
        } else {
            row(out, "stw pause p50", rounded(r7(sorted, 50), 3) + " ms");
            row(out, "          p90", rounded(r7(sorted, 90), 3) + " ms");
            row(out, "          p99", rounded(r7(sorted, 99), 3) + " ms");
            row(out, "          p99.9", rounded(r7(sorted, 99.9), 3) + " ms");
            row(out, "          max", rounded(sorted[stwCount - 1], 3) + " ms");
        }
        row(out, "heap peak", Double.isNaN(heapPeak) ? "n/a" : rounded(heapPeak, 0) + " MB");
        row(out, "gc cpu", weight > 0 ? rounded(weighted / weight, 1) + " %  (since program start, as Go reports it)" : "n/a");
        System.out.print(out);
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append("  ").append(String.format("%-16s", label)).append(value).append('\n');
    }

    /** R-7 as commons-math3 3.6.1's Percentile computes it, as gctrace-regexp's r7. */
    private static double r7(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 1) return sorted[0];
        double pos = 1 + (n - 1) * (p / 100);
        double fpos = Math.floor(pos);
        double dif = pos - fpos;
        if (pos < 1) return sorted[0];
        if (pos >= n) return sorted[n - 1];
        double lower = sorted[(int) fpos - 1];
        double upper = sorted[(int) fpos];
        return lower + dif * (upper - lower);
    }

    /** Half-even to at most {@code decimals} places, trailing zeros dropped, as gctrace-regexp's rounded. */
    private static String rounded(double v, int decimals) {
        String s = new BigDecimal(Double.toString(v)).setScale(decimals, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
