package dev.gcscope.parsers.perfsched;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The bundled perf sched samples, their plain text, and comparisons shared by the tests. */
final class PerfSamples {
    static final String LATENCY = "perf-sched-latency";
    static final String TIMEHIST = "perf-sched-timehist";
    /** Features of a sample that is a variant of another one (same output, wrapped in some way). */
    private static final Pattern VARIANT_SUFFIX = Pattern.compile("-(quoted|pasted|indented|wrapped|crlf|snip|stderr|qp)(?=\\.txt)");

    static List<Sample> of(String format) {
        List<Sample> s = SampleTraces.ofFormat(format);
        if (s.isEmpty()) throw new IllegalStateException("no " + format + " samples in the index");
        return s;
    }

    /** The decompressed bytes of a sample. */
    static byte[] bytes(Sample s) {
        byte[] b = s.bytes();
        if (b.length > 1 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    static String text(Sample s) {
        return new String(bytes(s), StandardCharsets.UTF_8);
    }

    static ParseResult parse(TraceParser parser, Sample s) {
        return parse(parser, s.path(), s.bytes());
    }

    static ParseResult parse(TraceParser parser, String name, byte[] bytes) {
        try {
            ParseResult r = parser.parse(TraceSource.of(name, bytes), ParseListener.NONE);
            ParseReport rep = r.report();
            if (rep.linesRead() != rep.linesUsed() + rep.linesSkipped()) {
                throw new AssertionError(name + ": read " + rep.linesRead() + " != used " + rep.linesUsed() + " + skipped "
                        + rep.linesSkipped() + " " + rep.skippedByKind());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample this one is a variant of (e.g. {@code x-quoted.txt} of {@code x.txt}), if bundled. */
    static Optional<Sample> original(Sample s) {
        String path = VARIANT_SUFFIX.matcher(s.path()).replaceAll("");
        if (path.equals(s.path())) return Optional.empty();
        return SampleTraces.all().stream().filter(x -> x.path().equals(path) || x.path().equals(path + ".gz")).findFirst();
    }

    /** Same rows, cell for cell, in every column but those named. */
    static void assertSameRows(Table expected, Table actual, String what, String... except) {
        List<String> skip = List.of(except);
        if (expected.rowCount() != actual.rowCount()) {
            throw new AssertionError(what + ": " + actual.rowCount() + " rows, expected " + expected.rowCount());
        }
        for (Column<?> c : expected.columns()) {
            if (skip.contains(c.name())) continue;
            Column<?> a = actual.column(c.name());
            for (int i = 0; i < expected.rowCount(); i++) {
                // values, not their printed form: formatting every cell cost seconds per test class
                if (!Objects.equals(c.get(i), a.get(i))) {
                    throw new AssertionError(what + ": column " + c.name() + " row " + i + ": '" + a.getString(i)
                            + "', expected '" + c.getString(i) + "'");
                }
            }
        }
    }

    private PerfSamples() {}
}
