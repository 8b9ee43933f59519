package dev.gcscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * JavaFX's CSS parser forgives a missing brace by swallowing the rules after it, and then a view is
 * silently drawn in fallback colours. Each sheet must parse without errors into as many rules as it
 * has blocks, and every looked-up colour it uses must be defined by the palette in both themes.
 */
class ThemeStylesheetsTest {
    private static final Pattern LOOKED_UP = Pattern.compile("(?<![\\w-])(-gc-[a-z0-9-]+)");

    @Test
    void everySheetParsesIntoOneRulePerBlock() throws IOException {
        for (String sheet : Theme.STYLESHEETS) {
            CssParser.errorsProperty().clear();
            Stylesheet parsed = new CssParser().parse(new URL(sheet));
            assertTrue(CssParser.errorsProperty().isEmpty(), sheet + ": " + CssParser.errorsProperty());
            String text = withoutComments(read(sheet));
            long blocks = text.chars().filter(c -> c == '{').count();
            assertEquals(blocks, text.chars().filter(c -> c == '}').count(), sheet + ": unbalanced braces");
            assertEquals(blocks, parsed.getRules().size(), sheet + ": rules lost to a parse error");
        }
    }

    @Test
    void everyLookedUpColourIsDefinedInBothThemes() throws IOException {
        Stylesheet palette = new CssParser().parse(new URL(Theme.STYLESHEET));
        List<String> light = definedBy(palette, ".root"), dark = definedBy(palette, ".root.dark");
        for (String sheet : Theme.STYLESHEETS) {
            Matcher m = LOOKED_UP.matcher(withoutComments(read(sheet)));
            while (m.find()) {
                String name = m.group(1);
                assertTrue(light.contains(name), sheet + " uses " + name + ", which the light palette does not define");
                assertTrue(dark.contains(name), sheet + " uses " + name + ", which the dark palette does not define");
            }
        }
    }

    private static List<String> definedBy(Stylesheet palette, String selector) {
        return palette.getRules().stream()
                .filter(r -> r.getSelectors().stream().anyMatch(s -> s.toString().replace("*", "").equals(selector)))
                .map(Rule::getDeclarations).flatMap(List::stream).map(Declaration::getProperty).toList();
    }

    private static String read(String url) throws IOException {
        try (InputStream in = new URL(url).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withoutComments(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }
}
