package dev.gcscope.export.report;

import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.render.ChartFont;
import dev.gcscope.render.compare.AlignedSeries;
import dev.gcscope.render.compare.AlignedTimelinePlot;
import dev.gcscope.render.compare.CcdfOverlayPlot;
import dev.gcscope.render.compare.ConvergenceOverlayPlot;
import dev.gcscope.render.compare.HistogramOverlayPlot;
import dev.gcscope.render.compare.LadderPlot;
import dev.gcscope.render.compare.MmuOverlayPlot;
import dev.gcscope.render.compare.OverlayStyle;
import dev.gcscope.render.compare.RegimeScatterOverlayPlot;
import dev.gcscope.render.compare.SideTimelinePlot;
import dev.gcscope.render.plot.ChartDrawing;
import dev.gcscope.render.plot.FrameStyle;
import dev.gcscope.render.plot.FramedChart;
import dev.gcscope.render.plot.PlotContent;
import dev.gcscope.render.plot.StackedCharts;
import dev.gcscope.render.theme.ChartTheme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A comparison's charts in a report, drawn by the renderers the comparison tab draws with, each
 * side in the theme's {@code -gc-side-N} colour: the pause tail and histogram, MMU, convergence and
 * regime overlays, the aligned timelines, and for three sides or more the ladder. Ids are the
 * comparison tab's view ids ({@code --view=compare-ccdf}).
 */
final class ComparisonCharts {
    private ComparisonCharts() {}

    static List<ReportChart> of(ReportComparison c) {
        ComparisonCurves curves = c.curves();
        List<AlignedSeries> aligned = c.aligned();
        List<ReportChart> out = new ArrayList<>();
        out.add(overlay("compare-ccdf", "Pause tail", s -> new CcdfOverlayPlot(curves, s), CcdfOverlayPlot.PLACEHOLDER));
        out.add(overlay("compare-histogram", "Pause histogram", s -> new HistogramOverlayPlot(curves, s), HistogramOverlayPlot.PLACEHOLDER));
        out.add(overlay("compare-mmu", "MMU", s -> new MmuOverlayPlot(curves, s), MmuOverlayPlot.PLACEHOLDER));
        out.add(overlay("compare-convergence", "Convergence", s -> new ConvergenceOverlayPlot(curves, s),
                ConvergenceOverlayPlot.PLACEHOLDER));
        out.add(overlay("compare-regime-scatter", "Regimes", s -> new RegimeScatterOverlayPlot(curves, s),
                RegimeScatterOverlayPlot.PLACEHOLDER));
        out.add(new RenderedCharts.Rendered(t -> timelines(aligned, t), "compare-timelines", "Timelines"));
        if (c.size() > 2) {
            List<GcComparison.Rung> rungs = c.ladder();
            out.add(new RenderedCharts.Rendered(t -> new StackedCharts(List.of(
                    framed(new LadderPlot(rungs, LadderPlot.Figure.PAUSES, style(t)), t, LadderPlot.PLACEHOLDER),
                    framed(new LadderPlot(rungs, LadderPlot.Figure.GC_CPU, style(t)), t, LadderPlot.PLACEHOLDER),
                    framed(new LadderPlot(rungs, LadderPlot.Figure.CYCLES_PER_GB, style(t)), t, LadderPlot.PLACEHOLDER)),
                    List.of(2.0, 1.0, 1.0)), "compare-ladder", "Ladder"));
        }
        return List.copyOf(out);
    }

    /**
     * Each side's pauses, one row per side over time since its own first cycle, as the comparison's
     * Timelines tab stacks them: one time axis and one value axis.
     */
    private static ChartDrawing timelines(List<AlignedSeries> sides, ChartTheme t) {
        double span = 0;
        for (AlignedSeries s : sides) span = Math.max(span, s.span());
        double to = span > 0 ? span : 1;
        OverlayStyle style = style(t);
        // pauses only: at the report's chart height, two figures of three sides leave rows too low for a plot
        List<AlignedTimelinePlot.Figure> figures = List.of(AlignedTimelinePlot.Figure.PAUSE);
        List<FramedChart> parts = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (AlignedTimelinePlot.Figure f : figures) {
            for (int i = 0; i < sides.size(); i++) {
                boolean last = f == figures.get(figures.size() - 1) && i == sides.size() - 1;
                SideTimelinePlot.Frame frame = SideTimelinePlot.Frame.of(sides, f, 0, to, false, last);
                parts.add(framed(new SideTimelinePlot(sides.get(i), i, f, frame, Double.NaN, Double.NaN, style), t,
                        AlignedTimelinePlot.PLACEHOLDER));
                // the lowest row also holds the time axis' title
                shares.add(last ? 1.3 : 1.0);
            }
        }
        return new StackedCharts(parts, shares);
    }

    private static ReportChart overlay(String id, String title, Function<OverlayStyle, PlotContent> plot, String placeholder) {
        return new RenderedCharts.Rendered(t -> framed(plot.apply(style(t)), t, placeholder), id, title);
    }

    static OverlayStyle style(ChartTheme t) {
        return new OverlayStyle(t.sides(), t.frame(), ChartFont.labels());
    }

    private static FramedChart framed(PlotContent content, ChartTheme t, String placeholder) {
        return new FramedChart(content, new FrameStyle(t.frame(), ChartFont.labels(), ChartTheme.PADDING, 0), placeholder);
    }
}
