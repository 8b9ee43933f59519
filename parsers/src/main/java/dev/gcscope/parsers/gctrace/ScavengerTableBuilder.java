package dev.gcscope.parsers.gctrace;

import static dev.gcscope.parsers.gctrace.GcColumns.*;

import dev.gcscope.parsers.prefix.WallClockParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Rows of the scavenger table. Go ≤1.13 prints a {@code released} line and then a state line for
 * the same pass; they become one row. Few rows per trace, so plain objects are fine here.
 */
final class ScavengerTableBuilder {
    private record Row(int run, int gc, long line, long wallMillis, String source, ScavengerLine data, double releasedMb) {}

    private final List<Row> rows = new ArrayList<>();
    private Row openRelease;

    void add(ScavengerLine s, int run, int lastGc, long line, long wallMillis) {
        switch (s.kind()) {
            case SCVG_RELEASED -> {
                flushOpenRelease();
                openRelease = new Row(run, lastGc, line, wallMillis, "scvg", s, s.releasedMb());
            }
            case SCVG_STATE -> {
                double released = 0;
                if (openRelease != null && openRelease.data().seq() == s.seq() && openRelease.run() == run) {
                    released = openRelease.releasedMb();
                    line = openRelease.line();
                    openRelease = null;
                } else {
                    flushOpenRelease();
                }
                // The released line is only printed when something was released (mheap.go), so a state
                // line on its own means 0 MB released in that pass.
                rows.add(new Row(run, lastGc, line, wallMillis, "scvg", s, released));
            }
            case SCAV -> {
                flushOpenRelease();
                rows.add(new Row(run, lastGc, line, wallMillis, "scav", s, Double.NaN));
            }
            case SCVG_GC_FORCED -> { }
        }
    }

    private void flushOpenRelease() {
        if (openRelease != null) rows.add(openRelease);
        openRelease = null;
    }

    int size() {
        return rows.size() + (openRelease == null ? 0 : 1);
    }

    Table build(String name) {
        flushOpenRelease();
        return build(name, rows);
    }

    /** The table so far, a released line still waiting for its state line included, without ending it. */
    Table snapshot(String name) {
        List<Row> all = new ArrayList<>(rows);
        if (openRelease != null) all.add(openRelease);
        return build(name, all);
    }

    private static Table build(String name, List<Row> rows) {
        int n = rows.size();
        IntColumn run = IntColumn.create(RUN, n), gc = IntColumn.create(GC, n), line = IntColumn.create(LINE, n);
        IntColumn seq = IntColumn.create(SEQ, n), gen = IntColumn.create(GEN, n);
        DateTimeColumn wall = DateTimeColumn.create(WALL_TIME, n);
        StringColumn source = StringColumn.create(SOURCE, n);
        BooleanColumn forced = BooleanColumn.create(FORCED, n), reset = BooleanColumn.create(CONTROLLER_RESET, n);
        String[] dnames = {RELEASED_MB, INUSE_MB, IDLE_MB, SYS_MB, CONSUMED_MB, WORK_KIB, WORK_BG_KIB,
                WORK_EAGER_KIB, RELEASED_TOTAL_KIB, UTIL_PCT};
        DoubleColumn[] d = new DoubleColumn[dnames.length];
        for (int k = 0; k < d.length; k++) d[k] = DoubleColumn.create(dnames[k], n);
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            ScavengerLine s = r.data();
            run.set(i, r.run());
            setInt(gc, i, r.gc());
            line.set(i, (int) Math.min(Integer.MAX_VALUE, r.line()));
            setInt(seq, i, s.seq());
            setInt(gen, i, s.gen());
            if (r.wallMillis() != WallClockParser.MISSING) {
                wall.set(i, LocalDateTime.ofInstant(Instant.ofEpochMilli(r.wallMillis()), ZoneOffset.UTC));
            }
            source.set(i, r.source());
            forced.set(i, s.forced());
            reset.set(i, s.controllerReset());
            double[] v = {r.releasedMb(), s.inuseMb(), s.idleMb(), s.sysMb(), s.consumedMb(), s.workKib(),
                    s.workBgKib(), s.workEagerKib(), s.releasedTotalKib(), s.utilPct()};
            for (int k = 0; k < d.length; k++) d[k].set(i, v[k]);
        }
        Table t = Table.create(name, run, gc, line, wall, source, seq, gen, forced);
        t.addColumns(d);
        t.addColumns(reset);
        return t;
    }

    private static void setInt(IntColumn c, int i, int v) {
        if (v == GcLine.NONE) c.setMissing(i); else c.set(i, v);
    }
}
