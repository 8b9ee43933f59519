package dev.gcscope.ui;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Views wire, view models decide: view models and the runner never touch the scene graph; background work goes through the runner. */
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

    /**
     * Background work goes through the runner, so it is bounded by the cores and can be cancelled:
     * no thread, pool or common-pool future of its own anywhere else in the UI, and no analysis on
     * the command line's pool.
     */
    @Test
    void backgroundWorkGoesThroughTheRunner() {
        noClasses().that().resideInAPackage("dev.gcscope.ui..").and().resideOutsideOfPackage("dev.gcscope.ui.task..")
                .should().callConstructorWhere(targetOwner(assignableTo(Thread.class)))
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                        java.util.concurrent.CompletableFuture.class, java.util.concurrent.ForkJoinPool.class,
                        java.util.concurrent.ThreadPoolExecutor.class)
                .orShould().callMethod(dev.gcscope.analysis.work.Work.class, "parallel")
                .check(UI);
    }

    @Test
    void nothingInTheUiPrintsToStandardOut() {
        noClasses().should().accessField(System.class, "out").check(UI);
    }
}
