package dev.gcscope.export.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline SVGs share the page's id space: two charts that each define {@code clip-0} would clip
 * each other's plots. Every id a chart defines, and every {@code #id} reference to it, gets the
 * chart's own prefix.
 */
final class SvgIds {
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    private SvgIds() {}

    static String scoped(String svg, String prefix) {
        Matcher m = ID.matcher(svg);
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        while (m.find()) ids.add(m.group(1));
        if (ids.isEmpty()) return svg;
        String out = svg;
        for (String id : ids) {
            String scoped = prefix + "-" + id;
            out = out.replace("id=\"" + id + "\"", "id=\"" + scoped + "\"")
                    .replace("url(#" + id + ")", "url(#" + scoped + ")")
                    .replace("href=\"#" + id + "\"", "href=\"#" + scoped + "\"");
        }
        return out;
    }
}
