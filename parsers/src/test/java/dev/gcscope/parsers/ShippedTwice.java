package dev.gcscope.parsers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A log as an at-least-once shipper delivers it after retries: every line twice in a row, each
 * copy byte for byte (its CR too), a last line without a line end given one.
 */
public final class ShippedTwice {
    private ShippedTwice() {}

    public static byte[] everyLine(byte[] once) {
        ByteArrayOutputStream twice = new ByteArrayOutputStream(once.length * 2 + 2);
        int start = 0;
        for (int i = 0; i <= once.length; i++) {
            if (i == once.length || once[i] == '\n') {
                for (int copy = 0; copy < 2; copy++) {
                    twice.write(once, start, i - start);
                    twice.write('\n');
                }
                start = i + 1;
            }
        }
        return twice.toByteArray();
    }

    public static String everyLine(String once) {
        return new String(everyLine(once.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
