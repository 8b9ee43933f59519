package dev.gcscope.parsers.metrics;

import java.util.HashSet;
import java.util.Set;

/**
 * Where one scrape ends and the next begins in a file of appended scrapes
 * ({@code while sleep 10; do curl …/metrics; done >> scrapes.txt}): at {@code # EOF}, or where a
 * family's HELP/TYPE/UNIT or a series repeats. A scrape opens at its first content line.
 */
final class ScrapeSegmenter {
    /** Told when a scrape opens and when it ends. */
    interface Listener {
        void opened();

        void ended();
    }

    private final Listener listener;
    private final Set<String> seenSeries = new HashSet<>();
    private final Set<String> seenMeta = new HashSet<>();
    private String lastMetaFamily = "";
    private boolean open;
    private boolean sawEof;
    private boolean contentAfterEof;
    private long contentLines;

    ScrapeSegmenter(Listener listener) {
        this.listener = listener;
    }

    /** {@code # EOF}: the scrape ends here. */
    void eof() {
        if (open) end();
        sawEof = true;
    }

    /**
     * A {@code # HELP}, {@code # TYPE} or {@code # UNIT} line of family {@code name}: seen again, the
     * next scrape has begun. Not when it repeats the family just described: client_golang's
     * OpenMetrics output names the go_memstats_alloc_bytes gauge and the go_memstats_alloc_bytes_total
     * counter's family alike (real scrape, v1.14 and v1.21):
     * <pre>
     * # TYPE go_memstats_alloc_bytes gauge / go_memstats_alloc_bytes 946080.0
     * # TYPE go_memstats_alloc_bytes counter / go_memstats_alloc_bytes_total 2.81245576e+09
     * </pre>
     */
    void meta(String keyword, String name) {
        String key = keyword + ' ' + name;
        if (!seenMeta.add(key) && open && !name.equals(lastMetaFamily)) {
            end();
            seenMeta.add(key);
        }
        lastMetaFamily = name;
        content();
    }

    /** A sample of series {@code seriesKey} (name and labels): seen again, the next scrape has begun. */
    void sample(String seriesKey) {
        if (!seenSeries.add(seriesKey) && open) {
            end();
            seenSeries.add(seriesKey);
        }
        content();
    }

    /** The end of the input: an open scrape ends. */
    void finish() {
        if (open) end();
    }

    /** Content lines (metadata and samples) so far. */
    long contentLines() { return contentLines; }
    boolean sawEof() { return sawEof; }
    /** Content followed a {@code # EOF}. */
    boolean contentAfterEof() { return contentAfterEof; }

    private void content() {
        contentLines++;
        if (open) return;
        if (sawEof) contentAfterEof = true;
        open = true;
        listener.opened();
    }

    private void end() {
        listener.ended();
        seenSeries.clear();
        seenMeta.clear();
        open = false;
    }
}
