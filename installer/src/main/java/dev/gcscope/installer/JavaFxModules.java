package dev.gcscope.installer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * JavaFX from Maven Central comes as modular jars with the native libraries inside, which JavaFX
 * would copy to the user's home folder at every first start. jlink takes jmods, whose native
 * libraries go to the runtime's own library folder, where JavaFX finds them first: so each jar is
 * made into a jmod, its classes and resources in one section and its libraries in the other.
 */
final class JavaFxModules {
    private JavaFxModules() {}

    static List<Path> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) throw new IllegalStateException("no JavaFX jars in " + dir);
            return jars;
        }
    }

    /** One jmod per jar, in {@code dir}; returns {@code dir}. */
    static Path toJmods(List<Path> jars, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Path jar : jars) {
            Path unpacked = dir.resolve("unpacked").resolve(jar.getFileName().toString());
            Path classes = Files.createDirectories(unpacked.resolve("classes"));
            Path libs = Files.createDirectories(unpacked.resolve("libs"));
            String module = unpack(jar, classes, libs);
            Tools.run("jmod", "create", "--class-path", classes.toString(), "--libs", libs.toString(),
                    dir.resolve(module + ".jmod").toString());
        }
        Tools.deleteRecursively(dir.resolve("unpacked"));
        return dir;
    }

    /** Splits the jar into classes and native libraries; returns the module's name. */
    private static String unpack(Path jar, Path classes, Path libs) throws IOException {
        String module = null;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.equals("META-INF/MANIFEST.MF") || isDropped(name)) continue;
                Path target = (isNativeLibrary(name) ? libs : classes).resolve(name);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                if (name.equals("module-info.class")) module = moduleName(jar);
            }
        }
        if (module == null) throw new IllegalStateException(jar + " is not a modular jar");
        return module;
    }

    private static String moduleName(Path jar) {
        return java.lang.module.ModuleFinder.of(jar).findAll().iterator().next().descriptor().name();
    }

    /** A native library at the jar's root, of any OS. */
    static boolean isNativeLibrary(String name) {
        return name.indexOf('/') < 0 && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"));
    }

    /** JavaFX's bridge to SWT, a jar inside javafx-graphics that nothing here uses. */
    private static boolean isDropped(String name) {
        return name.equals("javafx-swt.jar");
    }

    /** Every package directory ({@code com/sun/javafx/tk}) the jars hold classes in. */
    static List<String> packages(List<Path> jars) throws IOException {
        List<String> packages = new ArrayList<>();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName)
                        .filter(n -> n.endsWith(".class") && n.indexOf('/') > 0 && !n.startsWith("META-INF/"))
                        .map(n -> n.substring(0, n.lastIndexOf('/')))
                        .distinct().forEach(packages::add);
            }
        }
        return packages.stream().distinct().sorted().toList();
    }
}
