package dev.gcscope.analysis.stats;

import static dev.gcscope.parsers.gctrace.GcColumns.STW_MS;
import static org.junit.jupiter.api.Assertions.*;

import dev.gcscope.analysis.AnalysisSamples;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class PauseFitsTest {

    static PauseFits.Fit model(PauseFits.Result r, String name) {
        return r.fits().stream().filter(f -> f.model().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void exponentialDataIsCalledExponential() {
        double[] x = new ExponentialDistribution(new Well19937c(3), 0.25).sample(3000);
        PauseFits.Result r = PauseFits.of(SortedSample.of(x));
        PauseFits.Fit exp = model(r, "exponential");
        assertTrue(exp.consistent(), exp.toString());
        assertEquals(0.25, exp.distribution().getNumericalMean(), 0.02);
        assertFalse(model(r, "log-normal").consistent(), "a log-normal is the wrong shape");
        assertTrue(r.verdict().contains("consistent"), r.verdict());
    }

    @Test
    void logNormalDataIsCalledLogNormal() {
        double[] x = new LogNormalDistribution(new Well19937c(5), Math.log(0.2), 0.8).sample(3000);
        PauseFits.Result r = PauseFits.of(SortedSample.of(x));
        assertEquals("log-normal", r.fits().get(0).model(), r.fits().toString());
        assertTrue(r.fits().get(0).consistent());
        assertEquals(0.2, Math.exp(((LogNormalDistribution) r.fits().get(0).distribution()).getScale()), 0.01);
    }

    @Test
    void truncatedExponentialRecoversItsRate() {
        // exponential with rate 2/ms cut to [0.1, 1.5] ms, by inversion
        Well19937c random = new Well19937c(9);
        double rate = 2, a = 0.1, b = 1.5;
        double[] x = new double[3000];
        double mass = -Math.expm1(-rate * (b - a));
        for (int i = 0; i < x.length; i++) x[i] = a - Math.log1p(-random.nextDouble() * mass) / rate;
        PauseFits.Result r = PauseFits.of(SortedSample.of(x));
        PauseFits.Fit t = model(r, "truncated-exponential");
        assertTrue(t.consistent(), t.toString());
        assertEquals(rate, ((TruncatedExponentialDistribution) t.distribution()).rate(), 0.15);
    }

    @Test
    void realPausesGetAVerdict() {
        SortedSample stw = SortedSample.of(AnalysisSamples.cycles("gctrace/go1.24-phases.log").doubleColumn(STW_MS));
        PauseFits.Result r = PauseFits.of(stw);
        assertEquals(3, r.fits().size());
        assertFalse(r.verdict().isBlank());
        for (PauseFits.Fit f : r.fits()) assertTrue(f.ksP() >= 0 && f.ksP() <= 1 && Double.isFinite(f.logLikelihood()), f.toString());
    }
}
