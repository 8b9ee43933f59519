package dev.gcscope.parsers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The parsers module is plain Java: no JavaFX, and it prints nothing (callers decide what to show). */
class ArchitectureTest {
    private static final JavaClasses PARSERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gcscope.parsers");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..").check(PARSERS);
    }

    @Test
    void noConsoleOutput() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(PARSERS);
    }
}
