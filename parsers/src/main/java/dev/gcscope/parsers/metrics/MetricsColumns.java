package dev.gcscope.parsers.metrics;

import java.util.List;

/**
 * Table and column names of a runtime/metrics parse ({@code prometheus} and {@code metrics-json}).
 * Public contract like {@code GcColumns}: {@code export --csv} writes the {@link #BUCKETS_TABLE} and
 * users' scripts read it, so names are only ever added, never renamed.
 *
 * <p>Bucket bounds and sums are in the metric's own unit (the part after {@code :} in a
 * runtime/metrics name, or the unit suffix of a Prometheus name): seconds for pauses and latencies,
 * bytes for allocation sizes. Counts are observations.
 */
public final class MetricsColumns {
    private MetricsColumns() {}

    /** One row per (snapshot, metric, labels, bucket): the main table. */
    public static final String BUCKETS_TABLE = "buckets";
    /** One row per (snapshot, histogram or summary series): its {@code _sum} and {@code _count}. */
    public static final String SERIES_TABLE = "series";
    /** One row per (snapshot, summary series, quantile), e.g. {@code go_gc_duration_seconds}. */
    public static final String SUMMARIES_TABLE = "summaries";
    /** One row per (snapshot, counter/gauge/untyped series), e.g. {@code go_goroutines}. */
    public static final String VALUES_TABLE = "values";
    /**
     * One row per snapshot with its wall-clock time: only in a parse whose input carries one (JSON
     * {@code wall}, Prometheus range queries), so files without one keep their four tables.
     */
    public static final String SNAPSHOTS_TABLE = "snapshots";

    /** 1-based number of the snapshot (one scrape, one JSON line, one JSON document) in the file. */
    public static final String SNAPSHOT = "snapshot";
    /** The snapshot's time in seconds as the input gives it (JSON {@code t}, scrape timestamps); missing when unknown. */
    public static final String TIME_S = "time_s";
    /** The snapshot's wall-clock time in Unix seconds (snapshots table); missing when that snapshot has none. */
    public static final String WALL_S = "wall_s";
    /** The runtime/metrics name ({@code /sched/latencies:seconds}), or the Prometheus name when it maps to none. */
    public static final String METRIC = "metric";
    /** The name as exposed by Prometheus, without {@code _bucket}/{@code _sum}/{@code _count} (prometheus only). */
    public static final String PROM_NAME = "prom_name";
    /** The series' other labels in canonical form, {@code k="v",…} sorted by key; empty when there are none. */
    public static final String LABELS = "labels";
    /** Lower bound of the bucket (runtime/metrics: inclusive; Prometheus: the previous {@code le}, exclusive). */
    public static final String LOWER = "lower";
    /** Upper bound of the bucket (runtime/metrics: exclusive; Prometheus: the bucket's {@code le}, inclusive). */
    public static final String UPPER = "upper";
    /** Observations in this bucket alone in this snapshot, since the process started (not cumulative over buckets). */
    public static final String COUNT = "count";
    /** {@link #COUNT} minus the previous snapshot's count of the same bucket; missing in the first snapshot. */
    public static final String INTERVAL_COUNT = "interval_count";
    /** 1-based input line the value was read from (for JSON: where the histogram's object starts). */
    public static final String LINE = "line";

    // series
    public static final String SUM = "sum";
    // summaries
    public static final String QUANTILE = "quantile";
    public static final String VALUE = "value";
    // values
    /** {@code counter}, {@code gauge}, {@code untyped} (Prometheus) or the JSON {@code kind}. */
    public static final String TYPE = "type";

    /** Columns of the buckets table of a {@code prometheus} parse, in order. */
    public static final List<String> PROMETHEUS_BUCKET_COLUMNS = List.of(
            SNAPSHOT, TIME_S, METRIC, LABELS, LOWER, UPPER, COUNT, INTERVAL_COUNT, PROM_NAME, LINE);
    /** Columns of the buckets table of a {@code metrics-json} parse, in order. */
    public static final List<String> JSON_BUCKET_COLUMNS = List.of(
            SNAPSHOT, TIME_S, METRIC, LABELS, LOWER, UPPER, COUNT, INTERVAL_COUNT, LINE);
}
