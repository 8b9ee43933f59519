package dev.gcscope.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The Linux desktop integration, put into the app image's {@code lib/desktop}: the menu entry, the
 * file types (with the rule that knows a gctrace log by its content), the icon in the theme's sizes
 * and {@code integrate.sh}, which the package's install and remove scripts call to put them in the
 * system's folders (and {@code gcscope} on the PATH) and to take them out again.
 */
final class DesktopFiles {
    static final int[] ICON_SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private DesktopFiles() {}

    static void copyInto(Path resources, AppImage image) throws IOException {
        Path desktop = image.root().resolve("lib/desktop");
        Files.createDirectories(desktop);
        Path linux = resources.resolve("jpackage/linux");
        for (String f : new String[] {"gcscope.desktop", "gcscope-gctrace.xml", "integrate.sh"}) {
            Files.copy(linux.resolve(f), desktop.resolve(f));
        }
        Files.setPosixFilePermissions(desktop.resolve("integrate.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path icons = resources.resolve("icons");
        for (int size : ICON_SIZES) {
            Path dir = Files.createDirectories(desktop.resolve("icons/" + size + "x" + size));
            Files.copy(icons.resolve("linux/gcscope-" + size + ".png"), dir.resolve("gcscope.png"));
        }
        Path scalable = Files.createDirectories(desktop.resolve("icons/scalable"));
        Files.copy(icons.resolve("gcscope.svg"), scalable.resolve("gcscope.svg"));
    }
}
