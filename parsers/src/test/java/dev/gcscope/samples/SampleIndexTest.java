package dev.gcscope.samples;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundled traces stay what the project promises: every file indexed and explained in
 * PROVENANCE.md, none over 2 MB, the module's traces under 20 MB.
 */
class SampleIndexTest {
    private static final Path MODULE = Path.of("..", "sample-traces").toAbsolutePath().normalize();
    private static final Path ROOT = MODULE.resolve("src/main/resources/dev/gcscope/samples");
    private static final long MAX_FILE = 2L * 1024 * 1024;
    private static final long MAX_MODULE = 20L * 1024 * 1024;

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("index.tsv")).toList();
        }
    }

    @Test
    void everyFileIsIndexedAndEveryIndexRowHasItsFile() throws IOException {
        Set<String> onDisk = files().stream().map(p -> ROOT.relativize(p).toString().replace('\\', '/')).collect(Collectors.toSet());
        Set<String> indexed = SampleTraces.all().stream().map(SampleTraces.Sample::path).collect(Collectors.toSet());
        assertEquals(onDisk, indexed);
        for (SampleTraces.Sample s : SampleTraces.all()) assertTrue(s.bytes().length > 0, s.path());
    }

    @Test
    void everyFileHasAProvenanceEntry() throws IOException {
        String provenance = Files.readString(MODULE.resolve("PROVENANCE.md"));
        for (SampleTraces.Sample s : SampleTraces.all()) {
            assertTrue(provenance.contains(s.path()) || provenance.contains(s.fileName()), "no provenance for " + s.path());
        }
    }

    @Test
    void sizesStaySmall() throws IOException {
        long total = 0;
        for (Path p : files()) {
            long size = Files.size(p);
            assertTrue(size <= MAX_FILE, p + " is " + size + " bytes");
            total += size;
        }
        assertTrue(total <= MAX_MODULE, "samples total " + total + " bytes");
    }

    @Test
    void everyRecordedGoVersionIsThere() {
        Set<String> versions = SampleTraces.all().stream().filter(s -> s.has("phases"))
                .map(s -> s.goVersion().replaceAll("^(\\d+\\.\\d+).*", "$1")).collect(Collectors.toSet());
        assertTrue(versions.containsAll(Set.of("1.19", "1.21", "1.22", "1.23", "1.24")), versions::toString);
    }
}
