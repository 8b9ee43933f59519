package dev.gcscope.format;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Numbers into {@code --json} objects the way every command writes them. Apart from
 * {@link PlainNumbers} so that writing text or CSV never loads Jackson.
 */
public final class JsonNumbers {
    private JsonNumbers() {}

    /** A computed figure ({@link PlainNumbers#figure}); NaN (no data) becomes JSON {@code null}. */
    public static void put(ObjectNode node, String key, double value) {
        node.put(key, PlainNumbers.figure(value));
    }
}
