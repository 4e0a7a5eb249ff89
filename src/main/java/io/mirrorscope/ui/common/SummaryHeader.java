package io.mirrorscope.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The one-line header every view opens with: an icon and what the view shows (title), its live state as a pill
 * ("live", "reconnecting", "paused"...), how fresh the data is, a one-line detail, then the view's main action(s)
 * on the right. Build it in code or FXML ({@code <SummaryHeader title="Inventory"/>}), then bind its parts:
 * <pre>
 * header.setIcon(Icons.INVENTORY);
 * header.bindState(viewModel.stateText(), viewModel.stateName());   // pill text and its pseudo class
 * header.bindFreshness(viewModel.freshness());                       // "updated 3 s ago"
 * header.bindDetail(viewModel.summary());                            // "4 clusters, 2 mirrors, 12 topics"
 * header.addAction(refreshButton);
 * </pre>
 * The pill's colour follows the state name through the pseudo classes {@code :state-live},
 * {@code :state-stale}, {@code :state-paused}, {@code :state-failed} (css/mirrorscope.css, theme palette).
 */
public final class SummaryHeader extends HBox {

    /** States the pill has colours for; any other name shows muted. */
    public static final String LIVE = "live";
    public static final String STALE = "stale";
    public static final String PAUSED = "paused";
    public static final String FAILED = "failed";

    private final Label title = new Label();
    private final Label state = new Label();
    private final Label freshness = new Label();
    private final Label detail = new Label();
    private final HBox actions = new HBox(6);
    private PseudoClass stateClass;

    public SummaryHeader() {
        getStyleClass().add(Styles.SUMMARY_HEADER);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        title.getStyleClass().add(Styles.TITLE);
        title.setMinWidth(USE_PREF_SIZE);
        state.getStyleClass().add("run-state");
        state.setMinWidth(USE_PREF_SIZE);
        freshness.getStyleClass().addAll(Styles.MUTED, "freshness");
        freshness.setMinWidth(USE_PREF_SIZE);
        detail.getStyleClass().addAll(Styles.MUTED, "summary-detail");
        detail.setTextOverrun(OverrunStyle.ELLIPSIS);
        detail.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(detail.textProperty());
        // the detail may be cut on a narrow window: its full text on hover
        detail.textTruncatedProperty().subscribe(cut -> detail.setTooltip(cut ? full : null));
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(detail, Priority.SOMETIMES);
        for (Label l : new Label[] {state, freshness, detail}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        getChildren().addAll(title, state, freshness, detail, spacer, actions);
        setAccessibleText("Summary");
        Runnable describe = this::describe;
        detail.textProperty().subscribe(describe);
        state.textProperty().subscribe(describe);
        freshness.textProperty().subscribe(describe);
    }

    public SummaryHeader(String title, Icons icon) {
        this();
        setTitle(title);
        setIcon(icon);
    }

    public String getTitle() {
        return title.getText();
    }

    public void setTitle(String text) {
        title.setText(text);
        describe();
    }

    public void setIcon(Icons icon) {
        title.setGraphic(icon == null ? null : icon.node());
    }

    /** Shows {@code text} in the state pill, coloured by {@code name} (one of the constants above). */
    public void setState(String text, String name) {
        state.setText(text);
        if (stateClass != null) {
            state.pseudoClassStateChanged(stateClass, false);
        }
        stateClass = name == null || name.isEmpty() ? null : Styles.state(name);
        if (stateClass != null) {
            state.pseudoClassStateChanged(stateClass, true);
        }
    }

    /** Follows a state text and its name; the header holds the values only through these subscriptions. */
    public javafx.util.Subscription bindState(ObservableValue<String> text, ObservableValue<String> name) {
        return javafx.util.Subscription.combine(text.subscribe(t -> setState(t, name.getValue())),
                name.subscribe(n -> setState(text.getValue(), n)));
    }

    public void bindFreshness(ObservableValue<String> text) {
        freshness.textProperty().bind(text);
    }

    public void bindDetail(ObservableValue<String> text) {
        detail.textProperty().bind(text);
    }

    public void setDetail(String text) {
        detail.setText(text);
    }

    /** Adds a main action (a button, a toggle) at the right end. */
    public void addAction(Node action) {
        actions.getChildren().add(action);
    }

    /** The labels, for tests and screen readers. */
    public String text() {
        return String.join(" · ", java.util.stream.Stream.of(title, state, freshness, detail)
                .map(Label::getText).filter(t -> t != null && !t.isEmpty()).toList());
    }

    private void describe() {
        // a screen reader reads the whole line when the header gets focus through its accessible text
        setAccessibleText(text());
    }
}
