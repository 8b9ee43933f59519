package dev.gcscope.installer.hello;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The start-up benchmark's baseline: the least a JavaFX program does to show a window, a label in a
 * stage of gcscope's size. It marks the moment the stage is shown exactly as gcscope does
 * ({@code -Dgcscope.startup.log=FILE}: {@code stage-shown MICROS}) and quits then with
 * {@code -Dgcscope.startup.exit=true}. The benchmark packages it with jpackage on gcscope's own
 * runtime, so both start the same way.
 */
public final class HelloWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("hello")), 1360, 860));
        stage.setTitle("hello");
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            mark("stage-shown");
            if (Boolean.getBoolean("gcscope.startup.exit")) Platform.exit();
        });
        stage.show();
    }

    static void mark(String what) {
        String file = System.getProperty("gcscope.startup.log");
        if (file == null) return;
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        try {
            Files.writeString(Path.of(file), what + " " + micros + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}
