package dev.gcscope.ui.compare;

import dev.gcscope.analysis.work.Work;
import dev.gcscope.export.report.CycleSpan;
import dev.gcscope.export.report.RenderedCharts;
import dev.gcscope.export.report.ReportFormat;
import dev.gcscope.export.report.ReportTheme;
import dev.gcscope.render.timeline.GcTraceSeries;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.export.FileExports;
import dev.gcscope.ui.export.ReportExport;
import dev.gcscope.ui.table.TableActions;
import dev.gcscope.ui.workspace.TraceDocument;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;

/**
 * The comparison's exports: the costs table copied as {@code compare --tsv} and {@code --markdown}
 * print it, and the report {@code report --compare} writes, in the window's theme, off the UI thread
 * through the window's {@link FileExports}.
 */
final class ComparisonExports {
    private final ComparisonViewModel vm;

    ComparisonExports(ComparisonViewModel vm) {
        this.vm = vm;
    }

    /** "Export ▾": Copy costs as TSV, Copy as Markdown, Export report… */
    MenuButton button(Node owner) {
        MenuItem tsv = item("Copy costs as TSV", "compare-copy-tsv", this::copyTsv);
        MenuItem markdown = item("Copy as Markdown", "compare-copy-markdown", this::copyMarkdown);
        MenuItem report = item("Export report…", "compare-export-report", () -> chooseReport(owner));
        MenuButton b = new MenuButton("Export", null, tsv, markdown, new SeparatorMenuItem(), report);
        b.setId("compare-export");
        // nothing to copy or report before the figures are computed
        b.setOnShowing(e -> {
            boolean none = vm.comparisonProperty().get() == null;
            tsv.setDisable(none);
            markdown.setDisable(none);
            report.setDisable(none);
        });
        return b;
    }

    /** The costs table's Copy as TSV and Copy as Markdown give the whole comparison's, as the command line prints them. */
    void rewire(javafx.scene.control.TableView<?> costs) {
        for (MenuItem it : costs.getContextMenu().getItems()) {
            if ("copy-tsv".equals(it.getId())) it.setOnAction(e -> copyTsv());
            if ("copy-markdown".equals(it.getId())) it.setOnAction(e -> copyMarkdown());
        }
    }

    void copyTsv() {
        String t = vm.costsTsv();
        if (t != null) TableActions.copy(t);
    }

    void copyMarkdown() {
        String t = vm.costsMarkdown();
        if (t != null) TableActions.copy(t);
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem it = new MenuItem(text);
        it.setId(id);
        it.setOnAction(e -> action.run());
        return it;
    }

    private void chooseReport(Node owner) {
        List<TraceDocument> sides = vm.sides();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the comparison's report");
        FileChooser.ExtensionFilter html = new FileChooser.ExtensionFilter("HTML report (one file)", "*.html");
        FileChooser.ExtensionFilter md = new FileChooser.ExtensionFilter("Markdown with PNG charts", "*.md");
        chooser.getExtensionFilters().addAll(html, md);
        chooser.setInitialFileName(ReportFormat.HTML.defaultFileName(sides.get(0).displayName()).replace("-gcscope.", "-compare."));
        Path folder = sides.get(0).file() == null ? null : sides.get(0).file().toAbsolutePath().getParent();
        if (folder != null && folder.toFile().isDirectory()) chooser.setInitialDirectory(folder.toFile());
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file == null) return;
        String name = file.getName().toLowerCase(Locale.ROOT);
        ReportFormat format = name.endsWith(".md") || !name.endsWith(".html") && chooser.getSelectedExtensionFilter() == md
                ? ReportFormat.MD : ReportFormat.HTML;
        Path target = file.toPath();
        if (!name.endsWith("." + format.extension())) {
            target = target.resolveSibling(file.getName().replaceAll("(?i)\\.(html|md)$", "") + "." + format.extension());
        }
        exportReport(owner, target, format);
    }

    /** Writes the report at {@code target} in the background; false when the window's exports are not at hand. */
    boolean exportReport(Node owner, Path target, ReportFormat format) {
        FileExports exports = exports(owner);
        if (exports == null || vm.comparisonProperty().get() == null) return false;
        boolean dark = owner.getScene().getRoot().getStyleClass().contains(Theme.DARK_CLASS);
        List<ReportExport.Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < vm.sides().size(); i++) sources.add(source(vm.sides().get(i), span(vm.sides().get(i), vm.range(i))));
        RenderedCharts charts = new RenderedCharts(Work.on(exports.runner().executor(), () -> false));
        new ReportExport(exports, charts).exportComparison(sources, vm.reportSides(), List.copyOf(vm.labels()), target, format,
                dark ? ReportTheme.DARK : ReportTheme.LIGHT);
        return true;
    }

    /** A side's range as a report states it: its cycles, in seconds on the file's timeline (what --from/--to take). */
    private static CycleSpan span(TraceDocument d, ComparisonViewModel.SideRange r) {
        if (r == null) return null;
        double[] x = GcTraceSeries.of(d.gcTrace().cycles()).x();
        return new CycleSpan(x[r.fromRow()], x[r.toRow() - 1], r.fromRow(), r.toRow(), r.total());
    }

    private static ReportExport.Source source(TraceDocument d, CycleSpan span) {
        Path file = d.file();
        return new ReportExport.Source(d.displayName(), file, d.isSample(), d.bytes(), d.result(), span, d.digest());
    }

    private static FileExports exports(Node node) {
        if (node.getScene() == null || node.getScene().getRoot() == null) return null;
        Object x = node.getScene().getRoot().getProperties().get(FileExports.KEY);
        return x instanceof FileExports f ? f : null;
    }
}
