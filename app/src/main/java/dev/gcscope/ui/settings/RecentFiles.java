package dev.gcscope.ui.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #MAX} files opened, newest first, kept in a {@link SettingsStore} as one value
 * (paths separated by newlines, which no path the OS hands us contains).
 */
public final class RecentFiles {
    public static final int MAX = 10;
    static final String KEY = "recent.files";

    private final SettingsStore store;

    public RecentFiles(SettingsStore store) {
        this.store = store;
    }

    public List<Path> list() {
        String stored = store.get(KEY, "");
        List<Path> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (line.isBlank()) continue;
            try {
                Path p = Path.of(line);
                if (!out.contains(p)) out.add(p);
            } catch (java.nio.file.InvalidPathException e) {
                // a setting written on another OS; forget it
            }
        }
        return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : List.copyOf(out);
    }

    /** Puts {@code file} first (moving it up if it was listed) and drops the oldest beyond {@value #MAX}. */
    public List<Path> add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(list());
        next.remove(abs);
        next.add(0, abs);
        while (next.size() > MAX) next.remove(next.size() - 1);
        save(next);
        return List.copyOf(next);
    }

    public List<Path> remove(Path file) {
        List<Path> next = new ArrayList<>(list());
        next.remove(file.toAbsolutePath().normalize());
        save(next);
        return List.copyOf(next);
    }

    public void clear() {
        store.remove(KEY);
    }

    private void save(List<Path> paths) {
        StringBuilder b = new StringBuilder();
        for (Path p : paths) b.append(p).append('\n');
        store.put(KEY, b.toString());
    }
}
