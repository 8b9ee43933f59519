package dev.gcscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gcscope.format.PlainNumbers;
import org.junit.jupiter.api.Test;

/** The number forms every CLI output relies on ({@code Double.toString} gives 1.0E-4, 3.0, 1.0E7). */
class PlainNumbersTest {
    @Test
    void plainShortestForm() {
        // values as Go prints them (fmtNSAsMS), and what the derived columns hold
        assertEquals("0.018", PlainNumbers.plain(0.018));
        assertEquals("0.1", PlainNumbers.plain(0.10));
        assertEquals("12189", PlainNumbers.plain(12189.0));
        assertEquals("0", PlainNumbers.plain(0.0));
        assertEquals("0", PlainNumbers.plain(-0.0));
        assertEquals("0.0001", PlainNumbers.plain(1e-4));
        assertEquals("10000000", PlainNumbers.plain(1e7));
        assertEquals("37.03703703703704", PlainNumbers.plain(1000.0 / 27));
        assertEquals("0.6666666666666666", PlainNumbers.plain(2.0 / 3));
        assertEquals("-1.5", PlainNumbers.plain(-1.5));
        assertEquals("0.000001", PlainNumbers.plain(1e-6));
        assertEquals("", PlainNumbers.plain(Double.NaN));
    }

    @Test
    void roundedForText() {
        assertEquals("16.219", PlainNumbers.rounded(16.218650000000004, 3));
        assertEquals("5", PlainNumbers.rounded(5.0, 1));
        assertEquals("0", PlainNumbers.rounded(0.0001, 3));
        assertEquals("n/a", PlainNumbers.rounded(Double.NaN, 3));
    }

    @Test
    void csvQuoting() {
        StringBuilder sb = new StringBuilder();
        CsvTableWriter.appendQuoted(sb, "go1.18+");
        sb.append('|');
        CsvTableWriter.appendQuoted(sb, "a,b");
        sb.append('|');
        CsvTableWriter.appendQuoted(sb, "say \"hi\"");
        sb.append('|');
        CsvTableWriter.appendQuoted(sb, "two\nlines");
        assertEquals("go1.18+|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"", sb.toString());
    }
}
