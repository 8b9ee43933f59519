package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * Golden files: for every bundled sample, every table its parse yields (as {@code export --csv}
 * writes a table) and its {@code summary --json}, compared byte for byte with
 * {@code src/test/resources/golden/<sample path>/}. The oracle tests check figures against
 * independent readings; these pin everything else, so a refactoring that changes any output is seen.
 *
 * <p>On a mismatch the actual output is written under {@code target/golden-actual/} (diff it against
 * the golden folder). After a deliberate change of output, regenerate with
 * {@code mvn -pl app -am test -Dtest=GoldenSamplesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true}
 * and review the diff before committing it.
 */
class GoldenSamplesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path ACTUAL = Path.of("target/golden-actual");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final TraceLoader LOADER = TraceLoader.standard();
    /** Larger golden files are kept gzip'd (as {@code NAME.gz}) so the corpus stays a few MB in git. */
    private static final int GZIP_OVER_BYTES = 256 * 1024;

    @TempDir
    static Path dir;

    static Stream<Named<Sample>> samples() {
        return SampleTraces.all().stream().map(s -> Named.of(s.path(), s));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void outputEqualsTheGoldenFiles(Sample sample) throws IOException {
        Path file = sample.copyTo(Files.createDirectories(dir.resolve(sample.path()).getParent()));
        Map<String, String> actual = new LinkedHashMap<>();
        // The file name alone, so the golden text does not depend on where the copy was made.
        CliRun summary = CliRun.of(LOADER, false, "summary", "--json", file.toString());
        actual.put("summary.json", summary.out().replace(file.toString(), sample.fileName())
                + "exit status " + summary.status() + "\n" + summary.err().replace(file.toString(), sample.fileName()));
        try {
            // The path export takes: the parse, then for gctrace the derived columns.
            ParseResult result = new TraceInputs(LOADER).parse(TraceSource.of(file), null);
            for (Map.Entry<String, Table> t : result.tables().entrySet()) actual.put(t.getKey() + ".csv", csv(t.getValue()));
        } catch (TraceInputException e) {
            actual.put("error.txt", e.getMessage().replace(file.toString(), sample.fileName()) + "\n");
        }
        compare(sample.path(), actual);
    }

    private static String csv(Table table) {
        StringWriter w = new StringWriter();
        try {
            CsvTableWriter.write(table, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void compare(String samplePath, Map<String, String> actual) throws IOException {
        Path golden = GOLDEN.resolve(samplePath);
        if (UPDATE) {
            if (Files.isDirectory(golden)) {
                try (Stream<Path> old = Files.list(golden)) {
                    for (Path p : old.toList()) Files.delete(p);
                }
            }
            write(golden, actual);
            return;
        }
        assertTrue(Files.isDirectory(golden), () -> "no golden files for " + samplePath
                + "; run with -Dgolden.update=true to create them");
        try (Stream<Path> files = Files.list(golden)) {
            assertEquals(new TreeSet<>(actual.keySet()),
                    new TreeSet<>(files.map(p -> p.getFileName().toString().replaceFirst("\\.gz$", "")).toList()),
                    "the outputs of " + samplePath);
        }
        StringBuilder differ = new StringBuilder();
        for (Map.Entry<String, String> e : actual.entrySet()) {
            String expected = read(golden.resolve(e.getKey()));
            if (!expected.equals(e.getValue())) differ.append(' ').append(e.getKey()).append(firstDifference(expected, e.getValue()));
        }
        if (differ.length() > 0) {
            Path out = ACTUAL.resolve(samplePath);
            write(out, actual);
            fail(samplePath + ": output differs from " + golden + " in" + differ + "; actual output in " + out);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) return " (line " + (i + 1) + ": expected «" + cut(e[i]) + "», got «" + cut(a[i]) + "»)";
        }
        return " (" + e.length + " lines expected, " + a.length + " got)";
    }

    private static String cut(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

    private static String read(Path file) throws IOException {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        if (!Files.exists(gz)) return Files.readString(file, StandardCharsets.UTF_8);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> e : files.entrySet()) {
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= GZIP_OVER_BYTES) {
                Files.write(folder.resolve(e.getKey()), bytes);
            } else {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve(e.getKey() + ".gz")))) {
                    out.write(bytes);
                }
            }
        }
    }
}
