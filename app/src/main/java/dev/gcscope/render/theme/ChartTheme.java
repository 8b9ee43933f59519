package dev.gcscope.render.theme;

import dev.gcscope.render.Rgba;
import dev.gcscope.render.chart.BucketHeatmapPlot;
import dev.gcscope.render.chart.BucketHistogramPlot;
import dev.gcscope.render.chart.PercentileLinesPlot;
import dev.gcscope.render.distribution.ConvergencePlot;
import dev.gcscope.render.distribution.StwHistogramPlot;
import dev.gcscope.render.plot.FrameColours;
import dev.gcscope.render.plot.Padding;
import dev.gcscope.render.regimes.RegimeScatterPlot;
import dev.gcscope.render.timeline.TimelineColours;
import dev.gcscope.render.timeline.TimelineKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two themes' colours where there is no stylesheet: the command line and the reports draw
 * charts with these. They are the looked-up colours of the window's stylesheet ({@code gcscope.css},
 * {@code .root} and {@code .root.dark}), by the same names, assigned to each chart's colours as the
 * stylesheet's chart rules assign them ({@code .heap-timeline { -chart-color-0: -gc-heap-start; … }});
 * {@code ChartThemeTest} checks every chart's colours here against what JavaFX's CSS gives the
 * chart on screen, in both themes, so the two cannot drift apart.
 */
public enum ChartTheme {
    LIGHT(Map.ofEntries(
            Map.entry("-gc-stw", "#2f6eb5"),
            Map.entry("-gc-forced", "#d9480f"),
            Map.entry("-gc-run-separator", "#7c8591"),
            Map.entry("-gc-plot-background", "#ffffff"),
            Map.entry("-gc-grid", "#e8ebef"),
            Map.entry("-gc-axis", "#6b7480"),
            Map.entry("-gc-text", "#2b313a"),
            Map.entry("-gc-card", "#ffffff"),
            Map.entry("-gc-selection", "#2f6eb5"),
            Map.entry("-gc-selection-fill", "rgba(47, 110, 181, 0.13)"),
            Map.entry("-gc-regime-0", "#3b6fb6"),
            Map.entry("-gc-regime-1", "#3f9a54"),
            Map.entry("-gc-regime-2", "#8a5bb0"),
            Map.entry("-gc-regime-3", "#23938f"),
            Map.entry("-gc-regime-4", "#b98314"),
            Map.entry("-gc-regime-5", "#a0522d"),
            Map.entry("-gc-regime-6", "#cc4f86"),
            Map.entry("-gc-regime-7", "#5b6b7c"),
            Map.entry("-gc-side-0", "#0072b2"),
            Map.entry("-gc-side-1", "#d55e00"),
            Map.entry("-gc-side-2", "#009e73"),
            Map.entry("-gc-side-3", "#cc79a7"),
            Map.entry("-gc-side-4", "#b58900"),
            Map.entry("-gc-side-5", "#56b4e9"),
            Map.entry("-gc-unassigned", "#a4abb3"),
            Map.entry("-gc-heap-start", "#93b4dc"),
            Map.entry("-gc-heap-end", "#2f6eb5"),
            Map.entry("-gc-heap-live", "#2f9e44"),
            Map.entry("-gc-heap-goal", "#c2255c"),
            Map.entry("-gc-stacks", "#7048e8"),
            Map.entry("-gc-globals", "#868e96"),
            Map.entry("-gc-cpu-assist", "#e8590c"),
            Map.entry("-gc-cpu-background", "#1c7ed6"),
            Map.entry("-gc-cpu-idle", "#b3bac2"),
            Map.entry("-gc-cpu-share", "#2b8a3e"),
            Map.entry("-gc-p50", "#2b8a3e"),
            Map.entry("-gc-p90", "#2f6eb5"),
            Map.entry("-gc-p99", "#c92a2a"),
            Map.entry("-gc-max", "#c2255c"),
            Map.entry("-gc-range", "#cdd3db"),
            Map.entry("-gc-bar", "#5b8fd0"),
            Map.entry("-gc-heat-low", "#dbe9f7"),
            Map.entry("-gc-heat-high", "#08306b"),
            Map.entry("-gc-regime-none", "#a3aab3"),
            Map.entry("-gc-histogram-bar", "#b3cbe8"),
            Map.entry("-gc-fit-exponential", "#8e44ad"),
            Map.entry("-gc-fit-lognormal", "#2b8a3e"),
            Map.entry("-gc-fit-truncated", "#c2255c"),
            Map.entry("-gc-percentile-marker", "#495057"),
            Map.entry("-gc-ci-band", "rgba(47, 110, 181, 0.16)"),
            Map.entry("-gc-ci-band-p99", "rgba(201, 42, 42, 0.13)"),
            Map.entry("-gc-slo", "#e67700"),
            Map.entry("-gc-stable", "#2b8a3e"))),
    DARK(Map.ofEntries(
            Map.entry("-gc-stw", "#6fb0ff"),
            Map.entry("-gc-forced", "#ff9552"),
            Map.entry("-gc-run-separator", "#98a2ae"),
            Map.entry("-gc-plot-background", "#191c20"),
            Map.entry("-gc-grid", "#2e333a"),
            Map.entry("-gc-axis", "#8c96a2"),
            Map.entry("-gc-text", "#dce1e7"),
            Map.entry("-gc-card", "#272a2f"),
            Map.entry("-gc-selection", "#6fb0ff"),
            Map.entry("-gc-selection-fill", "rgba(111, 176, 255, 0.16)"),
            Map.entry("-gc-regime-0", "#6fa8ff"),
            Map.entry("-gc-regime-1", "#6cc57f"),
            Map.entry("-gc-regime-2", "#b58ad8"),
            Map.entry("-gc-regime-3", "#4cc9c6"),
            Map.entry("-gc-regime-4", "#e6b44a"),
            Map.entry("-gc-regime-5", "#d98b5f"),
            Map.entry("-gc-regime-6", "#f08bb4"),
            Map.entry("-gc-regime-7", "#9fb0c2"),
            Map.entry("-gc-side-0", "#56a8f0"),
            Map.entry("-gc-side-1", "#ff8a4c"),
            Map.entry("-gc-side-2", "#3ccf9a"),
            Map.entry("-gc-side-3", "#e9a0cc"),
            Map.entry("-gc-side-4", "#f2c14e"),
            Map.entry("-gc-side-5", "#9ad8ff"),
            Map.entry("-gc-unassigned", "#6c737c"),
            Map.entry("-gc-heap-start", "#5d7fa8"),
            Map.entry("-gc-heap-end", "#6fb0ff"),
            Map.entry("-gc-heap-live", "#69db7c"),
            Map.entry("-gc-heap-goal", "#f783ac"),
            Map.entry("-gc-stacks", "#b197fc"),
            Map.entry("-gc-globals", "#adb5bd"),
            Map.entry("-gc-cpu-assist", "#ff922b"),
            Map.entry("-gc-cpu-background", "#4dabf7"),
            Map.entry("-gc-cpu-idle", "#5f6771"),
            Map.entry("-gc-cpu-share", "#69db7c"),
            Map.entry("-gc-p50", "#69db7c"),
            Map.entry("-gc-p90", "#6fb0ff"),
            Map.entry("-gc-p99", "#ff8787"),
            Map.entry("-gc-max", "#f783ac"),
            Map.entry("-gc-range", "#3c434c"),
            Map.entry("-gc-bar", "#5f9ee8"),
            Map.entry("-gc-heat-low", "#1e3a5c"),
            Map.entry("-gc-heat-high", "#ffe08a"),
            Map.entry("-gc-regime-none", "#6b7480"),
            Map.entry("-gc-histogram-bar", "#34557d"),
            Map.entry("-gc-fit-exponential", "#c58af0"),
            Map.entry("-gc-fit-lognormal", "#69db7c"),
            Map.entry("-gc-fit-truncated", "#f783ac"),
            Map.entry("-gc-percentile-marker", "#ced4da"),
            Map.entry("-gc-ci-band", "rgba(111, 176, 255, 0.20)"),
            Map.entry("-gc-ci-band-p99", "rgba(255, 135, 135, 0.17)"),
            Map.entry("-gc-slo", "#ffc078"),
            Map.entry("-gc-stable", "#69db7c")));

    /** The room around a chart: {@code .canvas-chart { -fx-padding: 4 4 2 4; }}. */
    public static final Padding PADDING = new Padding(4, 4, 2, 4);
    /** What a chart property is when no rule of the stylesheet sets it (the charts' CSS initial values). */
    private static final Rgba UNSET = Rgba.GRAY;
    /** The initial value of a stacked timeline's {@code -chart-forced-stroke} (JavaFX's ORANGERED). */
    private static final Rgba ORANGERED = Rgba.rgb(255, 69, 0);

    private final Map<String, Rgba> colours;

    ChartTheme(Map<String, String> css) {
        Map<String, Rgba> parsed = new java.util.HashMap<>();
        css.forEach((name, value) -> parsed.put(name, parse(value)));
        this.colours = Map.copyOf(parsed);
    }

    /** {@code light} or {@code dark}, as {@code --theme} takes it. */
    public static ChartTheme of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** In a holder: the constants' constructors parse before the enum's own static fields exist. */
    private static final class Css {
        static final Pattern RGBA = Pattern.compile("rgba\\((\\d+), (\\d+), (\\d+), ([0-9.]+)\\)");
    }

    private static Rgba parse(String value) {
        if (value.startsWith("#")) return Rgba.hex(value);
        Matcher m = Css.RGBA.matcher(value);
        if (!m.matches()) throw new IllegalArgumentException("not a colour: " + value);
        return Rgba.rgb(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Double.parseDouble(m.group(4)));
    }

    /** A looked-up colour of the stylesheet by its name, e.g. {@code -gc-stw}. */
    public Rgba colour(String name) {
        Rgba c = colours.get(name);
        if (c == null) throw new IllegalArgumentException("no colour " + name + " in the " + this + " theme");
        return c;
    }

    /** Every looked-up colour the charts use, by name. */
    public Map<String, Rgba> colours() {
        return colours;
    }

    /** The background around a chart: the card it sits on in the window. */
    public Rgba background() {
        return colour("-gc-card");
    }

    public FrameColours frame() {
        return new FrameColours(colour("-gc-plot-background"), colour("-gc-grid"), colour("-gc-axis"), colour("-gc-text"));
    }

    /** The sides of a comparison, A first ({@code -gc-side-0..5}): what {@code OverlayStyle} draws them in. */
    public List<Rgba> sides() {
        List<Rgba> r = new ArrayList<>();
        for (int i = 0; i < 6; i++) r.add(colour("-gc-side-" + i));
        return r;
    }

    private List<Rgba> regimes() {
        List<Rgba> r = new ArrayList<>();
        for (int i = 0; i < 8; i++) r.add(colour("-gc-regime-" + i));
        return r;
    }

    private static List<Rgba> palette(List<Rgba> first) {
        List<Rgba> p = new ArrayList<>(first);
        while (p.size() < TimelineColours.PALETTE_SIZE) p.add(UNSET);
        return p;
    }

    public TimelineColours timeline(TimelineKind kind) {
        List<Rgba> palette = switch (kind) {
            case PAUSE -> regimes();
            case HEAP -> palette(List.of(colour("-gc-heap-start"), colour("-gc-heap-end"), colour("-gc-heap-live"),
                    colour("-gc-heap-goal"), colour("-gc-stacks"), colour("-gc-globals")));
            case CPU -> palette(List.of(colour("-gc-cpu-assist"), colour("-gc-cpu-background"), colour("-gc-cpu-idle")));
            case CPU_SHARE -> palette(List.of(colour("-gc-cpu-share")));
            case OTHER -> palette(List.of());
        };
        boolean pause = kind == TimelineKind.PAUSE;
        boolean stacked = kind == TimelineKind.PAUSE || kind == TimelineKind.CPU;
        return new TimelineColours(colour("-gc-plot-background"), colour("-gc-selection-fill"), colour("-gc-selection"),
                colour("-gc-run-separator"), palette, regimes(), pause ? colour("-gc-unassigned") : UNSET,
                pause ? colour("-gc-forced") : stacked ? ORANGERED : UNSET);
    }

    public StwHistogramPlot.Colours stwHistogram() {
        return new StwHistogramPlot.Colours(colour("-gc-histogram-bar"), colour("-gc-stw"), colour("-gc-percentile-marker"),
                colour("-gc-fit-exponential"), colour("-gc-fit-lognormal"), colour("-gc-fit-truncated"), regimes());
    }

    public ConvergencePlot.Colours convergence() {
        return new ConvergencePlot.Colours(colour("-gc-stw"), colour("-gc-p99"), colour("-gc-ci-band"), colour("-gc-ci-band-p99"),
                colour("-gc-slo"), colour("-gc-stable"), regimes());
    }

    /** The MMU curve's stroke. */
    public Rgba mmu() {
        return colour("-gc-stw");
    }

    public RegimeScatterPlot.Colours regimeScatter() {
        return new RegimeScatterPlot.Colours(regimes(), colour("-gc-regime-none"));
    }

    public BucketHistogramPlot.Colours bucketHistogram() {
        return new BucketHistogramPlot.Colours(colour("-gc-bar"), colour("-gc-p99"));
    }

    public PercentileLinesPlot.Colours percentileLines() {
        return new PercentileLinesPlot.Colours(colour("-gc-p50"), colour("-gc-p90"), colour("-gc-p99"), colour("-gc-max"),
                colour("-gc-range"), colour("-gc-selection-fill"), colour("-gc-selection"));
    }

    public BucketHeatmapPlot.Colours heatmap() {
        return new BucketHeatmapPlot.Colours(colour("-gc-heat-low"), colour("-gc-heat-high"));
    }
}
