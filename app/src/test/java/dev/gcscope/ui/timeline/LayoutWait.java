package dev.gcscope.ui.timeline;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Parent;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for what a chart's plot area and pixels depend on: a layout pass that has taken in every
 * change made so far. A chart redraws in its layout pass, which runs on the next pulse;
 * {@code waitForFxEvents} only drains the event queue, and on a loaded machine the pulse comes
 * after it (reproducible with {@code -Djavafx.animation.pulse=2}).
 */
final class LayoutWait {
    private static final long TIMEOUT_S = 30;

    private LayoutWait() {}

    /** Returns once none of {@code nodes}, nor any node above them, still needs a layout pass. */
    static void laidOut(Parent... nodes) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(() -> Arrays.stream(nodes).allMatch(LayoutWait::isLaidOut)).get());
        } catch (TimeoutException e) {
            throw new AssertionError(Arrays.toString(nodes) + " not laid out within " + TIMEOUT_S + " s", e);
        }
    }

    private static boolean isLaidOut(Parent node) {
        for (Parent p = node; p != null; p = p.getParent()) {
            if (p.isNeedsLayout()) return false;
        }
        return node.getScene() != null;
    }
}
