package dev.gcscope.analysis.cycles;

import static dev.gcscope.parsers.gctrace.GcColumns.ALLOC_MB;
import static dev.gcscope.parsers.gctrace.GcColumns.ALLOC_RATE_MB_S;
import static dev.gcscope.parsers.gctrace.GcColumns.CYCLES_TABLE;
import static dev.gcscope.parsers.gctrace.GcColumns.INTERVAL_S;
import static dev.gcscope.parsers.gctrace.GcColumns.SURVIVAL;

import dev.gcscope.parsers.DecodedInput;
import dev.gcscope.parsers.ParseListener;
import dev.gcscope.parsers.ParseOptions;
import dev.gcscope.parsers.ParseResult;
import dev.gcscope.parsers.TraceParser;
import dev.gcscope.parsers.TraceSource;
import dev.gcscope.parsers.gctrace.CycleColumn;
import dev.gcscope.parsers.gctrace.GcTraceParser;
import dev.gcscope.parsers.table.Columns;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The cycles table's derived columns ({@link CycleColumn.Origin#DERIVED}: {@code interval_s},
 * {@code alloc_mb}, {@code alloc_rate_mb_s}, {@code survival}), computed across cycles from what the
 * parser read and put in their place in the table. Every path that shows, summarises or writes a
 * gctrace parse goes through here once, right after the parse (the CLI's inputs, the desktop's
 * document loader), so all of them see the same table.
 */
public final class DerivedColumns {
    private DerivedColumns() {}

    /**
     * Parses {@code source} with {@code parser} and, for a gctrace, adds the derived columns that
     * {@code options} asks for: the parse also builds the columns they are computed from, which the
     * result then holds only if asked for as well.
     */
    public static ParseResult parse(TraceParser parser, TraceSource source, ParseListener listener, ParseOptions options)
            throws IOException {
        try (DecodedInput in = source.open(listener)) {
            return parse(parser, in, listener, options);
        }
    }

    /** As {@link #parse(TraceParser, TraceSource, ParseListener, ParseOptions)}, on an input already opened. */
    public static ParseResult parse(TraceParser parser, DecodedInput in, ParseListener listener, ParseOptions options)
            throws IOException {
        if (!isGcTrace(parser.format().id())) return parser.parse(in, listener, options);
        return addTo(parser.parse(in, listener, inputsFor(options)), options);
    }

    /** {@code parsed} with every derived column added (a result of another format as it is). */
    public static ParseResult addTo(ParseResult parsed) {
        return addTo(parsed, ParseOptions.ALL);
    }

    /** {@code parsed} with the columns {@code wanted} asks for, the derived ones computed. */
    public static ParseResult addTo(ParseResult parsed, ParseOptions wanted) {
        if (!isGcTrace(parsed.format().id())) return parsed;
        Map<String, Table> tables = new LinkedHashMap<>(parsed.tables());
        tables.put(CYCLES_TABLE, addTo(parsed.table(CYCLES_TABLE), wanted));
        return new ParseResult(parsed.format(), parsed.sourceName(), tables, parsed.report(), parsed.attributes());
    }

    /**
     * A new cycles table with the columns {@code wanted} asks for, in {@link CycleColumn} order: the
     * parsed ones from {@code cycles} (not copied), the derived ones computed from it.
     *
     * @param cycles a parsed cycles table holding {@link #inputsFor}{@code (wanted)}
     */
    public static Table addTo(Table cycles, ParseOptions wanted) {
        Map<CycleColumn, DoubleColumn> derived = compute(cycles, wanted);
        Table out = Table.create(cycles.name());
        for (CycleColumn c : CycleColumn.all()) {
            String name = c.columnName();
            if (!wanted.wants(name)) continue;
            DoubleColumn values = derived.get(c);
            out.addColumns(values == null ? cycles.column(name) : values);
        }
        return out;
    }

    /** What to parse so that the derived columns {@code wanted} asks for can be computed. */
    public static ParseOptions inputsFor(ParseOptions wanted) {
        if (wanted.columns() == null) return wanted;
        Set<String> columns = new HashSet<>(wanted.columns());
        if (wantsInterval(wanted)) columns.addAll(CycleIntervals.INPUTS);
        if (wantsAllocation(wanted)) columns.addAll(AllocatedMegabytes.INPUTS);
        if (wanted.wants(SURVIVAL)) columns.addAll(Survival.INPUTS);
        return ParseOptions.columns(columns);
    }

    /** The derived columns asked for that {@code cycles} does not hold yet. */
    private static Map<CycleColumn, DoubleColumn> compute(Table cycles, ParseOptions wanted) {
        Map<CycleColumn, DoubleColumn> out = new EnumMap<>(CycleColumn.class);
        boolean missing = false;
        for (CycleColumn c : CycleColumn.all()) {
            missing |= c.origin() == CycleColumn.Origin.DERIVED && wanted.wants(c.columnName())
                    && !cycles.containsColumn(c.columnName());
        }
        if (!missing) return out;
        DoubleColumn interval = wantsInterval(wanted) ? stored(INTERVAL_S, CycleIntervals.of(cycles)) : null;
        DoubleColumn alloc = wantsAllocation(wanted) ? stored(ALLOC_MB, AllocatedMegabytes.of(cycles)) : null;
        if (wanted.wants(INTERVAL_S)) out.put(CycleColumn.INTERVAL_S, interval);
        if (wanted.wants(ALLOC_MB)) out.put(CycleColumn.ALLOC_MB, alloc);
        // The two ratios are computed on read from the columns they divide (they would take 8 bytes a
        // cycle stored: issue 14), else stored as the others are.
        if (wanted.wants(ALLOC_RATE_MB_S)) out.put(CycleColumn.ALLOC_RATE_MB_S, AllocationRate.column(alloc, interval));
        if (wanted.wants(SURVIVAL)) out.put(CycleColumn.SURVIVAL, Survival.column(cycles));
        return out;
    }

    private static DoubleColumn stored(String name, double[] values) {
        return Columns.compactDoubles(name, values, values.length);
    }

    private static boolean wantsInterval(ParseOptions wanted) {
        return wanted.wants(INTERVAL_S) || wanted.wants(ALLOC_RATE_MB_S);
    }

    private static boolean wantsAllocation(ParseOptions wanted) {
        return wanted.wants(ALLOC_MB) || wanted.wants(ALLOC_RATE_MB_S);
    }

    private static boolean isGcTrace(String formatId) {
        return formatId.equals(GcTraceParser.FORMAT.id());
    }
}
