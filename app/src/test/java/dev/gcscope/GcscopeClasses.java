package dev.gcscope;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import dev.gcscope.analysis.GcTraceAnalysis;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.samples.SampleTraces;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Where the architecture tests find gcscope's classes: the main classes of each module (this
 * module's output folder, and parsers, analysis and sample-traces as folders or jars, whichever
 * the build put on the class path), named through one class of each.
 *
 * <p>Every test class that says {@code @AnalyzeClasses(locations = GcscopeClasses.class, …)} with
 * the same import options shares one import, which ArchUnit caches for the whole test run. Asking
 * by location instead of by package saves scanning every jar on the class path (JavaFX, Tablesaw,
 * fastutil) for {@code dev/gcscope}; {@code archunit.properties} stops ArchUnit from importing the
 * classes gcscope merely refers to, which the rules know by name.
 */
public final class GcscopeClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
        Set<Location> locations = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {Launcher.class, TraceParser.class, GcTraceAnalysis.class, SampleTraces.class}) {
            locations.add(locationOf(c));
        }
        return locations;
    }

    private static Location locationOf(Class<?> c) {
        try {
            Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(p) ? Location.of(p) : Location.of(new JarFile(p.toFile()));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }

    /** The analysis module's test helpers reach this module's tests as a test-jar; they are not gcscope. */
    public static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
