package dev.gcscope.installer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data training run: the app image's own launcher opens a real trace in the window and,
 * in the same JVM, summarises it on the command line ({@code -Dgcscope.train}, see the app's
 * Launcher), with {@code -XX:DumpLoadedClassList}; the list of every class both faces loaded goes
 * with the image ({@code $APPDIR/gcscope.classlist}) and the launcher starts every run with
 * {@code -XX:SharedArchiveFile=$APPDIR/gcscope.jsa}, so those classes come parsed and verified from
 * the archive ({@link ClassDataArchive}).
 *
 * <p>Why a list and not the archive itself: a Java 17 archive holds the absolute path of the jar it
 * was made with and is refused anywhere else, so it is made where the app is installed (the .deb's
 * postinst) from the list made here. A JVM that finds no archive, or one that does not fit (another
 * jar, a heap over 32 GB), just starts without it.
 *
 * <p>The window needs a display: the run uses {@code $DISPLAY}, or starts Xvfb where it is
 * installed (CI). Without either only the command line is trained, and the build says so.
 */
final class Training {
    private static final long TIMEOUT_MINUTES = 5;

    private final AppImage image;
    private final Path trace;
    private final Path work;

    Training(AppImage image, Path trace, Path work) {
        this.image = image;
        this.trace = trace.toAbsolutePath();
        this.work = work;
    }

    void run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(trace)) throw new IllegalStateException("training trace " + trace + " is missing");
        Path classList = image.appDir().resolve(AppImage.CLASS_LIST);
        Files.deleteIfExists(classList);
        Path log = work.resolve("training.log");
        Path startupLog = work.resolve("training-startup.log");
        Files.deleteIfExists(startupLog);

        List<Path> configurations = image.launcherConfigurations();
        List<byte[]> originals = new ArrayList<>();
        for (Path cfg : configurations) originals.add(Files.readAllBytes(cfg));
        Display display = Display.open();
        try {
            boolean window = display.name() != null;
            // One option a line in the launcher's configuration, so paths with spaces are safe; put back below.
            image.addJavaOption("-Djava.util.prefs.userRoot=" + work.resolve("training-prefs"));
            image.addJavaOption("-Dgcscope.prefs.node=/dev/gcscope/training");
            image.addJavaOption("-Dgcscope.single.instance=false");
            image.addJavaOption("-XX:DumpLoadedClassList=" + classList);
            List<String> command = new ArrayList<>(List.of(image.launcher().toString()));
            if (window) {
                image.addJavaOption("-Dgcscope.train=" + trace);
                image.addJavaOption("-Dgcscope.startup.exit=true");
                image.addJavaOption("-Dgcscope.startup.log=" + startupLog);
            } else {
                command.addAll(List.of("summary", "--json", trace.toString()));
                System.out.println("[installer] WARNING: no display and no Xvfb: the class-data archive is trained on the command line only"
                        + " (apt-get install xvfb, or set DISPLAY)");
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (window) pb.environment().put("DISPLAY", display.name());
            System.out.println("[installer] training run" + (window ? " on display " + display.name() : "") + ": " + command);
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("the training run did not end within " + TIMEOUT_MINUTES + " minutes; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("the training run failed (" + p.exitValue() + "): " + Files.readString(log));
            }
            if (window && !Files.readString(startupLog).contains("first-chart")) {
                throw new IllegalStateException("the training run drew no chart; see " + log);
            }
        } finally {
            display.close();
            for (int i = 0; i < configurations.size(); i++) Files.write(configurations.get(i), originals.get(i));
        }
        if (!Files.isRegularFile(classList)) throw new IllegalStateException("the training run wrote no class list; see " + log);
        image.addJavaOption("-XX:SharedArchiveFile=$APPDIR/" + AppImage.ARCHIVE);
        System.out.println("[installer] class list: " + Files.readAllLines(classList).size() + " lines in " + classList);
    }

    /** $DISPLAY, or an Xvfb of the run's own, or none. */
    private record Display(String name, Process xvfb) implements AutoCloseable {
        static Display open() throws IOException, InterruptedException {
            String display = System.getenv("DISPLAY");
            if (display != null && !display.isBlank()) return new Display(display, null);
            if (!Tools.onPath("Xvfb")) return new Display(null, null);
            // -displayfd: Xvfb picks a free display number and prints it once it accepts clients.
            Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
            String number = out.readLine();
            if (number == null || !number.trim().matches("\\d+")) {
                xvfb.destroyForcibly();
                return new Display(null, null);
            }
            return new Display(":" + number.trim(), xvfb);
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                if (!xvfb.waitFor(10, TimeUnit.SECONDS)) xvfb.destroyForcibly();
            }
        }
    }
}
