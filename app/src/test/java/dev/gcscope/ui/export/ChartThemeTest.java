package dev.gcscope.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gcscope.render.Rgba;
import dev.gcscope.render.mmu.MmuPlot;
import dev.gcscope.render.theme.ChartTheme;
import dev.gcscope.render.timeline.TimelineCycles;
import dev.gcscope.render.timeline.TimelineKind;
import dev.gcscope.ui.Theme;
import dev.gcscope.ui.chart.BucketHeatmapChart;
import dev.gcscope.ui.chart.BucketHistogramChart;
import dev.gcscope.ui.chart.CanvasChart;
import dev.gcscope.ui.chart.PercentileLinesChart;
import dev.gcscope.ui.gctrace.distribution.ConvergenceChart;
import dev.gcscope.ui.gctrace.distribution.StwHistogramChart;
import dev.gcscope.ui.gctrace.mmu.MmuChart;
import dev.gcscope.ui.gctrace.regimes.RegimeScatterChart;
import dev.gcscope.ui.timeline.TimelineChart;
import dev.gcscope.ui.timeline.TimelineViews;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The command line draws charts in {@link ChartTheme}'s colours, the window in its stylesheet's:
 * for each theme, every chart styled by the real stylesheets gets exactly the colours ChartTheme
 * gives the same chart, so an exported chart and the chart on screen cannot drift apart.
 */
@ExtendWith(ApplicationExtension.class)
class ChartThemeTest {
    private final VBox root = new VBox();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 400, 400));
        // the test stage is shared: a test before this one may have given it a size of its own
        stage.sizeToScene();
        stage.show();
    }

    @ParameterizedTest
    @EnumSource(ChartTheme.class)
    void everyChartOnScreenHasTheThemesColours(ChartTheme theme, FxRobot robot) {
        Map<String, Object> screen = new LinkedHashMap<>();
        Map<String, Object> export = new LinkedHashMap<>();
        robot.interact(() -> {
            Theme.apply(root, theme == ChartTheme.DARK);
            TimelineCycles none = TimelineCycles.empty();
            timeline(screen, export, "pause", TimelineViews.pauseChart(none), theme, TimelineKind.PAUSE);
            timeline(screen, export, "heap", TimelineViews.heapChart(none), theme, TimelineKind.HEAP);
            timeline(screen, export, "cpu", TimelineViews.cpuChart(none), theme, TimelineKind.CPU);
            timeline(screen, export, "cpu share", TimelineViews.cpuShareChart(none), theme, TimelineKind.CPU_SHARE);
            StwHistogramChart histogram = styled(new StwHistogramChart());
            put(screen, export, "stw histogram", histogram.colours(), theme.stwHistogram(), histogram, theme);
            ConvergenceChart convergence = styled(new ConvergenceChart());
            put(screen, export, "convergence", convergence.colours(), theme.convergence(), convergence, theme);
            MmuChart mmu = styled(new MmuChart());
            put(screen, export, "mmu", ((MmuPlot) mmu.drawing().content()).stroke(), theme.mmu(), mmu, theme);
            RegimeScatterChart scatter = styled(new RegimeScatterChart());
            put(screen, export, "regime scatter", scatter.colours(), theme.regimeScatter(), scatter, theme);
            BucketHistogramChart bars = styled(new BucketHistogramChart());
            put(screen, export, "bucket histogram", bars.colours(), theme.bucketHistogram(), bars, theme);
            PercentileLinesChart lines = styled(new PercentileLinesChart());
            put(screen, export, "percentile lines", lines.colours(), theme.percentileLines(), lines, theme);
            BucketHeatmapChart heat = styled(new BucketHeatmapChart());
            put(screen, export, "heatmap", heat.colours(), theme.heatmap(), heat, theme);
        });
        // one assertion over everything, so a drift shows every colour that differs at once
        assertEquals(export.toString().replace(", ", ",\n"), screen.toString().replace(", ", ",\n"));
    }

    /** The card the charts sit on, which an export fills its background with. */
    @ParameterizedTest
    @EnumSource(ChartTheme.class)
    void theBackgroundIsTheCardsColour(ChartTheme theme, FxRobot robot) {
        VBox card = new VBox();
        card.getStyleClass().add("chart-box");
        MmuChart chart = new MmuChart();
        AtomicReference<Rgba> behind = new AtomicReference<>();
        robot.interact(() -> {
            Theme.apply(root, theme == ChartTheme.DARK);
            card.getChildren().setAll(chart);
            root.getChildren().setAll(card);
            root.applyCss();
            behind.set(ChartExportMenu.backgroundBehind(chart));
        });
        assertEquals(hex(theme.background()), hex(behind.get()));
    }

    private <C extends CanvasChart> C styled(C chart) {
        root.getChildren().setAll(chart);
        root.applyCss();
        return chart;
    }

    private void timeline(Map<String, Object> screen, Map<String, Object> export, String name, TimelineChart chart, ChartTheme theme,
                          TimelineKind kind) {
        styled(chart);
        put(screen, export, name + " timeline", chart.colours(), theme.timeline(kind), chart, theme);
    }

    private static void put(Map<String, Object> screen, Map<String, Object> export, String name, Object onScreen, Object themed,
                            CanvasChart chart, ChartTheme theme) {
        screen.put(name, canonical(onScreen));
        export.put(name, canonical(themed));
        screen.put(name + " frame", canonical(chart.frameColours()));
        export.put(name + " frame", canonical(theme.frame()));
        screen.put(name + " padding", chart.frameStyle().padding());
        export.put(name + " padding", ChartTheme.PADDING);
    }

    /** Colours as #rrggbbaa, records and lists element by element: readable in a failure's diff. */
    private static Object canonical(Object o) {
        if (o instanceof Rgba c) return hex(c);
        if (o instanceof List<?> l) return l.stream().map(ChartThemeTest::canonical).toList();
        if (o instanceof Record r) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    m.put(rc.getName(), canonical(rc.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return m;
        }
        return o;
    }

    private static String hex(Rgba c) {
        return c == null ? "none" : String.format(Locale.ROOT, "#%02x%02x%02x%02x", c.red8(), c.green8(), c.blue8(), c.opacity8());
    }
}
