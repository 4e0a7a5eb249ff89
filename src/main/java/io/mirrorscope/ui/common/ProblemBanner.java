package io.mirrorscope.ui.common;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The inline problem banner at the top of a view: the problem's full text (wrapped, never cut), its error code,
 * "Copy details", "Retry" when the report has one, and a dismiss button. Hidden (and taking no space) while its
 * {@link ProblemSlot} is empty. Hand-written rather than ControlsFX's {@code NotificationPane}: that one needs
 * {@code --add-opens} into com.sun.javafx in every launcher and test JVM, and a banner is five nodes.
 */
public final class ProblemBanner extends HBox {

    private final Label text = new Label();
    private final Label code = new Label();
    private final Button copy = new Button("Copy details");
    private final Button retry = new Button("Retry");
    private final Button dismiss = new Button(null, Icons.CLOSE.node());
    private Consumer<String> clipboard = ProblemBanner::toSystemClipboard;
    private ProblemSlot slot = new ProblemSlot();
    private javafx.util.Subscription following = javafx.util.Subscription.EMPTY;
    private ProblemReport shown;

    public ProblemBanner() {
        getStyleClass().add("problem-banner");
        setAlignment(Pos.TOP_LEFT);
        setSpacing(8);
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.getStyleClass().add("problem-text");
        code.getStyleClass().addAll("problem-code", "muted");
        VBox words = new VBox(2, text, code);
        HBox.setHgrow(words, Priority.ALWAYS);
        copy.setId("copyDetails");
        retry.setId("retryProblem");
        dismiss.setId("dismissProblem");
        dismiss.getStyleClass().add("problem-dismiss");
        copy.setMinWidth(USE_PREF_SIZE);
        retry.setMinWidth(USE_PREF_SIZE);
        copy.setOnAction(e -> {
            if (shown != null) {
                clipboard.accept(shown.details());
            }
        });
        retry.setOnAction(e -> {
            if (shown != null && shown.retry() != null) {
                Runnable again = shown.retry();
                slot.clear();
                again.run();
            }
        });
        dismiss.setOnAction(e -> slot.clear());
        copy.setGraphic(Icons.COPY.node());
        retry.setGraphic(Icons.RETRY.node());
        dismiss.setAccessibleText("Dismiss the problem");
        copy.setAccessibleText("Copy the problem's details");
        retry.setAccessibleText("Retry");
        javafx.scene.Node mark = Icons.PROBLEM.node();
        mark.getStyleClass().add("problem-icon");
        getChildren().addAll(mark, words, copy, retry, dismiss);
        show(null);
    }

    /** Follows {@code problems} (and no longer the slot it followed before). */
    public void bind(ProblemSlot problems) {
        following.unsubscribe();
        this.slot = problems;
        following = problems.currentProperty().subscribe(this::show);
    }

    /** Stops following its slot: a slot that outlives the view no longer holds the banner. */
    public void unbind() {
        following.unsubscribe();
        following = javafx.util.Subscription.EMPTY;
        slot = new ProblemSlot();
        show(null);
    }

    /** Where "Copy details" puts the text (tests pass their own; the system clipboard otherwise). */
    public void setClipboard(Consumer<String> target) {
        this.clipboard = target;
    }

    /** The text shown, for tests and accessibility. */
    public ObservableValue<String> textProperty() {
        return text.textProperty();
    }

    private void show(ProblemReport report) {
        shown = report;
        setVisible(report != null);
        setManaged(report != null);
        text.setText(report == null ? "" : report.text());
        setAccessibleText(report == null ? null : "Problem: " + report.text());
        code.setText(report == null ? "" : "Error code " + report.code());
        retry.setVisible(report != null && report.retryable());
        retry.setManaged(retry.isVisible());
    }

    private static void toSystemClipboard(String details) {
        ClipboardContent content = new ClipboardContent();
        content.putString(details);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
