package dev.gcscope.parsers.gctrace;

/** What a line without a gc line in it is; see {@link SideLineClassifier}. */
enum SideLine {
    BLANK("blank"),
    /** {@code GC forced}: forcegchelper's announcement of the 2-minute periodic GC (Go 1.4+). */
    GC_FORCED("GC forced"),
    /** {@code scvg…}, {@code forced scvg…}, {@code scav …}. */
    SCAVENGER("scavenger"),
    /** {@code pacer: …} lines of {@code GODEBUG=gcpacertrace=1}. */
    PACER("pacer"),
    /** {@code scan: …} object-scan statistics after each gc line with gctrace=2 (Go 1.25+). */
    SCAN("scan"),
    /** {@code SCHED 1004ms: gomaxprocs=4 …} of {@code GODEBUG=schedtrace}. */
    SCHEDTRACE("schedtrace"),
    /** A lone {@code (forced)}: the suffix of the previous gc line, split off by other output. */
    FORCED_SUFFIX("gc line suffix"),
    /** {@code … ms clock, …} or {@code … MB goal, …} without a {@code gc N @} head: a gc line's tail. */
    GC_FRAGMENT("gc line fragment"),
    OTHER("other text");

    /** The kind name used in parse reports. */
    final String reportKind;

    SideLine(String reportKind) {
        this.reportKind = reportKind;
    }
}
