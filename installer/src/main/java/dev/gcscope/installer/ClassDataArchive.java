package dev.gcscope.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the app's class-data archive from the training run's class list, for the image where it
 * lies: the same command the .deb's postinst runs at /opt/gcscope ({@code integrate.sh}). Made here
 * for the image in installer/target (the benchmark and AppImageIT run it), after the installers are
 * built, so no package carries an archive made for the build's folders.
 */
final class ClassDataArchive {
    private ClassDataArchive() {}

    static void makeFor(AppImage image, Path work) throws IOException, InterruptedException {
        Path archive = image.appDir().resolve(AppImage.ARCHIVE);
        Files.deleteIfExists(archive);
        Path java = image.runtime().resolve("bin").resolve(PackageBuilder.OperatingSystem.current() == PackageBuilder.OperatingSystem.WINDOWS
                ? "java.exe" : "java");
        Path log = work.resolve("class-data-dump.log");
        List<String> command = List.of(java.toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + image.appDir().resolve(AppImage.CLASS_LIST),
                "-XX:SharedArchiveFile=" + archive,
                "-cp", image.appDir().resolve(PackageBuilder.NAME + ".jar").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the class-data dump did not end within 5 minutes; see " + log);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the class-data dump failed (" + p.exitValue() + "): " + Files.readString(log));
        }
        System.out.println("[installer] class-data archive: " + Tools.megabytes(Files.size(archive)) + " in " + archive);
    }
}
