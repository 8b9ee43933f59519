package dev.gcscope.samples.bench;

import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Writes a big gctrace input for benchmarks out of REAL lines from the bundled recordings; nothing in
 * a line is invented. Inputs are generated, never committed:
 * <pre>
 * mvn -q -pl sample-traces test-compile
 * java -cp sample-traces/target/classes:sample-traces/target/test-classes dev.gcscope.samples.bench.BenchInputGenerator --out /tmp/gc-1m.log
 * </pre>
 *
 * <p>What it does:
 * <ul>
 *   <li>Sources: by default every plain {@code phases} recording in {@code index.tsv} (features
 *       {@code phases,forced}, maybe {@code split-lines}, and nothing else: no log-system prefixes, no
 *       CRLF, no gzip, no restart) of Go 1.18 or later, oldest release first, so every gc line has the
 *       1.18+ layout with {@code MB stacks}/{@code MB globals}.
 *       {@code --go 1.24} keeps one release; {@code --source PATH} (repeatable) names samples by their
 *       index path ({@code gctrace/go1.24-phases-pacer-scav.log}) or any file.</li>
 *   <li>Mode: <b>{@code --gc-only} is the default</b>: only complete gc lines are taken, so
 *       {@code --lines N} gives exactly N lines and N GC cycles (the default 1,000,000 lines is the
 *       "1,000,000-cycle benchmark input"). {@code --all-lines} takes every line of the sources in
 *       their natural order and proportion (phase/app log lines, {@code GC forced}, scvg/scav/pacer
 *       lines, gc lines split by other output), so N lines then hold fewer than N cycles.</li>
 *   <li>The sources are replayed in order, again and again, as ONE long process: the k-th gc line
 *       written becomes {@code gc k}, and {@code @T.TTTs} is shifted so times never go back — each
 *       replay (and each restart inside a source) continues from the last time written, adding the
 *       source's own time since its process start. Only those two numbers change; the rest of each
 *       line (prefix, every other field, {@code (forced)}, a CR before the LF) is copied
 *       byte-for-byte. Numbers inside non-gc lines (phase {@code t=}, {@code scvgN}) and wall-clock
 *       prefixes are not touched, so with prefixed sources the wall clock repeats per replay; nor is a
 *       gc line that other output split before its {@code @T.TTTs} ({@code gc 1112026/11/27 ... request ...}
 *       in the app-log recordings), which {@code --all-lines} copies with its original number.</li>
 *   <li>Exactly N lines, each ended by LF; the last replay stops wherever N is reached. The file is
 *       written next to {@code --out} and moved into place when complete, so a file that exists is
 *       always whole.</li>
 * </ul>
 * The output of one set of options is the same on every run as long as the recordings are unchanged.
 */
public final class BenchInputGenerator {
    public static final long DEFAULT_LINES = 1_000_000;
    /** First gctrace layout of {@code MB stacks, MB globals}, the one the fast parser path expects. */
    private static final int MIN_MINOR = 18;
    /** Features of a plain recording: stderr as the runtime wrote it (split gc lines included, never taken whole). */
    private static final Set<String> PLAIN_FEATURES = Set.of("phases", "forced", "split-lines");

    private BenchInputGenerator() {}

    /**
     * @param lines lines to write
     * @param sources sample paths (as in index.tsv) or file paths; empty means the default recordings
     * @param goVersion keep only default recordings of this Go release prefix, e.g. {@code 1.24}; empty for all
     * @param gcOnly only complete gc lines (one cycle per line) instead of every line
     */
    public record Options(long lines, List<String> sources, String goVersion, boolean gcOnly) {
        public Options {
            if (lines < 0) throw new IllegalArgumentException("lines must be >= 0, not " + lines);
            sources = List.copyOf(sources);
        }

        /** 1,000,000 gc lines (= cycles) from every plain phases recording of Go 1.18+. */
        public static Options defaults() {
            return new Options(DEFAULT_LINES, List.of(), "", true);
        }

        public Options withLines(long n) {
            return new Options(n, sources, goVersion, gcOnly);
        }
    }

    /** What was written: lines, gc lines (cycles), bytes, and the source names used. */
    public record Result(long lines, long gcLines, long bytes, List<String> sources) {}

    public static void main(String[] args) {
        Options o = Options.defaults();
        Path out = null;
        List<String> sources = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--lines" -> o = o.withLines(parseCount(value(args, ++i, a)));
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--source" -> sources.add(value(args, ++i, a));
                    case "--go" -> o = new Options(o.lines(), o.sources(), value(args, ++i, a), o.gcOnly());
                    case "--gc-only" -> o = new Options(o.lines(), o.sources(), o.goVersion(), true);
                    case "--all-lines" -> o = new Options(o.lines(), o.sources(), o.goVersion(), false);
                    case "-h", "--help" -> {
                        System.err.println(usage());
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (out == null) throw new IllegalArgumentException("--out FILE is required");
            o = new Options(o.lines(), sources, o.goVersion(), o.gcOnly());
        } catch (IllegalArgumentException e) {
            System.err.println("BenchInputGenerator: " + e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        try {
            Result r = generate(out, o);
            System.err.printf(Locale.ROOT, "wrote %,d lines (%,d gc lines), %,d bytes to %s from %s%n",
                    r.lines(), r.gcLines(), r.bytes(), out, String.join(", ", r.sources()));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("BenchInputGenerator: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String usage() {
        return "usage: BenchInputGenerator --out FILE [--lines N (default 1000000)] [--gc-only (default) | --all-lines]\n"
                + "                           [--go 1.24] [--source SAMPLE_PATH_OR_FILE ...]";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static long parseCount(String s) {
        try {
            return Long.parseLong(s.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a line count: " + s);
        }
    }

    /** Writes the input to {@code out} (replacing it) and says what it wrote. */
    public static Result generate(Path out, Options o) throws IOException {
        List<Source> sources = loadSources(o);
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = out.resolveSibling(out.getFileName() + ".part-" + ProcessHandle.current().pid());
        long lines = 0, gcLines = 0;
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            Renumberer renumber = new Renumberer();
            while (lines < o.lines()) {
                for (Source s : sources) {
                    renumber.sourceStarts();
                    for (Line l : s.lines) {
                        if (lines == o.lines()) break;
                        if (l.isGcHead()) {
                            renumber.write(w, l);
                            gcLines++;
                        } else {
                            w.write(l.bytes);
                        }
                        w.write('\n');
                        lines++;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(lines, gcLines, Files.size(out), sources.stream().map(s -> s.name).toList());
    }

    /** Turns the {@code gc N @T.TTTs} of each gc line into the next number and a time that never goes back. */
    private static final class Renumberer {
        private final byte[] digits = new byte[20];
        private long gc;
        private long offsetMillis;
        private long lastMillis;
        private long lastSourceMillis = -1;
        private boolean rebase;

        void sourceStarts() {
            rebase = gc > 0;
        }

        void write(OutputStream w, Line l) throws IOException {
            if (rebase || l.millis < lastSourceMillis) offsetMillis = lastMillis;
            rebase = false;
            lastSourceMillis = l.millis;
            long t = l.millis + offsetMillis;
            lastMillis = t;
            byte[] b = l.bytes;
            w.write(b, 0, l.numStart);
            writeNumber(w, ++gc);
            w.write(b, l.numEnd, l.timeStart - l.numEnd);
            writeNumber(w, t / 1000);
            w.write('.');
            int frac = (int) (t % 1000);
            w.write('0' + frac / 100);
            w.write('0' + frac / 10 % 10);
            w.write('0' + frac % 10);
            w.write(b, l.timeEnd, b.length - l.timeEnd);
        }

        private void writeNumber(OutputStream w, long v) throws IOException {
            int i = digits.length;
            do {
                digits[--i] = (byte) ('0' + v % 10);
                v /= 10;
            } while (v > 0);
            w.write(digits, i, digits.length - i);
        }
    }

    private record Source(String name, List<Line> lines) {}

    /**
     * One source line without its LF. For a gc line, {@code [numStart, numEnd)} is the N of
     * {@code gc N} and {@code [timeStart, timeEnd)} the {@code T.TTT} of {@code @T.TTTs}.
     */
    private record Line(byte[] bytes, int numStart, int numEnd, int timeStart, int timeEnd, long millis) {
        boolean isGcHead() {
            return numStart >= 0;
        }
    }

    private static List<Source> loadSources(Options o) throws IOException {
        List<Source> out = new ArrayList<>();
        if (o.sources().isEmpty()) {
            for (Sample s : defaultSamples(o.goVersion())) out.add(source(s.path(), read(s.path()), o.gcOnly()));
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no plain phases recording of Go 1." + MIN_MINOR + "+"
                        + (o.goVersion().isEmpty() ? "" : " matching Go " + o.goVersion()) + " in the sample index");
            }
        } else {
            for (String name : o.sources()) out.add(source(name, read(name), o.gcOnly()));
        }
        for (Source s : out) {
            if (s.lines.isEmpty() || s.lines.stream().noneMatch(Line::isGcHead)) {
                throw new IllegalArgumentException(s.name + " has no gc lines to take");
            }
        }
        return out;
    }

    /** Plain phases recordings (no prefixes, CRLF, gzip or restart) of Go 1.18+, oldest release first. */
    static List<Sample> defaultSamples(String goVersion) {
        return SampleTraces.ofFormat("gctrace").stream()
                .filter(s -> s.has("phases") && PLAIN_FEATURES.containsAll(s.features()))
                .filter(s -> minor(s.goVersion()) >= MIN_MINOR)
                .filter(s -> goVersion.isEmpty() || s.goVersion().equals(goVersion) || s.goVersion().startsWith(goVersion + "."))
                .sorted((a, b) -> Integer.compare(minor(a.goVersion()), minor(b.goVersion())))
                .toList();
    }

    private static int minor(String goVersion) {
        String[] p = goVersion.split("[.-]");
        try {
            return p.length > 1 && p[0].equals("1") ? Integer.parseInt(p[1].replaceAll("\\D.*", "")) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] read(String name) throws IOException {
        byte[] raw;
        boolean bundled = SampleTraces.all().stream().anyMatch(s -> s.path().equals(name));
        if (bundled) {
            raw = SampleTraces.get(name).bytes();
        } else {
            Path p = Path.of(name);
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException(name + ": neither a bundled sample nor a file");
            raw = Files.readAllBytes(p);
        }
        if (raw.length > 1 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }

    private static Source source(String name, byte[] b, boolean gcOnly) {
        List<Line> lines = new ArrayList<>();
        int s = 0;
        while (s < b.length) {
            int e = s;
            while (e < b.length && b[e] != '\n') e++;
            Line l = line(Arrays.copyOfRange(b, s, e));
            if (!gcOnly || (l.isGcHead() && isComplete(l.bytes))) lines.add(l);
            s = e + 1;
        }
        return new Source(name, lines);
    }

    /**
     * Finds {@code gc N @T.TTTs} at the start of a word, as every Go 1.5+ gc line begins:
     * {@code gc 12 @3.456s 4%: ...}; lines without it are copied as they are.
     */
    private static Line line(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] != 'g' || b[i + 1] != 'c' || b[i + 2] != ' ') continue;
            if (i > 0 && b[i - 1] != ' ' && b[i - 1] != '\t') continue;
            int numStart = i + 3, p = numStart;
            while (p < b.length && isDigit(b[p])) p++;
            int numEnd = p;
            if (numEnd == numStart || p + 1 >= b.length || b[p] != ' ' || b[p + 1] != '@') continue;
            int timeStart = p + 2;
            p = timeStart;
            long secs = 0;
            while (p < b.length && isDigit(b[p]) && p - timeStart < 12) secs = secs * 10 + (b[p++] - '0');
            if (p == timeStart || p + 4 >= b.length || b[p] != '.' || !isDigit(b[p + 1]) || !isDigit(b[p + 2])
                    || !isDigit(b[p + 3]) || b[p + 4] != 's') {
                continue;
            }
            long millis = secs * 1000 + (b[p + 1] - '0') * 100 + (b[p + 2] - '0') * 10 + (b[p + 3] - '0');
            return new Line(b, numStart, numEnd, timeStart, p + 4, millis);
        }
        return new Line(b, -1, -1, -1, -1, -1);
    }

    /** A whole gc line ends with its P count, maybe {@code (forced)}, maybe a CR. */
    private static boolean isComplete(byte[] b) {
        int e = b.length;
        if (e > 0 && b[e - 1] == '\r') e--;
        String tail = new String(b, Math.max(0, e - 12), Math.min(e, 12), StandardCharsets.ISO_8859_1);
        return tail.endsWith(" P") || tail.endsWith(" P (forced)");
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
