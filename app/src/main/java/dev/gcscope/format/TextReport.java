package dev.gcscope.format;

import java.io.PrintWriter;

/** The aligned {@code label   value} layout of the CLI's text reports ({@code summary}, {@code compare}). */
public final class TextReport {
    private static final int INDENT = 2;
    private static final int LABEL_WIDTH = 16;
    private static final String LABEL_PAD = " ".repeat(INDENT + LABEL_WIDTH);

    private final PrintWriter out;

    public TextReport(PrintWriter out) {
        this.out = out;
    }

    public void heading(String text) {
        out.println(text);
    }

    /** {@code  label          value}; a label longer than the column gets one space. */
    public void row(String label, String value) {
        StringBuilder sb = new StringBuilder(LABEL_PAD.length() + value.length());
        sb.append(" ".repeat(INDENT)).append(label);
        do sb.append(' '); while (sb.length() < LABEL_PAD.length());
        out.println(sb.append(value));
    }

    /** A line under the previous row's value. */
    public void more(String value) {
        out.println(LABEL_PAD + value);
    }

    public void blank() {
        out.println();
    }
}
