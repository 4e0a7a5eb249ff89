package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.ui.common.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Both records of a pair as an aligned grid: field, source, target; a field that differs is highlighted, with a
 * note when the difference is one the match ignores (trace headers). A header row holds the pair's actions
 * ("Open traces"); the controller binds them.
 */
public final class PairDetailPane extends GridPane {

    private final Button openTraceButton = new Button("Open _traces");
    private final Tooltip openTraceTip = new Tooltip();
    private final HBox header;

    public PairDetailPane() {
        getStyleClass().add("pair-detail");
        openTraceButton.setId("openTraceButton");
        openTraceButton.setMnemonicParsing(true);
        openTraceButton.setMinWidth(Region.USE_PREF_SIZE);
        openTraceButton.setAccessibleText("Open traces of the selected pair");
        openTraceButton.setDisable(true);
        // a disabled control gets no mouse events, so its tooltip would never show: the tooltip sits on a wrapper
        StackPane tipHolder = new StackPane(openTraceButton);
        tipHolder.setId("openTraceHolder");
        Tooltip.install(tipHolder, openTraceTip);
        Label title = new Label("Pair detail");
        title.getStyleClass().add("detail-heading");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        header = new HBox(8, title, gap, tipHolder);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("detail-header");
        ColumnConstraints field = new ColumnConstraints();
        field.setMinWidth(140);
        ColumnConstraints side = new ColumnConstraints();
        side.setHgrow(Priority.ALWAYS);
        side.setPercentWidth(40);
        ColumnConstraints side2 = new ColumnConstraints();
        side2.setHgrow(Priority.ALWAYS);
        side2.setPercentWidth(40);
        getColumnConstraints().setAll(field, side, side2);
        show(List.of());
    }

    /** The "Open traces" action of the header; the controller binds its state and action. */
    public Button openTraceButton() {
        return openTraceButton;
    }

    /** The tooltip of "Open traces": what it does, or why it is disabled. */
    public Tooltip openTraceTooltip() {
        return openTraceTip;
    }

    /** Shows these lines; none shows a hint. */
    public void show(List<PairDiff.Line> lines) {
        getChildren().clear();
        add(header, 0, 0, 3, 1);
        if (lines.isEmpty()) {
            Label hint = new Label("Select a row to see the source record and its copy side by side.");
            hint.getStyleClass().add(Styles.MUTED);
            add(hint, 0, 1, 3, 1);
            return;
        }
        add(heading("Field"), 0, 1);
        add(heading("Source record"), 1, 1);
        add(heading("Copy on the target"), 2, 1);
        int row = 2;
        for (PairDiff.Line line : lines) {
            Label name = new Label(line.field());
            Label s = value(line.source());
            Label t = value(line.target());
            if (line.differs()) {
                s.getStyleClass().add(Styles.DIFF_CHANGED);
                t.getStyleClass().add(Styles.DIFF_CHANGED);
            }
            add(name, 0, row);
            add(s, 1, row);
            add(t, 2, row);
            row++;
            if (!line.note().isEmpty() && line.differs()) {
                Label note = new Label(line.note());
                note.getStyleClass().add("diff-note");
                add(note, 1, row++, 2, 1);
            }
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("detail-heading");
        return l;
    }

    private static Label value(String text) {
        String shown = text.length() > 4_000 ? text.substring(0, 4_000) + "…" : text;
        Label l = new Label(shown);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
