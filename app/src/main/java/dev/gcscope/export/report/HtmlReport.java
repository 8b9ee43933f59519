package dev.gcscope.export.report;

import dev.gcscope.export.report.ReportDocument.Block;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as one self-contained HTML file: the stylesheet inline, the charts as inline SVG, no
 * script, and nothing loaded from anywhere (a Content-Security-Policy of {@code default-src 'none'}
 * says so to the browser too). It prints on light paper whatever the theme, with the dark theme's
 * charts swapped for light ones, and reads at phone width. Every figure from {@code summary --json}
 * carries its JSON pointer in {@code data-key}; one shown rounded ({@link JsonFigures#shown}) keeps its exact
 * JSON text in {@code data-value} and its tooltip.
 */
public final class HtmlReport {
    /**
     * Charts are drawn this wide (CSS scales them to the page) and this high: a timeline's legend row
     * over a plot as high as it was without (at 320 or 340 the GC CPU share's title was cut in its part).
     */
    static final int CHART_WIDTH = 960;
    static final int CHART_HEIGHT = 350;

    private static final String CSS = css();
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final ReportTheme theme;
    private final String version;
    private final StringBuilder out = new StringBuilder(256 * 1024);

    private HtmlReport(ReportTheme theme, String version) {
        this.theme = theme;
        this.version = version;
    }

    public static String write(ReportDocument doc, ReportTheme theme, String version) {
        return new HtmlReport(theme, version).document(doc);
    }

    private String document(ReportDocument doc) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\" class=\"theme-").append(theme.id()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"generator\" content=\"gcscope ").append(esc(version)).append("\">\n")
                .append("<title>").append(esc(doc.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(esc(doc.title())).append("</h1>\n");
        blocks(doc.intro(), "intro", true);
        if (doc.sections().size() > 1) {
            out.append("<nav class=\"toc\"><strong>Inputs</strong><ol>\n");
            for (ReportDocument.Section s : doc.sections()) {
                out.append("<li><a href=\"#").append(esc(s.anchor())).append("\">").append(esc(s.title())).append("</a></li>\n");
            }
            out.append("</ol></nav>\n");
        }
        out.append("</header>\n<main>\n");
        for (ReportDocument.Section s : doc.sections()) {
            out.append("<section id=\"").append(esc(s.anchor())).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            blocks(s.blocks(), s.anchor(), false);
            out.append("</section>\n");
        }
        out.append("</main>\n<footer>\n");
        blocks(doc.footer(), "footer", false);
        out.append("</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private void blocks(List<Block> blocks, String scope, boolean finding) {
        for (Block b : blocks) {
            if (b instanceof ReportDocument.Heading h) {
                out.append("<h3 id=\"").append(esc(scope + "-" + h.anchor())).append("\">").append(esc(h.text())).append("</h3>\n");
            } else if (b instanceof ReportDocument.Paragraph p) {
                out.append(finding ? "<p class=\"finding\">" : "<p>");
                runs(p.runs());
                out.append("</p>\n");
            } else if (b instanceof ReportDocument.Note n) {
                out.append("<p class=\"note\">").append(esc(n.text())).append("</p>\n");
            } else if (b instanceof ReportDocument.Facts f) {
                facts(f);
            } else if (b instanceof ReportDocument.Table t) {
                table(t, scope);
            } else if (b instanceof ReportDocument.Chart c) {
                chart(c, scope);
            }
        }
    }

    private void facts(ReportDocument.Facts f) {
        out.append("<dl class=\"facts\">\n");
        for (ReportDocument.Fact fact : f.facts()) {
            out.append("<dt>").append(esc(fact.label())).append("</dt><dd");
            if (fact.code()) out.append(" class=\"mono\"");
            out.append('>');
            runs(fact.value().runs());
            out.append("</dd>\n");
        }
        out.append("</dl>\n");
    }

    /** Above this many columns a table is wide: it may reach past the text's column on a wide screen. */
    static final int WIDE_COLUMNS = 8;

    private void table(ReportDocument.Table t, String scope) {
        // a table of many columns (the regimes, the per-task delays) may use the window's width beside the text's
        out.append(t.headers().size() > WIDE_COLUMNS ? "<div class=\"table-wrap wide\">" : "<div class=\"table-wrap\">").append("<table id=\"").append(esc(scope + "-table-" + t.id())).append("\" data-table=\"")
                .append(esc(t.id())).append("\">\n<caption>").append(esc(t.caption())).append("</caption>\n<thead><tr>");
        for (int c = 0; c < t.headers().size(); c++) {
            out.append(t.numeric().get(c) ? "<th class=\"num\">" : "<th>").append(esc(t.headers().get(c))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : t.rows()) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                boolean longText = !t.numeric().get(c) && row.get(c).plain().length() > 40;
                out.append(t.numeric().get(c) ? "<td class=\"num\">" : longText ? "<td class=\"text\">" : "<td>");
                runs(row.get(c).runs());
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private void chart(ReportDocument.Chart c, String scope) {
        ReportChart chart = c.chart();
        String id = scope + "-chart-" + chart.id();
        out.append("<figure class=\"chart\" id=\"").append(esc(id)).append("\" data-chart=\"").append(esc(chart.id())).append("\">\n");
        if (theme == ReportTheme.LIGHT) {
            out.append(SvgIds.scoped(chart.svg(CHART_WIDTH, CHART_HEIGHT, theme), id)).append('\n');
        } else {
            // Paper is white: the printed page gets the light drawing of the same chart.
            out.append("<div class=\"for-screen\">").append(SvgIds.scoped(chart.svg(CHART_WIDTH, CHART_HEIGHT, theme), id))
                    .append("</div>\n<div class=\"for-print\">")
                    .append(SvgIds.scoped(chart.svg(CHART_WIDTH, CHART_HEIGHT, ReportTheme.LIGHT), id + "-print")).append("</div>\n");
        }
        out.append("<figcaption><strong>").append(esc(chart.title())).append(".</strong> ").append(esc(c.caption()))
                .append("</figcaption>\n</figure>\n");
    }

    private void runs(List<Cell.Run> runs) {
        for (Cell.Run r : runs) {
            if (r.key() == null) {
                out.append(esc(r.text()));
                continue;
            }
            out.append("<span data-key=\"").append(esc(r.key())).append('"');
            if (r.missing()) out.append(" data-missing class=\"missing\"");
            if (r.exact() != null) {
                out.append(" data-value=\"").append(esc(r.exact())).append("\" title=\"").append(esc(r.exact())).append('"');
            }
            out.append('>').append(esc(r.text())).append("</span>");
        }
    }

    /** Text and attribute values: the five characters HTML gives a meaning. */
    static String esc(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String r = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null) {
                if (b != null) b.append(ch);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            b.append(r);
        }
        return b == null ? s : b.toString();
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("report.css is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
