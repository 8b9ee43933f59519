package dev.gcscope.parsers.prefix;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WallClockParserTest {

    static LocalDateTime parse(WallClockParser p, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        long ms = p.parse(b, 0, b.length);
        return ms == WallClockParser.MISSING ? null : LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000),
                (int) Math.floorMod(ms, 1000) * 1_000_000, ZoneOffset.UTC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // CRI (containerd) and kubectl logs --timestamps
            "2024-06-12T01:02:03.123456789Z stderr F gc 1 @0.012s 2%: …|2024-06-12T01:02:03.123",
            "2024-06-12T01:02:03Z gc 1|2024-06-12T01:02:03",
            // rsyslog's default RFC 3339 with offset: the printed local time is kept
            "2026-11-27T00:18:34.102938+02:00 vm phases[15986]: gc 1|2026-11-27T00:18:34.102",
            "2024-06-12 01:02:03,5 INFO gc 1|2024-06-12T01:02:03.500",
            // Go's log package
            "2019/04/06 14:28:27 force gc.|2019-04-06T14:28:27",
            "2019/04/06 14:28:27.654321 x|2019-04-06T14:28:27.654",
            // syslog and journalctl -o short-precise (no year: the reference year)
            "Feb 26 12:52:23.767 host app[12]: gc 93 @3658.197s|2026-02-26T12:52:23.767",
            "Feb  6 12:52:23 host app[12]: gc 93|2026-02-06T12:52:23",
            // klog
            "I0612 01:02:03.123456    1 main.go:42] gc|2026-06-12T01:02:03.123",
            // quoted in mail
            "> 2019/04/06 14:28:27 x|2019-04-06T14:28:27",
    })
    void recognisedPrefixes(String line, String expected) {
        assertEquals(LocalDateTime.parse(expected), parse(new WallClockParser(2026), line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gc 1 @0.012s 2%: 0.018+1.2+0.003 ms clock", "2024-13-12T01:02:03Z x", "2024-02-30T01:02:03Z x",
            "Foo 26 12:52:23 host", "12345678901234567890", "2019/04/06 25:28:27 x"})
    void notTimestamps(String line) {
        assertNull(parse(new WallClockParser(2026), line));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Dec 31 23:59:59 h a: x|Jan  1 00:00:01 h a: x|2027-01-01T00:00:01"})
    void yearlessTimestampsRollOverAtNewYear(String first, String second, String expected) {
        WallClockParser p = new WallClockParser(2026);
        assertEquals(LocalDateTime.parse("2026-12-31T23:59:59"), parse(p, first));
        assertEquals(LocalDateTime.parse(expected), parse(p, second));
        assertTrue(p.assumedYear());
    }
}
