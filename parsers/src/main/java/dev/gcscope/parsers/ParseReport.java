package dev.gcscope.parsers;

import dev.gcscope.parsers.io.Excerpt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parse did with every line: {@code linesRead == linesUsed + linesSkipped()} always holds,
 * and every skipped line is counted under a kind ("other text", "pacer", "malformed", …), so a
 * user sees that recognised side lines were not mistaken for garbage. The first
 * {@link #MAX_ISSUES} problems are kept with line number, reason and excerpt; {@link #issueCount()}
 * counts all of them. Damage to the stored data (a gzip CRC error, a cut-off file) comes first and
 * is never dropped by that limit: it says every figure may be wrong, so it must not hide behind the
 * hundreds of garbled lines it usually causes.
 * The first {@link #MAX_SKIPPED_LINES_PER_KIND} skipped lines of each kind are
 * kept with their number and excerpt where the parser had the line at hand (a line the parser
 * skipped as part of a group, e.g. the rest of a wrapped line, is counted but not listed).
 */
public final class ParseReport {
    public static final int MAX_ISSUES = 200;
    /** Enough to see what a kind looks like and where it starts; a million pacer lines stay counted, not copied. */
    public static final int MAX_SKIPPED_LINES_PER_KIND = 200;

    private final String sourceName;
    private final long linesRead;
    private final long linesUsed;
    private final Map<String, Long> skippedByKind;
    private final List<ParseIssue> issues;
    private final long issueCount;
    private final List<String> notes;
    private final List<SkippedLine> skippedLines;

    private ParseReport(Builder b) {
        this.sourceName = b.sourceName;
        this.linesRead = b.linesRead;
        this.linesUsed = b.linesUsed;
        this.skippedByKind = Collections.unmodifiableMap(new LinkedHashMap<>(b.skippedByKind));
        List<ParseIssue> all = new ArrayList<>(b.damage);
        for (ParseIssue i : b.issues) {
            if (all.size() >= Math.max(MAX_ISSUES, b.damage.size())) break;
            all.add(i);
        }
        this.issues = List.copyOf(all);
        this.issueCount = b.issueCount;
        this.notes = List.copyOf(b.notes);
        List<SkippedLine> lines = new ArrayList<>(b.skippedLines);
        lines.sort(java.util.Comparator.comparingLong(SkippedLine::line));
        this.skippedLines = List.copyOf(lines);
    }

    public String sourceName() { return sourceName; }
    public long linesRead() { return linesRead; }
    public long linesUsed() { return linesUsed; }

    public long linesSkipped() {
        long n = 0;
        for (long v : skippedByKind.values()) n += v;
        return n;
    }

    /** Skipped lines by kind, in the order kinds were first seen. */
    public Map<String, Long> skippedByKind() { return skippedByKind; }

    /** The skipped lines kept (see the class comment), in line order. */
    public List<SkippedLine> skippedLines() { return skippedLines; }

    public List<ParseIssue> issues() { return issues; }
    public long issueCount() { return issueCount; }

    /** Whole-file remarks, e.g. "syslog timestamps carry no year; assumed 2026". */
    public List<String> notes() { return notes; }

    public static Builder builder(String sourceName) {
        return new Builder(sourceName);
    }

    /** Collects counts while parsing; not thread-safe, one per parse. */
    public static final class Builder {
        private final String sourceName;
        private long linesRead;
        private long linesUsed;
        private final Map<String, Long> skippedByKind = new LinkedHashMap<>();
        private final List<ParseIssue> issues = new ArrayList<>();
        private final List<ParseIssue> damage = new ArrayList<>();
        private long issueCount;
        private final List<String> notes = new ArrayList<>();
        private final List<SkippedLine> skippedLines = new ArrayList<>();

        private Builder(String sourceName) {
            this.sourceName = sourceName;
        }

        public void linesRead(long n) { linesRead = n; }
        public void used() { linesUsed++; }
        public void used(long n) { linesUsed += n; }

        public void skipped(String kind) { skippedByKind.merge(kind, 1L, Long::sum); }

        /** Counts line {@code line} ({@code b[s..e)}) as skipped under {@code kind}, and lists it while the kind has room. */
        public void skipped(String kind, long line, byte[] b, int s, int e) {
            if (skippedByKind.merge(kind, 1L, Long::sum) <= MAX_SKIPPED_LINES_PER_KIND) {
                skippedLines.add(new SkippedLine(line, kind, Excerpt.of(b, s, e)));
            }
        }

        /** As {@link #skipped(String, long, byte[], int, int)} with the excerpt already made. */
        public void skipped(String kind, long line, String excerpt) {
            if (skippedByKind.merge(kind, 1L, Long::sum) <= MAX_SKIPPED_LINES_PER_KIND) {
                skippedLines.add(new SkippedLine(line, kind, excerpt));
            }
        }

        /**
         * @param reason  may quote the input (a label's value): like the excerpt, shown with any control
         *                character escaped, so an issue is one line whatever the input held
         */
        public void issue(long line, String reason, String excerpt) {
            issueCount++;
            if (issues.size() < MAX_ISSUES) issues.add(new ParseIssue(line, oneLine(reason), oneLine(excerpt)));
        }

        private static String oneLine(String text) {
            return text == null ? null : Excerpt.escape(text);
        }

        /**
         * An issue with the stored data itself, found while reading {@code line}: listed before the
         * others and kept whatever their number (a reader finds a handful at most, one per gzip member).
         */
        public void damage(long line, String reason) {
            issueCount++;
            if (damage.size() < MAX_ISSUES) damage.add(new ParseIssue(line, oneLine(reason), ""));
        }

        public void note(String note) {
            String line = oneLine(note);
            if (!notes.contains(line)) notes.add(line);
        }

        public long linesUsed() { return linesUsed; }

        public ParseReport build() {
            return new ParseReport(this);
        }

        /**
         * The report so far, of a parse still going on (a followed input): {@code linesRead} lines
         * and {@code moreNotes} besides the notes already added, this builder left as it was.
         */
        public ParseReport snapshot(long linesRead, List<String> moreNotes) {
            long read = this.linesRead;
            int notesBefore = notes.size();
            this.linesRead = linesRead;
            for (String n : moreNotes) note(n);
            try {
                return new ParseReport(this);
            } finally {
                this.linesRead = read;
                notes.subList(notesBefore, notes.size()).clear();
            }
        }
    }
}
