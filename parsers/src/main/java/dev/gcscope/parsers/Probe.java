package dev.gcscope.parsers;

/**
 * A parser's verdict on a sample of the input.
 *
 * @param confidence 0 (certainly not this format) to 1 (certainly this format)
 * @param evidence what the verdict rests on, shown to users when detection is ambiguous
 */
public record Probe(double confidence, String evidence) {
    public static final Probe NO = new Probe(0, "nothing recognised");

    public Probe {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
    }
}
