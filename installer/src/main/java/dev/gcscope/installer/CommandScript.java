package dev.gcscope.installer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gcscope} command on a Linux PATH: a shell script, {@code lib/desktop/gcscope} in the
 * image, that starts the bundled runtime's {@code java} with exactly what jpackage's launcher
 * ({@code bin/gcscope}) starts the JVM with: the options of its configuration, the jar and the main
 * class. Why not that launcher: on every start, before the JVM, JDK 17's Linux launcher asks
 * {@code rpm -qf} and {@code dpkg -S} (and, when a package owns it, {@code dpkg -L}) which package
 * it belongs to, to find its own library; three processes, {@code dpkg -S} reading every package's
 * file list. Measured on the 2-core build machine: 70-100 ms of a {@code gcscope help} that takes
 * 150 ms without them, more on a busy machine. The menu entry starts the script too: with the
 * package installed, interleaved starts of a 1.1 MB trace's window took 1,236 ms (first window) and
 * 1,787 ms (first chart) through the launcher, 907 and 1,496 ms through the script. Windows and
 * macOS keep their launchers (they ask no package manager).
 *
 * <p>Written after the training run, from the configuration the launcher then has, so the two start
 * the same JVM; AppImageIT checks that both print what the fat jar prints.
 */
final class CommandScript {
    /** Where the script is, relative to the image's root; integrate.sh links /usr/bin/gcscope to it. */
    static final String PATH = "lib/desktop/" + PackageBuilder.NAME;

    private CommandScript() {}

    static Path writeInto(AppImage image) throws IOException {
        List<Path> cfgs = image.launcherConfigurations();
        if (cfgs.size() != 1) throw new IllegalStateException("expected one launcher configuration, found " + cfgs);
        List<String> javaOptions = new ArrayList<>();
        for (String line : Files.readAllLines(cfgs.get(0), StandardCharsets.UTF_8)) {
            if (line.startsWith("java-options=")) javaOptions.add(line.substring("java-options=".length()));
        }
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# gcscope on the PATH: the bundled Java runtime started as the launcher bin/gcscope starts it\n");
        s.append("# (its options from lib/app/gcscope.cfg), without the package-manager queries that launcher\n");
        s.append("# makes on every start (rpm -qf, dpkg -S: 0.1 s). Written by the build (CommandScript).\n");
        // One process for the link's target; the rest is the shell's own string handling.
        s.append("self=$(readlink -f \"$0\")\n");
        s.append("app=${self%/").append(PATH).append("}\n");
        s.append("exec \"$app/lib/runtime/bin/java\"");
        for (String option : javaOptions) s.append(" \\\n    ").append(quoted(option.replace("$APPDIR", "$app/lib/app")));
        s.append(" \\\n    ").append(quoted("-Djpackage.app-path=$app/bin/" + PackageBuilder.NAME));
        s.append(" \\\n    -cp ").append(quoted("$app/lib/app/" + PackageBuilder.NAME + ".jar"));
        s.append(" \\\n    ").append(PackageBuilder.MAIN_CLASS).append(" \"$@\"\n");
        Path script = image.root().resolve(PATH);
        Files.createDirectories(script.getParent());
        Files.writeString(script, s, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** In double quotes, so {@code $app} expands and a space in the install folder is safe. */
    private static String quoted(String option) {
        if (option.matches(".*[\"`\\\\].*")) throw new IllegalArgumentException("cannot quote java option " + option);
        return "\"" + option + "\"";
    }
}
