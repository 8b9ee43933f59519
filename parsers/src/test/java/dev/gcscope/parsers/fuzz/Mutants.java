package dev.gcscope.parsers.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Damage of the kinds log collectors and people do to a trace: a byte flipped, a line cut or
 * doubled, lines swapped, a digit changed, a minus sign, text spliced from another format. Seeded,
 * so a failing mutant can be made again.
 */
public final class Mutants {
    private static final byte[][] SPLICES = {
            "gc 7 @-1.5s 150%: -0.1+NaN+1e400 ms clock, 0.1+0.2/0.3/0.4+0.5 ms cpu, 4->-5->2 MB, 9 MB goal, 8 P\n"
                    .getBytes(StandardCharsets.UTF_8),
            "go_gc_duration_seconds_bucket{le=\"NaN\"} -3\n".getBytes(StandardCharsets.UTF_8),
            "  git:(33)             |   -12.5 ms |  4 | avg:  -0.1 ms | max: 1e309 ms | max start: 1.0 s | max end: 0.5 s\n"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"t\": -1, \"histograms\": {\"/sched/latencies:seconds\": {\"counts\": [-1, 2], \"buckets\": [1, 0, NaN]}}}\n"
                    .getBytes(StandardCharsets.UTF_8),
            "nr_periods -4\nthrottled_usec 18446744073709551615\n".getBytes(StandardCharsets.UTF_8),
            {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3},
    };

    private Mutants() {}

    /** {@code seed} with one to four random edits. */
    public static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(7)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out = Arrays.copyOf(out, at);
                case 2 -> out = splice(out, at, lineAt(out, at));
                case 3 -> out = splice(out, at, SPLICES[random.nextInt(SPLICES.length)]);
                case 4 -> {
                    if (Character.isDigit(out[at])) out[at] = (byte) ('0' + random.nextInt(10));
                    else out = splice(out, at, "9".repeat(1 + random.nextInt(25)).getBytes(StandardCharsets.US_ASCII));
                }
                case 5 -> out = splice(out, at, new byte[] {'-'});
                default -> {
                    byte[] line = lineAt(out, at);
                    out = splice(out, random.nextInt(out.length + 1), line);
                }
            }
        }
        return out;
    }

    /** The line holding byte {@code at}, with its newline. */
    private static byte[] lineAt(byte[] bytes, int at) {
        int start = at;
        while (start > 0 && bytes[start - 1] != '\n') start--;
        int end = at;
        while (end < bytes.length && bytes[end] != '\n') end++;
        return Arrays.copyOfRange(bytes, start, Math.min(bytes.length, end + 1));
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, at);
        out.write(insert, 0, insert.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
