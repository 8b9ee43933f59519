package dev.gcscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiOptionsTest {

    @Test
    void fileAndDarkFlagInAnyOrder() {
        UiOptions o = UiOptions.parse(List.of("gc.log", "--dark"), null);
        assertEquals(Path.of("gc.log"), o.file());
        assertTrue(o.dark());
    }

    @Test
    void viewOptionNamesTheStartViewAndIsNoFile() {
        UiOptions o = UiOptions.parse(List.of("--view=regime-scatter", "gc.log"), null);
        assertEquals("regime-scatter", o.view());
        assertEquals(List.of(Path.of("gc.log")), o.files());
        assertTrue(UiOptions.isAppOption("--view=mmu"));
        assertFalse(UiOptions.isAppOption("--json"));
        assertNull(UiOptions.parse(List.of("gc.log"), null).view());
    }

    @Test
    void compareFlagComparesTheFilesAndIsNoFileNorACliOption() {
        UiOptions o = UiOptions.parse(List.of("--compare", "a.log", "b.log"), null);
        assertTrue(o.compare());
        assertEquals(List.of(Path.of("a.log"), Path.of("b.log")), o.files());
        assertTrue(UiOptions.isAppOption("--compare"));
        assertFalse(UiOptions.parse(List.of("a.log", "b.log"), null).compare());
    }

    @Test
    void incidentFlagOpensTheFilesAsOneIncidentAndIsNoFileNorACliOption() {
        UiOptions o = UiOptions.parse(List.of("--incident", "gc.log", "timehist.txt", "cpu.log", "--dark"), null);
        assertTrue(o.incident());
        assertFalse(o.compare());
        assertTrue(o.dark());
        assertEquals(List.of(Path.of("gc.log"), Path.of("timehist.txt"), Path.of("cpu.log")), o.files());
        assertTrue(UiOptions.isAppOption("--incident"));
        assertFalse(UiOptions.parse(List.of("a.log", "b.log"), null).incident());
    }

    @Test
    void noArgumentsMeansBundledSampleInTheLightTheme() {
        UiOptions o = UiOptions.parse(List.of(), null);
        assertNull(o.file());
        assertTrue(o.files().isEmpty());
        assertNull(o.dark(), "no theme chosen: the remembered one applies");
    }

    @Test
    void severalFilesOpenInTheirOrder() {
        UiOptions o = UiOptions.parse(List.of("a.log", "--light", "b.txt"), null);
        assertEquals(List.of(Path.of("a.log"), Path.of("b.txt")), o.files());
        assertFalse(o.dark());
    }

    @Test
    void systemPropertyChoosesDarkAndAnArgumentOverridesIt() {
        assertTrue(UiOptions.parse(List.of(), "Dark").dark());
        assertFalse(UiOptions.parse(List.of("--light"), "dark").dark());
    }
}
