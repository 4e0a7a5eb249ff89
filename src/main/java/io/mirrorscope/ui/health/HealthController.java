package io.mirrorscope.ui.health;

import io.mirrorscope.core.health.LinkHealth;
import io.mirrorscope.ui.common.ProblemBanner;
import io.mirrorscope.ui.common.Severity;
import io.mirrorscope.ui.controls.RateChart;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;

/** Wiring of health_view.fxml to a {@link HealthViewModel}: labels, lists, the rate chart and the two tables. */
public final class HealthController {

    private final HealthViewModel viewModel;
    private Subscription subscriptions = Subscription.EMPTY;
    private final Set<String> expanded = new HashSet<>();
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1),
            e -> viewModelTick()));

    @FXML private ProblemBanner problemBanner;
    @FXML private ComboBox<String> linkBox;
    @FXML private Label linkLabel;
    @FXML private Label freshness;
    @FXML private ChoiceBox<Duration> intervalBox;
    @FXML private Label verdict;
    @FXML private Label headline;
    @FXML private Label crStatus;
    @FXML private VBox reasons;
    @FXML private VBox changes;
    @FXML private VBox notes;
    @FXML private Label source;
    @FXML private Label target;
    @FXML private Label heartbeats;
    @FXML private Label rates;
    @FXML private RateChart rateChart;
    @FXML private TreeTableView<CoverageRow> coverageTable;
    @FXML private TableView<LinkHealth.CheckpointHealth> checkpointTable;
    @FXML private TableView<LinkHealth.OffsetSyncHealth> syncTable;

    public HealthController(HealthViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        problemBanner.bind(viewModel.problems());
        linkBox.setItems(viewModel.links());
        // one link (most mirrors): no chooser, and no room taken by it
        linkBox.visibleProperty().bind(javafx.beans.binding.Bindings.size(viewModel.links()).greaterThan(1));
        linkBox.managedProperty().bind(linkBox.visibleProperty());
        linkLabel.visibleProperty().bind(linkBox.visibleProperty());
        linkLabel.managedProperty().bind(linkBox.visibleProperty());
        intervalBox.getItems().setAll(HealthViewModel.intervalChoices());
        intervalBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : d.toSeconds() + " s";
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        intervalBox.setValue(viewModel.intervalProperty().get());
        columns();
        subscriptions = Subscription.combine(
                intervalBox.valueProperty().subscribe(d -> viewModel.intervalProperty().set(d)),
                linkBox.getSelectionModel().selectedIndexProperty().subscribe(i -> {
                    if (i.intValue() >= 0) {
                        viewModel.selectedLinkProperty().set(i.intValue());
                    }
                }),
                viewModel.links().subscribe(() -> linkBox.getSelectionModel()
                        .select(viewModel.selectedLinkProperty().get())),
                viewModel.freshnessProperty().subscribe(freshness::setText),
                viewModel.staleProperty().subscribe(s -> paint(freshness, s ? Severity.WARNING : Severity.NEUTRAL)),
                viewModel.verdictProperty().subscribe(verdict::setText),
                viewModel.severityProperty().subscribe(s -> paint(verdict, s)),
                viewModel.headlineProperty().subscribe(headline::setText),
                viewModel.crStatusProperty().subscribe(crStatus::setText),
                viewModel.sourceProperty().subscribe(source::setText),
                viewModel.sourceSeverityProperty().subscribe(s -> paint(source, s)),
                viewModel.targetProperty().subscribe(target::setText),
                viewModel.targetSeverityProperty().subscribe(s -> paint(target, s)),
                viewModel.heartbeatsProperty().subscribe(heartbeats::setText),
                viewModel.heartbeatSeverityProperty().subscribe(s -> paint(heartbeats, s)),
                viewModel.ratesProperty().subscribe(rates::setText),
                viewModel.rateSeriesProperty().subscribe(s -> rateChart.setSeries(s.times(), s.sourceRate(),
                        s.targetRate())),
                list(viewModel.reasons(), reasons, r -> line("• " + r, viewModel.severityProperty().get()),
                        "None: the data is fine."),
                list(viewModel.changes(), changes, c -> line(c.sentence(), c.drops() ? Severity.DANGER
                        : Severity.NEUTRAL), "Nothing: records are copied as they are."),
                list(viewModel.notes(), notes, n -> line(n, Severity.NEUTRAL), "None."),
                viewModel.coverage().subscribe(this::fillCoverage));
        checkpointTable.setItems(viewModel.checkpoints());
        syncTable.setItems(viewModel.offsetSyncs());
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void viewModelTick() {
        viewModel.tick(System.currentTimeMillis());
    }

    private static <T> Subscription list(ObservableList<T> items, VBox box, Function<T, Label> label, String empty) {
        Runnable fill = () -> box.getChildren().setAll(items.isEmpty() ? List.of(line(empty, Severity.NEUTRAL))
                : items.stream().map(label).map(Node.class::cast).toList());
        fill.run(); // an invalidation subscription does not call back at once
        return items.subscribe(fill);
    }

    private static Label line(String text, Severity severity) {
        Label l = new Label(text);
        l.setWrapText(true);
        paint(l, severity);
        return l;
    }

    static void paint(Node node, Severity severity) {
        for (Severity s : Severity.values()) {
            node.getStyleClass().remove(s.styleClass());
        }
        node.getStyleClass().add(severity.styleClass());
    }

    private void columns() {
        coverageTable.getColumns().setAll(HealthColumns.coverage());
        coverageTable.getColumns().forEach(c -> c.setSortable(false));
        coverageTable.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checkpointTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        coverageTable.setRoot(new TreeItem<>());
        MenuItem compare = new MenuItem("Compare records…");
        compare.setOnAction(e -> {
            TreeItem<CoverageRow> item = coverageTable.getSelectionModel().getSelectedItem();
            viewModel.compare(item == null ? null : item.getValue());
        });
        coverageTable.setContextMenu(new ContextMenu(compare));
        checkpointTable.getColumns().setAll(HealthColumns.checkpoints());
        syncTable.getColumns().setAll(HealthColumns.offsetSyncs());
        syncTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        syncTable.setPlaceholder(new Label("No offset syncs read yet: MM2 writes them to mm2-offset-syncs.<target>"
                + ".internal (on the source by default) once records flow"));
        checkpointTable.getColumns().forEach(c -> c.setSortable(false));
        checkpointTable.setPlaceholder(new Label("No checkpoints: no consumer group of the source committed on "
                + "a mirrored topic, or checkpoints are off"));
        coverageTable.setPlaceholder(new Label("No topic matches the link's pattern yet"));
    }

    private void fillCoverage() {
        TreeItem<CoverageRow> root = coverageTable.getRoot();
        root.getChildren().forEach(i -> {
            if (i.isExpanded()) {
                expanded.add(i.getValue().name());
            } else {
                expanded.remove(i.getValue().name());
            }
        });
        root.getChildren().setAll(viewModel.coverage().stream().map(r -> {
            TreeItem<CoverageRow> item = new TreeItem<>(r);
            r.children().forEach(c -> item.getChildren().add(new TreeItem<>(c)));
            item.setExpanded(expanded.contains(r.name()));
            return item;
        }).toList());
    }

    /** Stops the clock and releases the listeners on the view model; the view is closing. */
    public void close() {
        ticker.stop();
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
        problemBanner.unbind();
        linkBox.visibleProperty().unbind();
        linkBox.managedProperty().unbind();
        linkLabel.visibleProperty().unbind();
        linkLabel.managedProperty().unbind();
    }
}
