package dev.gcscope.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Views wire, view models decide: view models and the runner never touch the scene graph. */
class UiArchitectureTest {
    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gcscope.ui");

    @Test
    void viewModelsDoNotUseTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(UI);
    }

    @Test
    void theBackgroundRunnerIsPlainJava() {
        noClasses().that().resideInAPackage("dev.gcscope.ui.task..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(UI);
    }

    @Test
    void nothingInTheUiPrintsToStandardOut() {
        noClasses().should().accessField(System.class, "out").check(UI);
    }
}
