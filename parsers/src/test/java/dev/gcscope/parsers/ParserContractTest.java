package dev.gcscope.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * The contract every registered parser keeps, whatever it is given (HdrHistogram runs one contract
 * over all its implementations): a parse never throws but for a {@link TraceInputException} with a
 * one-line message, its report accounts for every line of the input (read = used + skipped), every
 * issue is one line, and it ends. Each hostile input is made from a bundled recording of the
 * parser's own format, so the damage lands among lines the parser really reads; a format added to
 * {@link TraceParsers#standard()} is covered as soon as it has a sample.
 */
class ParserContractTest {
    private static final String NAME = "hostile.log";
    private static final int MIN_SEED_LINES = 10;
    /** Output of the program whose trace it is, as it lands between the trace's lines in one log. */
    private static final String PROGRAM_OUTPUT = "2026/11/27 00:25:37 GET /api/orders 200 3.1ms";

    /**
     * One way of damaging a recording. No damage adds rows; only new line ends must keep them all (a
     * line inserted into a multi-line JSON document breaks the document, so insertions may lose some).
     */
    private record Hostility(String what, UnaryOperator<byte[]> damage, boolean keepsTheRows) {}

    private static final List<Hostility> HOSTILITIES = List.of(
            new Hostility("empty input", seed -> new byte[0], false),
            new Hostility("binary garbage", seed -> random(256 * 1024, 1), false),
            new Hostility("the recording's first lines, then binary garbage", seed -> concat(head(seed, 5), random(64 * 1024, 2)), false),
            new Hostility("the last line cut off in the middle", ParserContractTest::lastLineCut, false),
            new Hostility("CRLF line ends", seed -> withLineEnds(seed, "\r\n", "\r\n"), true),
            new Hostility("CR line ends", seed -> withLineEnds(seed, "\r", "\r"), true),
            new Hostility("LF and CRLF line ends mixed", seed -> withLineEnds(seed, "\n", "\r\n"), true),
            new Hostility("program output between every line", ParserContractTest::interleaved, false),
            new Hostility("a 10 MB line in the middle", seed -> insertLine(seed, filled(10 * 1024 * 1024, (byte) '7')), false),
            new Hostility("a 10 MB line without a line end", seed -> concat(seed, filled(10 * 1024 * 1024, (byte) 'x')), false),
            new Hostility("invalid UTF-8 inside a line", seed -> intoMiddleLine(seed, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0x80, (byte) 0xC0, (byte) 0xAF}), false),
            new Hostility("a line of invalid UTF-8", seed -> insertLine(seed, new byte[] {(byte) 0xFE, (byte) 0xED, (byte) 0xFA, (byte) 0xCE, (byte) 0xED, (byte) 0xA0, (byte) 0x80}), false),
            new Hostility("a NUL byte inside a line", seed -> intoMiddleLine(seed, new byte[] {0}), false),
            new Hostility("a line of NUL bytes", seed -> insertLine(seed, new byte[4096]), false));

    static Stream<Arguments> parsersAndHostileInputs() {
        List<Arguments> out = new ArrayList<>();
        for (TraceParser parser : TraceParsers.standard().all()) {
            for (Hostility h : HOSTILITIES) {
                out.add(Arguments.of(Named.of(parser.format().id(), parser), Named.of(h.what(), h)));
            }
        }
        return out.stream();
    }

    /** Seeds are parsed once; the hostile inputs are made when their test runs (ten of them are over 10 MB). */
    private static final Map<String, Seed> SEEDS = new LinkedHashMap<>();

    private record Seed(Sample sample, byte[] text, ParseResult parsed) {}

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("parsersAndHostileInputs")
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void parseEndsAccountsForEveryLineAndNeverThrows(TraceParser parser, Hostility hostility) throws IOException {
        Seed seed = seed(parser);
        byte[] input = hostility.damage().apply(seed.text());
        String what = parser.format().id() + " given " + hostility.what() + " (made from " + seed.sample().path() + ")";
        ParseResult r;
        try {
            r = parser.parse(TraceSource.of(NAME, input));
        } catch (TraceInputException e) {
            assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), what + ": one line: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(NAME + ": "), what + ": names the input: " + e.getMessage());
            return;
        }
        ParseReport report = r.report();
        assertEquals(lines(input), report.linesRead(), what + ": lines read");
        assertEquals(report.linesRead(), report.linesUsed() + report.linesSkipped(),
                () -> what + ": read = used + skipped " + report.skippedByKind());
        for (ParseIssue issue : report.issues()) {
            String line = issue.describe(NAME);
            assertFalse(line.contains("\n") || line.contains("\r"), what + ": one line per issue: " + line);
        }
        assertTrue(report.issueCount() >= report.issues().size(), what);
        for (Map.Entry<String, Table> t : seed.parsed().tables().entrySet()) {
            int expected = t.getValue().rowCount();
            // a table only some inputs have (runtime/metrics JSON's snapshots, from lines with a wall time) may be absent: no rows
            int actual = r.tables().containsKey(t.getKey()) ? r.table(t.getKey()).rowCount() : 0;
            if (hostility.keepsTheRows()) assertEquals(expected, actual, what + ": rows of " + t.getKey());
            else assertTrue(actual <= expected, what + ": " + actual + " rows of " + t.getKey() + ", more than the " + expected + " undamaged");
        }
    }

    /**
     * The smallest whole recording of the parser's format with some lines and rows: small, so the
     * hostile copies parse fast; a recording, so quoted excerpts' own damage does not mix in.
     */
    private static synchronized Seed seed(TraceParser parser) {
        return SEEDS.computeIfAbsent(parser.format().id(), id -> {
            List<Sample> recordings = SampleTraces.ofFormat(id).stream().filter(s -> !s.has("quoted"))
                    .sorted(Comparator.comparingInt((Sample s) -> s.bytes().length)).toList();
            for (Sample s : recordings) {
                byte[] text = plain(s.bytes());
                if (lines(text) < MIN_SEED_LINES) continue;
                try {
                    ParseResult parsed = parser.parse(TraceSource.of(s.path(), text));
                    if (parsed.mainTable().rowCount() > 0) return new Seed(s, text, parsed);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            throw new AssertionError("no bundled recording of format " + id + " with " + MIN_SEED_LINES
                    + " lines and rows: the contract needs one (sample-traces index.tsv)");
        });
    }

    /** Lines as every parser counts them: LF, CRLF and a lone CR each end one; a last line needs no end. */
    static long lines(byte[] b) {
        long n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                n++;
            } else if (b[i] == '\r') {
                n++;
                if (i + 1 < b.length && b[i + 1] == '\n') i++;
            }
        }
        return b.length > 0 && b[b.length - 1] != '\n' && b[b.length - 1] != '\r' ? n + 1 : n;
    }

    private static List<byte[]> splitLines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                out.add(Arrays.copyOfRange(b, start, i));
                if (b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n') i++;
                start = i + 1;
            }
        }
        if (start < b.length) out.add(Arrays.copyOfRange(b, start, b.length));
        return out;
    }

    private static byte[] joinLines(List<byte[]> lines, String oddEnd, String evenEnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            out.writeBytes((i % 2 == 0 ? evenEnd : oddEnd).getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static byte[] withLineEnds(byte[] seed, String oddEnd, String evenEnd) {
        return joinLines(splitLines(seed), oddEnd, evenEnd);
    }

    private static byte[] interleaved(byte[] seed) {
        List<byte[]> lines = new ArrayList<>();
        byte[] program = PROGRAM_OUTPUT.getBytes(StandardCharsets.US_ASCII);
        for (byte[] line : splitLines(seed)) {
            lines.add(program);
            lines.add(line);
        }
        return joinLines(lines, "\n", "\n");
    }

    private static byte[] insertLine(byte[] seed, byte[] line) {
        List<byte[]> lines = new ArrayList<>(splitLines(seed));
        lines.add(lines.size() / 2, line);
        return joinLines(lines, "\n", "\n");
    }

    /** {@code bytes} put into the middle of the recording's middle line. */
    private static byte[] intoMiddleLine(byte[] seed, byte[] bytes) {
        List<byte[]> lines = new ArrayList<>(splitLines(seed));
        int at = lines.size() / 2;
        byte[] line = lines.get(at);
        lines.set(at, concat(concat(Arrays.copyOfRange(line, 0, line.length / 2), bytes), Arrays.copyOfRange(line, line.length / 2, line.length)));
        return joinLines(lines, "\n", "\n");
    }

    private static byte[] lastLineCut(byte[] seed) {
        List<byte[]> lines = new ArrayList<>(splitLines(seed));
        while (lines.get(lines.size() - 1).length < 2) lines.remove(lines.size() - 1);
        byte[] last = lines.remove(lines.size() - 1);
        return concat(joinLines(lines, "\n", "\n"), Arrays.copyOf(last, last.length / 2));
    }

    private static byte[] head(byte[] seed, int lines) {
        return joinLines(splitLines(seed).subList(0, lines), "\n", "\n");
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] plain(byte[] b) {
        if (b.length < 2 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) return b;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
