package dev.gcscope.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The app's jar as the packages ship it: the shipped jar ({@code app/target/gcscope.jar}) without
 * JavaFX, which the runtime holds as modules. The jar carries JavaFX for three OSes; what goes is
 * every package of JavaFX's modules with the packages below them (the other OSes' glass and prism
 * packages), the native libraries and JavaFX's version file. Entry times are kept, so the jar is
 * the same bytes at every build of the same sources.
 */
final class AppJar {
    private AppJar() {}

    static void withoutJavaFx(Path appJar, List<Path> javafxJars, Path target) throws IOException {
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException(appJar + " is missing: the app module builds it (mvn -Pinstaller package builds both)");
        }
        List<String> javafxPackages = JavaFxModules.packages(javafxJars);
        Files.createDirectories(target.getParent());
        int dropped = 0;
        int kept = 0;
        try (ZipFile in = new ZipFile(appJar.toFile()); OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (isJavaFx(entry.getName(), javafxPackages)) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
                kept++;
            }
        }
        System.out.printf("[installer] %s: %d entries, %d of JavaFX dropped%n", target, kept, dropped);
    }

    static boolean isJavaFx(String name, List<String> javafxPackages) {
        if (JavaFxModules.isNativeLibrary(name) || name.equals("javafx.properties") || name.equals("javafx-swt.jar")) return true;
        int slash = name.lastIndexOf('/');
        if (slash < 0) return false;
        String dir = name.substring(0, slash);
        for (String p : javafxPackages) {
            if (dir.equals(p) || dir.startsWith(p + "/")) return true;
        }
        return false;
    }
}
