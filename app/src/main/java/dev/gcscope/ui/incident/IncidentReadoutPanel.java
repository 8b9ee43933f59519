package dev.gcscope.ui.incident;

import dev.gcscope.analysis.incident.Diagnosis;
import dev.gcscope.format.PlainNumbers;
import dev.gcscope.render.incident.IncidentLaneSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * Every lane's figures at the hover time in one panel over the lanes, for when some lanes are scrolled out of
 * view (six or seven lanes do not fit a 1024×700 window): the in-lane readouts of those lanes cannot be seen,
 * so this lists all of them, and the delayed interval under the pointer with its causes (a narrow band's label
 * may be only an initial). It sits in the top corner away from the pointer and takes no mouse events.
 */
final class IncidentReadoutPanel extends VBox {
    private final IncidentViewModel vm;
    private final Supplier<List<IncidentLaneChart>> charts;
    private final DoubleProperty hoverX;
    private final ScrollPane scroll;

    IncidentReadoutPanel(IncidentViewModel vm, Supplier<List<IncidentLaneChart>> charts, DoubleProperty hoverX, ScrollPane scroll) {
        super(1);
        this.vm = vm;
        this.charts = charts;
        this.hoverX = hoverX;
        this.scroll = scroll;
        setId("incident-readout-panel");
        getStyleClass().addAll("chart-readout", "incident-readout-panel");
        setMouseTransparent(true);
        setVisible(false);
        hoverX.addListener(o -> update());
        scroll.vvalueProperty().addListener(o -> update());
    }

    /**
     * The layer the panel floats in, over the lanes: it asks for no room of its own (the panel's height must not
     * grow the lanes' area) and clips the panel to the lanes.
     */
    Pane layer() {
        Pane layer = new Pane(this);
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        layer.setMinSize(0, 0);
        layer.setPrefSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(layer.widthProperty());
        clip.heightProperty().bind(layer.heightProperty());
        layer.setClip(clip);
        return layer;
    }

    /** Whether some lane is not wholly within the scroll pane's viewport. */
    boolean someLaneHidden() {
        Bounds view = scroll.localToScene(scroll.getLayoutBounds());
        for (IncidentLaneChart c : charts.get()) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            if (b.getMinY() < view.getMinY() - 1 || b.getMaxY() > view.getMaxY() + 1) return true;
        }
        return false;
    }

    private void update() {
        double x = hoverX.get();
        IncidentLaneSet set = vm.lanesProperty().get();
        if (Double.isNaN(x) || set == null || set.binAt(x) < 0 || charts.get().isEmpty() || !someLaneHidden()) {
            getChildren().clear();
            setVisible(false);
            return;
        }
        List<Label> lines = new ArrayList<>();
        int bin = set.binAt(x);
        String head = PlainNumbers.rounded(x, 2) + " s · interval " + PlainNumbers.rounded(set.bins().from(bin) - set.originS(), 2) + "–"
                + PlainNumbers.rounded(set.bins().to(bin) - set.originS(), 2) + " s";
        for (Diagnosis.Interval i : set.intervals()) {
            if (x + set.originS() >= i.fromS() && x + set.originS() < i.toS()) {
                head += "\ndelayed " + PlainNumbers.rounded(i.fromS() - set.originS(), 1) + "–" + PlainNumbers.rounded(i.toS() - set.originS(), 1)
                        + " s: " + i.causes().stream().map(Diagnosis.Cause::cause).collect(Collectors.joining(", "));
            }
        }
        Label headLine = line(head, "incident-readout-head");
        headLine.setWrapText(true);
        lines.add(headLine);
        // the pointer's x in the lanes (every plot starts at the same left edge), the panel on the side with more room
        double px = charts.get().get(0).plotArea().map(a -> a.xScale().toPixel(x)).orElse(scroll.getWidth() / 2);
        boolean right = px < scroll.getWidth() / 2;
        double side = right ? scroll.getWidth() - px : px;
        double width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, side - 40));
        for (IncidentLaneChart c : charts.get()) {
            String text = c.readoutText();
            if (text == null) continue;
            int cut = text.indexOf(" · ");
            Label l = line(name(c) + ": " + (cut < 0 ? text : text.substring(cut + 3)).replace("\n", " · "), "incident-readout-figures");
            l.setWrapText(true);
            lines.add(l);
        }
        getChildren().setAll(lines);
        setVisible(true);
        getStyleClass().remove(COMPACT);
        fit(width);
        // taller than the lanes (seven lanes at 1024x700): a smaller font, then the whole width, rather than a lane cut off
        double room = scroll.getHeight() - 12;
        if (getHeight() > room) {
            getStyleClass().add(COMPACT);
            fit(width);
        }
        if (getHeight() > room) {
            width = scroll.getWidth() - 34;
            fit(width);
        }
        relocate(right ? scroll.getWidth() - getWidth() - 22 : 6, 6);
    }

    static final String COMPACT = "compact";

    private void fit(double width) {
        for (javafx.scene.Node n : getChildren()) ((Label) n).setMaxWidth(width);
        setPrefWidth(width);
        applyCss();
        autosize();
    }

    /** Wide enough for a lane's figures on one or two lines; never so narrow that they need four. */
    static final double MAX_WIDTH = 620;
    static final double MIN_WIDTH = 300;

    /** A lane's name, short: the panel has a line per lane. */
    private static String name(IncidentLaneChart c) {
        String id = c.lane().id();
        return switch (id) {
            case "quota" -> "CPU quota";
            case "kernel" -> "kernel delay";
            case "runtime" -> "goroutine latency";
            case "pressure" -> "goroutines per P";
            case "gc-stw" -> "GC pauses";
            case "gc-cpu" -> "GC CPU";
            default -> id.startsWith("runtime-") ? "goroutine latency (" + java.nio.file.Path.of(c.lane().source()).getFileName() + ")" : id;
        };
    }

    private static Label line(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** What the panel says now, one line per label; empty when hidden. */
    List<String> lines() {
        if (!isVisible()) return List.of();
        return getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
