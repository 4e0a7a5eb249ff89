package io.mirrorscope.ui.common;

import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.textfield.CustomTextField;

/**
 * The clearable search box of every view: ControlsFX's {@link CustomTextField} with a search icon on the left and a
 * clear button on the right (shown while there is text; Escape clears too). The clear button is an Ikonli icon, not
 * ControlsFX's own graphic, so it follows the theme like every other icon.
 */
public final class SearchField {

    private SearchField() {
    }

    /** A clearable search field with {@code prompt} as its prompt and accessible text. */
    public static CustomTextField create(String prompt) {
        CustomTextField field = new CustomTextField();
        field.getStyleClass().add("search-field");
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        field.setLeft(Icons.SEARCH.node());
        Button clear = new Button(null, Icons.CLEAR.node());
        clear.getStyleClass().addAll("clear-search", "flat");
        clear.setAccessibleText("Clear the search");
        clear.setFocusTraversable(false);
        clear.setCursor(Cursor.DEFAULT);
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        clear.setOnAction(e -> {
            field.clear();
            field.requestFocus();
        });
        field.setRight(clear);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                e.consume();
            }
        });
        return field;
    }
}
