package dev.gcscope.parsers.fuzz;

import dev.gcscope.samples.SampleTraces;
import dev.gcscope.samples.SampleTraces.Sample;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The fuzzers' seeds: the head of every bundled sample, cut at a line end. Small seeds let the
 * fuzzer spend its executions on mutations instead of on re-reading megabytes, and the head of a
 * real file holds what each format's probe looks for (headers, the first cycles, the first scrape).
 * The seeds are committed (Jazzer reads them from the test resources); this main writes them again:
 * {@code mvn -q -pl parsers -am test-compile exec:exec@fuzz-seeds}.
 */
public final class FuzzSeeds {
    /** Enough for a header and a few records of every format, small enough for fast executions. */
    static final int SEED_BYTES = 3072;

    private FuzzSeeds() {}

    /** Seeds by fuzz-test method name (one method per format, {@link ParserFuzzTest}). */
    static Map<String, Map<String, byte[]>> byMethod() {
        Map<String, Map<String, byte[]>> seeds = new LinkedHashMap<>();
        for (Sample s : SampleTraces.all()) {
            String method = ParserFuzzTest.methodFor(s.format());
            if (method == null) continue;
            seeds.computeIfAbsent(method, m -> new LinkedHashMap<>()).put(seedName(s), head(s));
        }
        return seeds;
    }

    static String seedName(Sample s) {
        return s.path().replace('/', '_').replaceAll("\\.gz$", "").toLowerCase(Locale.ROOT);
    }

    /** The sample's first {@link #SEED_BYTES}, gunzipped, ending after its last whole line. */
    static byte[] head(Sample s) {
        byte[] bytes = s.bytes();
        try {
            if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readNBytes(SEED_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(s.path(), e);
        }
        int end = Math.min(bytes.length, SEED_BYTES);
        if (end < bytes.length) {
            int lastNewline = end - 1;
            while (lastNewline > 0 && bytes[lastNewline] != '\n') lastNewline--;
            if (lastNewline > 0) end = lastNewline + 1;
        }
        return Arrays.copyOf(bytes, end);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources")
                .resolve(ParserFuzzTest.class.getPackageName().replace('.', '/'))
                .resolve(ParserFuzzTest.class.getSimpleName() + "Inputs");
        for (var method : byMethod().entrySet()) {
            Path dir = Files.createDirectories(root.resolve(method.getKey()));
            for (var seed : method.getValue().entrySet()) Files.write(dir.resolve(seed.getKey()), seed.getValue());
        }
        System.out.println("seeds written under " + root);
    }
}
