package dev.gcscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering the style notes ask for, enforced: analysis is pure Java over tables, the CLI never
 * touches JavaFX (it must run headless without starting the toolkit), and only the CLI writes to
 * the console. The rules inside the UI are in {@code ui.UiArchitectureTest}.
 */
class ArchitectureTest {
    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the analysis module's test helpers reach the app's tests as a test-jar
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.gcscope");

    @Test
    void analysisDoesNotTouchTheSceneGraphOrTheUi() {
        noClasses().that().resideInAPackage("dev.gcscope.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "dev.gcscope.ui..", "dev.gcscope.cli..")
                .check(APP);
    }

    @Test
    void theCliNeverLoadsJavaFx() {
        noClasses().that().resideInAPackage("dev.gcscope.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "dev.gcscope.ui..")
                .check(APP);
    }

    @Test
    void onlyTheCliWritesToTheConsole() {
        // samples.bench holds command-line tools of its own; parsers has its own test
        noClasses().that().resideOutsideOfPackages("dev.gcscope.cli..", "dev.gcscope.samples..", "dev.gcscope.parsers..")
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(APP);
    }
}
