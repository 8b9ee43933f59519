package dev.gcscope.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gcscope.render.plot.YScale;
import dev.gcscope.ui.Theme;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The selected button of the linear | log toggle is told from the other at a glance, in both
 * themes: its face (the top background layer, as the stylesheet computes it) is far from the
 * unselected face, and its text stays readable on it. Modena's own selected look on the dark base was a shade
 * or two darker, which this test rejects.
 */
@ExtendWith(ApplicationExtension.class)
class ScaleControlsThemeTest {
    /** Distance of two colours in RGB, 0 (same) to 1 (black and white). */
    private static final double CLEARLY_DIFFERENT = 0.25;

    private final VBox root = new VBox();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 400, 120));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theSelectedScaleIsClearlyMarkedInTheLightTheme(FxRobot robot) {
        assertSelectedStandsOut(robot, false);
    }

    @Test
    void theSelectedScaleIsClearlyMarkedInTheDarkTheme(FxRobot robot) {
        assertSelectedStandsOut(robot, true);
    }

    private void assertSelectedStandsOut(FxRobot robot, boolean dark) {
        SimpleObjectProperty<YScale> scale = new SimpleObjectProperty<>(YScale.LOG);
        robot.interact(() -> {
            root.getChildren().setAll(ScaleControls.yScale(scale));
            Theme.apply(root, dark);
            root.applyCss();
            root.layout();
        });
        ToggleButton linear = robot.lookup("#y-scale-linear").queryAs(ToggleButton.class);
        ToggleButton log = robot.lookup("#y-scale-log").queryAs(ToggleButton.class);
        assertTrue(log.isSelected() && !linear.isSelected());
        String theme = dark ? "dark" : "light";
        assertTrue(distance(face(log), face(linear)) > CLEARLY_DIFFERENT,
                theme + ": selected face " + face(log) + " vs " + face(linear));
        // the text stays readable on its own face
        assertTrue(distance(text(log), face(log)) > 0.4, theme + ": selected text on its face");

        // a click moves the mark
        robot.clickOn(linear);
        assertEquals(YScale.LINEAR, scale.get());
        assertTrue(distance(face(linear), face(log)) > CLEARLY_DIFFERENT, theme + ": after the click");
    }

    /** The colour of the button's face: its top background layer (the mean of a gradient's stops). */
    private static Color face(ToggleButton b) {
        List<BackgroundFill> fills = b.getBackground().getFills();
        return colour(fills.get(fills.size() - 1).getFill());
    }

    private static Color text(ToggleButton b) {
        return colour(b.getTextFill());
    }

    private static Color colour(Paint p) {
        if (p instanceof Color c) return c;
        if (p instanceof LinearGradient g) {
            double r = 0, gr = 0, bl = 0;
            for (Stop s : g.getStops()) {
                r += s.getColor().getRed();
                gr += s.getColor().getGreen();
                bl += s.getColor().getBlue();
            }
            int n = g.getStops().size();
            return Color.color(r / n, gr / n, bl / n);
        }
        throw new AssertionError("unexpected paint " + p);
    }

    private static double distance(Color a, Color b) {
        double dr = a.getRed() - b.getRed(), dg = a.getGreen() - b.getGreen(), db = a.getBlue() - b.getBlue();
        return Math.sqrt((dr * dr + dg * dg + db * db) / 3);
    }

}
