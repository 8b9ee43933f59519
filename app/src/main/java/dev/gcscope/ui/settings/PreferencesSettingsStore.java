package dev.gcscope.ui.settings;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Settings in {@link java.util.prefs.Preferences}: the user node {@value #DEFAULT_NODE}, or another
 * node named by {@code -Dgcscope.prefs.node=/some/node} (benchmarks and screenshots use one, so a
 * scripted run leaves the user's recent files alone).
 */
public final class PreferencesSettingsStore implements SettingsStore {
    public static final String DEFAULT_NODE = "/dev/gcscope/app";
    public static final String NODE_PROPERTY = "gcscope.prefs.node";
    private static final System.Logger LOG = System.getLogger(PreferencesSettingsStore.class.getName());

    private final Preferences node;

    public PreferencesSettingsStore(Preferences node) {
        this.node = node;
    }

    /** The user's node, or the one {@value #NODE_PROPERTY} names. */
    public static PreferencesSettingsStore forUser() {
        String path = System.getProperty(NODE_PROPERTY, DEFAULT_NODE);
        return new PreferencesSettingsStore(Preferences.userRoot().node(path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public String get(String key, String fallback) {
        return node.get(key, fallback);
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
    }

    @Override
    public void remove(String key) {
        node.remove(key);
    }

    /** Writes pending changes now (the JVM also flushes at exit); a failure only costs the memory. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not save settings: " + e.getMessage());
        }
    }
}
