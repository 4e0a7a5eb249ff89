package io.mirrorscope.ui.traces;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.trace.GoDuration;
import io.mirrorscope.core.trace.TraceSummary;
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
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;

/** Wiring of traces_view.fxml: search form ↔ view model, results table, timeline and span details. */
public final class TracesController {

    private final TracesViewModel viewModel;
    private final TraceTimeline timeline = new TraceTimeline();

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
    private StackPane timelineHolder;
    @FXML
    private TextArea details;

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
        timelineHolder.getChildren().add(timeline);
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
        details.textProperty().bind(viewModel.detailsProperty());
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
            timeline.setHighlighted(criticalPath.isSelected() ? viewModel.criticalPathProperty().get() : new BitSet());
        });
        criticalPath.selectedProperty().addListener((o, a, on) -> timeline.setHighlighted(
                on ? viewModel.criticalPathProperty().get() : new BitSet()));
        timeline.selectedSpanProperty().addListener((o, a, span) -> viewModel.select(span.intValue()));
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
