package dev.gcscope.export.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcscope.analysis.compare.ComparisonCurves;
import dev.gcscope.analysis.compare.ComparisonSide;
import dev.gcscope.analysis.compare.GcComparison;
import dev.gcscope.analysis.work.Work;
import dev.gcscope.format.ComparisonJson;
import dev.gcscope.render.compare.AlignedSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a report's comparison section is made of: the object {@code compare --json} prints for the
 * sides (every figure of the section is read from it), and what its charts draw — each side's
 * curves, ladder rung and aligned timelines under a short label (the file's name, where the JSON
 * names the side by the path as given).
 */
public record ReportComparison(ObjectNode json, ComparisonCurves curves, List<GcComparison.Rung> ladder,
                               List<AlignedSeries> aligned) {
    public ReportComparison {
        ladder = List.copyOf(ladder);
        aligned = List.copyOf(aligned);
    }

    /** Compares {@code sides}, each labelled with its path as given; the charts name it by its file name. */
    public static ReportComparison of(List<ComparisonSide> sides, Work work) {
        return of(sides, sides.stream().map(s -> ReportBuilder.fileName(s.label())).toList(), work);
    }

    /**
     * Compares {@code sides}, labelled as {@code compare --json} labels them (a side with a range
     * compares and draws that range's cycles).
     *
     * @param chartLabels each side's name in the charts' legends
     */
    public static ReportComparison of(List<ComparisonSide> sides, List<String> chartLabels, Work work) {
        GcComparison c = GcComparison.of(sides, work);
        int[] order = IntStream.range(0, sides.size()).toArray();
        ComparisonCurves curves = ComparisonCurves.of(c.sides(), work).arranged(order, chartLabels);
        List<GcComparison.Rung> ladder = new ArrayList<>();
        List<AlignedSeries> aligned = new ArrayList<>();
        for (int i = 0; i < sides.size(); i++) {
            GcComparison.Rung r = c.ladder().get(i);
            ladder.add(new GcComparison.Rung(chartLabels.get(i), r.cycles(), r.p50Ms(), r.p99Ms(), r.gcCpuPct(), r.gcCpuPctCi(),
                    r.cyclesPerGb(), r.cyclesPerGbCi()));
            ComparisonSide s = sides.get(i);
            aligned.add(AlignedSeries.of(chartLabels.get(i), s.isWhole() ? s.cycles() : s.cycles().inRange(s.fromRow(), s.toRow())));
        }
        String a = sides.get(0).label(), b = sides.get(sides.size() - 1).label();
        return new ReportComparison(ComparisonJson.of(c, a, b), curves, ladder, aligned);
    }

    /** The number of sides. */
    public int size() {
        return aligned.size();
    }
}
