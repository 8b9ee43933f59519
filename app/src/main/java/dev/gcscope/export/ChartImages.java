package dev.gcscope.export;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.plot.ChartDrawing;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A {@link ChartDrawing} as a file: an SVG document, or a bitmap at 1×, 2× or 3× the chart's pixels
 * (a chart of 800 by 400 at 2× is a PNG of 1600 by 800 with the same layout, drawn twice as
 * finely). Runs headless; thread-safe (each call draws on its own target).
 */
public final class ChartImages {
    static {
        AwtText.headless();
    }

    /** ImageIO's PNG quality: 1 stores, 0 compresses hardest; 0.8 is a low deflate level. */
    private static final float PNG_COMPRESSION_QUALITY = 0.8f;

    private ChartImages() {}

    /**
     * Writes the chart as an SVG document on {@code out}, which should encode UTF-8.
     *
     * @param width in pixels, the SVG's width and the chart's layout width
     * @param background the fill behind the chart (its card's colour, or white for print); null for none
     * @param font the labels' font (the document's default)
     */
    public static void writeSvg(ChartDrawing chart, double width, double height, Rgba background, ChartFont font, Writer out) {
        SvgPainter svg = new SvgPainter(out, width, height, background, font);
        chart.paint(svg, width, height);
        svg.end();
    }

    /** The chart as an SVG document (see {@link #writeSvg}). */
    public static String svg(ChartDrawing chart, double width, double height, Rgba background, ChartFont font) {
        StringWriter out = new StringWriter();
        writeSvg(chart, width, height, background, font, out);
        return out.toString();
    }

    /**
     * The chart drawn {@code width} by {@code height} chart pixels, into an image {@code scale} times as
     * large each way.
     *
     * @param scale pixels per chart pixel (1, 2, 3, or any size in between)
     * @param background the fill behind the chart; null leaves it transparent
     */
    public static BufferedImage image(ChartDrawing chart, double width, double height, double scale, Rgba background) {
        int w = (int) Math.round(width * scale), h = (int) Math.round(height * scale);
        if (w <= 0 || h <= 0) throw new IllegalArgumentException("image of " + w + " by " + h + " pixels");
        // no alpha channel behind an opaque background: a quarter less to encode
        boolean opaque = background != null && background.opacity() >= 1;
        BufferedImage image = new BufferedImage(w, h, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            if (background != null) {
                g.setColor(new Color(background.red(), background.green(), background.blue(), background.opacity()));
                g.fillRect(0, 0, w, h);
            }
            g.scale(scale, scale);
            chart.paint(new Graphics2DPainter(g), width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Encodes {@code image} as PNG on {@code out}, with light compression: on a 3200 by 1600 chart it
     * is the slower half of an export, and a chart's large flat areas compress well anyway (the pause
     * timeline of a million cycles at 2×: 0.6 s and 558 KB against 1.4 s and 633 KB at the default).
     */
    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer in this Java runtime");
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(PNG_COMPRESSION_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The chart as PNG bytes (see {@link #image}). */
    public static byte[] png(ChartDrawing chart, double width, double height, double scale, Rgba background) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(image(chart, width, height, scale, background), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
