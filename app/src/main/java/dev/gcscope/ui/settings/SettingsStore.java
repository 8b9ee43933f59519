package dev.gcscope.ui.settings;

/**
 * Where the app keeps what it remembers between runs (recent files, theme, window bounds): string
 * values under keys. The app uses {@link PreferencesSettingsStore}; tests use
 * {@link MemorySettingsStore}, so they never read or write the user's settings.
 */
public interface SettingsStore {
    /** The value stored under {@code key}, or {@code fallback}. */
    String get(String key, String fallback);

    void put(String key, String value);

    void remove(String key);
}
