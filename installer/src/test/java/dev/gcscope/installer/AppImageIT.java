package dev.gcscope.installer;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built app image, as a user gets it: its own launcher runs the commands with its own runtime
 * and prints what the fat jar built from the same sources prints; its runtime holds the modules
 * jdeps named and what they require, nothing else; the .deb, where one was built, installs that
 * image. Runs in {@code mvn -Pinstaller verify}, after the packaging.
 */
class AppImageIT {
    private static final Path TARGET = Path.of(System.getProperty("installer.target", "target")).toAbsolutePath();
    private static final Path IMAGE = AppImage.of(PackageBuilder.OperatingSystem.current(), imageRoot()).root();
    private static final String SAMPLE = Path.of(System.getProperty("installer.sample")).toAbsolutePath().toString();

    @TempDir
    Path dir;

    private static Path imageRoot() {
        return TARGET.resolve("image").resolve(PackageBuilder.OperatingSystem.current() == PackageBuilder.OperatingSystem.MACOS
                ? "gcscope.app" : "gcscope");
    }

    private static AppImage image() {
        return AppImage.of(PackageBuilder.OperatingSystem.current(), IMAGE);
    }

    private record Run(int status, String out, String err) {}

    /** Runs a command with an environment that has no Java in it: no JAVA_HOME, no JDK on the PATH. */
    private Run run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    private Run run(List<String> command, Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> !k.equals("HOME") && !k.equals("LANG") && !k.equals("SystemRoot"));
        env.put("PATH", PackageBuilder.OperatingSystem.current() == PackageBuilder.OperatingSystem.WINDOWS
                ? System.getenv("SystemRoot") + "\\system32" : "/usr/bin:/bin");
        env.putAll(extraEnv);
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), () -> "still running after 2 minutes: " + command);
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run launcher(String... args) throws Exception {
        return launcher(Map.of(), args);
    }

    private Run launcher(Map<String, String> env, String... args) throws Exception {
        Path launcher = image().launcher();
        if (PackageBuilder.OperatingSystem.current() == PackageBuilder.OperatingSystem.WINDOWS) {
            launcher = launcher.resolveSibling("gcscope-cli.exe");
        }
        return run(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList(), env);
    }

    /** The command on a Linux PATH (/usr/bin/gcscope links to it): see {@link CommandScript}. */
    private Run command(Map<String, String> env, String... args) throws Exception {
        return run(Stream.concat(Stream.of(IMAGE.resolve(CommandScript.PATH).toString()), Stream.of(args)).toList(), env);
    }

    private Run fatJar(String... args) throws Exception {
        Path jar = TARGET.resolve("../../app/target/gcscope.jar").normalize();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return run(Stream.concat(Stream.of(java.toString(), "-jar", jar.toString()), Stream.of(args)).toList());
    }

    private void assertSameAsFatJar(String... args) throws Exception {
        Run packaged = launcher(args);
        Run jar = fatJar(args);
        String command = String.join(" ", args);
        assertEquals(jar.err(), packaged.err(), () -> "stderr of " + command);
        assertEquals(jar.out(), packaged.out(), () -> "stdout of " + command);
        assertEquals(jar.status(), packaged.status(), () -> "exit status of " + command);
    }

    @Test
    void summaryOfABundledSampleIsTheFatJars() throws Exception {
        assertSameAsFatJar("summary", "--json", SAMPLE);
        assertTrue(launcher("summary", "--json", SAMPLE).out().contains("\"cycles\""), "a summary with cycles");
    }

    @Test
    void helpIsTheFatJars() throws Exception {
        assertSameAsFatJar("help");
        assertSameAsFatJar("help", "summary");
    }

    /** Through a symbolic link, as /usr/bin/gcscope: the script finds its image from the link's target. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theCommandOnThePathPrintsWhatTheFatJarPrints() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("gcscope"), IMAGE.resolve(CommandScript.PATH));
        for (List<String> args : List.of(List.of("summary", "--json", SAMPLE), List.of("help"), List.of("help", "summary"),
                List.of("summary", "--no-such-option"))) {
            Run jar = fatJar(args.toArray(String[]::new));
            Run command = run(Stream.concat(Stream.of(link.toString()), args.stream()).toList());
            assertEquals(jar.err(), command.err(), () -> "stderr of " + args);
            assertEquals(jar.out(), command.out(), () -> "stdout of " + args);
            assertEquals(jar.status(), command.status(), () -> "exit status of " + args);
        }
        Run shared = command(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"), "help");
        assertEquals(0, shared.status(), shared::err);
        assertTrue(shared.out().lines().anyMatch(l -> l.contains(" dev.gcscope.cli.GcscopeCli source: shared objects file")),
                "the command's classes come from the archive");
        String script = Files.readString(IMAGE.resolve(CommandScript.PATH));
        for (Path cfg : image().launcherConfigurations()) {
            for (String line : Files.readAllLines(cfg)) {
                if (line.startsWith("java-options=")) {
                    String option = line.substring("java-options=".length()).replace("$APPDIR", "$app/lib/app");
                    assertTrue(script.contains("\"" + option + "\""), () -> "the script starts the JVM without " + option);
                }
            }
        }
    }

    /** -Xshare:on makes a JVM that cannot map its archive (or finds none) refuse to start. */
    @Test
    void theLauncherUsesTheAppsClassDataArchive() throws Exception {
        for (Path cfg : image().launcherConfigurations()) {
            assertTrue(Files.readAllLines(cfg).contains("java-options=-XX:SharedArchiveFile=$APPDIR/" + AppImage.ARCHIVE), cfg::toString);
            for (String option : List.of(PackageBuilder.JIT_OPTION, PackageBuilder.NO_CLI_PREINIT, PackageBuilder.UNLOCK_DIAGNOSTIC,
                    PackageBuilder.MAP_ARCHIVE_IN_PLACE)) {
                assertTrue(Files.readAllLines(cfg).contains("java-options=" + option), () -> cfg + " lacks " + option);
            }
        }
        Run shared = launcher(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"), "help");
        assertEquals(0, shared.status(), shared::err);
        assertTrue(shared.out().lines().anyMatch(l -> l.contains(" dev.gcscope.Launcher source: shared objects file")),
                "the launcher's main class comes from the archive");
        assertTrue(shared.out().lines().anyMatch(l -> l.contains(" dev.gcscope.cli.GcscopeCli source: shared objects file")),
                "the command line's classes come from the archive");
    }

    /**
     * On Linux the launcher and the command on the PATH run the JVM with the heap in transparent huge
     * pages, and the JVM keeps the option (it turns it off, with a warning, where the kernel cannot
     * give them).
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheHeapIsInTransparentHugePages() throws Exception {
        for (Path cfg : image().launcherConfigurations()) {
            assertTrue(Files.readAllLines(cfg).contains("java-options=" + PackageBuilder.HUGE_PAGES), () -> cfg + " lacks it");
        }
        assumeTrue(Files.isReadable(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")), "this kernel has no transparent huge pages");
        Map<String, String> printFlags = Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal");
        for (Run run : List.of(launcher(printFlags, "--version"), command(printFlags, "help"))) {
            assertEquals(0, run.status(), run::err);
            assertEquals("true", hugePages(run.out()), run::err);
            assertFalse(run.err().contains("warning"), run::err);
        }
    }

    /** The menu entry starts the command script, not jpackage's launcher, which asks rpm and dpkg for its package first. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void theMenuEntryStartsTheCommandScript() throws Exception {
        List<String> entry = Files.readAllLines(IMAGE.resolve("lib/desktop/gcscope.desktop"));
        String script = "/opt/gcscope/" + CommandScript.PATH;
        assertTrue(entry.contains("Exec=" + script + " %F"), entry::toString);
        assertTrue(entry.contains("TryExec=" + script), entry::toString);
    }

    /** UseTransparentHugePages as -XX:+PrintFlagsFinal printed it. */
    private static String hugePages(String flags) {
        return flags.lines().filter(l -> l.matches("\\s*bool UseTransparentHugePages\\s+=.*")).findFirst()
                .map(l -> l.split("=")[1].trim().split("\\s+")[0]).orElse("not printed");
    }

    /** jlink adds what the named modules require; anything beyond that would be a module nobody asked for. */
    @Test
    void theRuntimeHoldsTheModulesJdepsNamedAndWhatTheyRequire() throws Exception {
        List<String> named = Files.readAllLines(TARGET.resolve(PackageBuilder.MODULES_FILE));
        assertTrue(named.contains("javafx.controls"), "jdeps named JavaFX: " + named);
        Set<String> inRuntime = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        try (FileSystem jrt = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", image().runtime().toString()))) {
            try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
                modules.forEach(m -> inRuntime.add(m.getFileName().toString()));
            }
            Deque<String> todo = new ArrayDeque<>(named);
            while (!todo.isEmpty()) {
                String m = todo.pop();
                if (!required.add(m)) continue;
                Path info = jrt.getPath("/modules", m, "module-info.class");
                assertTrue(Files.exists(info), () -> m + " is missing from the runtime");
                try (var in = Files.newInputStream(info)) {
                    for (ModuleDescriptor.Requires r : ModuleDescriptor.read(in).requires()) {
                        if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) todo.add(r.name());
                    }
                }
            }
        }
        assertEquals(required, inRuntime);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theDebInstallsTheImageUnderOpt() throws Exception {
        List<Path> debs;
        try (Stream<Path> files = Files.list(TARGET)) {
            debs = files.filter(p -> p.getFileName().toString().endsWith(".deb")).toList();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(!debs.isEmpty() && Tools.onPath("dpkg-deb"), "no .deb built here");
        Path deb = debs.get(0);
        String contents = new String(new ProcessBuilder("dpkg-deb", "--contents", deb.toString()).start().getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        for (String f : List.of("./opt/gcscope/bin/gcscope", "./opt/gcscope/" + CommandScript.PATH, "./opt/gcscope/lib/app/" + AppImage.CLASS_LIST,
                "./opt/gcscope/lib/desktop/gcscope.desktop", "./opt/gcscope/lib/desktop/integrate.sh")) {
            assertTrue(contents.lines().anyMatch(l -> l.endsWith(" " + f)), () -> f + " not in " + deb);
        }
        // an archive made for the build's folders would be refused at /opt/gcscope: postinst makes it there
        assertFalse(contents.contains(AppImage.ARCHIVE), () -> deb + " holds a class-data archive");
        String control = new String(new ProcessBuilder("dpkg-deb", "--field", deb.toString(), "Package", "Maintainer").start()
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(control.contains("Package: gcscope"), control);
        assertTrue(control.lines().anyMatch(l -> l.matches("Maintainer: [^<>]+ <[^<>@]+@[^<>]+>")), control);
    }
}
