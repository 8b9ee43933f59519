package dev.gcscope.export.report;

import static dev.gcscope.export.table.TextTable.markdownText;

import dev.gcscope.export.report.ReportDocument.Block;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as GitHub-flavoured Markdown with each chart a PNG beside it, for a wiki or an issue
 * tracker: the same content as the HTML variant, laid out for Markdown. Images are named after the
 * Markdown file, the input and the chart ({@code report-1-pause-timeline.png}), so two reports in
 * one folder keep their own.
 */
public final class MarkdownReport {
    /** PNGs are drawn at this scale of the HTML charts' size, so they stay sharp on a high-density screen. */
    public static final int PNG_SCALE = 2;

    private final ReportTheme theme;
    private final String stem;
    private final StringBuilder out = new StringBuilder(64 * 1024);
    private final Map<String, byte[]> images = new LinkedHashMap<>();

    private MarkdownReport(ReportTheme theme, String stem) {
        this.theme = theme;
        this.stem = stem;
    }

    /** @param stem the Markdown file's name without {@code .md}, which the images' names start with */
    public static ReportFiles write(ReportDocument doc, ReportTheme theme, String stem) {
        MarkdownReport r = new MarkdownReport(theme, stem);
        r.document(doc);
        return new ReportFiles(r.out.toString(), r.images);
    }

    /** The name of the PNG of chart {@code chartId} of input {@code section} (1-based). */
    public static String imageName(String stem, int section, String chartId) {
        // Only characters a Markdown link and every file system take as they are.
        String safe = stem.replaceAll("[^A-Za-z0-9._-]", "-");
        return String.format(Locale.ROOT, "%s-%d-%s.png", safe, section, chartId);
    }

    private void document(ReportDocument doc) {
        out.append("# ").append(markdownText(doc.title())).append("\n\n");
        blocks(doc.intro(), 0);
        for (int i = 0; i < doc.sections().size(); i++) {
            ReportDocument.Section s = doc.sections().get(i);
            out.append("## ").append(markdownText(s.title())).append("\n\n");
            blocks(s.blocks(), i + 1);
        }
        out.append("---\n\n");
        blocks(doc.footer(), 0);
    }

    private void blocks(List<Block> blocks, int section) {
        for (Block b : blocks) {
            if (b instanceof ReportDocument.Heading h) {
                out.append("### ").append(markdownText(h.text())).append("\n\n");
            } else if (b instanceof ReportDocument.Paragraph p) {
                out.append(markdownText(new Cell(p.runs()).plain())).append("\n\n");
            } else if (b instanceof ReportDocument.Note n) {
                out.append('*').append(markdownText(n.text())).append("*\n\n");
            } else if (b instanceof ReportDocument.Facts f) {
                for (ReportDocument.Fact fact : f.facts()) {
                    String label = fact.label().isEmpty() ? "" : "**" + markdownText(fact.label()) + ":** ";
                    String value = fact.code() ? "`" + fact.value().plain().replace("`", "'") + "`" : markdownText(fact.value().plain());
                    out.append("- ").append(label).append(value).append('\n');
                }
                out.append('\n');
            } else if (b instanceof ReportDocument.Table t) {
                out.append("**").append(markdownText(t.caption())).append("**\n\n").append(Tables.text(t).markdown()).append('\n');
            } else if (b instanceof ReportDocument.Chart c) {
                ReportChart chart = c.chart();
                String name = imageName(stem, section, chart.id());
                images.put(name, chart.png(HtmlReport.CHART_WIDTH, HtmlReport.CHART_HEIGHT, PNG_SCALE, theme));
                out.append("![").append(markdownText(chart.title())).append("](").append(name).append(")\n\n")
                        .append('*').append(markdownText(chart.title() + ". " + c.caption())).append("*\n\n");
            }
        }
    }
}
