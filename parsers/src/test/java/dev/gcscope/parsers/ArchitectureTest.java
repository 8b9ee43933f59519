package dev.gcscope.parsers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parsers module is plain Java: no JavaFX, and it prints nothing (callers decide what to show). */
class ArchitectureTest {
    /**
     * From this module's output folder (or jar) alone: scanning the class path for the package reads
     * every jar on it, and archunit.properties keeps ArchUnit from importing the classes the parsers
     * merely refer to, which the rules know by name.
     */
    private static final JavaClasses PARSERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Set.of(Location.of(codeSource(TraceParser.class))))
            .that(JavaClass.Predicates.resideInAPackage("dev.gcscope.parsers.."));

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..").check(PARSERS);
    }

    @Test
    void noConsoleOutput() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(PARSERS);
    }
}
