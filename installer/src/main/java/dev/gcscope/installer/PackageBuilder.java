package dev.gcscope.installer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds gcscope's native packages from the app's jar, in the order the tools need:
 * <ol>
 *   <li>JavaFX's jars of this OS become jmods (classes plus native libraries) and the app's jar loses
 *       its own copy of JavaFX ({@link JavaFxModules}, {@link AppJar});</li>
 *   <li>jdeps names the modules the app needs; jlink links only those into a trimmed, compressed
 *       runtime with its default class-data archive;</li>
 *   <li>jpackage makes the app image (one launcher, {@code gcscope}: the window without a
 *       subcommand, the CLI with one);</li>
 *   <li>a training run of that launcher lists the classes both faces load, and the launcher is
 *       told to use the archive made from that list ({@link Training});</li>
 *   <li>on Linux, the command on the PATH is a script that starts the runtime as the launcher
 *       does, without the launcher's package-manager queries ({@link CommandScript});</li>
 *   <li>jpackage makes this OS's installers from the image ({@link Installers});</li>
 *   <li>the class-data archive is made for the image in target ({@link ClassDataArchive}); an
 *       installed app gets its own, made where it is installed.</li>
 * </ol>
 * Run by {@code mvn -Pinstaller package} (installer/pom.xml passes the options); everything goes to
 * {@code installer/target}. Every tool is the JDK's own, called in this JVM through
 * {@link java.util.spi.ToolProvider}, so the same build runs on Linux, Windows and macOS.
 */
public final class PackageBuilder {
    static final String NAME = "gcscope";
    static final String MAIN_CLASS = "dev.gcscope.Launcher";
    /** The launcher's JIT setting (see {@link #appImage}); AppImageIT checks the launcher has it. */
    static final String JIT_OPTION = "-XX:TieredStopAtLevel=1";
    /** No background preloading beside a command: the archive holds the classes (see {@link #appImage}). */
    static final String NO_CLI_PREINIT = "-Dgcscope.cli.preinit=false";
    static final String UNLOCK_DIAGNOSTIC = "-XX:+UnlockDiagnosticVMOptions";
    /** The archive mapped at the address it was made for, not relocated (see {@link #appImage}). */
    static final String MAP_ARCHIVE_IN_PLACE = "-XX:ArchiveRelocationMode=0";
    /** The heap in transparent huge pages, on Linux (see {@link #appImage}); AppImageIT checks the JVM keeps it. */
    static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    /** The packaged runtime's modules as jdeps named them, one a line: AppImageIT checks the runtime against it. */
    static final String MODULES_FILE = "jdeps-modules.txt";

    private final Map<String, String> options;
    private final Path out;

    private PackageBuilder(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(option("out")).toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) throw new IllegalArgumentException("expected --name=value, got " + a);
            options.put(a.substring(2, eq), a.substring(eq + 1));
        }
        new PackageBuilder(options).build();
    }

    private String option(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing --" + name + "=...");
        return v;
    }

    private void build() throws IOException, InterruptedException {
        OperatingSystem os = OperatingSystem.current();
        Path jdk = Path.of(option("jdk"));
        Path resources = Path.of(option("resources")).toAbsolutePath();
        String version = option("version");
        Path work = out.resolve("work");
        Tools.deleteRecursively(work);
        Files.createDirectories(work);

        List<Path> javafxJars = JavaFxModules.jarsIn(Path.of(option("javafx")));
        Path jmods = JavaFxModules.toJmods(javafxJars, work.resolve("jmods"));
        Path input = work.resolve("input");
        AppJar.withoutJavaFx(Path.of(option("app-jar")), javafxJars, input.resolve(NAME + ".jar"));

        List<String> modules = jdeps(input.resolve(NAME + ".jar"), javafxJars);
        Files.write(out.resolve(MODULES_FILE), modules);
        Path runtime = jlink(jdk, jmods, modules, os, work.resolve("runtime"));

        Path images = out.resolve("image");
        Tools.deleteRecursively(images);
        Path image = appImage(os, input, runtime, resources, version, images);
        AppImage layout = AppImage.of(os, image);
        if (os == OperatingSystem.LINUX) DesktopFiles.copyInto(resources, layout);
        new Training(layout, Path.of(option("training-trace")), work).run();
        if (os == OperatingSystem.LINUX) CommandScript.writeInto(layout);

        List<String> types = Installers.types(os, options.getOrDefault("types", "all"));
        Path installers = Installers.build(os, types, layout, resources, version, work, out);
        ClassDataArchive.makeFor(layout, work);
        report(layout, installers);
    }

    /** The JDK and JavaFX modules the app's classes use, as jlink's --add-modules takes them. */
    private static List<String> jdeps(Path appJar, List<Path> javafxJars) {
        String found = Tools.run("jdeps", "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps",
                "--module-path", Tools.pathList(javafxJars), appJar.toString()).trim();
        List<String> modules = List.of(found.lines().reduce((a, b) -> b).orElse("").split(","));
        if (modules.isEmpty() || !modules.contains("java.base")) throw new IllegalStateException("jdeps named no modules: " + found);
        System.out.println("[installer] jdeps: " + String.join(",", modules));
        return modules;
    }

    private static Path jlink(Path jdk, Path javafxJmods, List<String> modules, OperatingSystem os, Path runtime)
            throws IOException {
        Tools.deleteRecursively(runtime);
        List<String> args = new ArrayList<>(List.of(
                "--module-path", Tools.pathList(List.of(javafxJmods, jdk.resolve("jmods"))),
                "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages",
                // zip-compressed classes: a third of the size; the class-data archive keeps start-up from paying for it
                "--compress=2",
                // the runtime's default class-data archive: the base the app's own archive is made on
                "--generate-cds-archive",
                "--output", runtime.toString()));
        if (os == OperatingSystem.LINUX && Tools.onPath("objcopy")) {
            // --strip-debug means both kinds, and jlink refuses it beside the native one's own option
            args.set(args.indexOf("--strip-debug"), "--strip-java-debug-attributes");
            args.add(args.size() - 2, "--strip-native-debug-symbols=exclude-debuginfo-files");
        }
        Tools.run("jlink", args.toArray(String[]::new));
        // Made for heaps over 32 GB (no compressed oops), where the app's archive, made on the other
        // one, would not be used anyway: 10 MB for nothing.
        Files.deleteIfExists(runtime.resolve("lib/server/classes_nocoops.jsa"));
        Files.deleteIfExists(runtime.resolve("bin/server/classes_nocoops.jsa"));
        // The launcher loads the JVM as a library; bin/java stays, for the benchmark's bare-java baseline.
        Files.deleteIfExists(runtime.resolve("bin/keytool"));
        Files.deleteIfExists(runtime.resolve("bin/keytool.exe"));
        System.out.println("[installer] runtime: " + Tools.megabytes(Tools.size(runtime)) + " in " + runtime);
        return runtime;
    }

    private Path appImage(OperatingSystem os, Path input, Path runtime, Path resources, String version, Path images) {
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image", "--name", NAME, "--app-version", version,
                "--description", Installers.DESCRIPTION, "--vendor", "gcscope", "--copyright", "gcscope authors, Apache License 2.0",
                "--input", input.toString(), "--main-jar", NAME + ".jar", "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(), "--dest", images.toString(),
                "--icon", resources.resolve("icons").resolve(os.iconFile()).toString(),
                // C1 only: C2's compiler threads cost more CPU than their code saves in a start, a
                // summary or even a 40 MB trace in the window (measured on 2 cores: a 1 MB summary
                // 1.1 -> 0.8 s of CPU, a 40 MB trace opened in the window 9 -> 4.5 s).
                "--java-options", JIT_OPTION,
                // The commands' background class preloading pays when classes come from the jar;
                // from the class-data archive they come at once and it only takes CPU from the
                // summary (a 1 MB summary under load, measured: 1010 -> 730 ms; see GcscopeCli).
                "--java-options", NO_CLI_PREINIT,
                // Map the class-data archives where they were made to be mapped. This JDK 17 update
                // maps them at a random address by default and then patches every pointer in them:
                // for the app's 46 MB archive 25 ms of CPU at every start, window or command
                // (measured: a bare hello on the app's archive 50 -> 30 ms of CPU; -Xlog:cds says
                // "ArchiveRelocationMode == 1: always map archive(s) at an alternative address").
                // A JVM that cannot map there still relocates, as before.
                "--java-options", UNLOCK_DIAGNOSTIC, "--java-options", MAP_ARCHIVE_IN_PLACE));
        if (os == OperatingSystem.LINUX) {
            // The heap in 2 MB pages, which Linux gives to a program that asks at its usual
            // "madvise" setting. Every heap page touched first costs a fault and a zeroing, dear on a
            // virtual machine: a 1 M-cycle summary spent a quarter of its CPU in the kernel. Measured
            // interleaved on the 2-core build machine: that summary 0.87 of the time and 0.86 of the
            // CPU, a 742-line one 0.85 and 0.87, --version 0.91, the first window 0.95 and the first
            // chart 0.96 (9 starts each). A Linux option: elsewhere the JVM would refuse to start.
            args.addAll(List.of("--java-options", HUGE_PAGES));
        }
        if (os == OperatingSystem.MACOS) {
            // the .app's Info.plist is written here, with the file types it opens
            args.addAll(List.of("--mac-package-identifier", "dev.gcscope", "--mac-package-name", NAME,
                    "--file-associations", resources.resolve("jpackage/gctrace.properties").toString()));
        }
        if (os == OperatingSystem.WINDOWS) {
            // A Windows program is either a console or a window program: gcscope.exe opens the window
            // without a console flashing up, gcscope-cli.exe runs the commands in the terminal.
            args.addAll(List.of("--add-launcher", "gcscope-cli=" + resources.resolve("jpackage/windows/gcscope-cli.properties")));
        }
        Tools.run("jpackage", args.toArray(String[]::new));
        return images.resolve(os == OperatingSystem.MACOS ? NAME + ".app" : NAME);
    }

    private void report(AppImage image, Path installers) throws IOException {
        System.out.println("[installer] app image: " + Tools.megabytes(Tools.size(image.root())) + " in " + image.root());
        try (Stream<Path> files = Files.list(installers)) {
            for (Path p : files.sorted().toList()) {
                if (Files.isRegularFile(p)) System.out.println("[installer] " + Tools.megabytes(Files.size(p)) + " " + p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The OS the packages are built on, and so for. */
    enum OperatingSystem {
        LINUX("linux/gcscope-256.png"), WINDOWS("gcscope.ico"), MACOS("gcscope.icns");

        private final String iconFile;

        OperatingSystem(String iconFile) {
            this.iconFile = iconFile;
        }

        String iconFile() {
            return iconFile;
        }

        static OperatingSystem current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            if (name.contains("win")) return WINDOWS;
            if (name.contains("mac")) return MACOS;
            return LINUX;
        }
    }
}
