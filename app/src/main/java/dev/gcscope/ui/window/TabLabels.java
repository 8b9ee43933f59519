package dev.gcscope.ui.window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names tabs so that two open documents are told apart: the file name alone while it is unique;
 * when several share it, the fewest trailing folders that make each path different
 * ({@code svc-a/gctrace.log}, {@code svc-b/gctrace.log}), as editors do; a number when even the
 * paths are the same (the same file opened twice, two pastes). The Go versions the trace tells
 * follow the name ({@code · Go 1.18+}).
 */
final class TabLabels {
    private TabLabels() {}

    /** What a tab is named from. @param file null for a sample or pasted text @param goVersions may be empty */
    record Named(String displayName, Path file, String goVersions) {}

    /** One label per document, in the order given. */
    static List<String> of(List<Named> docs) {
        List<String> names = new ArrayList<>(docs.size());
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            names.add(docs.get(i).displayName());
            byName.computeIfAbsent(docs.get(i).displayName(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> same : byName.values()) {
            if (same.size() > 1) distinguish(docs, same, names);
        }
        List<String> out = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            String go = docs.get(i).goVersions();
            out.add(go == null || go.isBlank() ? names.get(i) : names.get(i) + " · " + go);
        }
        return out;
    }

    private static void distinguish(List<Named> docs, List<Integer> same, List<String> names) {
        int depth = 1;
        int maxDepth = 0;
        for (int i : same) {
            Path f = docs.get(i).file();
            if (f != null) maxDepth = Math.max(maxDepth, f.getNameCount() - 1);
        }
        while (depth <= maxDepth && !distinctAt(docs, same, depth)) depth++;
        // No folder tells them apart (the same file twice): the name and a number.
        int shown = depth <= maxDepth ? depth : 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int i : same) {
            String name = shown > 0 && docs.get(i).file() != null ? trailing(docs.get(i).file(), shown) : docs.get(i).displayName();
            int n = seen.merge(name, 1, Integer::sum);
            names.set(i, n == 1 ? name : name + " (" + n + ")");
        }
    }

    private static boolean distinctAt(List<Named> docs, List<Integer> same, int depth) {
        Map<String, Integer> count = new HashMap<>();
        for (int i : same) {
            Path f = docs.get(i).file();
            String key = f == null ? "\0" + docs.get(i).displayName() : trailing(f, depth);
            if (count.merge(key, 1, Integer::sum) > 1) return false;
        }
        return true;
    }

    /** The last {@code folders} folders and the file name, joined with {@code /}. */
    private static String trailing(Path file, int folders) {
        int n = file.getNameCount();
        int from = Math.max(0, n - 1 - folders);
        StringBuilder b = new StringBuilder();
        for (int i = from; i < n; i++) {
            if (b.length() > 0) b.append('/');
            b.append(file.getName(i));
        }
        return b.toString();
    }
}
