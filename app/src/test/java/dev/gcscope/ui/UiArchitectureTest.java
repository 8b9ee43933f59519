package dev.gcscope.ui;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gcscope.GcscopeClasses;

/**
 * Views wire, view models decide: view models and the runner never touch the scene graph; the
 * charts know no trace format; background work goes through the runner. Shares
 * {@code ArchitectureTest}'s import (same locations, same options).
 */
@AnalyzeClasses(locations = GcscopeClasses.class,
        importOptions = {ImportOption.DoNotIncludeTests.class, GcscopeClasses.NoTestJars.class})
class UiArchitectureTest {
    /** JavaFX's observable values and collections: what a view model may expose. Nothing else of JavaFX. */
    private static final DescribedPredicate<JavaClass> JAVAFX_BEYOND_OBSERVABLES = resideInAPackage("javafx..")
            .and(DescribedPredicate.not(resideInAnyPackage("javafx.beans..", "javafx.collections..")))
            .as("reside in JavaFX beyond javafx.beans and javafx.collections");

    @ArchTest
    static final ArchRule viewModelsDoNotUseTheSceneGraph = noClasses().that().resideInAPackage("dev.gcscope.ui..")
            .and().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat(JAVAFX_BEYOND_OBSERVABLES).orShould().dependOnClassesThat()
            .resideInAPackage("com.sun.javafx..");

    @ArchTest
    static final ArchRule theBackgroundRunnerIsPlainJava = noClasses().that().resideInAPackage("dev.gcscope.ui.task..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /** Charts draw numbers; which trace the numbers came from is the business of the packages above them. */
    @ArchTest
    static final ArchRule theChartsKnowNoTraceFormat = noClasses().that().resideInAPackage("dev.gcscope.ui.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gcscope.parsers..", "dev.gcscope.format..",
                    "dev.gcscope.cli..")
            .orShould().dependOnClassesThat(resideInAPackage("dev.gcscope.ui..")
                    .and(DescribedPredicate.not(resideInAPackage("dev.gcscope.ui.chart..")))
                    .as("reside in the rest of the UI (ui.gctrace, ui.sched, …)"));

    /**
     * Background work goes through the runner, so it is bounded by the cores and can be cancelled:
     * no thread, pool or common-pool future of its own anywhere else in the UI, and no analysis on
     * the command line's pool.
     */
    @ArchTest
    static final ArchRule backgroundWorkGoesThroughTheRunner = noClasses().that().resideInAPackage("dev.gcscope.ui..")
            .and().resideOutsideOfPackage("dev.gcscope.ui.task..")
            .should().callConstructorWhere(targetOwner(assignableTo(Thread.class)))
            .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                    java.util.concurrent.CompletableFuture.class, java.util.concurrent.ForkJoinPool.class,
                    java.util.concurrent.ThreadPoolExecutor.class)
            .orShould().callMethod(dev.gcscope.analysis.work.Work.class, "parallel");

    @ArchTest
    static final ArchRule nothingInTheUiPrintsToStandardOut = noClasses().that().resideInAPackage("dev.gcscope.ui..")
            .should().accessField(System.class, "out");
}
