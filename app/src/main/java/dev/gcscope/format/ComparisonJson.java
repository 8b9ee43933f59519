package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.compare.CostRow;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.analysis.compare.GcCost;
import dev.gcscope.analysis.compare.PairComparison;
import dev.gcscope.analysis.compare.RegimeComparison;
import dev.gcscope.analysis.compare.SideFigures;
import dev.gcscope.analysis.compare.TraceComparison;
import dev.gcscope.analysis.regime.Regime;
import java.util.List;
import java.util.Locale;

/**
 * The object {@code gcscope compare --json} prints for a gctrace comparison. Apart from the command
 * so that its TSV and Markdown tables, the report's comparison section and the window's copies are
 * read from this one object and cannot disagree with the JSON on a figure.
 */
public final class ComparisonJson {
    private ComparisonJson() {}

    /**
     * @param a the first file as the user named it
     * @param b the last file
     */
    public static ObjectNode of(GcComparison c, String a, String b) {
        PairComparison pair = c.overall();
        TraceComparison.Result r = pair.pauses();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("a", a);
        o.put("b", b);
        putRows(o.putObject("stw_ms"), r.percentiles());
        JsonNumbers.put(o, "mann_whitney_p", r.mannWhitneyP());
        JsonNumbers.put(o, "ks_p", r.ksP());
        JsonNumbers.put(o, "mann_whitney_p_adjusted", r.decision().mannWhitneyAdjusted());
        JsonNumbers.put(o, "ks_p_adjusted", r.decision().ksAdjusted());
        JsonNumbers.put(o, "pauses_in_order_p", pair.verdict().pausesInOrderP());
        JsonNumbers.put(o, "pauses_p_adjusted", pair.verdict().pausesAdjustedP());
        JsonNumbers.put(o, "hodges_lehmann_ms", r.shift().estimate());
        ArrayNode ci = o.putArray("hodges_lehmann_ci_ms");
        ci.add(PlainNumbers.figure(r.shift().low()));
        ci.add(PlainNumbers.figure(r.shift().high()));
        ArrayNode regimes = o.putArray("regimes");
        for (RegimeComparison row : pair.regimes()) {
            ObjectNode g = regimes.addObject();
            g.put("label", row.a().label());
            g.put("name", row.name());
            JsonNumbers.put(g, "distance", row.distance());
            side(g.putObject("a"), row.a());
            side(g.putObject("b"), row.b());
            JsonNumbers.put(g, "p_adjusted", row.adjustedP());
            g.put("sentence", row.sentence());
        }
        ArrayNode onlyA = o.putArray("regimes_only_a");
        for (Regime g : pair.onlyA()) side(onlyA.addObject().put("label", g.label()), g);
        ArrayNode onlyB = o.putArray("regimes_only_b");
        for (Regime g : pair.onlyB()) side(onlyB.addObject().put("label", g.label()), g);
        costs(o.putObject("costs"), pair);
        o.put("verdict", pair.verdictText());
        o.put("pause_verdict", r.verdict());
        ArrayNode sides = o.putArray("sides");
        for (SideFigures s : c.sides()) {
            ObjectNode side = sides.addObject();
            side.put("label", s.label());
            side.put("cycles", s.cycles());
            ObjectNode costs = side.putObject("costs");
            for (GcCost cost : GcCost.values()) {
                ObjectNode v = costs.putObject(cost.key());
                JsonNumbers.put(v, "value", s.value(cost));
                double[] in = s.interval(cost);
                if (Double.isNaN(in[0]) && Double.isNaN(in[1])) v.putNull("ci");
                else v.putArray("ci").add(PlainNumbers.figure(in[0])).add(PlainNumbers.figure(in[1]));
            }
        }
        if (c.sides().size() > 2) {
            ArrayNode steps = o.putArray("steps");
            for (PairComparison step : c.steps()) {
                ObjectNode st = steps.addObject();
                st.put("a", step.a().label());
                st.put("b", step.b().label());
                costs(st.putObject("costs"), step);
                JsonNumbers.put(st, "pauses_in_order_p", step.verdict().pausesInOrderP());
                JsonNumbers.put(st, "pauses_p_adjusted", step.verdict().pausesAdjustedP());
                st.put("verdict", step.verdictText());
            }
        }
        return o;
    }

    private static void costs(ObjectNode o, PairComparison pair) {
        for (CostRow row : pair.costs()) {
            ObjectNode c = o.putObject(row.cost().key());
            JsonNumbers.put(c, "a", row.a());
            JsonNumbers.put(c, "b", row.b());
            JsonNumbers.put(c, "ratio", row.ratio());
            if (row.hasInterval()) {
                // an open end (too few pauses for it) is null
                c.putArray("ratio_ci").add(PlainNumbers.figure(row.ratioLow())).add(PlainNumbers.figure(row.ratioHigh()));
            } else {
                c.putNull("ratio_ci");
                c.put("why_no_interval", row.whyNoInterval());
            }
            JsonNumbers.put(c, "p", row.p());
            JsonNumbers.put(c, "p_adjusted", row.pAdjusted());
            c.put("change", row.change().name().toLowerCase(Locale.ROOT));
        }
    }

    private static void side(ObjectNode o, Regime g) {
        o.put("description", g.description());
        o.put("cycles", g.cycles());
        JsonNumbers.put(o, "stw_p50_ms", g.stwP50Ms());
        JsonNumbers.put(o, "stw_p99_ms", g.stwP99Ms());
    }

    /**
     * {name: {a, b, ratio, ratio_low, ratio_high}} per row, as {@code stw_ms} has them (and the
     * scheduler comparison's {@code sch_delay_ms}): an interval's keys only where the row has one.
     */
    public static void putRows(ObjectNode o, List<TraceComparison.Row> rows) {
        for (TraceComparison.Row row : rows) {
            ObjectNode p = o.putObject(row.name());
            JsonNumbers.put(p, "a", row.a());
            JsonNumbers.put(p, "b", row.b());
            JsonNumbers.put(p, "ratio", row.ratio());
            if (!Double.isNaN(row.ratioLow())) {
                JsonNumbers.put(p, "ratio_low", row.ratioLow());
                JsonNumbers.put(p, "ratio_high", row.ratioHigh());
            }
        }
    }
}
