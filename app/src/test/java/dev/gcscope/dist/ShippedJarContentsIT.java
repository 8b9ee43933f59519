package dev.gcscope.dist;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code gcscope.jar} holds: everything the app needs on Linux, Windows and macOS, and none of
 * what it does not use (Tablesaw's file readers' libraries, the test corpus, the benchmark tools,
 * test libraries, the real ClassGraph).
 */
class ShippedJarContentsIT {
    /** A budget, not a measurement: the lean jar is ~22 MB; the old one, with icu4j, all of fastutil and the corpus, was 60 MB. */
    private static final long MAX_BYTES = 28L * 1024 * 1024;

    private static JarFile jar;
    private static List<String> names;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(ShippedJar.path().toFile());
        names = jar.stream().map(ZipEntry::getName).toList();
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    private static List<String> under(String prefix) {
        return names.stream().filter(n -> n.startsWith(prefix) && !n.endsWith("/")).toList();
    }

    @Test
    void whatGcscopeDoesNotUseIsNotShipped() {
        for (String prefix : List.of(
                "com/ibm/icu/",                 // icu4j: only Tablesaw's file readers detect charsets with it
                "com/univocity/",               // univocity: only Tablesaw's CSV/fixed-width readers and writers
                "dev/gcscope/samples/",         // the test corpus and its index
                "org/openjdk/jmh/",             // benchmarks
                "nonapi/io/github/classgraph/", // the real ClassGraph (the app has its stand-in)
                "org/junit/", "org/testfx/", "com/tngtech/archunit/", "com/sun/glass/ui/monocle/",
                "javafx-swt.jar")) {
            assertEquals(List.of(), under(prefix).stream().limit(3).toList(), prefix + " (the first entries)");
        }
        assertEquals(List.of(), names.stream().filter(n -> n.contains("/bench/")).toList(), "benchmark classes");
    }

    @Test
    void onlyTheClassGraphStandInIsShipped() {
        assertEquals(List.of("io/github/classgraph/ClassGraph.class", "io/github/classgraph/ClassInfoList.class",
                        "io/github/classgraph/ScanResult.class", "io/github/classgraph/package-info.class"),
                under("io/github/").stream().sorted().toList());
    }

    @Test
    void fastutilIsCutToTheClassesTablesawUses() {
        long classes = under("it/unimi/dsi/fastutil/").size();
        // fastutil 8.5.13 has 12,795 classes (56 MB); gcscope reaches about 1,800 of them.
        assertTrue(classes > 100 && classes < 4_000, classes + " fastutil classes");
        assertNotNull(jar.getEntry("it/unimi/dsi/fastutil/ints/IntArrayList.class"));
    }

    @Test
    void theDemoSamplesAndOnlyThemAreBundled() throws IOException {
        TreeSet<String> listed = ShippedJar.demos().stream().map(d -> ShippedJar.DEMO + d.path())
                .collect(Collectors.toCollection(TreeSet::new));
        listed.add(ShippedJar.DEMO + "index.tsv");
        assertEquals(listed, new TreeSet<>(under(ShippedJar.DEMO)));
        assertTrue(listed.contains(ShippedJar.DEMO + "gctrace/go1.24-phases.log"), "the start without a file opens it");
    }

    @Test
    void theEntryPointsAndWhatTheyLoadByNameAreThere() throws IOException {
        assertEquals("dev.gcscope.Launcher", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        for (String cls : List.of("dev/gcscope/Launcher", "dev/gcscope/cli/GcscopeCli", "dev/gcscope/ui/app/GcscopeApp",
                "tech/tablesaw/api/Table", "org/apache/commons/math3/ml/clustering/KMeansPlusPlusClusterer",
                "com/fasterxml/jackson/databind/ObjectMapper", "picocli/CommandLine", "org/slf4j/nop/NOPServiceProvider",
                "org/controlsfx/control/StatusBar", "impl/org/controlsfx/skin/StatusBarSkin",
                "com/sun/javafx/tk/quantum/QuantumToolkit", "com/sun/prism/sw/SWPipeline", "com/sun/prism/es2/ES2Pipeline")) {
            assertNotNull(jar.getEntry(cls + ".class"), cls);
        }
        assertNotNull(jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
    }

    /** JavaFX loads each native library from the jar's root; each OS needs its window system and pipelines. */
    @Test
    void everyDesktopHasItsJavaFxNativesAndPlatformClasses() {
        List<String> linux = List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so",
                "libjavafx_font.so", "libjavafx_font_freetype.so", "libjavafx_font_pango.so", "libjavafx_iio.so",
                "libdecora_sse.so", "com/sun/glass/ui/gtk/GtkPlatformFactory.class");
        List<String> windows = List.of("glass.dll", "prism_d3d.dll", "prism_sw.dll", "javafx_font.dll", "javafx_iio.dll",
                "decora_sse.dll", "msvcp140.dll", "vcruntime140.dll", "com/sun/glass/ui/win/WinPlatformFactory.class",
                "com/sun/prism/d3d/D3DPipeline.class");
        List<String> mac = List.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib", "libjavafx_font.dylib",
                "libjavafx_iio.dylib", "libdecora_sse.dylib", "com/sun/glass/ui/mac/MacPlatformFactory.class");
        for (List<String> os : List.of(linux, windows, mac)) {
            for (String entry : os) assertNotNull(jar.getEntry(entry), entry);
        }
    }

    @Test
    void theJarStaysLean() throws IOException {
        long bytes = Files.size(ShippedJar.path());
        assertTrue(bytes < MAX_BYTES, bytes + " bytes");
    }
}
