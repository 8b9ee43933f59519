package dev.gcscope.ui.compare;

import dev.gcscope.parsers.metrics.MetricsColumns;
import dev.gcscope.parsers.perfsched.PerfSchedTimehistParser;
import dev.gcscope.parsers.perfsched.TimehistColumns;
import dev.gcscope.ui.workspace.TraceDocument;
import java.util.List;

/**
 * Which open documents a comparison can take: two or more gctrace documents (a ladder from three), or
 * exactly two {@code perf sched timehist} documents, or exactly two runtime/metrics documents (issue 11).
 */
public enum CompareKinds {
    GCTRACE(Integer.MAX_VALUE), TIMEHIST(2), METRICS(2);

    /** The most documents of this kind one comparison takes. */
    public final int most;

    CompareKinds(int most) {
        this.most = most;
    }

    /** The document's kind; null for one no comparison takes (a latency table, a cgroup cpu.stat log). */
    public static CompareKinds of(TraceDocument d) {
        if (d.isGcTrace()) return GCTRACE;
        if (d.result() == null) return null;
        if (d.formatId().equals(PerfSchedTimehistParser.FORMAT.id()) && d.result().tables().containsKey(TimehistColumns.EVENTS_TABLE)) {
            return TIMEHIST;
        }
        if (d.result().tables().containsKey(MetricsColumns.BUCKETS_TABLE)) return METRICS;
        return null;
    }

    /** The documents any comparison could take, in the order given. */
    public static List<TraceDocument> comparable(List<TraceDocument> open) {
        return open.stream().filter(d -> of(d) != null).toList();
    }

    /** Whether {@code chosen} make one comparison: two or more of one kind, no more than the kind takes. */
    public static boolean canCompare(List<TraceDocument> chosen) {
        if (chosen.size() < 2) return false;
        CompareKinds k = of(chosen.get(0));
        return k != null && chosen.size() <= k.most && chosen.stream().allMatch(d -> of(d) == k);
    }

    /** The documents of the first one's kind, in order, as many as the kind takes. */
    public static List<TraceDocument> sameKindAsFirst(List<TraceDocument> docs) {
        if (docs.isEmpty()) return docs;
        CompareKinds k = of(docs.get(0));
        return docs.stream().filter(d -> of(d) == k).limit(k == null ? 0 : k.most).toList();
    }

    /** Why {@code chosen} make no comparison, in words for the picker; empty when they do. */
    public static String whyNot(List<TraceDocument> chosen) {
        if (canCompare(chosen)) return "";
        if (chosen.size() < 2) return "Check two documents or more.";
        CompareKinds k = of(chosen.get(0));
        if (chosen.stream().anyMatch(d -> of(d) != k)) return "Compare documents of one kind: gctrace with gctrace, timehist with timehist, runtime/metrics with runtime/metrics.";
        return "Two " + (k == TIMEHIST ? "timehist" : "runtime/metrics") + " documents compare at a time.";
    }
}
