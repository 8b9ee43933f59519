package dev.gcscope.format;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import java.util.Objects;

/**
 * The choices a user makes about the analysis ({@code --regimes}), passed to every
 * {@link FormatSupport} alike; a family ignores what does not apply to it.
 *
 * @param regimes how GC cycles are grouped into regimes
 */
public record AnalysisOptions(RegimeAnalysis.Method regimes) {
    public static final AnalysisOptions DEFAULT = new AnalysisOptions(RegimeAnalysis.Method.KMEANS);

    public AnalysisOptions {
        Objects.requireNonNull(regimes, "regimes");
    }
}
