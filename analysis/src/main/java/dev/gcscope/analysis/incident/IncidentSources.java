package dev.gcscope.analysis.incident;

import java.util.List;

/**
 * What the files of one incident hold, by kind. A file may give more than one (a Prometheus export
 * with both cAdvisor's counters and the Go collector's series gives a runtime and a quota source).
 *
 * @param notes what was left out or assumed while reading, one sentence each, starting with the file name
 */
public record IncidentSources(List<GcCycleSource> gc, List<ThreadDelaySource> kernel, List<RuntimeSource> runtime,
                              List<QuotaSource> quota, List<String> notes) {
    public IncidentSources {
        gc = List.copyOf(gc);
        kernel = List.copyOf(kernel);
        runtime = List.copyOf(runtime);
        quota = List.copyOf(quota);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return gc.isEmpty() && kernel.isEmpty() && runtime.isEmpty() && quota.isEmpty();
    }

    /** Every file name, in the order the kinds are listed. */
    public List<String> files() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        gc.forEach(s -> out.add(s.file()));
        kernel.forEach(s -> out.add(s.file()));
        runtime.forEach(s -> out.add(s.file()));
        quota.forEach(s -> out.add(s.file()));
        return List.copyOf(out);
    }
}
