package dev.gcscope.export.report;

/**
 * One chart of a report, drawn headless by the charts' one drawing path: as SVG markup for the
 * HTML variant and as a PNG for the Markdown one.
 */
public interface ReportChart {
    /** The chart's view id ({@code pause-timeline}, {@code stw-histogram} …), also its PNG's name. */
    String id();

    /** What it shows, for the figure caption and the image's alternative text. */
    String title();

    /** An {@code <svg>} element (no XML declaration, no external reference) of {@code width} × {@code height} px. */
    String svg(int width, int height, ReportTheme theme);

    /** A PNG of {@code width} × {@code height} px drawn at {@code scale} × (so {@code width·scale} pixels wide). */
    byte[] png(int width, int height, int scale, ReportTheme theme);
}
