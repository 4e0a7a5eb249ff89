package io.mirrorscope.ui.main;

import io.mirrorscope.ui.common.Shortcuts;
import io.mirrorscope.ui.common.Styles;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help ▸ Keyboard shortcuts: every entry of {@link Shortcuts}, grouped by where it works, keys aligned. */
public final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    /** The grid the dialog shows: area, keys (as the menus show them), description; one row per shortcut. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcuts-grid");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        String area = null;
        for (Shortcuts s : Shortcuts.values()) {
            if (!s.area().equals(area)) {
                area = s.area();
                Label heading = new Label(area);
                heading.getStyleClass().add("shortcut-area");
                grid.add(heading, 0, row++, 2, 1);
            }
            Label keys = new Label(s.display());
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(s.description());
            what.setAccessibleText(s.description() + ": " + s.display());
            grid.add(keys, 0, row);
            grid.add(what, 1, row++);
        }
        return grid;
    }

    public static void show(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setContent(grid());
        dialog.getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.showAndWait();
    }
}
