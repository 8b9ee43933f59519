package dev.gcscope.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import org.testfx.api.FxRobot;

/**
 * The CSS and layout pass of a pulse, done now on the FX thread for the scene of a node. Charts draw,
 * and find their plot area, in {@code layoutChildren}, which runs on a pulse; table rows and button
 * bounds come from layout too. {@code WaitForAsyncUtils.waitForFxEvents} only drains the event queue,
 * and on a loaded machine the next pulse may not have come when it returns (the timeline rendering
 * test failed that way). After this, what layout decides is there to read, without waiting.
 */
public final class LayoutPass {
    private LayoutPass() {}

    public static void run(FxRobot robot, Node anyNodeOfTheScene) {
        robot.interact(() -> {
            Parent root = anyNodeOfTheScene.getScene().getRoot();
            root.applyCss();
            root.layout();
        });
    }
}
