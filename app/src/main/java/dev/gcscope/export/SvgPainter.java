package dev.gcscope.export;

import dev.gcscope.render.ChartFont;
import dev.gcscope.render.Painter;
import dev.gcscope.render.Rgba;
import dev.gcscope.render.TextAlign;
import dev.gcscope.render.TextBaseline;
import java.awt.Font;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A {@link Painter} that writes SVG: rectangles, lines, ellipses, polygons and paths as such, text
 * as {@code <text>} anchored start, middle or end (so labels stay aligned in whatever font the
 * viewer substitutes), transforms and clips as groups, and never a bitmap: a heatmap's pixels become
 * runs of rectangles. Text is measured with the AWT metrics of the face named in {@code font-family},
 * as the PNG export measures it, so both lay a chart out alike. Numbers are written with two
 * decimals at most (a hundredth of a pixel).
 *
 * <p>Call {@link #end()} once the chart is drawn; it closes the document.
 */
public final class SvgPainter implements Painter {
    private static final String NS = "http://www.w3.org/2000/svg";

    private final XMLStreamWriter out;
    private final ChartFont rootFont;
    private final Deque<State> saved = new ArrayDeque<>();
    private State s = new State();
    /** Groups opened (by a transform or clip) since the last {@link #save()}; closed by the matching restore. */
    private int openGroups;
    private final Deque<Integer> savedGroups = new ArrayDeque<>();
    private final StringBuilder path = new StringBuilder();
    private boolean pathHasPoint;
    private int clips;
    private final StringBuilder number = new StringBuilder();

    private static final class State {
        Rgba fill = Rgba.BLACK;
        Rgba stroke = Rgba.BLACK;
        double lineWidth = 1;
        double[] dashes;
        double alpha = 1;
        ChartFont font;
        TextAlign align = TextAlign.LEFT;
        TextBaseline baseline = TextBaseline.BASELINE;

        State copy() {
            State c = new State();
            c.fill = fill;
            c.stroke = stroke;
            c.lineWidth = lineWidth;
            c.dashes = dashes;
            c.alpha = alpha;
            c.font = font;
            c.align = align;
            c.baseline = baseline;
            return c;
        }
    }

    /**
     * Starts an SVG document {@code width} by {@code height} pixels on {@code writer} (which should
     * encode UTF-8), filled with {@code background} unless it is null.
     *
     * @param font the labels' font, the document's default
     */
    public SvgPainter(Writer writer, double width, double height, Rgba background, ChartFont font) {
        try {
            this.out = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            this.rootFont = font;
            s.font = font;
            out.writeStartDocument("UTF-8", "1.0");
            out.writeCharacters("\n");
            out.writeStartElement("svg");
            out.writeDefaultNamespace(NS);
            out.writeAttribute("width", num(width));
            out.writeAttribute("height", num(height));
            out.writeAttribute("viewBox", "0 0 " + num(width) + " " + num(height));
            out.writeAttribute("font-family", fontFamily(font));
            out.writeAttribute("font-size", num(font.size()));
            out.writeAttribute("stroke-linecap", "square");
            out.writeAttribute("stroke-miterlimit", "10");
            out.writeCharacters("\n");
            if (background != null && background.opacity() > 0) {
                out.writeEmptyElement("rect");
                out.writeAttribute("width", "100%");
                out.writeAttribute("height", "100%");
                fillAttributes(background, 1);
                out.writeCharacters("\n");
            }
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    /** A failure of the writer underneath, unchecked so that drawing code need not know of files. */
    public static final class SvgException extends RuntimeException {
        SvgException(XMLStreamException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The face the chart was measured in, then what a viewer without it should use. */
    private static String fontFamily(ChartFont f) {
        String family = AwtText.family(f);
        boolean logical = family.equalsIgnoreCase(Font.SANS_SERIF) || family.equalsIgnoreCase(Font.DIALOG);
        return (logical ? "" : "'" + family.replace("'", "") + "', ") + "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif";
    }

    /** Closes every open group and the document, and flushes the writer. */
    public void end() {
        try {
            while (!savedGroups.isEmpty()) restore();
            closeGroups();
            out.writeEndElement();
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.flush();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    // ---------------------------------------------------------------- numbers and colours

    private String num(double v) {
        number.setLength(0);
        appendNumber(number, v);
        return number.toString();
    }

    /** {@code v} with at most two decimals and no trailing zeros: 12, 12.5, 12.25, -0.5. */
    static void appendNumber(StringBuilder b, double v) {
        if (!Double.isFinite(v)) v = 0;
        long r = Math.round(v * 100);
        if (r < 0) {
            b.append('-');
            r = -r;
        }
        b.append(r / 100);
        long f = r % 100;
        if (f == 0) return;
        b.append('.');
        if (f < 10) b.append('0').append(f);
        else if (f % 10 == 0) b.append(f / 10);
        else b.append(f);
    }

    private void fillAttributes(Rgba c, double alpha) throws XMLStreamException {
        out.writeAttribute("fill", c.hex());
        double o = c.opacity() * alpha;
        if (o < 1) out.writeAttribute("fill-opacity", opacity(o));
    }

    private void strokeAttributes() throws XMLStreamException {
        out.writeAttribute("fill", "none");
        out.writeAttribute("stroke", s.stroke.hex());
        double o = s.stroke.opacity() * s.alpha;
        if (o < 1) out.writeAttribute("stroke-opacity", opacity(o));
        if (s.lineWidth != 1) out.writeAttribute("stroke-width", num(s.lineWidth));
        if (s.dashes != null) {
            StringBuilder d = new StringBuilder();
            for (double v : s.dashes) {
                if (d.length() > 0) d.append(' ');
                appendNumber(d, v);
            }
            out.writeAttribute("stroke-dasharray", d.toString());
        }
    }

    private static String opacity(double o) {
        return Double.toString(Math.round(o * 1000) / 1000.0);
    }

    // ---------------------------------------------------------------- state

    @Override
    public void setFill(Rgba colour) {
        s.fill = colour;
    }

    @Override
    public void setStroke(Rgba colour) {
        s.stroke = colour;
    }

    @Override
    public void setLineWidth(double width) {
        s.lineWidth = width;
    }

    @Override
    public void setLineDashes(double... dashes) {
        s.dashes = dashes == null || dashes.length == 0 ? null : dashes.clone();
    }

    @Override
    public void setGlobalAlpha(double alpha) {
        s.alpha = Math.max(0, Math.min(1, alpha));
    }

    @Override
    public void setFont(ChartFont font) {
        s.font = font;
    }

    @Override
    public void setTextAlign(TextAlign align) {
        s.align = align;
    }

    @Override
    public void setTextBaseline(TextBaseline baseline) {
        s.baseline = baseline;
    }

    @Override
    public void save() {
        saved.push(s);
        s = s.copy();
        savedGroups.push(openGroups);
        openGroups = 0;
    }

    @Override
    public void restore() {
        if (saved.isEmpty()) return;
        try {
            closeGroups();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
        s = saved.pop();
        openGroups = savedGroups.pop();
    }

    private void closeGroups() throws XMLStreamException {
        for (; openGroups > 0; openGroups--) {
            out.writeEndElement();
            out.writeCharacters("\n");
        }
    }

    private void openGroup(String attribute, String value) {
        try {
            out.writeStartElement("g");
            out.writeAttribute(attribute, value);
            out.writeCharacters("\n");
            openGroups++;
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public void translate(double x, double y) {
        openGroup("transform", "translate(" + num(x) + " " + num(y) + ")");
    }

    @Override
    public void rotate(double degrees) {
        openGroup("transform", "rotate(" + num(degrees) + ")");
    }

    @Override
    public void clipRect(double x, double y, double width, double height) {
        String id = "clip" + (++clips);
        try {
            out.writeStartElement("clipPath");
            out.writeAttribute("id", id);
            out.writeEmptyElement("rect");
            rect(x, y, width, height);
            out.writeEndElement();
            out.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
        openGroup("clip-path", "url(#" + id + ")");
    }

    // ---------------------------------------------------------------- shapes

    private void rect(double x, double y, double width, double height) throws XMLStreamException {
        out.writeAttribute("x", num(x));
        out.writeAttribute("y", num(y));
        out.writeAttribute("width", num(width));
        out.writeAttribute("height", num(height));
    }

    /** One element per line: a diff of two exports reads element by element. */
    private void newline() throws XMLStreamException {
        out.writeCharacters("\n");
    }

    @Override
    public void fillRect(double x, double y, double width, double height) {
        if (!(width > 0 && height > 0)) return;
        try {
            out.writeEmptyElement("rect");
            rect(x, y, width, height);
            fillAttributes(s.fill, s.alpha);
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public void strokeRect(double x, double y, double width, double height) {
        try {
            out.writeEmptyElement("rect");
            rect(x, y, width, height);
            strokeAttributes();
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        try {
            out.writeEmptyElement("line");
            out.writeAttribute("x1", num(x1));
            out.writeAttribute("y1", num(y1));
            out.writeAttribute("x2", num(x2));
            out.writeAttribute("y2", num(y2));
            strokeAttributes();
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    private void ellipse(double x, double y, double width, double height) throws XMLStreamException {
        out.writeEmptyElement("ellipse");
        out.writeAttribute("cx", num(x + width / 2));
        out.writeAttribute("cy", num(y + height / 2));
        out.writeAttribute("rx", num(width / 2));
        out.writeAttribute("ry", num(height / 2));
    }

    @Override
    public void fillOval(double x, double y, double width, double height) {
        try {
            ellipse(x, y, width, height);
            fillAttributes(s.fill, s.alpha);
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public void strokeOval(double x, double y, double width, double height) {
        try {
            ellipse(x, y, width, height);
            strokeAttributes();
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    private String points(double[] xs, double[] ys, int n) {
        StringBuilder b = new StringBuilder(n * 12);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(' ');
            appendNumber(b, xs[i]);
            b.append(',');
            appendNumber(b, ys[i]);
        }
        return b.toString();
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int points) {
        if (points < 2) return;
        try {
            out.writeEmptyElement("polygon");
            out.writeAttribute("points", points(xs, ys, points));
            fillAttributes(s.fill, s.alpha);
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int points) {
        if (points < 2) return;
        try {
            out.writeEmptyElement("polygon");
            out.writeAttribute("points", points(xs, ys, points));
            strokeAttributes();
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public void beginPath() {
        path.setLength(0);
        pathHasPoint = false;
    }

    @Override
    public void moveTo(double x, double y) {
        path.append('M');
        appendNumber(path, x);
        path.append(' ');
        appendNumber(path, y);
        pathHasPoint = true;
    }

    @Override
    public void lineTo(double x, double y) {
        // a line from nowhere starts the path there, as on the canvas
        path.append(pathHasPoint ? 'L' : 'M');
        appendNumber(path, x);
        path.append(' ');
        appendNumber(path, y);
        pathHasPoint = true;
    }

    @Override
    public void stroke() {
        if (!pathHasPoint) return;
        try {
            out.writeEmptyElement("path");
            out.writeAttribute("d", path.toString());
            strokeAttributes();
            newline();
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isEmpty()) return;
        Font f = AwtText.font(s.font);
        try {
            out.writeStartElement("text");
            out.writeAttribute("x", num(x));
            out.writeAttribute("y", num(y + AwtText.baselineOffset(f, s.baseline)));
            if (s.align != TextAlign.LEFT) out.writeAttribute("text-anchor", s.align == TextAlign.CENTER ? "middle" : "end");
            if (!s.font.family().equals(rootFont.family())) out.writeAttribute("font-family", fontFamily(s.font));
            if (s.font.size() != rootFont.size()) out.writeAttribute("font-size", num(s.font.size()));
            if (s.font.bold()) out.writeAttribute("font-weight", "bold");
            fillAttributes(s.fill, s.alpha);
            out.writeCharacters(text);
            out.writeEndElement();
            out.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    /** Runs of equal colour in each row become one rectangle each. */
    @Override
    public void fillPixels(int x, int y, int width, int height, int[] argb) {
        try {
            for (int row = 0; row < height; row++) {
                int col = 0;
                while (col < width) {
                    int c = argb[row * width + col];
                    int end = col + 1;
                    while (end < width && argb[row * width + end] == c) end++;
                    if (c != 0) {
                        out.writeEmptyElement("rect");
                        rect(x + col, y + row, end - col, 1);
                        fillAttributes(Rgba.rgb(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff, (c >>> 24) / 255.0), 1);
                        out.writeCharacters("\n");
                    }
                    col = end;
                }
            }
        } catch (XMLStreamException e) {
            throw new SvgException(e);
        }
    }

    @Override
    public double textWidth(String text) {
        return AwtText.width(AwtText.font(s.font), text);
    }

    @Override
    public double lineHeight() {
        return AwtText.lineHeight(AwtText.font(s.font));
    }
}
