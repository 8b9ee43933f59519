package dev.gcscope.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The jar the build ships ({@code target/gcscope.jar}, made in the package phase), for the
 * integration tests that run after it: failsafe passes its path as {@code gcscope.jar}.
 */
public final class ShippedJar {
    static final String DEMO = "dev/gcscope/demo/";

    private ShippedJar() {}

    public static Path path() {
        String p = System.getProperty("gcscope.jar");
        if (p == null) throw new IllegalStateException("-Dgcscope.jar=PATH is not set: run these tests with failsafe (mvn verify)");
        return Path.of(p);
    }

    /** A line of the jar's demo index: the sample's path under {@link #DEMO} and its format id. */
    public record Demo(String path, String format) {
        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** The demo samples as the jar's own index lists them. */
    public static List<Demo> demos() throws IOException {
        try (ZipFile jar = new ZipFile(path().toFile())) {
            ZipEntry index = jar.getEntry(DEMO + "index.tsv");
            if (index == null) throw new IllegalStateException("no " + DEMO + "index.tsv in " + path());
            String text = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                    .map(f -> new Demo(f[0], f[1])).toList();
        }
    }

    /** Copies each demo sample out of the jar into {@code dir} under its file name. */
    public static void extractDemoSamples(Path dir) throws IOException {
        try (ZipFile jar = new ZipFile(path().toFile())) {
            for (Demo demo : demos()) {
                ZipEntry e = jar.getEntry(DEMO + demo.path());
                if (e == null) throw new IllegalStateException(demo.path() + " is in the demo index but not in the jar");
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, dir.resolve(demo.fileName()));
                }
            }
        }
    }

    /** One run of {@code java -jar gcscope.jar ARGS} with the test JVM's locale, time zone and encoding. */
    public record Run(int status, String out, String err) {}

    public static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, false, args);
    }

    /** As {@link #run}, with neither DISPLAY nor WAYLAND_DISPLAY set: a machine without a display. */
    public static Run runWithoutDisplay(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, true, args);
    }

    private static Run run(Path workDir, boolean noDisplay, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-jar", path().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        if (noDisplay) {
            builder.environment().remove("DISPLAY");
            builder.environment().remove("WAYLAND_DISPLAY");
        }
        Process p = builder.start();
        // A guard against a hang, not a measurement: a healthy run takes a few seconds.
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("java -jar gcscope.jar " + String.join(" ", args) + " did not end");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
