package dev.gcscope.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The real traces bundled in this module, listed in {@code dev/gcscope/samples/index.tsv} (see
 * PROVENANCE.md for how each was recorded). Tests read them from the classpath (every module
 * depends on this one at test scope); the app ships only a few of them as demo samples, copied at
 * build time (see app/pom.xml).
 */
public final class SampleTraces {
    static final String ROOT = "/dev/gcscope/samples/";
    /** The trace the app opens when started without a file (one of its demo samples). */
    public static final String DEFAULT_GCTRACE = "gctrace/go1.24-phases.log";

    private static volatile List<Sample> all;

    private SampleTraces() {}

    /**
     * One bundled trace.
     *
     * @param path relative to the samples folder, e.g. {@code gctrace/go1.24-phases.log}
     * @param format the format id gcscope should detect, e.g. {@code gctrace}
     * @param goVersion the Go release that produced it, e.g. {@code 1.24.4}
     * @param features what it contains: {@code phases}, {@code cri}, {@code restart}, {@code gzip}, …
     */
    public record Sample(String path, String format, String goVersion, Set<String> features, String description) {
        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        public boolean has(String feature) {
            return features.contains(feature);
        }

        public InputStream open() {
            InputStream in = SampleTraces.class.getResourceAsStream(ROOT + path);
            if (in == null) throw new NoSuchElementException("sample " + path + " is listed but not bundled");
            return in;
        }

        public byte[] bytes() {
            try (InputStream in = open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Copies the sample into {@code dir} under its file name and returns the copy. */
        public Path copyTo(Path dir) throws IOException {
            Path out = dir.resolve(fileName());
            try (InputStream in = open()) {
                Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return out;
        }
    }

    public static List<Sample> all() {
        List<Sample> s = all;
        if (s == null) all = s = List.copyOf(readIndex());
        return s;
    }

    public static Sample get(String path) {
        return all().stream().filter(s -> s.path().equals(path)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no sample " + path));
    }

    public static List<Sample> ofFormat(String format) {
        return all().stream().filter(s -> s.format().equals(format)).toList();
    }

    public static List<Sample> withFeature(String feature) {
        return all().stream().filter(s -> s.has(feature)).toList();
    }

    private static List<Sample> readIndex() {
        InputStream in = SampleTraces.class.getResourceAsStream(ROOT + "index.tsv");
        if (in == null) return List.of();
        List<Sample> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null) return out;
            List<String> cols = Arrays.asList(header.split("\t", -1));
            int path = cols.indexOf("path"), format = cols.indexOf("format"), go = cols.indexOf("go");
            int features = cols.indexOf("features"), description = cols.indexOf("description");
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                Set<String> feats = new LinkedHashSet<>();
                for (String x : f[features].split(",")) {
                    if (!x.isBlank()) feats.add(x.trim());
                }
                out.add(new Sample(f[path].trim(), f[format].trim(), f[go].trim(), Set.copyOf(feats),
                        description >= 0 && description < f.length ? f[description].trim() : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
