package dev.gcscope.ui.chart;

import dev.gcscope.render.plot.YScale;
import dev.gcscope.render.timeline.TimeAxis;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;

/**
 * The small controls in a chart's header that choose how its axes read: the y scale (linear / log)
 * and what a timeline's x axis counts from. Each edits a remembered preference
 * ({@code ChartPreferences}), which the charts bind to.
 */
public final class ScaleControls {
    private ScaleControls() {}

    /** "y: linear | log", editing {@code scale}; ids {@code y-scale-linear} and {@code y-scale-log}. */
    public static Node yScale(ObjectProperty<YScale> scale) {
        SegmentedButton buttons = new SegmentedButton();
        for (YScale s : YScale.values()) {
            ToggleButton b = new ToggleButton(s.label());
            b.setId("y-scale-" + s.key());
            b.setUserData(s);
            b.setFocusTraversable(false);
            buttons.getButtons().add(b);
        }
        Runnable show = () -> buttons.getButtons().forEach(b -> b.setSelected(b.getUserData() == scale.get()));
        show.run();
        scale.addListener((o, old, now) -> show.run());
        buttons.getToggleGroup().selectedToggleProperty().addListener((o, old, now) -> {
            // a click on the selected button would leave none selected: keep the scale and show it again
            if (now == null) show.run();
            else scale.set((YScale) now.getUserData());
        });
        return labelled("y", buttons, "the value axis: linear, or logarithmic so that small values stay readable "
                + "next to a large one (remembered for this view)");
    }

    /**
     * What a timeline's x axis counts from, among {@code available}; a preference this trace cannot
     * give (the wall clock of a log without timestamps) shows as process start. Null when there is
     * no choice (no cycle times).
     */
    public static Node timeAxis(List<TimeAxis> available, ObjectProperty<TimeAxis> axis) {
        if (available.size() < 2) return null;
        ChoiceBox<TimeAxis> box = new ChoiceBox<>();
        box.setId("time-axis-choice");
        box.getItems().setAll(available);
        box.setConverter(new StringConverter<>() {
            @Override public String toString(TimeAxis a) { return a == null ? "" : a.label(); }
            @Override public TimeAxis fromString(String s) { return null; }
        });
        box.setFocusTraversable(false);
        Runnable show = () -> box.setValue(available.contains(axis.get()) ? axis.get() : TimeAxis.SINCE_PROCESS_START);
        show.run();
        axis.addListener((o, old, now) -> show.run());
        box.valueProperty().addListener((o, old, now) -> {
            if (now != null && now != old) axis.set(now);
        });
        return labelled("time", box, "what the time axis counts from (remembered)");
    }

    private static Node labelled(String text, Node control, String tip) {
        Label label = new Label(text);
        label.setLabelFor(control);
        HBox box = new HBox(4, label, control);
        box.getStyleClass().add("chart-controls");
        Tooltip.install(box, new Tooltip(tip));
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return box;
    }
}
