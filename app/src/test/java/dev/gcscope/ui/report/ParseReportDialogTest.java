package dev.gcscope.ui.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.task.SynchronousRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The parse report lists the skipped lines themselves, checked against the raw file: a trace with
 * Go's pacer output (1,001 pacer lines, more than a kind lists) and five lines of other text.
 */
@ExtendWith(ApplicationExtension.class)
class ParseReportDialogTest {
    private static final String SAMPLE = "gctrace/go1.24-phases-pacer-scav.log";
    private static final String NAME = "go1.24-phases-pacer-scav.log";

    @TempDir
    Path tmp;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The size the other window tests use: the stage is shared, and later tests lay out in it.
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 800));
        stage.show();
    }

    private static ParseReportViewModel report() throws Exception {
        ParseResult r = TraceLoader.standard().load(TraceSource.of(NAME, SampleTraces.get(SAMPLE).bytes()), null, ParseListener.NONE);
        return new ParseReportViewModel(NAME, r.report());
    }

    private static List<String> rawLines() throws Exception {
        return new String(SampleTraces.get(SAMPLE).bytes(), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void everyListedSkippedLineIsThatLineOfTheFile() throws Exception {
        ParseReportViewModel vm = report();
        List<String> raw = rawLines();
        long pacer = raw.stream().filter(l -> l.startsWith("pacer:")).count();
        assertEquals(List.of(ParseReportViewModel.ALL_KINDS, "other text", "pacer"), vm.kindFilter().stream().sorted().toList());
        assertEquals(pacer, vm.skippedCount("pacer"));

        List<ParseReportViewModel.SkippedRow> all = vm.skippedLines(ParseReportViewModel.ALL_KINDS);
        assertEquals(vm.skippedCount("other text") + ParseReport.MAX_SKIPPED_LINES_PER_KIND, all.size());
        long previous = 0;
        for (ParseReportViewModel.SkippedRow row : all) {
            int n = Integer.parseInt(row.line());
            assertTrue(n > previous, "in line order");
            previous = n;
            String line = raw.get(n - 1);
            // A long line's excerpt ends in "…" where it was cut.
            String excerpt = row.excerpt().endsWith("…") ? row.excerpt().substring(0, row.excerpt().length() - 1) : row.excerpt();
            assertTrue(line.startsWith(excerpt), row + " is not line " + n + ": " + line);
            assertFalse(line.startsWith("gc "), "a gc line was used, not skipped: " + row);
            if (row.kind().equals("pacer")) assertTrue(line.startsWith("pacer:"), row.toString());
        }
        assertTrue(vm.skippedNote("other text").isEmpty(), "all five are listed");
        assertTrue(vm.skippedNote("pacer").startsWith("listing 200 of " + String.format("%,d", pacer) + " skipped lines"),
                vm.skippedNote("pacer"));
    }

    @Test
    void theKindFilterNarrowsTheListAndCopyAndSaveTakeWhatIsShown(FxRobot robot) throws Exception {
        ParseReportViewModel vm = report();
        Dialog<?>[] dialog = new Dialog<?>[1];
        robot.interact(() -> {
            dialog[0] = ParseReportDialog.create(vm, stage, false, new SynchronousRunner());
            dialog[0].show();
        });
        var root = dialog[0].getDialogPane();
        @SuppressWarnings("unchecked")
        TableView<ParseReportViewModel.SkippedRow> table = (TableView<ParseReportViewModel.SkippedRow>) root.lookup("#report-skipped-lines");
        @SuppressWarnings("unchecked")
        ComboBox<String> kind = (ComboBox<String>) root.lookup("#report-skipped-kind");
        assertEquals(vm.skippedLines(ParseReportViewModel.ALL_KINDS).size(), table.getItems().size());

        robot.interact(() -> kind.setValue("other text"));
        assertEquals(vm.skippedCount("other text"), table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(r -> r.kind().equals("other text")));

        robot.interact(() -> ((Button) root.lookup("#report-copy-skipped")).fire());
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        List<String> lines = copied[0].lines().toList();
        assertEquals(table.getItems().size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ParseReportViewModel.SkippedRow r = table.getItems().get(i);
            assertEquals(NAME + ":" + r.line() + ": other text: " + r.excerpt(), lines.get(i));
        }
        assertTrue(dialog[0].isShowing(), "copying does not close the report");

        // Saving: the file chooser is the platform's; what it hands over is written off the UI thread.
        Path file = tmp.resolve(ReportFile.suggestedName(vm));
        assertEquals(NAME + "-parse-report.txt", file.getFileName().toString());
        String[] said = new String[1];
        ReportFile.save(vm, file, new SynchronousRunner(), s -> said[0] = s);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> said[0] != null);
        assertEquals("Saved to " + file, said[0]);
        String saved = Files.readString(file);
        assertEquals(vm.asText(), saved);
        for (ParseReportViewModel.SkippedRow r : vm.skippedLines(ParseReportViewModel.ALL_KINDS)) {
            assertTrue(saved.contains(NAME + ":" + r.line() + ": " + r.kind()), r.toString());
        }
        robot.interact(dialog[0]::hide);
    }
}
