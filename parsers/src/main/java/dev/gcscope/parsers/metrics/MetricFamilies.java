package dev.gcscope.parsers.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * The metric families of a scrape and what each sample is within its family. {@code # TYPE} says
 * it when the scrape has it; pastes often lose it ({@code curl … | grep -v ^#}), and then the shape
 * does: a {@code _bucket} sample with an {@code le} label belongs to a histogram, a sample with a
 * {@code quantile} label to a summary, and their {@code _sum}/{@code _count} follow them. Families
 * outlive snapshots: a later scrape's samples keep what an earlier TYPE said.
 */
final class MetricFamilies {
    enum Role { BUCKET, HIST_SUM, HIST_COUNT, QUANTILE, SUMMARY_SUM, SUMMARY_COUNT, CREATED, VALUE }

    /** A metric family: what its TYPE/HELP say, or what its samples' shape implied. */
    static final class Family {
        final String name;
        String type;
        boolean typeInferred;
        /** From HELP's "Sourced from", or the known list; "" when neither names one. */
        String runtimeName;

        Family(String name) {
            this.name = name;
        }

        /** The runtime/metrics name, or the Prometheus name when it maps to none. */
        String metric() {
            if (runtimeName == null) {
                String mapped = RuntimeMetricNames.fromPrometheus(name);
                runtimeName = mapped != null ? mapped : "";
            }
            return runtimeName.isEmpty() ? name : runtimeName;
        }
    }

    private final Map<String, Family> families = new HashMap<>();

    Family family(String name) {
        return families.computeIfAbsent(name, Family::new);
    }

    /** {@code # TYPE name type}. */
    void declare(String name, String type) {
        Family f = family(name);
        f.type = type;
        f.typeInferred = false;
    }

    /**
     * What sample {@code x} is; {@code base[0]} gets its family's name. OpenMetrics names a counter's
     * family without {@code _total} and its sample with it; v1.12's histograms have {@code _total}
     * in the family name itself ({@code go_gc_pauses_seconds_total_bucket}).
     */
    Role role(ExpositionLine x, String[] base) {
        String name = x.name;
        Family exact = families.get(name);
        if (exact != null && exact.type != null && !exact.typeInferred) {
            base[0] = name;
            return exact.type.equals("summary") && x.label("quantile") != null ? Role.QUANTILE : Role.VALUE;
        }
        int us = name.lastIndexOf('_');
        if (us > 0) {
            String suffix = name.substring(us);
            String b = name.substring(0, us);
            Family f = families.get(b);
            Role typed = f == null || f.type == null ? null : typedRole(f.type, suffix);
            if (typed != null) {
                base[0] = b;
                return typed;
            }
            if (suffix.equals("_bucket") && x.label("le") != null) {
                infer(b, "histogram");
                base[0] = b;
                return Role.BUCKET;
            }
        }
        if (x.label("quantile") != null && !name.endsWith("_bucket")) {
            infer(name, "summary");
            base[0] = name;
            return Role.QUANTILE;
        }
        base[0] = name;
        return Role.VALUE;
    }

    private static Role typedRole(String type, String suffix) {
        switch (type) {
            case "histogram", "gaugehistogram" -> {
                switch (suffix) {
                    case "_bucket": return Role.BUCKET;
                    case "_sum", "_gsum": return Role.HIST_SUM;
                    case "_count", "_gcount": return Role.HIST_COUNT;
                    case "_created": return Role.CREATED;
                    default: return null;
                }
            }
            case "summary" -> {
                switch (suffix) {
                    case "_sum": return Role.SUMMARY_SUM;
                    case "_count": return Role.SUMMARY_COUNT;
                    case "_created": return Role.CREATED;
                    default: return null;
                }
            }
            case "counter" -> {
                if (suffix.equals("_created")) return Role.CREATED;
                return suffix.equals("_total") ? Role.VALUE : null;
            }
            default -> {
                return null;
            }
        }
    }

    private void infer(String name, String type) {
        Family f = family(name);
        if (f.type == null) {
            f.type = type;
            f.typeInferred = true;
        }
    }
}
