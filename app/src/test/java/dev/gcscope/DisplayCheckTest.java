package dev.gcscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {
    @Test
    void linuxWithoutDisplayOrWaylandHasNoDisplay() {
        assertEquals(Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set"), DisplayCheck.missing("Linux", Map.of(), null));
        assertEquals(Optional.of("neither DISPLAY nor WAYLAND_DISPLAY is set"), DisplayCheck.missing("Linux", Map.of("DISPLAY", " "), null));
        assertTrue(DisplayCheck.missing("Linux", Map.of("DISPLAY", ":0"), null).isEmpty());
        assertTrue(DisplayCheck.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null).isEmpty());
        assertTrue(DisplayCheck.missing("Linux", Map.of(), "Monocle").isEmpty(), "headless Monocle needs none");
        assertTrue(DisplayCheck.missing("Windows 11", Map.of(), null).isEmpty());
        assertTrue(DisplayCheck.missing("Mac OS X", Map.of(), null).isEmpty());
    }

    @Test
    void theToolkitsOwnNoDisplayFailureIsRecognisedThroughCauses() {
        assertTrue(DisplayCheck.isNoDisplayFailure(new RuntimeException(new UnsupportedOperationException("Unable to open DISPLAY"))));
        assertFalse(DisplayCheck.isNoDisplayFailure(new IllegalStateException("something else")));
    }
}
