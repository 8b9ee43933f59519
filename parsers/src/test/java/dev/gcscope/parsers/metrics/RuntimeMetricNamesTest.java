package dev.gcscope.parsers.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prometheus names of the Go collector back to runtime/metrics names, for every Go release's histogram set. */
class RuntimeMetricNamesTest {
    /** Every histogram's name in client_golang ≥1.13 and in v1.12 (formats.md §3.3, go_collector_metrics_go126_test.go). */
    private static final Map<String, String[]> PROMETHEUS_NAMES = Map.of(
            "/gc/heap/allocs-by-size:bytes", new String[] {"go_gc_heap_allocs_by_size_bytes", "go_gc_heap_allocs_by_size_bytes_total"},
            "/gc/heap/frees-by-size:bytes", new String[] {"go_gc_heap_frees_by_size_bytes", "go_gc_heap_frees_by_size_bytes_total"},
            "/gc/pauses:seconds", new String[] {"go_gc_pauses_seconds", "go_gc_pauses_seconds_total"},
            "/sched/latencies:seconds", new String[] {"go_sched_latencies_seconds", "go_sched_latencies_seconds_total"},
            "/sched/pauses/stopping/gc:seconds", new String[] {"go_sched_pauses_stopping_gc_seconds", "go_sched_pauses_stopping_gc_seconds_total"},
            "/sched/pauses/stopping/other:seconds", new String[] {"go_sched_pauses_stopping_other_seconds", "go_sched_pauses_stopping_other_seconds_total"},
            "/sched/pauses/total/gc:seconds", new String[] {"go_sched_pauses_total_gc_seconds", "go_sched_pauses_total_gc_seconds_total"},
            "/sched/pauses/total/other:seconds", new String[] {"go_sched_pauses_total_other_seconds", "go_sched_pauses_total_other_seconds_total"});

    @Test
    void everyReleasesHistogramsMapBackWithAndWithoutTotal() {
        assertEquals(Set.of("1.16", "1.17", "1.22"), RuntimeMetricNames.HISTOGRAMS_SINCE.keySet());
        for (Map.Entry<String, Set<String>> release : RuntimeMetricNames.HISTOGRAMS_SINCE.entrySet()) {
            for (String name : release.getValue()) {
                String[] prom = PROMETHEUS_NAMES.get(name);
                assertNotNull(prom, name);
                assertEquals(prom[0], RuntimeMetricNames.toPrometheus(name, true, true, false), name);
                assertEquals(prom[1], RuntimeMetricNames.toPrometheus(name, true, true, true), name + " in client_golang v1.12");
                assertEquals(name, RuntimeMetricNames.fromPrometheus(prom[0]), prom[0]);
                assertEquals(name, RuntimeMetricNames.fromPrometheus(prom[1]), prom[1]);
            }
        }
        assertEquals(3, RuntimeMetricNames.HISTOGRAMS_SINCE.get("1.16").size());
        assertEquals(4, RuntimeMetricNames.HISTOGRAMS_SINCE.get("1.17").size());
        assertEquals(8, RuntimeMetricNames.HISTOGRAMS_SINCE.get("1.22").size());
    }

    @Test
    void theDashInAllocsBySizeIsNotGuessed() {
        // go_gc_heap_allocs_by_size_bytes: a blind _ → / inverse would give /gc/heap/allocs/by/size:bytes.
        assertEquals("/gc/heap/allocs-by-size:bytes", RuntimeMetricNames.fromPrometheus("go_gc_heap_allocs_by_size_bytes"));
        assertEquals("/sched/pauses/total/gc:seconds", RuntimeMetricNames.fromPrometheus("go_sched_pauses_total_gc_seconds"));
        assertNull(RuntimeMetricNames.fromPrometheus("go_gc_heap_allocs_by_sizes_bytes"));
        assertNull(RuntimeMetricNames.fromPrometheus("http_request_duration_seconds"));
        assertNull(RuntimeMetricNames.fromPrometheus("go_gc_duration_seconds"), "a client_golang summary, not a runtime metric");
    }

    @Test
    void countersGetTotalAndTheirOpenMetricsFamilyNameMapsToo() {
        assertEquals("go_gc_cycles_total_gc_cycles_total", RuntimeMetricNames.toPrometheus("/gc/cycles/total:gc-cycles", true, false, false));
        assertEquals("/gc/cycles/total:gc-cycles", RuntimeMetricNames.fromPrometheus("go_gc_cycles_total_gc_cycles_total"));
        assertEquals("/gc/cycles/total:gc-cycles", RuntimeMetricNames.fromPrometheus("go_gc_cycles_total_gc_cycles"));
        assertEquals("go_cpu_classes_gc_mark_assist_cpu_seconds_total",
                RuntimeMetricNames.toPrometheus("/cpu/classes/gc/mark/assist:cpu-seconds", true, false, false));
        // The three runtime metrics client_golang v1.20 exports by default.
        assertEquals("/gc/gogc:percent", RuntimeMetricNames.fromPrometheus("go_gc_gogc_percent"));
        assertEquals("/gc/gomemlimit:bytes", RuntimeMetricNames.fromPrometheus("go_gc_gomemlimit_bytes"));
        assertEquals("/sched/gomaxprocs:threads", RuntimeMetricNames.fromPrometheus("go_sched_gomaxprocs_threads"));
        assertEquals("/godebug/non-default-behavior/x509sha1:events",
                RuntimeMetricNames.fromPrometheus("go_godebug_non_default_behavior_x509sha1_events_total"));
    }

    @Test
    void units() {
        assertEquals("seconds", RuntimeMetricNames.unit("/sched/latencies:seconds"));
        assertEquals("bytes", RuntimeMetricNames.unit("/gc/heap/allocs-by-size:bytes"));
        assertEquals("cpu-seconds", RuntimeMetricNames.unit("/cpu/classes/user:cpu-seconds"));
        assertEquals("seconds", RuntimeMetricNames.unit("go_gc_duration_seconds"));
        assertEquals("bytes", RuntimeMetricNames.unit("go_memstats_alloc_bytes_total"));
        assertEquals("", RuntimeMetricNames.unit("go_goroutines"));
        assertTrue(RuntimeMetricNames.isRuntimeName("/gc/pauses:seconds"));
        assertFalse(RuntimeMetricNames.isRuntimeName("go_gc_pauses_seconds"));
        assertFalse(RuntimeMetricNames.isRuntimeName("/gc/pauses"));
    }
}
