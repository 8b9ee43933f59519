package dev.gcscope.ui.workspace;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Above a followed document's views: what the follow is doing ({@code Following · 1,234 cycles ·
 * updated 12:00:01}, or the last rotation told), whether the timelines follow the end, and Stop.
 */
final class LiveFollowBar {
    private final HBox root = new HBox(8);

    LiveFollowBar(LiveFollow live) {
        root.getStyleClass().add("live-follow-bar");
        root.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("follow-status");
        status.textProperty().bind(live.statusProperty());
        status.setMinWidth(Region.USE_PREF_SIZE);
        status.getStyleClass().add("hint");
        // The last rotation or wait, in full, on the status: the bar has no room for a path. Bound, not
        // listened to: each update makes a new bar, and bindings let the old ones go.
        Tooltip notice = new Tooltip();
        notice.textProperty().bind(Bindings.when(live.noticeProperty().isEmpty())
                .then("Reading the log as it is written; rotation (rename or copytruncate) is followed")
                .otherwise(live.noticeProperty()));
        status.setTooltip(notice);
        CheckBox followEnd = new CheckBox("Follow end");
        followEnd.setId("follow-end");
        followEnd.selectedProperty().bindBidirectional(live.followEndProperty());
        followEnd.setTooltip(new Tooltip("On: a zoomed timeline slides to show the newest cycles. Off: it keeps the time range it shows."));
        followEnd.setMinWidth(Region.USE_PREF_SIZE);
        Button stop = new Button("Stop");
        stop.setId("follow-stop");
        stop.setTooltip(new Tooltip("Stop reading the log; the document keeps what it has read"));
        stop.disableProperty().bind(live.runningProperty().not());
        stop.setOnAction(e -> live.stop());
        stop.setMinWidth(Region.USE_PREF_SIZE);
        root.getChildren().addAll(status, followEnd, stop);
    }

    Node root() {
        return root;
    }
}
