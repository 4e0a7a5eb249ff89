package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.core.mirror.MatchSnapshot;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.controls.DelayChart;
import io.mirrorscope.ui.controls.DelayHistogramChart;
import io.mirrorscope.ui.controls.LagStrip;
import java.io.File;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Wiring of the side-by-side view: binds controls to {@link SideBySideViewModel} and pulses it once per frame. */
public final class SideBySideController {

    @FXML
    private io.mirrorscope.ui.common.ProblemBanner problemBanner;
    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private Label stateLabel;
    @FXML private Label pairingLabel;
    @FXML private Label matchedValue;
    @FXML private Label missingValue;
    @FXML private Label duplicatesValue;
    @FXML private Label pendingValue;
    @FXML private Label expiredValue;
    @FXML private Label delayValue;
    @FXML private Label delayCaption;
    @FXML private VBox missingCounter;
    @FXML private VBox duplicatesCounter;
    @FXML private Label freshnessLabel;
    @FXML private TextField textFilterField;
    @FXML private TextField headerFilterField;
    @FXML private MenuButton partitionButton;
    @FXML private CheckBox problemsBox;
    @FXML private TextField seekField;
    @FXML private ToggleButton pauseButton;
    @FXML private Label countLabel;
    @FXML private LagStrip lagStrip;
    @FXML private DelayChart delayChart;
    @FXML private DelayHistogramChart histogram;
    @FXML private TableView<PairItem> pairTable;
    @FXML private Label noticeLabel;
    @FXML private PairDetailPane detailPane;
    @FXML private Label messageLabel;

    private final SideBySideViewModel viewModel;
    private QuietNotice notice;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            viewModel.pulse();
            viewModel.takeNewDelays(delayChart::add);
        }
    };

    public SideBySideController(SideBySideViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public SideBySideViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        problemBanner.bind(viewModel.problems());
        titleLabel.setText("Side by side");
        pairingLabel.textProperty().bind(viewModel.pairingTextProperty());
        javafx.scene.control.Tooltip pairingTip = new javafx.scene.control.Tooltip();
        pairingTip.textProperty().bind(viewModel.pairingTextProperty()); // the label is cut on narrow windows
        pairingLabel.setTooltip(pairingTip);
        freshnessLabel.textProperty().bind(viewModel.freshnessProperty());
        viewModel.stateProperty().subscribe(s -> {
            stateLabel.setText(switch (s) {
                case NOT_STARTED -> "NOT STARTED";
                case LIVE -> "LIVE";
                case PAUSED -> "PAUSED";
                case BOUNDED -> "FINISHED";
            });
            for (SideBySideViewModel.RunState r : SideBySideViewModel.RunState.values()) {
                stateLabel.pseudoClassStateChanged(Styles.state(r.name().toLowerCase(java.util.Locale.ROOT)),
                        r == s);
            }
        });
        viewModel.snapshotProperty().subscribe(this::showCounters);
        viewModel.lagCellsProperty().subscribe(lagStrip::setCells);
        delayCaption.textProperty().bind(viewModel.delayTextProperty());

        textFilterField.textProperty().bindBidirectional(viewModel.textFilterProperty());
        headerFilterField.textProperty().bindBidirectional(viewModel.headerFilterProperty());
        problemsBox.selectedProperty().bindBidirectional(viewModel.onlyProblemsProperty());
        seekField.textProperty().bindBidirectional(viewModel.seekTextProperty());
        viewModel.pausedProperty().subscribe(p -> {
            pauseButton.setSelected(p);
            pauseButton.setText(p ? "Resume" : "Pause");
        });
        // a bounded run (or a snapshot) reads nothing more: there is nothing to pause
        pauseButton.disableProperty().bind(viewModel.stateProperty().isEqualTo(SideBySideViewModel.RunState.BOUNDED));
        PartitionMenu.bind(partitionButton, viewModel.partitions(), viewModel.chosenPartitions());

        PairColumns.install(pairTable, viewModel);
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.visibleRows().size() + " of " + viewModel.rows().size() + " rows",
                viewModel.visibleRows()));
        // not bound: reveal() selects a row through the view model, and the table follows (revealedProperty)
        pairTable.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedProperty()::set);
        viewModel.revealedProperty().subscribe(this::reveal);
        javafx.scene.control.Button openTrace = detailPane.openTraceButton();
        openTrace.disableProperty().bind(viewModel.canOpenTraceProperty().not());
        openTrace.setOnAction(e -> viewModel.openTrace());
        detailPane.openTraceTooltip().textProperty().bind(viewModel.openTraceHintProperty());
        openTrace.accessibleHelpProperty().bind(viewModel.openTraceHintProperty());
        viewModel.detail().addListener((ListChangeListener<PairDiff.Line>) c -> detailPane.show(viewModel.detail()));
        notice = new QuietNotice(noticeLabel);
        viewModel.notificationsProperty().subscribe(n -> notice.show(viewModel.notificationProperty().get()));
        messageLabel.textProperty().bind(viewModel.messageProperty());
        pulse.start();
    }

    private void showCounters(MatchSnapshot s) {
        matchedValue.setText(s == null ? "–" : String.format("%,d", s.matched()));
        missingValue.setText(s == null ? "–" : String.format("%,d", s.missing()));
        duplicatesValue.setText(s == null ? "–" : String.format("%,d", s.duplicates()));
        pendingValue.setText(s == null ? "–" : String.format("%,d", s.pending()));
        expiredValue.setText(s == null ? "–" : String.format("%,d", s.expired()));
        delayValue.setText(s == null || s.delay().measured() == 0 ? "–"
                : "p99 " + io.mirrorscope.ui.controls.ChartGeometry.millis(s.delay().p99()));
        missingCounter.getStyleClass().remove("problem");
        duplicatesCounter.getStyleClass().remove("warning");
        if (s != null && s.missing() > 0) {
            missingCounter.getStyleClass().add("problem");
        }
        if (s != null && s.duplicates() > 0) {
            duplicatesCounter.getStyleClass().add("warning");
        }
        if (s != null) {
            histogram.setBuckets(s.delay().histogram());
            delayChart.setMethod(FindingsExport.label(s.delay().method()));
        }
    }

    /** Selects and shows the row a reveal found (it passes the filters: the view model looked in them). */
    private void reveal(PairItem row) {
        if (row == null) {
            return;
        }
        int index = pairTable.getItems().indexOf(row);
        if (index >= 0) {
            pairTable.getSelectionModel().clearAndSelect(index);
            pairTable.scrollTo(Math.max(0, index - 3)); // a few rows of context above it
            pairTable.requestFocus();
        }
    }

    /** Focuses the key/value filter (Ctrl+F from the main window). */
    public void focusFilter() {
        textFilterField.requestFocus();
    }

    /** Stops the pulse, the notice and the feed; the tab is closing. */
    public void close() {
        problemBanner.unbind();
        pulse.stop();
        notice.stop();
        viewModel.close();
    }

    @FXML
    private void seek() {
        viewModel.seek();
        if (viewModel.rows().isEmpty()) {
            delayChart.clear(); // the seek started a new run
        }
    }

    @FXML
    private void togglePause() {
        viewModel.togglePause();
    }

    @FXML
    private void exportCsv() {
        export(false);
    }

    @FXML
    private void exportJson() {
        export(true);
    }

    private void export(boolean json) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(json ? "Export findings as JSON" : "Export findings as CSV");
        chooser.setInitialFileName(json ? "mirror-findings.json" : "mirror-findings.csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.export(file.toPath(), json);
        }
    }
}
