package dev.gcscope.cli;

import dev.gcscope.analysis.regime.RegimeAnalysis;
import dev.gcscope.format.AnalysisOptions;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --regimes kmeans|dbscan}: how gctrace cycles are grouped into regimes. */
final class RegimeOption {
    @Option(names = "--regimes", paramLabel = "METHOD", converter = MethodConverter.class,
            description = "How cycles are grouped into regimes: kmeans (default: k-means++ with k by"
                    + " silhouette) or dbscan (density-based; cycles in no dense group are noise, -1).")
    private RegimeAnalysis.Method method = RegimeAnalysis.Method.KMEANS;

    RegimeAnalysis.Method method() {
        return method;
    }

    AnalysisOptions options() {
        return new AnalysisOptions(method);
    }

    static final class MethodConverter implements ITypeConverter<RegimeAnalysis.Method> {
        @Override
        public RegimeAnalysis.Method convert(String value) {
            try {
                return RegimeAnalysis.Method.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown regime method '" + value + "' (kmeans or dbscan)");
            }
        }
    }
}
