package dev.gcscope.ui.export;

import dev.gcscope.cli.OutputFiles;
import dev.gcscope.export.report.ReportFiles;
import dev.gcscope.parsers.TraceInputException;
import dev.gcscope.ui.task.BackgroundRunner;
import dev.gcscope.ui.task.BackgroundTask;
import dev.gcscope.ui.task.TaskListener;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes what the window exports (a table as CSV, a report) off the UI thread, through the runner:
 * each file atomically, never over a file open in the window, and one line for the window when it
 * is done or why it failed. The window makes one and publishes it on its root ({@code KEY}), so a
 * view's save action finds it without every view knowing the documents.
 */
public final class FileExports {
    /** The key of the window root's properties under which the window's instance is. */
    public static final Object KEY = FileExports.class;

    /** Where the outcome goes: the window's status line and its error banner. Called on the UI thread. */
    public interface Messages {
        void done(String message);

        void failed(String message);
    }

    private final BackgroundRunner runner;
    private final Supplier<List<Path>> inputs;
    private final Messages messages;

    /** @param inputs the files open in the window, which no export may replace */
    public FileExports(BackgroundRunner runner, Supplier<List<Path>> inputs, Messages messages) {
        this.runner = runner;
        this.inputs = inputs;
        this.messages = messages;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    /** Writes {@code text} to {@code target}; {@code what} names it in the messages ("the regime table"). */
    public void saveText(Path target, String text, String what) {
        List<Path> protectedFiles = List.copyOf(inputs.get());
        run("save " + what, target, what, ctx -> {
            OutputFiles.writeText(target, text, protectedFiles);
            return null;
        });
    }

    /** Produces a report in the background and writes it (and any images beside it) at {@code target}. */
    public void saveReport(Path target, String what, BackgroundTask<ReportFiles> report) {
        List<Path> protectedFiles = List.copyOf(inputs.get());
        run("export " + what, target, what, ctx -> {
            ReportFiles files = report.run(ctx);
            if (ctx.isCancelled()) return null;
            OutputFiles.writeReport(target, files, protectedFiles);
            return null;
        });
    }

    /** Says in the window why nothing was exported. Call on the UI thread. */
    public void failed(String message) {
        messages.failed(message);
    }

    /** Draws the chart frozen in {@code chart} and writes it at {@code target} (SVG, or PNG at {@code scale}×). */
    public void saveChart(Path target, ChartExportMenu.Snapshot chart, boolean svg, double scale) {
        List<Path> protectedFiles = List.copyOf(inputs.get());
        run("export chart", target, "the chart", ctx -> {
            OutputFiles.check(target, target.toString(), protectedFiles);
            ChartExportMenu.write(chart, svg, scale, target);
            return null;
        });
    }

    private void run(String name, Path target, String what, BackgroundTask<Void> task) {
        runner.submit(name, task, new TaskListener<Void>() {
            @Override
            public void succeeded(Void value) {
                messages.done("Saved " + what + " as " + target);
            }

            @Override
            public void failed(Throwable error) {
                messages.failed(describe(target, what, error));
            }

            @Override
            public void cancelled() {
                messages.done("Export of " + what + " cancelled");
            }
        });
    }

    /** One line: the input problem's own message, or what went wrong in words. */
    static String describe(Path target, String what, Throwable e) {
        if (e instanceof TraceInputException) return e.getMessage();
        if (e instanceof AccessDeniedException) return target + ": cannot be written (permission denied)";
        if (e instanceof IOException) {
            return target + ": could not be written (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        }
        return "Exporting " + what + " failed (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); please report this";
    }
}
