package dev.gcscope.ui.settings;

import java.util.HashMap;
import java.util.Map;

/** Settings kept in memory only, for tests and for runs that must not touch the user's settings. */
public final class MemorySettingsStore implements SettingsStore {
    private final Map<String, String> values = new HashMap<>();

    @Override
    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public void remove(String key) {
        values.remove(key);
    }
}
