package io.mirrorscope.ui.browser;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import java.util.function.Function;

/** Wiring of the topic browser: binds controls to {@link TopicBrowserViewModel}, drains it once per pulse. */
public final class TopicBrowserController {

    @FXML private BorderPane root;
    @FXML private ComboBox<String> topicBox;
    @FXML private ChoiceBox<SeekMode> seekModeBox;
    @FXML private TextField seekValueField;
    @FXML private CheckBox followBox;
    @FXML private Button goButton;
    @FXML private ToggleButton pauseButton;
    @FXML private Button stopButton;
    @FXML private Spinner<Double> rateLimitSpinner;
    @FXML private Label rateLabel;
    @FXML private TableView<PartitionRow> partitionTable;
    @FXML private TableColumn<PartitionRow, Number> partitionColumn;
    @FXML private TableColumn<PartitionRow, Number> beginColumn;
    @FXML private TableColumn<PartitionRow, Number> endColumn;
    @FXML private TableView<RecordRow> recordTable;
    @FXML private TableColumn<RecordRow, Number> recPartitionColumn;
    @FXML private TableColumn<RecordRow, Number> offsetColumn;
    @FXML private TableColumn<RecordRow, String> timestampColumn;
    @FXML private TableColumn<RecordRow, String> keyColumn;
    @FXML private TableColumn<RecordRow, String> valueColumn;
    @FXML private TableColumn<RecordRow, String> headersColumn;
    @FXML private TextArea detailArea;
    @FXML private TextField filterField;
    @FXML private CheckBox regexBox;
    @FXML private TextField headerField;
    @FXML private Label filterErrorLabel;
    @FXML private Label countLabel;
    @FXML private Label statusLabel;
    @FXML private Label memoryLabel;
    @FXML private io.mirrorscope.ui.common.ProblemBanner problemBanner;

    private final TopicBrowserViewModel viewModel;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            viewModel.drain();
        }
    };

    public TopicBrowserController(TopicBrowserViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public TopicBrowserViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        topicBox.setItems(viewModel.topics());
        topicBox.valueProperty().bindBidirectional(viewModel.selectedTopicProperty());
        seekModeBox.getItems().setAll(SeekMode.values());
        seekModeBox.valueProperty().bindBidirectional(viewModel.seekModeProperty());
        seekValueField.textProperty().bindBidirectional(viewModel.seekValueProperty());
        seekValueField.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.seekModeProperty().get() == null || !viewModel.seekModeProperty().get().needsValue(),
                viewModel.seekModeProperty()));
        followBox.selectedProperty().bindBidirectional(viewModel.followProperty());
        // not bound: a bound toggle cannot be clicked; the view model's state wins after each click
        viewModel.pausedProperty().addListener((o, a, p) -> pauseButton.setSelected(p));
        pauseButton.disableProperty().bind(viewModel.readingProperty().not());
        stopButton.disableProperty().bind(viewModel.readingProperty().not());
        goButton.disableProperty().bind(viewModel.selectedTopicProperty().isNull());
        rateLimitSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1_000_000, 0, 100));
        rateLimitSpinner.valueProperty().addListener((o, a, v) -> viewModel.rateLimitProperty().set(v == null ? 0 : v));
        rateLabel.textProperty().bind(viewModel.rateTextProperty());

        partitionTable.setItems(viewModel.partitions());
        column(partitionColumn, PartitionRow::getPartition);
        column(beginColumn, PartitionRow::getBegin);
        column(endColumn, PartitionRow::getEnd);

        recordTable.setItems(viewModel.visibleRecords());
        column(recPartitionColumn, RecordRow::getPartition);
        column(offsetColumn, RecordRow::getOffset);
        column(timestampColumn, RecordRow::getTimestamp);
        column(keyColumn, RecordRow::getKey);
        column(valueColumn, RecordRow::getValue);
        column(headersColumn, RecordRow::getHeaders);
        viewModel.selectedRecordProperty().bind(recordTable.getSelectionModel().selectedItemProperty());
        detailArea.textProperty().bind(viewModel.detailProperty());

        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        regexBox.selectedProperty().bindBidirectional(viewModel.filterRegexProperty());
        headerField.textProperty().bindBidirectional(viewModel.headerFilterProperty());
        filterErrorLabel.textProperty().bind(viewModel.filterErrorProperty());
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.visibleRecords().size() + " of " + viewModel.records().size() + " records"
                        + (viewModel.droppedProperty().get() > 0 ? ", " + viewModel.droppedProperty().get()
                        + " dropped" : ""),
                viewModel.visibleRecords(), viewModel.records(), viewModel.droppedProperty()));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        memoryLabel.textProperty().bind(viewModel.memoryTextProperty().map(m -> "Rows hold " + m));
        problemBanner.bind(viewModel.problems());
        pulse.start();
    }

    private static <S, T> void column(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    /** Focuses the filter box (Ctrl+F from the main window). */
    public void focusFilter() {
        filterField.requestFocus();
    }

    /** Stops the pulse and the read; the tab is closing. */
    public void close() {
        pulse.stop();
        problemBanner.unbind();
        viewModel.close();
    }

    @FXML
    private void go() {
        viewModel.seek();
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
        pauseButton.setSelected(viewModel.pausedProperty().get());
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }
}
