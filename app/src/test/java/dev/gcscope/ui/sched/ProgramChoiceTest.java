package dev.gcscope.ui.sched;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.sched.LatencyGroups;
import dev.gcscope.analysis.sched.SchedSamples;
import dev.gcscope.analysis.sched.TaskDelays;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceLoader;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.samples.SampleTraces;
import dev.gcscope.ui.LayoutPass;
import dev.gcscope.ui.settings.MemorySettingsStore;
import dev.gcscope.ui.task.SynchronousRunner;
import dev.gcscope.ui.window.MainWindowView;
import dev.gcscope.ui.window.MainWindowViewModel;
import dev.gcscope.ui.workspace.DocumentView;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import tech.tablesaw.api.Table;

/**
 * The perf views' "Your program:" choice, in the window: it singles out the program's rows and
 * changes the figure of the document's Summary that is about the program (issue 15: the summary
 * kept the guess after the user picked another). Expected figures come from the recordings
 * themselves: the latency rows by regex, the timehist switches through {@link TimehistOracle}.
 */
@ExtendWith(ApplicationExtension.class)
class ProgramChoiceTest {
    /** {@code phases:5250 | 197.398 ms | 240 | avg: 0.399 ms | max: 8.048 ms | ...} */
    private static final Pattern LATENCY_ROW = Pattern.compile(
            "^\\s*(\\S.*?):(\\d+)\\s*\\|\\s*([\\d.]+) ms \\|\\s*(\\d+) \\|\\s*avg:\\s*([\\d.]+) ms \\|\\s*max:\\s*([\\d.]+) ms", Pattern.MULTILINE);
    /** A JVM ran on the machine too: its compiler thread has the worst delay, and as a process it ran longer than the Go program. */
    private static final String LATENCY = "perf/go1.24-gmp2-latency-p.txt";
    private static final String TIMEHIST = "perf/go1.24-gmp2-timehist.txt.gz";
    private static final PseudoClass PROGRAM = PseudoClass.getPseudoClass("program");

    @TempDir
    Path tmp;

    private MainWindowView view;

    @Start
    void start(Stage stage) {
        SynchronousRunner runner = new SynchronousRunner();
        MainWindowViewModel vm = new MainWindowViewModel(runner, TraceLoader.standard(), new MemorySettingsStore());
        view = new MainWindowView(vm, runner);
        stage.setScene(view.createScene(1024, 700));
        stage.sizeToScene();
        stage.show();
    }

    private DocumentView open(FxRobot robot, String sample) throws Exception {
        Path file = SampleTraces.get(sample).copyTo(tmp);
        robot.interact(() -> view.dropFiles(List.of(file.toFile())));
        LayoutPass.run(robot, view.root());
        return view.selectedDocumentView().orElseThrow();
    }

    private static String summaryFigure(FxRobot robot, DocumentView doc) {
        return robot.from(doc.root()).lookup("#doc-program-delay").queryAs(Label.class).getText();
    }

    @Test
    void pickingAnotherProgramInTheLatencyTableChangesTheSummarysProgramFigure(FxRobot robot) throws Exception {
        double phasesWorst = 0, c2Worst = 0;
        int phasesThreads = 0, c2Threads = 0;
        Matcher m = LATENCY_ROW.matcher(SchedSamples.text(LATENCY));
        while (m.find()) {
            double max = Double.parseDouble(m.group(6));
            if (m.group(1).equals("phases")) {
                phasesWorst = Math.max(phasesWorst, max);
                phasesThreads++;
            } else if (m.group(1).equals("C2 CompilerThre")) {
                c2Worst = Math.max(c2Worst, max);
                c2Threads++;
            }
        }
        assertTrue(phasesThreads > 1 && c2Threads > 0);

        DocumentView doc = open(robot, LATENCY);
        assertEquals(String.format(Locale.ROOT, "%.3f ms  phases (%d threads)", phasesWorst, phasesThreads), summaryFigure(robot, doc));

        robot.interact(() -> doc.selectView(LatencyTableView.ID));
        LayoutPass.run(robot, view.root());
        ComboBox<String> program = robot.lookup("#latency-program").queryComboBox();
        robot.interact(() -> program.setValue("C2 CompilerThre"));
        assertEquals(String.format(Locale.ROOT, "%.3f ms  C2 CompilerThre (%d threads)", c2Worst, c2Threads), summaryFigure(robot, doc));

        robot.interact(() -> program.setValue("phases"));
        assertEquals(String.format(Locale.ROOT, "%.3f ms  phases (%d threads)", phasesWorst, phasesThreads), summaryFigure(robot, doc));
    }

    @Test
    void theFlatLatencyTableMarksTheChosenProgramsTasksAndFollowsTheChoice(FxRobot robot) throws Exception {
        Map<String, Integer> rowsPerComm = new HashMap<>();
        Matcher m = LATENCY_ROW.matcher(SchedSamples.text(LATENCY));
        while (m.find()) rowsPerComm.merge(m.group(1), 1, Integer::sum);
        assertTrue(rowsPerComm.getOrDefault("phases", 0) > 1 && rowsPerComm.getOrDefault("C2 CompilerThre", 0) > 0, rowsPerComm.toString());

        DocumentView doc = open(robot, LATENCY);
        robot.interact(() -> doc.selectView(LatencyTableView.ID));
        LayoutPass.run(robot, view.root());
        LatencyTableView v = (LatencyTableView) doc.views().stream().filter(t -> t.id().equals(LatencyTableView.ID)).findFirst().orElseThrow();
        if (v.groupToggle().isSelected()) robot.clickOn("#group-by-program");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> v.table().isVisible());
        assertEquals("phases", v.program().getValue(), "the Go program is the guess");
        assertEquals(rowsPerComm.values().stream().mapToInt(Integer::intValue).sum(), v.table().getItems().size());

        showFirstRowOf(robot, v, "phases");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> latencyMarksFollow(robot, v, "phases"));

        ComboBox<String> program = robot.lookup("#latency-program").queryComboBox();
        robot.interact(() -> program.setValue("C2 CompilerThre"));
        showFirstRowOf(robot, v, "C2 CompilerThre");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> latencyMarksFollow(robot, v, "C2 CompilerThre"));
    }

    private static void showFirstRowOf(FxRobot robot, LatencyTableView v, String comm) {
        robot.interact(() -> {
            var items = v.table().getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).comm().equals(comm)) {
                    v.table().scrollTo(i);
                    break;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Whether every latency row on screen is marked exactly when its comm is {@code program}, at
     * least one is, and a marked row's cells are bold.
     */
    private static boolean latencyMarksFollow(FxRobot robot, LatencyTableView v, String program) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            int marked = 0;
            for (var n : robot.from(v.table()).lookup(".table-row-cell").queryAll()) {
                @SuppressWarnings("unchecked")
                TableRow<LatencyGroups.Row> row = (TableRow<LatencyGroups.Row>) n;
                if (row.isEmpty() || row.getItem() == null || !row.isVisible()) continue;
                boolean is = row.getPseudoClassStates().contains(PROGRAM);
                if (is != row.getItem().comm().equals(program)) return false;
                if (!is) continue;
                marked++;
                TableCell<?, ?> cell = (TableCell<?, ?>) row.lookup(".table-cell");
                if (cell == null || !cell.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold")) return false;
            }
            return marked >= 1;
        }).get();
    }

    @Test
    void theTimehistTableMarksTheProgramsProcessesAndItsChoiceChangesTheSummary(FxRobot robot) throws Exception {
        ParseResult parsed = SchedSamples.parse(TIMEHIST);
        TimehistOracle oracle = new TimehistOracle(parsed);
        Set<Integer> phases = pids(parsed, "phases"), java = pids(parsed, "java");
        assertEquals(2, java.size(), "the JVM ran as two processes, one program: " + java);

        DocumentView doc = open(robot, TIMEHIST);
        // the Go program, though the JVM on the machine ran longer (it switched in far less often)
        assertEquals(String.format(Locale.ROOT, "%.3f ms  phases", oracle.expected(phases, null).p99()),
                summaryFigure(robot, doc).replaceAll(" \\(\\d+ threads\\)$", ""));

        robot.interact(() -> doc.selectView(TimehistDelayView.ID));
        LayoutPass.run(robot, view.root());
        TimehistDelayView v = (TimehistDelayView) doc.views().stream().filter(t -> t.id().equals(TimehistDelayView.ID)).findFirst().orElseThrow();
        assertEquals("phases", v.tasks().getSelectionModel().getSelectedItem().name(), "the program's process is shown");
        assertMarked(robot, v, "phases");

        ComboBox<String> program = robot.lookup("#timehist-program").queryComboBox();
        robot.interact(() -> program.setValue("java"));
        LayoutPass.run(robot, view.root());
        assertEquals(String.format(Locale.ROOT, "%.3f ms  java", oracle.expected(java, null).p99()),
                summaryFigure(robot, doc).replaceAll(" \\(\\d+ threads\\)$", ""));
        assertTrue(java.contains(v.tasks().getSelectionModel().getSelectedItem().pid()), "picking the program shows its process");
        assertMarked(robot, v, "java");
        String figures = robot.lookup("#timehist-program-figures").queryAs(Label.class).getText();
        assertTrue(figures.contains(String.format(Locale.ROOT, "%,d switches", oracle.expected(java, null).count())), figures);
    }

    /** Every row on screen is marked exactly when its process is the program's. */
    private static void assertMarked(FxRobot robot, TimehistDelayView v, String program) {
        int marked = 0;
        for (var n : robot.from(v.tasks()).lookup(".table-row-cell").queryAll()) {
            @SuppressWarnings("unchecked")
            TableRow<TaskDelays.Task> row = (TableRow<TaskDelays.Task>) n;
            if (row.isEmpty() || row.getItem() == null) continue;
            boolean is = row.getPseudoClassStates().contains(PROGRAM);
            assertEquals(row.getItem().name().equals(program), is, row.getItem().label());
            if (is) marked++;
        }
        assertTrue(marked >= 1, "the program's rows are on screen and marked");
    }

    /** The processes of the threads named {@code comm}: {@code java[4978/4977]}, {@code phases[5118]}. */
    private static Set<Integer> pids(ParseResult parsed, String comm) {
        Table t = parsed.table(TimehistColumns.EVENTS_TABLE);
        Set<Integer> pids = new TreeSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!t.stringColumn(TimehistColumns.TASK).get(i).equals(comm)) continue;
            if (!t.intColumn(TimehistColumns.PID).isMissing(i)) pids.add(t.intColumn(TimehistColumns.PID).getInt(i));
            else if (!t.intColumn(TimehistColumns.TID).isMissing(i)) pids.add(t.intColumn(TimehistColumns.TID).getInt(i));
        }
        assertFalse(pids.isEmpty(), comm);
        return pids;
    }
}
