/**
 * Drawing without a toolkit: every chart of gcscope is drawn by one code path, a renderer that
 * calls a {@link dev.gcscope.render.Painter}, whether the target is the window's canvas, a PNG or an
 * SVG file, so an exported chart is the chart on screen (same data, selection, highlight, colours,
 * axes), and the command line draws charts with no display and no JavaFX.
 *
 * <p>Why a small interface of our own rather than Graphics2D everywhere (FXGraphics2D on screen,
 * JFreeSVG for SVG):
 * <ul>
 *   <li>the screen keeps drawing straight on JavaFX's {@code GraphicsContext} ({@code ui.chart.FxPainter}
 *       delegates call for call), so the window neither loads AWT at start-up nor measures text with
 *       AWT's metrics where JavaFX lays it out, and the charts' pixels are those they were before;</li>
 *   <li>the interface is the subset of {@code GraphicsContext} the charts use (about thirty calls),
 *       so a renderer reads as the canvas code it was;</li>
 *   <li>JFreeSVG is GPL-3.0 and gcscope ships as one Apache-2.0 jar: the SVG painter
 *       ({@code export.SvgPainter}) writes its few elements through the JDK's XML writer instead, and
 *       puts text in {@code <text>} anchored start/middle/end, so labels stay aligned whatever font the
 *       viewer substitutes;</li>
 *   <li>bitmaps go through plain AWT ({@code export.Graphics2DPainter} on a {@code BufferedImage},
 *       encoded by {@code ImageIO}), which runs headless.</li>
 * </ul>
 *
 * <p>Colours are {@link dev.gcscope.render.Rgba} values; on screen they come from the stylesheet's
 * looked-up colours, on the command line from {@code render.theme.ChartTheme}, and a test keeps the
 * two equal. Nothing in {@code render} may depend on JavaFX (an architecture test says so).
 */
package dev.gcscope.render;
