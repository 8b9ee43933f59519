package dev.gcscope.installer;

import dev.gcscope.installer.PackageBuilder.OperatingSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where jpackage put things in the app image of each OS: the launcher, the app folder (jar and
 * launcher configuration, {@code $APPDIR} in the configuration) and the runtime.
 *
 * @param root     the image: {@code gcscope/} on Linux and Windows, {@code gcscope.app/} on macOS
 * @param launcher the program that starts the app
 * @param appDir   {@code $APPDIR}
 * @param runtime  the Java runtime's home
 */
record AppImage(Path root, Path launcher, Path appDir, Path runtime) {
    static final String ARCHIVE = PackageBuilder.NAME + ".jsa";
    static final String CLASS_LIST = PackageBuilder.NAME + ".classlist";

    static AppImage of(OperatingSystem os, Path root) {
        return switch (os) {
            case LINUX -> new AppImage(root, root.resolve("bin/gcscope"), root.resolve("lib/app"), root.resolve("lib/runtime"));
            case WINDOWS -> new AppImage(root, root.resolve("gcscope.exe"), root.resolve("app"), root.resolve("runtime"));
            case MACOS -> new AppImage(root, root.resolve("Contents/MacOS/gcscope"), root.resolve("Contents/app"),
                    root.resolve("Contents/runtime/Contents/Home"));
        };
    }

    /** Every launcher's configuration file ({@code gcscope.cfg}, and {@code gcscope-cli.cfg} on Windows). */
    List<Path> launcherConfigurations() throws IOException {
        try (Stream<Path> files = Files.list(appDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".cfg")).sorted().toList();
        }
    }

    /**
     * Adds a JVM option to every launcher's configuration, in its {@code [JavaOptions]} section
     * (where jpackage's --java-options go; {@code $APPDIR} is expanded by the launcher).
     */
    void addJavaOption(String option) throws IOException {
        for (Path cfg : launcherConfigurations()) {
            List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
            int section = lines.indexOf("[JavaOptions]");
            if (section < 0) {
                lines.add("[JavaOptions]");
                section = lines.size() - 1;
            }
            lines.add(section + 1, "java-options=" + option);
            Files.write(cfg, lines, StandardCharsets.UTF_8);
        }
    }
}
