package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up is most of a small command's time, and most of start-up is loading classes: through the
 * real entry point, in a fresh JVM, {@code --version} loads none of picocli, Jackson, the parsers or
 * JavaFX, and the text {@code summary} none of picocli, Jackson, commons-io or JavaFX (nor the
 * background preinitializer's thread). Each check is paired with a command line that does load what
 * is looked for, so a check that could not see it would fail too.
 */
class StartupLoadsTest {
    /** -Xlog:class+load lines, e.g. {@code [0.031s][info][class,load] java.lang.Object source: shared objects file}. */
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+)");
    private static final List<String> JAVAFX = List.of("javafx.", "com.sun.javafx.");
    private static final String PICOCLI = "picocli.";
    private static final String JACKSON = "com.fasterxml.jackson.";
    private static final String PARSERS = "dev.gcscope.parsers.";
    private static final String COMMONS_IO = "org.apache.commons.io.";
    private static final String PREINIT = "dev.gcscope.preinit.BackgroundPreinitializer";

    @TempDir
    Path dir;

    @Test
    void versionLoadsNoCommandModelNoParserAndNoJson() throws Exception {
        Run version = run("--version");
        assertTrue(version.out.startsWith("gcscope "), version.out);
        assertTrue(version.loaded.contains("dev.gcscope.cli.GcscopeCli"), "the run went through the CLI");
        assertNoneStartsWith(version.loaded, PICOCLI, JACKSON, PARSERS, COMMONS_IO);
        assertNoneStartsWith(version.loaded, JAVAFX.toArray(String[]::new));

        // with another argument picocli answers it, and that is seen
        Run picocli = run("summary", "--version");
        assertEquals(version.out, picocli.out);
        assertSomeStartsWith(picocli.loaded, PICOCLI);
    }

    @Test
    void textSummaryLoadsNoCommandModelNoJsonNoCommonsIoAndNoPreinitializer() throws Exception {
        Path sample = SampleTraces.get(SampleTraces.DEFAULT_GCTRACE).copyTo(dir);
        Run text = run("summary", sample.toString());
        assertTrue(text.loaded.contains("dev.gcscope.analysis.GcSummary"), "the run summarised the file");
        assertNoneStartsWith(text.loaded, PICOCLI, JACKSON, COMMONS_IO, PREINIT);
        assertNoneStartsWith(text.loaded, JAVAFX.toArray(String[]::new));

        // what is absent above is seen where it is loaded
        assertSomeStartsWith(run("summary", "--json", sample.toString()).loaded, JACKSON);
        assertSomeStartsWith(run("summary", "--regimes", "kmeans", sample.toString()).loaded, PICOCLI);
        assertSomeStartsWith(run(List.of("-Dgcscope.cli.preinit=true"), "summary", sample.toString()).loaded, PREINIT);
    }

    private static void assertNoneStartsWith(List<String> loaded, String... prefixes) {
        List<String> found = loaded.stream().filter(c -> startsWithAny(c, prefixes)).toList();
        assertEquals(List.of(), found, () -> "loaded: " + String.join(", ", prefixes));
    }

    private static void assertSomeStartsWith(List<String> loaded, String prefix) {
        assertTrue(loaded.stream().anyMatch(c -> c.startsWith(prefix)), () -> "no class of " + prefix + " loaded");
    }

    private static boolean startsWithAny(String className, String... prefixes) {
        for (String p : prefixes) {
            if (className.startsWith(p)) return true;
        }
        return false;
    }

    private record Run(String out, List<String> loaded) {}

    private Run run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    private Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classes = Files.createTempFile(dir, "classes", ".log");
        Path out = Files.createTempFile(dir, "out", ".txt");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xlog:class+load=info:file=" + classes));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.gcscope.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), printed);
        List<String> loaded = new ArrayList<>();
        Matcher m = LOADED.matcher(Files.readString(classes, StandardCharsets.UTF_8));
        while (m.find()) loaded.add(m.group(1));
        assertTrue(loaded.size() > 100, "class loading was logged");
        return new Run(printed, loaded);
    }
}
