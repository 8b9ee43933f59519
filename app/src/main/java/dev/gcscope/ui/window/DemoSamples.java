package dev.gcscope.ui.window;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The demo traces the app bundles: a few real recordings of each format gcscope reads, offered under
 * File ▸ Open sample and opened when the app starts without a file. They are copied from the
 * sample-traces corpus when the app is built (the {@code demo-samples} execution in app/pom.xml, which
 * names the same files as {@code dev/gcscope/demo/index.tsv}); the corpus itself is for the tests and
 * is not shipped.
 */
public final class DemoSamples {
    private static final String ROOT = "/dev/gcscope/demo/";
    /** The trace the app opens when started without a file. */
    public static final String DEFAULT_GCTRACE = "gctrace/go1.24-phases.log";

    private static volatile List<Sample> all;

    private DemoSamples() {}

    /**
     * One bundled demo trace.
     *
     * @param path as in the corpus, e.g. {@code gctrace/go1.24-phases.log}
     * @param format the format id gcscope detects in it, e.g. {@code gctrace}
     * @param title what the menu calls it, e.g. {@code Go 1.24 service, allocation phases}
     */
    public record Sample(String path, String format, String title) {
        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        /** Reads the whole sample from the class path: IO, so not on the UI thread. */
        public byte[] bytes() throws IOException {
            try (InputStream in = DemoSamples.class.getResourceAsStream(ROOT + path)) {
                if (in == null) throw new NoSuchElementException("demo sample " + path + " is listed but not bundled");
                return in.readAllBytes();
            }
        }
    }

    /** Every demo sample, in the index's order; the index is read once. */
    public static List<Sample> all() {
        List<Sample> s = all;
        if (s == null) all = s = readIndex();
        return s;
    }

    public static Optional<Sample> find(String path) {
        return all().stream().filter(s -> s.path().equals(path)).findFirst();
    }

    private static List<Sample> readIndex() {
        InputStream in = DemoSamples.class.getResourceAsStream(ROOT + "index.tsv");
        if (in == null) return List.of();
        List<Sample> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine(); // header: path, format, title
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                String path = f[0].trim();
                String title = f.length > 2 && !f[2].isBlank() ? f[2].trim() : path.substring(path.lastIndexOf('/') + 1);
                out.add(new Sample(path, f[1].trim(), title));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
