package dev.gcscope.export.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The three text forms of a table, read back by the readers that will read them: a CSV reader, a
 * CommonMark parser with GitHub's table and strike-through rules. The cells are the awkward ones
 * real tables hold: perf's {@code <idle>} task, a description with commas and quotes, a pipe,
 * "~650 MB/s, ~30%" (two tildes GitHub would strike through), a line break.
 */
class TextTableTest {
    private static final List<String> HEADERS = List.of("Task", "Switches", "Note");
    private static final List<List<String>> ROWS = List.of(
            List.of("<idle>", "1,234", "allocating ~650 MB/s, ~30% in \"mark assist\""),
            List.of("a|b", "—", "two\nlines"),
            List.of("gc_worker:17", "12", "tab\there"));
    private static final TextTable TABLE = new TextTable(HEADERS, ROWS);
    private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create());

    @Test
    void csvReadsBackCellForCell() throws Exception {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> back = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(TABLE.csv())) {
            while (it.hasNext()) back.add(it.next());
        }
        List<List<String>> expected = new ArrayList<>();
        expected.add(HEADERS);
        expected.addAll(ROWS);
        assertEquals(expected, back);
    }

    @Test
    void markdownRendersToTheSameTextWithNumbersRightAligned() {
        Parser parser = Parser.builder().extensions(GFM).build();
        String html = HtmlRenderer.builder().extensions(GFM).build().render(parser.parse(TABLE.markdown()));
        org.jsoup.nodes.Document doc = Jsoup.parse(html);
        assertTrue(doc.select("del").isEmpty(), html);
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : doc.select("tr")) rows.add(tr.select("th, td").eachText());
        assertEquals(List.of(HEADERS,
                List.of("<idle>", "1,234", "allocating ~650 MB/s, ~30% in \"mark assist\""),
                List.of("a|b", "—", "two lines"),
                List.of("gc_worker:17", "12", "tab here")), rows);
        assertEquals("right", doc.select("th").get(1).attr("align"));
        assertEquals("", doc.select("th").get(0).attr("align"));
        assertTrue(TABLE.numeric(1));
        assertFalse(TABLE.numeric(0));
    }

    @Test
    void tsvHasOneLinePerRowAndNoStrayTab() {
        List<String> lines = TABLE.tsv().lines().toList();
        assertEquals(4, lines.size());
        for (String line : lines) assertEquals(3, line.split("\t", -1).length, line);
        assertEquals("a|b\t—\ttwo lines", lines.get(2));
    }
}
