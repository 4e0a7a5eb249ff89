package io.mirrorscope.ui.sidebyside;

import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The small dialog in front of a compare: clusters (labels when the mirror link fixes them), the source topic and
 * its copy (editable lists: a topic the listing missed can be typed), and where both sides start. Not blocking:
 * the choice arrives through {@code chosen} when the user presses Compare.
 */
public final class CompareDialog {

    private CompareDialog() {
    }

    /** Shows the dialog over {@code owner}; {@code chosen} runs on the FX thread after Compare, never on Cancel. */
    public static Dialog<CompareForm.Choice> show(Window owner, String title, CompareForm form,
            Consumer<CompareForm.Choice> chosen) {
        Dialog<CompareForm.Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(form.clustersFixed()
                ? form.sourceClusterProperty().get() + " → " + form.targetClusterProperty().get()
                        + (form.namingText().isEmpty() ? "" : "   (" + form.namingText() + ")")
                : "Two clusters and two topics, compared record by record");
        ButtonType compare = new ButtonType("Compare", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(compare, ButtonType.CANCEL);
        dialog.getDialogPane().setId("compareDialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        if (!form.clustersFixed()) {
            grid.addRow(row++, new Label("Source cluster"), combo("compareSourceCluster", form, true));
            grid.addRow(row++, new Label("Target cluster"), combo("compareTargetCluster", form, false));
        }
        ComboBox<String> sourceTopic = topics("compareSourceTopic", form.sourceTopics());
        // the editor's text, not the value: a typed name counts before Enter commits it
        sourceTopic.getEditor().textProperty().bindBidirectional(form.sourceTopicProperty());
        ComboBox<String> targetTopic = topics("compareTargetTopic", form.targetTopics());
        targetTopic.getEditor().textProperty().bindBidirectional(form.targetTopicProperty());
        TextField start = new TextField();
        start.setId("compareStart");
        start.setPromptText("empty: from now");
        start.textProperty().bindBidirectional(form.startProperty());
        Label hint = new Label();
        hint.getStyleClass().add("muted");
        hint.textProperty().bind(form.hintProperty().map(h -> h.isEmpty()
                ? "A time ago (15m, 2h), a date-time (2026-11-29 10:00), or empty for from now" : h));
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        grid.addRow(row++, new Label("Source topic"), sourceTopic);
        grid.addRow(row++, new Label("Target topic"), targetTopic);
        grid.addRow(row++, new Label("Start"), start);
        grid.add(hint, 1, row);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(compare).disableProperty().bind(form.validBinding().not());
        dialog.setResultConverter(b -> b == compare ? form.choice().orElse(null) : null);
        dialog.setOnHidden(e -> {
            CompareForm.Choice c = dialog.getResult();
            if (c != null) {
                chosen.accept(c);
            }
        });
        dialog.show();
        sourceTopic.requestFocus();
        return dialog;
    }

    private static ComboBox<String> combo(String id, CompareForm form, boolean source) {
        ComboBox<String> box = new ComboBox<>(form.clusters());
        box.setId(id);
        box.setPrefWidth(380);
        box.valueProperty().bindBidirectional(source ? form.sourceClusterProperty() : form.targetClusterProperty());
        return box;
    }

    private static ComboBox<String> topics(String id, javafx.collections.ObservableList<String> items) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(380);
        box.setVisibleRowCount(12);
        return box;
    }
}
