package io.mirrorscope.ui.browser;

import io.mirrorscope.ui.common.ProblemBanner;
import io.mirrorscope.ui.controls.TableColumns;
import io.mirrorscope.ui.controls.TimeDisplay;
import java.util.List;
import java.util.stream.Collectors;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SearchableComboBox;
import org.controlsfx.control.textfield.TextFields;

/** Wiring of the topic browser: binds controls to {@link TopicBrowserViewModel}, drains it once per pulse. */
public final class TopicBrowserController {

    @FXML private BorderPane root;
    @FXML private SearchableComboBox<String> topicBox;
    @FXML private CheckComboBox<Integer> partitionChoice;
    @FXML private ChoiceBox<SeekMode> seekModeBox;
    @FXML private TextField seekValueField;
    @FXML private CheckBox followBox;
    @FXML private Button goButton;
    @FXML private ToggleButton pauseButton;
    @FXML private Button stopButton;
    @FXML private Spinner<Double> rateLimitSpinner;
    @FXML private Label rateLabel;
    @FXML private TableView<PartitionRow> partitionTable;
    @FXML private TableColumn<PartitionRow, Integer> partitionColumn;
    @FXML private TableColumn<PartitionRow, Long> beginColumn;
    @FXML private TableColumn<PartitionRow, Long> endColumn;
    @FXML private TableView<RecordRow> recordTable;
    @FXML private TextArea detailArea;
    @FXML private HBox filterBar;
    @FXML private CheckBox regexBox;
    @FXML private TextField headerField;
    @FXML private Label filterErrorLabel;
    @FXML private Button jumpButton;
    @FXML private Label countLabel;
    @FXML private Label statusLabel;
    @FXML private Label memoryLabel;
    @FXML private ProblemBanner problemBanner;

    private final TopicBrowserViewModel viewModel;
    private final TimeDisplay time;
    private final TextField filterField = TextFields.createClearableTextField();
    private RecordTable records;
    private boolean syncingChecks;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (viewModel.drain() && viewModel.followNewestProperty().get()) {
                records.scrollToNewest();
            }
        }
    };

    /** A browser showing times in local time; the app passes its one {@link TimeDisplay} instead. */
    public TopicBrowserController(TopicBrowserViewModel viewModel) {
        this(viewModel, TimeDisplay.system());
    }

    public TopicBrowserController(TopicBrowserViewModel viewModel, TimeDisplay time) {
        this.viewModel = viewModel;
        this.time = time;
    }

    public TopicBrowserViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        topicBox.setItems(viewModel.topics());
        topicBox.valueProperty().bindBidirectional(viewModel.selectedTopicProperty());
        wirePartitionChoice();
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

        TableColumns.number(partitionColumn, PartitionRow::getPartition);
        TableColumns.number(beginColumn, PartitionRow::getBegin);
        TableColumns.number(endColumn, PartitionRow::getEnd);
        TableColumns.install(partitionTable);
        TableColumns.sortable(partitionTable, viewModel.partitions());

        records = new RecordTable(recordTable, viewModel, time);
        viewModel.selectedRecordProperty().bind(recordTable.getSelectionModel().selectedItemProperty());
        detailArea.textProperty().bind(viewModel.detailProperty());
        jumpButton.visibleProperty().bind(viewModel.liveProperty().and(viewModel.followNewestProperty().not()));
        jumpButton.managedProperty().bind(jumpButton.visibleProperty());

        filterField.setId("filterField");
        filterField.setPromptText("text in key or value (whole values)");
        filterField.setPrefWidth(280);
        filterField.setAccessibleText("Filter records by text in key or value");
        filterBar.getChildren().add(1, filterField);
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        regexBox.selectedProperty().bindBidirectional(viewModel.filterRegexProperty());
        headerField.textProperty().bindBidirectional(viewModel.headerFilterProperty());
        filterErrorLabel.textProperty().bind(viewModel.filterErrorProperty());
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> (viewModel.filteringProperty().get() ? "Filtering… " : "") + viewModel.visibleRecords().size()
                        + " of " + viewModel.records().size() + " records"
                        + (viewModel.droppedProperty().get() > 0 ? ", " + viewModel.droppedProperty().get()
                        + " dropped" : ""),
                viewModel.visibleRecords(), viewModel.records(), viewModel.droppedProperty(),
                viewModel.filteringProperty()));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        memoryLabel.textProperty().bind(viewModel.memoryTextProperty().map(m -> "Rows hold " + m));
        problemBanner.bind(viewModel.problems());
        pulse.start();
    }

    /** The check list follows the view model's chosen partitions and the other way round; empty means all. */
    private void wirePartitionChoice() {
        partitionChoice.getItems().setAll(viewModel.partitionNumbers());
        viewModel.partitionNumbers().addListener((ListChangeListener<Integer>) c -> {
            syncingChecks = true;
            partitionChoice.getItems().setAll(viewModel.partitionNumbers());
            syncingChecks = false;
            checkChosen();
        });
        partitionChoice.getCheckModel().getCheckedItems().addListener((ListChangeListener<Integer>) c -> {
            List<Integer> checked = List.copyOf(partitionChoice.getCheckModel().getCheckedItems());
            if (!syncingChecks && !checked.equals(viewModel.chosenPartitions())) {
                viewModel.chosenPartitions().setAll(checked);
            }
        });
        viewModel.chosenPartitions().addListener((ListChangeListener<Integer>) c -> checkChosen());
        partitionChoice.titleProperty().bind(Bindings.createStringBinding(() -> viewModel.chosenPartitions()
                .isEmpty() ? "All partitions" : (viewModel.chosenPartitions().size() == 1 ? "Partition " : "Partitions ")
                + viewModel.chosenPartitions().stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(", ")), viewModel.chosenPartitions()));
    }

    private void checkChosen() {
        if (List.copyOf(partitionChoice.getCheckModel().getCheckedItems()).equals(viewModel.chosenPartitions())) {
            return;
        }
        syncingChecks = true;
        partitionChoice.getCheckModel().clearChecks();
        viewModel.chosenPartitions().forEach(p -> partitionChoice.getCheckModel().check(p));
        syncingChecks = false;
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

    @FXML
    private void jumpToNewest() {
        viewModel.followNewestProperty().set(true);
        records.scrollToNewest();
        recordTable.requestFocus();
    }
}
