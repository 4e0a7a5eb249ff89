package io.mirrorscope.ui.traces;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.TraceSummary;
import io.mirrorscope.ui.controls.TraceMinimap;
import io.mirrorscope.ui.controls.TraceScatter;
import io.mirrorscope.ui.controls.TraceTimeline;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Wiring of traces_view.fxml: search form ↔ view model, results table and scatter plot, minimap and timeline,
 * find-in-trace (Ctrl+F, F3 / Shift+F3, Enter), critical and end-to-end path toggles, span details grid.
 */
public final class TracesController {

    private final TracesViewModel viewModel;
    private final TraceTimeline timeline = new TraceTimeline();
    private final TraceMinimap minimap = new TraceMinimap(timeline);
    private final TraceScatter scatter = new TraceScatter();
    private SpanDetailsTable detailsTable;

    @FXML
    private ComboBox<String> service;
    @FXML
    private ComboBox<String> operation;
    @FXML
    private TextField tags;
    @FXML
    private TextField lookback;
    @FXML
    private TextField minDuration;
    @FXML
    private TextField maxDuration;
    @FXML
    private TextField limit;
    @FXML
    private TextField traceId;
    @FXML
    private io.mirrorscope.ui.common.ProblemBanner problemBanner;
    @FXML
    private Label problem;
    @FXML
    private Label summary;
    @FXML
    private TableView<TraceSummary> results;
    @FXML
    private ToggleButton criticalPath;
    @FXML
    private ToggleButton endToEnd;
    @FXML
    private javafx.scene.layout.BorderPane root;
    @FXML
    private VBox timelineHolder;
    @FXML
    private VBox detailsHolder;
    @FXML
    private StackPane scatterHolder;
    @FXML
    private TextField findText;
    @FXML
    private Label findStatus;
    @FXML
    private Label pathNote;

    public TracesController(TracesViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** The view model lives and dies with this view; only the banner's binding needs releasing. */
    void close() {
        problemBanner.unbind();
    }

    @FXML
    private void initialize() {
        problemBanner.bind(viewModel.problems());
        timelineHolder.getChildren().addAll(minimap, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        scatterHolder.getChildren().add(scatter);
        scatter.setOnOpen(viewModel::open);
        detailsTable = new SpanDetailsTable(viewModel.detailRows());
        detailsHolder.getChildren().add(detailsTable);
        VBox.setVgrow(detailsTable, Priority.ALWAYS);
        service.setItems(viewModel.services());
        operation.setItems(viewModel.operations());
        service.valueProperty().bindBidirectional(viewModel.serviceProperty());
        operation.valueProperty().bindBidirectional(viewModel.operationProperty());
        service.valueProperty().addListener((o, a, s) -> {
            if (s != null && !s.isBlank() && viewModel.clientProperty().get() != null) {
                viewModel.loadOperations();
            }
        });
        tags.textProperty().bindBidirectional(viewModel.tagsProperty());
        lookback.textProperty().bindBidirectional(viewModel.lookbackProperty());
        minDuration.textProperty().bindBidirectional(viewModel.minDurationProperty());
        maxDuration.textProperty().bindBidirectional(viewModel.maxDurationProperty());
        limit.textProperty().bindBidirectional(viewModel.limitProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        findText.textProperty().bindBidirectional(viewModel.findProperty());
        findStatus.textProperty().bind(viewModel.findStatusProperty());
        findText.setOnAction(e -> step(true));
        viewModel.matchesProperty().addListener((o, a, m) -> timeline.setMatches(m));
        viewModel.revealProperty().addListener((o, a, span) -> {
            if (span.intValue() >= 0 && timeline.trace() != null) {
                timeline.reveal(span.intValue());
            }
        });
        endToEnd.selectedProperty().bindBidirectional(viewModel.endToEndProperty());
        viewModel.pathBandsProperty().addListener((o, a, bands) -> {
            timeline.setBands(bands);
            highlight();
        });
        pathNote.textProperty().bind(viewModel.pathNoteProperty());
        pathNote.visibleProperty().bind(pathNote.textProperty().isNotEmpty());
        pathNote.managedProperty().bind(pathNote.visibleProperty());
        Label empty = new Label();
        empty.getStyleClass().add("results-note");
        empty.setWrapText(true);
        empty.textProperty().bind(viewModel.resultsNoteProperty());
        results.setPlaceholder(empty);
        viewModel.results().addListener((javafx.collections.ListChangeListener<TraceSummary>) c ->
                scatter.setTraces(viewModel.results()));
        scatter.setTraces(viewModel.results()); // results given before the view (a snapshot's saved traces)
        viewModel.problemProperty().addListener((o, a, p) -> showProblem(p));
        results.setItems(new javafx.collections.transformation.SortedList<>(viewModel.results()));
        ((javafx.collections.transformation.SortedList<TraceSummary>) results.getItems()).comparatorProperty()
                .bind(results.comparatorProperty());
        results.getColumns().setAll(List.of(
                column("Trace id", TraceSummary::traceId, 250),
                column("Spans", TraceSummary::spanCount, 70),
                durationColumn(),
                column("Start", s -> Instant.ofEpochMilli(s.startMicros() / 1000).toString(), 210),
                column("Root", s -> s.rootService() + ": " + s.rootOperation(), 300)));
        results.setRowFactory(table -> {
            TableRow<TraceSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    viewModel.open(row.getItem().traceId());
                }
            });
            return row;
        });
        viewModel.openTraceProperty().addListener((o, a, t) -> {
            timeline.setTrace(t);
            timeline.setMatches(viewModel.matchesProperty().get());
            timeline.setBands(viewModel.pathBandsProperty().get());
            highlight();
        });
        criticalPath.selectedProperty().addListener((o, a, on) -> highlight());
        timeline.selectedSpanProperty().addListener((o, a, span) -> viewModel.select(span.intValue()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    /** The end-to-end path's hops win over the critical path while it is on; either dims the other bars. */
    private void highlight() {
        BitSet path = !viewModel.pathSpansProperty().get().isEmpty() ? viewModel.pathSpansProperty().get()
                : criticalPath.isSelected() ? viewModel.criticalPathProperty().get() : new BitSet();
        timeline.setHighlighted(path);
    }

    /** Ctrl+F focuses find; F3 / Shift+F3 step through the matches from wherever focus is in the trace pane. */
    private void keys(KeyEvent e) {
        if (KeyCombination.keyCombination("Shortcut+F").match(e)) {
            focusFind();
            e.consume();
        } else if (e.getCode() == KeyCode.F3) {
            step(!e.isShiftDown());
            e.consume();
        }
    }

    /** Focuses the find field with its text selected (Ctrl+F). */
    void focusFind() {
        findText.requestFocus();
        findText.selectAll();
    }

    private void step(boolean forward) {
        int span = viewModel.stepMatch(timeline.selectedSpanProperty().get(), forward);
        if (span >= 0) {
            timeline.reveal(span);
        }
    }

    @FXML
    private void findNext() {
        step(true);
    }

    @FXML
    private void findPrevious() {
        step(false);
    }

    @FXML
    private void copyDetails() {
        detailsTable.copyAll();
    }

    private static <T> TableColumn<TraceSummary, T> column(String title, Function<TraceSummary, T> value,
                                                           double width) {
        TableColumn<TraceSummary, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<TraceSummary, Long> durationColumn() {
        TableColumn<TraceSummary, Long> c = column("Duration", TraceSummary::durationMicros, 100);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long micros, boolean empty) {
                super.updateItem(micros, empty);
                setText(empty || micros == null ? null : GoDuration.format(micros));
            }
        });
        return c;
    }

    private void showProblem(Problem p) {
        problem.setText(p == null ? "" : p.oneLine());
        problem.setVisible(p != null);
        problem.setManaged(p != null);
    }

    /** The timeline control, for tests. */
    public TraceTimeline timeline() {
        return timeline;
    }

    /** The minimap, for tests. */
    public TraceMinimap minimap() {
        return minimap;
    }

    /** The scatter plot of the results, for tests. */
    public TraceScatter scatter() {
        return scatter;
    }

    /** The results table, for tests. */
    public TableView<TraceSummary> results() {
        return results;
    }

    @FXML
    private void find() {
        viewModel.search();
    }

    @FXML
    private void openId() {
        if (!traceId.getText().isBlank()) {
            viewModel.open(traceId.getText().trim());
        }
    }

    @FXML
    private void collapseAll() {
        timeline.collapseAll();
    }

    @FXML
    private void expandAll() {
        timeline.expandAll();
    }

    @FXML
    private void fit() {
        timeline.showWholeTrace();
    }
}
