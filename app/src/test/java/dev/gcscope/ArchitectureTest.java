package dev.gcscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layering the style notes ask for, where the compiler cannot enforce it (the Maven modules
 * keep JavaFX out of parsers and analysis, and analysis out of parsers): no package cycles, the
 * libraries know nothing of the application, the command line and what it uses never touch
 * JavaFX (it must run headless without starting the toolkit), and only the CLI writes to the
 * console. The rules inside the UI are in {@code ui.UiArchitectureTest}; both share one import.
 */
@AnalyzeClasses(locations = GcscopeClasses.class,
        importOptions = {ImportOption.DoNotIncludeTests.class, GcscopeClasses.NoTestJars.class})
class ArchitectureTest {
    /**
     * What the command line runs on: none of it may load a JavaFX class. The charts' renderers
     * ({@code render}) and their PNG and SVG writers ({@code export}) are among it: the command line
     * draws charts with no display.
     */
    private static final String[] HEADLESS = {"dev.gcscope.cli..", "dev.gcscope.format..", "dev.gcscope.preinit..",
            "dev.gcscope.render..", "dev.gcscope.export.."};

    @ArchTest
    static final ArchRule theLibrariesNeverTouchJavaFx = noClasses()
            .that().resideInAnyPackage("dev.gcscope.analysis..", "dev.gcscope.parsers..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..");

    @ArchTest
    static final ArchRule theLibrariesKnowNothingOfTheApplication = noClasses()
            .that().resideInAnyPackage("dev.gcscope.analysis..", "dev.gcscope.parsers..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.gcscope", "dev.gcscope.cli..", "dev.gcscope.ui..",
                    "dev.gcscope.format..", "dev.gcscope.preinit..");

    @ArchTest
    static final ArchRule theCliNeverLoadsJavaFx = noClasses().that().resideInAnyPackage(HEADLESS)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "dev.gcscope.ui..");

    @ArchTest
    static final ArchRule onlyTheCliWritesToTheConsole =
            // parsers has its own test
            noClasses().that().resideOutsideOfPackages("dev.gcscope.cli..", "dev.gcscope.parsers..")
                    .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                    .should().accessField(System.class, "out").orShould().accessField(System.class, "err");

    /** The launcher, cli, format, preinit, ui, parsers, analysis, samples: each part only below the ones that use it. */
    @ArchTest
    static final ArchRule thePartsAreFreeOfCycles = slices().assignedFrom(new TopLevelParts()).should().beFreeOfCycles();

    /**
     * Every package on its own, but the parsers': their registry ({@code TraceParsers}) sits in the
     * package its parsers implement, and {@code parsers.io} and the root share types both ways.
     */
    @ArchTest
    static final ArchRule everyPackageIsFreeOfCycles = slices().assignedFrom(new PackagesOutsideTheParsers())
            .should().beFreeOfCycles();

    /** dev.gcscope.X.. is part X; the launcher's own package is a part of its own. */
    static final class TopLevelParts implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (p.equals("dev.gcscope")) return SliceIdentifier.of("launcher");
            if (!p.startsWith("dev.gcscope.")) return SliceIdentifier.ignore();
            String rest = p.substring("dev.gcscope.".length());
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "the top-level parts of dev.gcscope";
        }
    }

    /** One slice per package of dev.gcscope; the parsers' packages are left out. */
    static final class PackagesOutsideTheParsers implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            boolean ours = p.equals("dev.gcscope") || p.startsWith("dev.gcscope.");
            boolean parsers = p.equals("dev.gcscope.parsers") || p.startsWith("dev.gcscope.parsers.");
            return ours && !parsers ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.gcscope outside the parsers";
        }
    }
}
