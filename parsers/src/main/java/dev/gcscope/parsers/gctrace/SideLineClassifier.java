package dev.gcscope.parsers.gctrace;

/**
 * Classifies lines that hold no gc line. Markers are searched anywhere in the line (after
 * timestamps and pod prefixes) but only at the start of a word, so {@code request scanned} is not a
 * {@code scan:} line.
 */
final class SideLineClassifier {
    /** Where the last classified line's marker starts. */
    int position;

    SideLine classify(byte[] b, int s, int e) {
        int first = s;
        while (first < e && (b[first] == ' ' || b[first] == '\t')) first++;
        if (first == e) return SideLine.BLANK;
        for (int i = first; i < e; i++) {
            byte c = b[i];
            if (c != 'G' && c != 's' && c != 'f' && c != 'p' && c != 'S' && c != '(') continue;
            if (i > first && isWordChar(b[i - 1])) continue;
            position = i;
            switch (c) {
                case 'G':
                    if (at(b, i, e, "GC forced") && blankFrom(b, i + 9, e)) return SideLine.GC_FORCED;
                    break;
                case 's':
                    if (at(b, i, e, "scvg") && i + 4 < e && (b[i + 4] == ':' || b[i + 4] == '-' || isDigit(b[i + 4]))) {
                        return SideLine.SCAVENGER;
                    }
                    if (at(b, i, e, "scav ") && i + 5 < e && isDigit(b[i + 5])) return SideLine.SCAVENGER;
                    if (at(b, i, e, "scan: ")) return SideLine.SCAN;
                    break;
                case 'f':
                    if (at(b, i, e, "forced scvg")) return SideLine.SCAVENGER;
                    break;
                case 'p':
                    if (at(b, i, e, "pacer: ")) return SideLine.PACER;
                    break;
                case 'S':
                    if (at(b, i, e, "SCHED ") && i + 6 < e && isDigit(b[i + 6])) return SideLine.SCHEDTRACE;
                    break;
                case '(':
                    if (at(b, i, e, "(forced)") && blankFrom(b, i + 8, e)) return SideLine.FORCED_SUFFIX;
                    break;
                default:
                    break;
            }
        }
        if (contains(b, first, e, " ms clock") || contains(b, first, e, " MB goal") || contains(b, first, e, " ms cpu,")) {
            position = first;
            return SideLine.GC_FRAGMENT;
        }
        return SideLine.OTHER;
    }

    private static boolean at(byte[] b, int i, int e, String lit) {
        int n = lit.length();
        if (i + n > e) return false;
        for (int k = 0; k < n; k++) {
            if (b[i + k] != lit.charAt(k)) return false;
        }
        return true;
    }

    private static boolean contains(byte[] b, int s, int e, String lit) {
        char c0 = lit.charAt(0);
        for (int i = s; i + lit.length() <= e; i++) {
            if (b[i] == c0 && at(b, i, e, lit)) return true;
        }
        return false;
    }

    private static boolean blankFrom(byte[] b, int i, int e) {
        for (; i < e; i++) {
            if (b[i] != ' ' && b[i] != '\t') return false;
        }
        return true;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
