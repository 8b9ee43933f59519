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
 * Writes a big {@code perf sched timehist} input for benchmarks out of REAL event rows of the bundled
 * recordings; nothing in a row is invented. Inputs are generated, never committed:
 * <pre>
 * mvn -q -pl sample-traces test-compile
 * java -cp sample-traces/target/classes:sample-traces/target/test-classes dev.gcscope.samples.bench.TimehistInputGenerator --out /tmp/timehist-1m.txt
 * </pre>
 *
 * <ul>
 *   <li>Sources: by default every recorded (not quoted) timehist sample in {@code index.tsv} with the
 *       default columns — features {@code phases}, maybe {@code quota} and {@code gzip}, nothing
 *       else — so every row has the layout plain {@code perf sched timehist} prints.
 *       {@code --all-options} takes every recording with event rows instead (-w, -M, -V, -n,
 *       --state, -I: awakened/migrated rows, CPU visual, next and state columns); {@code --source PATH}
 *       (repeatable) names samples by their index path or any file.</li>
 *   <li>The header of the first source (its three lines) is written once, then only event rows
 *       (a {@code sec.usec [cpu]} timestamp at the start): exactly {@code --events N} of them
 *       (default 1,000,000), each ended by LF.</li>
 *   <li>The sources are replayed in order, again and again, as one long recording: each row's
 *       timestamp is shifted so that times never go back (each replay continues from the last time
 *       written, plus its own time since its first row) and printed as perf prints it
 *       ({@code %15s} of {@code sec.usec}). Every other byte of a row is copied as it is.</li>
 *   <li>The file is written next to {@code --out} and moved into place when complete.</li>
 * </ul>
 * The output of one set of options is the same on every run as long as the recordings are unchanged.
 */
public final class TimehistInputGenerator {
    public static final long DEFAULT_EVENTS = 1_000_000;
    private static final String FORMAT = "perf-sched-timehist";
    private static final Set<String> DEFAULT_FEATURES = Set.of("phases", "quota", "gzip");
    private static final int TIME_WIDTH = 15;

    private TimehistInputGenerator() {}

    /**
     * @param events event rows to write
     * @param sources sample paths (as in index.tsv) or file paths; empty means the default recordings
     * @param allOptions use every recording with event rows, whatever options it was made with
     */
    public record Options(long events, List<String> sources, boolean allOptions) {
        public Options {
            if (events < 0) throw new IllegalArgumentException("events must be >= 0, not " + events);
            sources = List.copyOf(sources);
        }

        public static Options defaults() {
            return new Options(DEFAULT_EVENTS, List.of(), false);
        }

        public Options withEvents(long n) {
            return new Options(n, sources, allOptions);
        }
    }

    /** What was written: lines (header included), event rows, bytes, and the sources used. */
    public record Result(long lines, long events, long bytes, List<String> sources) {}

    public static void main(String[] args) {
        Options o = Options.defaults();
        Path out = null;
        List<String> sources = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--events" -> o = o.withEvents(parseCount(value(args, ++i, a)));
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--source" -> sources.add(value(args, ++i, a));
                    case "--all-options" -> o = new Options(o.events(), o.sources(), true);
                    case "-h", "--help" -> {
                        System.err.println(usage());
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (out == null) throw new IllegalArgumentException("--out FILE is required");
            o = new Options(o.events(), sources, o.allOptions());
        } catch (IllegalArgumentException e) {
            System.err.println("TimehistInputGenerator: " + e.getMessage() + "\n" + usage());
            System.exit(2);
            return;
        }
        try {
            Result r = generate(out, o);
            System.err.printf(Locale.ROOT, "wrote %,d lines (%,d events), %,d bytes to %s from %s%n",
                    r.lines(), r.events(), r.bytes(), out, String.join(", ", r.sources()));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            System.err.println("TimehistInputGenerator: " + e.getMessage());
            System.exit(1);
        }
    }

    private static String usage() {
        return "usage: TimehistInputGenerator --out FILE [--events N (default 1000000)] [--all-options] [--source SAMPLE_PATH_OR_FILE ...]";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static long parseCount(String s) {
        try {
            return Long.parseLong(s.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an event count: " + s);
        }
    }

    /** Writes the input to {@code out} (replacing it) and says what it wrote. */
    public static Result generate(Path out, Options o) throws IOException {
        List<Source> sources = loadSources(o);
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = out.resolveSibling(out.getFileName() + ".part-" + ProcessHandle.current().pid());
        long lines = 0, events = 0;
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            for (byte[] h : sources.get(0).header) {
                w.write(h);
                w.write('\n');
                lines++;
            }
            long lastMicros = -1;
            byte[] time = new byte[32];
            while (events < o.events()) {
                for (Source s : sources) {
                    long offset = lastMicros < 0 ? 0 : lastMicros + 1 - s.rows.get(0).micros;
                    for (Row r : s.rows) {
                        if (events == o.events()) break;
                        long t = Math.max(r.micros + offset, lastMicros);
                        lastMicros = t;
                        int n = format(t, time);
                        for (int k = n; k < TIME_WIDTH; k++) w.write(' ');
                        w.write(time, 0, n);
                        w.write(r.bytes, r.timeEnd, r.bytes.length - r.timeEnd);
                        w.write('\n');
                        events++;
                        lines++;
                    }
                    if (events == o.events()) break;
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(lines, events, Files.size(out), sources.stream().map(s -> s.name).toList());
    }

    /** {@code sec.usec} of {@code micros} into {@code out}; returns its length. */
    private static int format(long micros, byte[] out) {
        String s = (micros / 1_000_000) + "." + String.format(Locale.ROOT, "%06d", micros % 1_000_000);
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, out, 0, b.length);
        return b.length;
    }

    /** An event row: its bytes, where its timestamp ends, and the timestamp in microseconds. */
    private record Row(byte[] bytes, int timeEnd, long micros) {}

    private record Source(String name, List<byte[]> header, List<Row> rows) {}

    private static List<Source> loadSources(Options o) throws IOException {
        List<String> names = o.sources().isEmpty() ? defaultSources(o.allOptions()) : o.sources();
        if (names.isEmpty()) throw new IllegalArgumentException("no timehist recordings to take rows from");
        List<Source> out = new ArrayList<>();
        for (String name : names) {
            Source s = source(name, read(name));
            if (s.rows.isEmpty()) throw new IllegalArgumentException(name + ": no timehist event rows in it");
            out.add(s);
        }
        return out;
    }

    static List<String> defaultSources(boolean allOptions) {
        return SampleTraces.ofFormat(FORMAT).stream()
                .filter(s -> !s.has("quoted") && !s.has("summary-only"))
                .filter(s -> allOptions || DEFAULT_FEATURES.containsAll(s.features()))
                .map(Sample::path)
                .toList();
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

    /** The header lines (before the first event row) that belong to the table, and every event row. */
    private static Source source(String name, byte[] b) {
        List<byte[]> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int s = 0;
        while (s < b.length) {
            int e = s;
            while (e < b.length && b[e] != '\n') e++;
            int end = e > s && b[e - 1] == '\r' ? e - 1 : e;
            byte[] line = Arrays.copyOfRange(b, s, end);
            Row r = row(line);
            if (r != null) {
                rows.add(r);
            } else if (rows.isEmpty() && isHeader(line)) {
                header.add(line);
            }
            s = e + 1;
        }
        return new Source(name, header, rows);
    }

    /** The three header lines: titles, units ({@code [tid/pid]}), and the dashed rule. */
    private static boolean isHeader(byte[] line) {
        String t = new String(line, StandardCharsets.ISO_8859_1).trim();
        return t.startsWith("time ") && t.contains("task name") || t.startsWith("[tid/pid]") || t.startsWith("----");
    }

    /** {@code   5657.783226 [0000] ...}: blanks, seconds, a dot, six digits, a blank and {@code [}. */
    private static Row row(byte[] b) {
        int p = 0;
        while (p < b.length && b[p] == ' ') p++;
        int start = p;
        long sec = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9' && p - start < 12) sec = sec * 10 + (b[p++] - '0');
        if (p == start || p + 8 > b.length || b[p] != '.') return null;
        long usec = 0;
        for (int k = 1; k <= 6; k++) {
            byte c = b[p + k];
            if (c < '0' || c > '9') return null;
            usec = usec * 10 + (c - '0');
        }
        int timeEnd = p + 7;
        if (timeEnd + 1 >= b.length || b[timeEnd] != ' ' || b[timeEnd + 1] != '[') return null;
        return new Row(b, timeEnd, sec * 1_000_000 + usec);
    }
}
