package dev.gcscope.ui.report;

import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.TaskListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Saving a parse report as text: written off the UI thread, the outcome said in one line. */
final class ReportFile {
    private ReportFile() {}

    /** {@code gc.log-parse-report.txt} for {@code Parse report — gc.log}. */
    static String suggestedName(ParseReportViewModel vm) {
        String name = vm.title().substring(vm.title().indexOf('—') + 1).strip().replaceAll("[\\\\/:*?\"<>|]", "_");
        return (name.isEmpty() ? "gcscope" : name) + "-parse-report.txt";
    }

    /** Writes {@code vm}'s text to {@code file}; {@code said} gets "Saved to …" or why not, on the UI thread. */
    static void save(ParseReportViewModel vm, Path file, BackgroundRunner runner, Consumer<String> said) {
        String text = vm.asText();
        runner.submit("save parse report", ctx -> Files.writeString(file, text, StandardCharsets.UTF_8), new TaskListener<Path>() {
            @Override
            public void succeeded(Path value) {
                said.accept("Saved to " + file);
            }

            @Override
            public void failed(Throwable error) {
                said.accept("Could not save to " + file + ": " + error.getMessage());
            }
        });
    }
}
