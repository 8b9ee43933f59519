package dev.gcscope.analysis.regime;

import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import dev.gcscope.samples.SampleTraces;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tech.tablesaw.api.Table;

/**
 * The mean silhouette of the clustering's own sample points, labelled by the regimes found (and by
 * a split of them, with a label left out), must be the one the definition gives, summed point by
 * point in index order: the same number to the last bit, since k is chosen by it.
 */
class SilhouetteTest {
    static Stream<String> recordings() {
        return SampleTraces.ofFormat("gctrace").stream().map(SampleTraces.Sample::path);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void silhouetteIsTheDefinitionsOnRealSamples(String path) {
        Table t = AnalysisSamples.cycles(path);
        RegimeFeatures f = RegimeFeatures.of(t);
        if (f.size() == 0) return;
        RegimeAnalysis.Result r = RegimeAnalysis.of(t);
        DistinctGroups.Sample sample = RegimeClustering.stratified(f, false, RegimeClustering.FIT_SAMPLE);
        RegimeClustering.Scale scale = RegimeClustering.Scale.of(f, sample.rows(), false);
        int n = (sample.rows().length + 1) / 2;
        double[][] points = new double[n][];
        int[] byRegime = new int[n], byThirds = new int[n];
        for (int s = 0; s < n; s++) {
            int row = sample.rows()[2 * s];
            points[s] = scale.point(f, row);
            byRegime[s] = r.regimeOfRow()[f.rows[row]];
            byThirds[s] = s % 3 == 2 ? -1 : (byRegime[s] < 0 ? 0 : byRegime[s]) * 2 + s % 2; // each regime split in two, a third left out
        }
        float[] between = RegimeClustering.distances(points);
        int k = Math.max(1, r.regimes().size());
        assertEquals(naive(between, byRegime, k), RegimeClustering.silhouette(between, byRegime, k), path + " by regime");
        assertEquals(naive(between, byThirds, 2 * k), RegimeClustering.silhouette(between, byThirds, 2 * k), path + " split");
    }

    /** Rousseeuw's s(i) = (b − a) / max(a, b), averaged over the points in a cluster of two or more. */
    private static double naive(float[] between, int[] labels, int k) {
        int n = labels.length;
        double total = 0;
        int counted = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0) continue;
            double[] sum = new double[k];
            int[] size = new int[k];
            for (int j = 0; j < n; j++) {
                if (labels[j] < 0) continue;
                size[labels[j]]++;
                if (j != i) sum[labels[j]] += between[i * n + j];
            }
            if (size[labels[i]] < 2) continue;
            double a = sum[labels[i]] / (size[labels[i]] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) if (c != labels[i] && size[c] > 0) b = Math.min(b, sum[c] / size[c]);
            if (b == Double.POSITIVE_INFINITY) continue;
            double max = Math.max(a, b);
            total += max == 0 ? 0 : (b - a) / max;
            counted++;
        }
        return counted == 0 ? Double.NaN : total / counted;
    }
}
