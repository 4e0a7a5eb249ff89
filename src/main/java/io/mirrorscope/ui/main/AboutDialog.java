package io.mirrorscope.ui.main;

import io.mirrorscope.core.AppVersion;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

/** Help ▸ About: versions of the app, Java and JavaFX, with a button that copies them for a bug report. */
public final class AboutDialog {

    private AboutDialog() {
    }

    /** The text shown (and copied): one "name: value" line per component. */
    public static String versions() {
        return String.join("\n",
                "MirrorScope " + AppVersion.version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
                "JavaFX " + System.getProperty("javafx.runtime.version", "?"),
                "OS " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " (" + System.getProperty("os.arch") + ")");
    }

    public static void show(Window owner) {
        ButtonType copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, versions(), copy, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About MirrorScope");
        alert.setHeaderText("MirrorScope — cross-region Kafka replication, read-only");
        alert.showAndWait().filter(copy::equals).ifPresent(b -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(versions());
            Clipboard.getSystemClipboard().setContent(content);
        });
    }
}
