package dev.gcscope.installer;

import dev.gcscope.installer.PackageBuilder.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The installers jpackage makes from the app image, per OS. Linux: a .deb (and an .rpm where
 * rpmbuild is installed) installing to /opt/gcscope, whose scripts call the image's
 * {@code lib/desktop/integrate.sh} for the PATH, the menu entry, the file types and the icon.
 * Windows: an .msi (needs the WiX Toolset 3 on the PATH) with a Start-menu entry, a desktop shortcut
 * and .gctrace opened by gcscope. macOS: a .dmg holding gcscope.app, which opens .gctrace files.
 */
final class Installers {
    static final String DESCRIPTION = "Desktop viewer and command-line tool for Go GC traces, perf sched dumps and runtime/metrics histograms";
    /** Windows finds the installed gcscope to upgrade by it: never change it. */
    private static final String WINDOWS_UPGRADE_UUID = "5d1f6c2e-8a4b-4c8e-9d55-3b0e7f2a9c41";

    private Installers() {}

    /** The jpackage types to build: {@code all} is every type this OS can build here, {@code none} none. */
    static List<String> types(OperatingSystem os, String requested) {
        if (requested.equals("none")) return List.of();
        if (!requested.equals("all")) return List.of(requested.split(","));
        return switch (os) {
            case LINUX -> {
                List<String> types = new ArrayList<>();
                if (Tools.onPath("dpkg-deb") && Tools.onPath("fakeroot")) types.add("deb");
                else System.out.println("[installer] no .deb: dpkg-deb and fakeroot are needed (apt-get install fakeroot dpkg-dev)");
                if (Tools.onPath("rpmbuild")) types.add("rpm");
                else System.out.println("[installer] no .rpm: rpmbuild is not installed");
                yield types;
            }
            case WINDOWS -> List.of("msi");
            case MACOS -> List.of("dmg");
        };
    }

    /** Builds each type into {@code out}; returns {@code out}. */
    static Path build(OperatingSystem os, List<String> types, AppImage image, Path resources, String version, Path work, Path out)
            throws IOException {
        for (String type : types) {
            List<String> args = new ArrayList<>(List.of("--type", type, "--app-image", image.root().toString(),
                    "--name", PackageBuilder.NAME, "--app-version", version, "--description", DESCRIPTION,
                    "--vendor", "gcscope", "--copyright", "gcscope authors, Apache License 2.0",
                    "--license-file", resources.resolve("../../LICENSE").normalize().toString(),
                    "--dest", out.toString(), "--temp", work.resolve("jpackage-" + type).toString()));
            Tools.deleteRecursively(work.resolve("jpackage-" + type));
            args.addAll(switch (os) {
                case LINUX -> List.of("--resource-dir", resources.resolve("jpackage/linux").toString(),
                        "--linux-package-name", PackageBuilder.NAME, "--linux-app-category", "devel",
                        "--linux-menu-group", "Development", "--linux-deb-maintainer", "gcscope@users.noreply.github.com",
                        // integrate.sh adds files to the folders these packages own (and runs their update tools)
                        "--linux-package-deps", "shared-mime-info, hicolor-icon-theme, desktop-file-utils");
                case WINDOWS -> List.of("--win-menu", "--win-menu-group", "gcscope", "--win-shortcut", "--win-dir-chooser",
                        "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID,
                        "--file-associations", resources.resolve("jpackage/gctrace.properties").toString());
                case MACOS -> List.of("--mac-package-identifier", "dev.gcscope", "--mac-package-name", PackageBuilder.NAME);
            });
            Tools.run("jpackage", args.toArray(String[]::new));
        }
        return out;
    }

    /** The package files built, for the report and the tests. */
    static boolean isInstaller(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".deb") || n.endsWith(".rpm") || n.endsWith(".msi") || n.endsWith(".exe")
                || n.endsWith(".dmg") || n.endsWith(".pkg"));
    }
}
