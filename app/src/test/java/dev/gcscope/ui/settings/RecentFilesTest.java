package dev.gcscope.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class RecentFilesTest {

    @Test
    void newestFirstWithoutDuplicatesAtMostTen() {
        RecentFiles recent = new RecentFiles(new MemorySettingsStore());
        for (int i = 0; i < 12; i++) recent.add(Path.of("/t/" + i + ".log"));
        recent.add(Path.of("/t/4.log"));
        List<Path> list = recent.list();
        assertEquals(RecentFiles.MAX, list.size());
        assertEquals(Path.of("/t/4.log"), list.get(0));
        assertEquals(Path.of("/t/11.log"), list.get(1));
        assertEquals(Path.of("/t/2.log"), list.get(list.size() - 1), "0 and 1 fell off; 4 moved up, not added twice");
        recent.remove(Path.of("/t/4.log"));
        assertEquals(Path.of("/t/11.log"), recent.list().get(0));
    }

    @Test
    void keptInAPreferencesNodeOfItsOwn() throws Exception {
        // A node of this test's own, removed afterwards: never the user's settings.
        Preferences node = Preferences.userRoot().node("/dev/gcscope/test-" + ProcessHandle.current().pid());
        try {
            PreferencesSettingsStore store = new PreferencesSettingsStore(node);
            new RecentFiles(store).add(Path.of("/tmp/a.log"));
            new WindowSettings(10, 20, 800, 600, false).save(store);
            WindowSettings.saveDarkTheme(store, true);
            store.flush();

            PreferencesSettingsStore again = new PreferencesSettingsStore(Preferences.userRoot().node(node.absolutePath()));
            assertEquals(List.of(Path.of("/tmp/a.log")), new RecentFiles(again).list());
            assertEquals(Optional.of(new WindowSettings(10, 20, 800, 600, false)), WindowSettings.load(again));
            assertTrue(WindowSettings.darkTheme(again));
        } finally {
            node.removeNode();
        }
    }

    @Test
    void damagedWindowSettingsAreIgnored() {
        MemorySettingsStore store = new MemorySettingsStore();
        assertTrue(WindowSettings.load(store).isEmpty());
        assertNull(WindowSettings.darkTheme(store));
        store.put(WindowSettings.BOUNDS, "1,2,x,4,false");
        assertTrue(WindowSettings.load(store).isEmpty());
        store.put(WindowSettings.BOUNDS, "1,2,0,4,false");
        assertTrue(WindowSettings.load(store).isEmpty());
    }
}
