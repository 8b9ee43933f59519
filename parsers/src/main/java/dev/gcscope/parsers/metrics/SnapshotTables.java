package dev.gcscope.parsers.metrics;

import static dev.gcscope.parsers.metrics.MetricsColumns.*;

import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseReport;
import dev.gcscope.parsers.table.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The model both runtime/metrics formats fill: a sequence of snapshots, each holding histograms
 * (per-bucket counts since process start), summary quantiles, and counter/gauge values. It turns
 * them into the tables named in {@link MetricsColumns}, computes the per-interval bucket counts
 * (this snapshot minus the previous one) and notices process restarts (a count that goes down).
 *
 * <p>Bucket rows go into primitive buffers and become Tablesaw columns once, in {@link #build};
 * strings (metric, labels) are pooled, so a row costs no allocation. The other tables are small.
 */
final class SnapshotTables {
    private static final int INITIAL_ROWS = 1024;

    private final ParseOptions options;
    private final boolean withPromName;

    // Bucket rows.
    private int rows;
    private int[] snapshot = new int[INITIAL_ROWS];
    private int[] metric = new int[INITIAL_ROWS];
    private int[] labels = new int[INITIAL_ROWS];
    private int[] promName = new int[INITIAL_ROWS];
    private double[] lower = new double[INITIAL_ROWS];
    private double[] upper = new double[INITIAL_ROWS];
    private double[] count = new double[INITIAL_ROWS];
    private double[] interval = new double[INITIAL_ROWS];
    private int[] line = new int[INITIAL_ROWS];

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> stringIds = new HashMap<>();

    /** Snapshot times, index = snapshot number (0 unused); NaN = unknown. */
    private double[] times = new double[16];
    /** Wall-clock times in Unix seconds, as {@link #times}; NaN = unknown. */
    private double[] walls = new double[16];
    private boolean anyWall;
    private int snapshots;

    private record Previous(int snapshot, double[] upper, double[] counts) {}

    private final Map<String, Previous> previousHistogram = new HashMap<>();
    private final Map<String, double[]> previousCounter = new HashMap<>();
    /** Snapshot → first thing seen going down there, for the restart note. */
    private final Map<Integer, String> restarts = new LinkedHashMap<>();
    private final TreeSet<Integer> boundChanges = new TreeSet<>();

    private record SeriesRow(int snapshot, String metric, String promName, String labels, double sum, double count, long line) {}
    private record QuantileRow(int snapshot, String metric, String promName, String labels, double quantile, double value, long line) {}
    private record ValueRow(int snapshot, String metric, String promName, String labels, String type, double value, long line) {}

    private final List<SeriesRow> series = new ArrayList<>();
    private final List<QuantileRow> quantiles = new ArrayList<>();
    private final List<ValueRow> values = new ArrayList<>();

    /** @param withPromName whether the tables get a {@link MetricsColumns#PROM_NAME} column (prometheus) */
    SnapshotTables(ParseOptions options, boolean withPromName) {
        this.options = options;
        this.withPromName = withPromName;
    }

    /** Starts the next snapshot; returns its 1-based number. */
    int startSnapshot(double timeS) {
        snapshots++;
        if (snapshots >= times.length) {
            times = Arrays.copyOf(times, times.length * 2);
            walls = Arrays.copyOf(walls, times.length);
        }
        times[snapshots] = timeS;
        walls[snapshots] = Double.NaN;
        return snapshots;
    }

    /** Sets the current snapshot's wall-clock time (Unix seconds). */
    void wall(double unixS) {
        if (snapshots > 0 && Double.isFinite(unixS)) {
            walls[snapshots] = unixS;
            anyWall = true;
        }
    }

    /** Sets the current snapshot's time if it has none yet. */
    void timeIfUnknown(double timeS) {
        if (snapshots > 0 && Double.isNaN(times[snapshots])) times[snapshots] = timeS;
    }

    int snapshots() { return snapshots; }

    /** Snapshots at which something went down, each with what went down first. */
    Map<Integer, String> restarts() { return restarts; }

    /**
     * One histogram of the current snapshot. {@code counts[i]} is the count of bucket
     * {@code [lower[i], upper[i])} alone (not cumulative), since the process started.
     *
     * @param lines input line of each bucket
     */
    void histogram(String metricName, String prom, String labelText, double[] lo, double[] up, double[] counts,
                   long[] lines, int n, double sum, double total, long seriesLine) {
        int s = snapshots;
        String key = metricName + '\u0000' + labelText;
        Previous prev = previousHistogram.get(key);
        double[] diff = null;
        if (prev != null && prev.snapshot == s - 1) {
            if (prev.upper.length == n && Arrays.equals(prev.upper, Arrays.copyOf(up, n))) {
                diff = new double[n];
                boolean down = false;
                for (int i = 0; i < n; i++) {
                    diff[i] = counts[i] - prev.counts[i];
                    if (diff[i] < 0) down = true;
                }
                // Counts since process start went down: the process restarted, and (as Prometheus's
                // rate() does for a counter reset) the whole new count is this interval's.
                if (down) {
                    restarts.putIfAbsent(s, "histogram " + metricName + (labelText.isEmpty() ? "" : "{" + labelText + "}"));
                    diff = Arrays.copyOf(counts, n);
                }
            } else {
                // Go never changes a metric's buckets within a process: another process, or another Go.
                boundChanges.add(s);
            }
        }
        previousHistogram.put(key, new Previous(s, Arrays.copyOf(up, n), Arrays.copyOf(counts, n)));
        int mId = id(metricName), lId = id(labelText), pId = id(prom == null ? "" : prom);
        ensure(rows + n);
        for (int i = 0; i < n; i++) {
            int r = rows++;
            snapshot[r] = s;
            metric[r] = mId;
            labels[r] = lId;
            promName[r] = pId;
            lower[r] = lo[i];
            upper[r] = up[i];
            count[r] = counts[i];
            interval[r] = diff == null ? Double.NaN : diff[i];
            line[r] = (int) Math.min(Integer.MAX_VALUE, lines[i]);
        }
        series.add(new SeriesRow(s, metricName, prom, labelText, sum, total, seriesLine));
    }

    /** {@code _sum}/{@code _count} of a summary (a histogram's come with {@link #histogram}). */
    void summarySeries(String metricName, String prom, String labelText, double sum, double total, long atLine) {
        if (!Double.isNaN(total)) counter("summary " + metricName, labelText, total);
        series.add(new SeriesRow(snapshots, metricName, prom, labelText, sum, total, atLine));
    }

    void quantile(String metricName, String prom, String labelText, double q, double value, long atLine) {
        quantiles.add(new QuantileRow(snapshots, metricName, prom, labelText, q, value, atLine));
    }

    void value(String metricName, String prom, String labelText, String type, double v, long atLine) {
        if ("counter".equals(type)) counter("counter " + metricName, labelText, v);
        values.add(new ValueRow(snapshots, metricName, prom, labelText, type, v, atLine));
    }

    private void counter(String what, String labelText, double v) {
        String key = what + '\u0000' + labelText;
        double[] prev = previousCounter.get(key);
        if (prev != null && prev[0] == snapshots - 1 && v < prev[1]) {
            restarts.putIfAbsent(snapshots, what + (labelText.isEmpty() ? "" : "{" + labelText + "}"));
        }
        previousCounter.put(key, new double[] {snapshots, v});
    }

    /** Snapshots where a histogram's bucket bounds differed from the previous snapshot's. */
    TreeSet<Integer> boundChanges() { return boundChanges; }

    /** The report notes both formats share: restarts and changed buckets. */
    void addNotes(ParseReport.Builder report) {
        if (!restarts.isEmpty()) {
            Map.Entry<Integer, String> first = restarts.entrySet().iterator().next();
            report.note(String.format(Locale.ROOT, "counts went down %d time(s), first at snapshot %d (%s):"
                    + " the process restarted; that interval's counts are the new process's", restarts.size(),
                    first.getKey(), first.getValue()));
        }
        if (!boundChanges.isEmpty()) {
            report.note("bucket boundaries changed at snapshot " + boundChanges.first()
                    + ": another process or Go release; no interval counts there");
        }
    }

    private int id(String s) {
        Integer id = stringIds.get(s);
        if (id == null) {
            id = strings.size();
            strings.add(s);
            stringIds.put(s, id);
        }
        return id;
    }

    private void ensure(int capacity) {
        if (capacity <= snapshot.length) return;
        int c = Math.max(capacity, snapshot.length * 2);
        snapshot = Arrays.copyOf(snapshot, c);
        metric = Arrays.copyOf(metric, c);
        labels = Arrays.copyOf(labels, c);
        promName = Arrays.copyOf(promName, c);
        lower = Arrays.copyOf(lower, c);
        upper = Arrays.copyOf(upper, c);
        count = Arrays.copyOf(count, c);
        interval = Arrays.copyOf(interval, c);
        line = Arrays.copyOf(line, c);
    }

    /** The four tables, the buckets table first and with the columns {@code options} asks for. */
    Map<String, Table> build() {
        Map<String, Table> out = new LinkedHashMap<>();
        out.put(BUCKETS_TABLE, buckets());
        out.put(SERIES_TABLE, seriesTable());
        out.put(SUMMARIES_TABLE, quantileTable());
        out.put(VALUES_TABLE, valueTable());
        if (anyWall) out.put(SNAPSHOTS_TABLE, snapshotTable());
        return out;
    }

    private Table snapshotTable() {
        int n = snapshots;
        int[] number = new int[n];
        double[] time = new double[n], wall = new double[n];
        for (int i = 0; i < n; i++) {
            number[i] = i + 1;
            time[i] = times[i + 1];
            wall[i] = walls[i + 1];
        }
        return Table.create(SNAPSHOTS_TABLE, Columns.ints(SNAPSHOT, number, n), Columns.doubles(TIME_S, time, n),
                Columns.doubles(WALL_S, wall, n));
    }

    private Table buckets() {
        List<String> order = withPromName ? PROMETHEUS_BUCKET_COLUMNS : JSON_BUCKET_COLUMNS;
        Table t = Table.create(BUCKETS_TABLE);
        for (String c : order) {
            if (!options.wants(c)) continue;
            t.addColumns(bucketColumn(c));
        }
        return t;
    }

    private Column<?> bucketColumn(String name) {
        int n = rows;
        return switch (name) {
            case SNAPSHOT -> Columns.ints(SNAPSHOT, snapshot, n);
            case TIME_S -> {
                double[] t = new double[n];
                for (int i = 0; i < n; i++) t[i] = times[snapshot[i]];
                yield Columns.doubles(TIME_S, t, n);
            }
            case METRIC -> strings(METRIC, metric, n);
            case LABELS -> strings(LABELS, labels, n);
            case PROM_NAME -> strings(PROM_NAME, promName, n);
            case LOWER -> Columns.doubles(LOWER, lower, n);
            case UPPER -> Columns.doubles(UPPER, upper, n);
            case COUNT -> Columns.doubles(COUNT, count, n);
            case INTERVAL_COUNT -> Columns.doubles(INTERVAL_COUNT, interval, n);
            case LINE -> Columns.ints(LINE, line, n);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private StringColumn strings(String name, int[] ids, int n) {
        StringColumn c = StringColumn.create(name);
        for (int i = 0; i < n; i++) c.append(strings.get(ids[i]));
        return c;
    }

    private Table seriesTable() {
        int n = series.size();
        Cols c = new Cols(SERIES_TABLE, n);
        DoubleColumn sum = DoubleColumn.create(SUM, n), total = DoubleColumn.create(COUNT, n);
        for (int i = 0; i < n; i++) {
            SeriesRow r = series.get(i);
            c.set(i, r.snapshot(), r.metric(), r.promName(), r.labels(), r.line());
            sum.set(i, r.sum());
            total.set(i, r.count());
        }
        return c.table(sum, total);
    }

    private Table quantileTable() {
        int n = quantiles.size();
        Cols c = new Cols(SUMMARIES_TABLE, n);
        DoubleColumn q = DoubleColumn.create(QUANTILE, n), v = DoubleColumn.create(VALUE, n);
        for (int i = 0; i < n; i++) {
            QuantileRow r = quantiles.get(i);
            c.set(i, r.snapshot(), r.metric(), r.promName(), r.labels(), r.line());
            q.set(i, r.quantile());
            v.set(i, r.value());
        }
        return c.table(q, v);
    }

    private Table valueTable() {
        int n = values.size();
        Cols c = new Cols(VALUES_TABLE, n);
        StringColumn type = StringColumn.create(TYPE, n);
        DoubleColumn v = DoubleColumn.create(VALUE, n);
        for (int i = 0; i < n; i++) {
            ValueRow r = values.get(i);
            c.set(i, r.snapshot(), r.metric(), r.promName(), r.labels(), r.line());
            type.set(i, r.type());
            v.set(i, r.value());
        }
        return c.table(type, v);
    }

    /** The leading columns the small tables share: snapshot, time_s, metric, labels, prom_name. */
    private final class Cols {
        final String table;
        final IntColumn snap;
        final DoubleColumn time;
        final StringColumn metricCol, labelCol, promCol;
        final IntColumn lineCol;

        Cols(String table, int n) {
            this.table = table;
            snap = IntColumn.create(SNAPSHOT, n);
            time = DoubleColumn.create(TIME_S, n);
            metricCol = StringColumn.create(METRIC, n);
            labelCol = StringColumn.create(LABELS, n);
            promCol = StringColumn.create(PROM_NAME, n);
            lineCol = IntColumn.create(LINE, n);
        }

        void set(int i, int s, String m, String p, String l, long atLine) {
            snap.set(i, s);
            time.set(i, times[s]);
            metricCol.set(i, m);
            labelCol.set(i, l);
            promCol.set(i, p == null ? "" : p);
            lineCol.set(i, (int) Math.min(Integer.MAX_VALUE, atLine));
        }

        Table table(Column<?>... own) {
            Table t = Table.create(table, snap, time, metricCol, labelCol);
            if (withPromName) t.addColumns(promCol);
            t.addColumns(own);
            t.addColumns(lineCol);
            return t;
        }
    }
}
