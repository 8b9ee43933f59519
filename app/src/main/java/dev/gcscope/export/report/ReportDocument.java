package dev.gcscope.export.report;

import java.util.List;

/**
 * What a report says, before it is HTML or Markdown: a title, the lines under it, one section per
 * input, and the footer. The builder decides the content once; each writer only lays it out, so the
 * two variants never disagree on a figure.
 *
 * @param title the page title
 * @param intro blocks under the title (the finding, how the report was made)
 * @param sections one per input file
 * @param footer blocks at the end (what the figures equal, the command that reproduces them)
 */
public record ReportDocument(String title, List<Block> intro, List<Section> sections, List<Block> footer) {
    public ReportDocument {
        intro = List.copyOf(intro);
        sections = List.copyOf(sections);
        footer = List.copyOf(footer);
    }

    /** One input: its heading, an anchor for the table of contents, and its blocks in order. */
    public record Section(String title, String anchor, List<Block> blocks) {
        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of a section. */
    public sealed interface Block permits Heading, Paragraph, Facts, Table, Chart, Note {}

    /** A sub-heading inside a section (level 3 and below). */
    public record Heading(String text, String anchor) implements Block {}

    /** Running text; a run may carry the figure key it shows. */
    public record Paragraph(List<Cell.Run> runs) implements Block {
        public Paragraph {
            runs = List.copyOf(runs);
        }

        public static Paragraph of(String text) {
            return new Paragraph(List.of(Cell.Run.text(text)));
        }
    }

    /** Label and value pairs (an input's name, size, SHA-256 …). */
    public record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /** @param code the value is a command, a hash or a path: set in a monospaced font, kept whole */
    public record Fact(String label, Cell value, boolean code) {
        public Fact(String label, Cell value) {
            this(label, value, false);
        }

        public static Fact of(String label, String value) {
            return new Fact(label, Cell.text(value));
        }

        public static Fact code(String label, String value) {
            return new Fact(label, Cell.text(value), true);
        }
    }

    /**
     * A table with a caption; {@code numeric} columns are right-aligned.
     *
     * @param id a stable id for tests and links ({@code key-figures}, {@code regimes} …)
     */
    public record Table(String id, String caption, List<String> headers, List<List<Cell>> rows, List<Boolean> numeric)
            implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            numeric = List.copyOf(numeric);
        }
    }

    /** A chart, drawn by the charts' one drawing path, with a caption under it. */
    public record Chart(ReportChart chart, String caption) implements Block {}

    /** A muted remark (how a figure was computed, why something is missing). */
    public record Note(String text) implements Block {}
}
