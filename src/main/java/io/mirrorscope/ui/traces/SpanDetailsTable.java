package io.mirrorscope.ui.traces;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

/**
 * The selected span's details as an aligned two-column grid (field, value) with section headings (Span, Tags,
 * Logs, Process, References). Rows can be selected and copied (Ctrl+C, the context menu) as tab-separated lines;
 * "Copy all" copies the whole grid.
 */
final class SpanDetailsTable extends TableView<DetailRow> {

    SpanDetailsTable(ObservableList<DetailRow> rows) {
        super(rows);
        getStyleClass().add("span-details");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setPlaceholder(new javafx.scene.control.Label("Click a span to see its tags, logs and process"));
        TableColumn<DetailRow, String> key = new TableColumn<>("Field");
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().heading() ? c.getValue().section()
                : c.getValue().key()));
        key.setPrefWidth(190);
        key.setMaxWidth(260);
        key.setSortable(false);
        key.setCellFactory(col -> {
            javafx.scene.control.TableCell<DetailRow, String> cell = wrapping(col);
            cell.getStyleClass().add("key-cell");
            return cell;
        });
        TableColumn<DetailRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setSortable(false);
        value.setCellFactory(SpanDetailsTable::wrapping);
        getColumns().setAll(List.of(key, value));
        setRowFactory(table -> {
            TableRow<DetailRow> row = new TableRow<>() {
                @Override
                protected void updateItem(DetailRow item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("heading"),
                            !empty && item != null && item.heading());
                    getStyleClass().remove("section-row");
                    if (!empty && item != null && item.heading()) {
                        getStyleClass().add("section-row");
                    }
                }
            };
            MenuItem copyValue = new MenuItem("Copy value");
            copyValue.setOnAction(e -> copy(row.getItem() == null ? "" : row.getItem().value()));
            MenuItem copyRows = new MenuItem("Copy selected lines");
            copyRows.setOnAction(e -> copySelected());
            MenuItem copyAll = new MenuItem("Copy all");
            copyAll.setOnAction(e -> copyAll());
            row.setContextMenu(new ContextMenu(copyValue, copyRows, copyAll));
            return row;
        });
        setOnKeyPressed(e -> {
            if (KeyCombination.keyCombination("Shortcut+C").match(e) || e.getCode() == KeyCode.COPY) {
                copySelected();
                e.consume();
            }
        });
    }

    /** A cell whose text wraps inside the column (warnings, ids, long keys) instead of ending in "…". */
    private static javafx.scene.control.TableCell<DetailRow, String> wrapping(TableColumn<DetailRow, String> col) {
        return new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                text.getStyleClass().add("text");
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
                setTooltip(empty || item == null || item.length() < 40 ? null
                        : new javafx.scene.control.Tooltip(item));
            }
        };
    }

    /** The selected lines as text, or every line when none is selected. */
    String selectedText() {
        List<DetailRow> chosen = getSelectionModel().getSelectedItems();
        return DetailRow.copyText(chosen.isEmpty() ? getItems() : chosen);
    }

    void copySelected() {
        copy(selectedText());
    }

    void copyAll() {
        copy(DetailRow.copyText(getItems()));
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
