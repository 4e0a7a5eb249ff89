package io.mirrorscope.ui.inventory;

import io.mirrorscope.core.inventory.Condition;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Wiring of inventory_view.fxml: one table per panel, the filter box, and the details pane. */
public final class InventoryController {

    private final InventoryViewModel viewModel;

    @FXML
    private TextField filter;
    @FXML
    private Label summary;
    @FXML
    private TabPane tabs;
    @FXML
    private Label detailsTitle;
    @FXML
    private Label notes;
    @FXML
    private TextFlow yamlFlow;
    @FXML
    private TableView<Condition> conditions;

    @FXML
    private io.mirrorscope.ui.common.ProblemBanner problemBanner;

    /** Everything this view registered on the shared view model; {@link #close()} cancels them together. */
    private javafx.util.Subscription subscriptions = javafx.util.Subscription.EMPTY;

    public InventoryController(InventoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public InventoryViewModel getViewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        detailsTitle.textProperty().bind(viewModel.detailsTitleProperty());
        notes.textProperty().bind(viewModel.notesProperty());
        notes.visibleProperty().bind(viewModel.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        for (Panel p : Panel.values()) {
            tabs.getTabs().add(tab(p));
        }
        conditions.setItems(viewModel.conditions());
        conditions.getColumns().setAll(List.of(conditionColumn("Type", Condition::type, 90),
                conditionColumn("Status", Condition::status, 60), conditionColumn("Reason", Condition::reason, 120),
                conditionColumn("Message", Condition::message, 260),
                conditionColumn("Since", Condition::lastTransitionTime, 170)));
        conditions.setPlaceholder(new Label("No conditions"));
        conditions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        problemBanner.bind(viewModel.problems());
        // The view model outlives this view (one per connection): listeners on it are subscriptions, cancelled
        // in close(), so a closed view can be collected. Bindings (bind, setItems) hold their views weakly.
        subscriptions = javafx.util.Subscription.combine(
                viewModel.yamlProperty().subscribe(this::showYaml),
                viewModel.visiblePanelProperty().subscribe(p -> tabs.getSelectionModel().select(p.ordinal())));
        tabs.getSelectionModel().selectedIndexProperty().subscribe(i -> {
            if (i.intValue() >= 0) {
                viewModel.visiblePanelProperty().set(Panel.values()[i.intValue()]);
            }
        });
    }

    /** Releases the listeners on the view model; the view is closing. */
    public void close() {
        subscriptions.unsubscribe();
        subscriptions = javafx.util.Subscription.EMPTY;
        problemBanner.unbind();
    }

    private Tab tab(Panel panel) {
        TableView<InventoryRow> table = new TableView<>(viewModel.rows(panel));
        table.setId("table-" + panel.name().toLowerCase(Locale.ROOT));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<InventoryRow, InventoryRow> status = new TableColumn<>("");
        status.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new HealthCell());
        status.setMinWidth(28);
        status.setMaxWidth(28);
        status.setSortable(false);
        table.getColumns().add(status);
        table.getColumns().add(column("Name", r -> r.meta().name(), 150));
        table.getColumns().add(column("Namespace", r -> r.meta().namespace(), 110));
        table.getColumns().add(column("Age", viewModel::age, 50));
        for (int i = 0; i < panel.columns().size(); i++) {
            int index = i;
            String header = panel.columns().get(i);
            double width = switch (header) {
                case "Links", "URL", "Naming" -> 190;
                case "Kind", "API", "Brokers", "Partitions", "Replicas" -> 70;
                default -> 100;
            };
            table.getColumns().add(column(header, r -> r.columns().get(index), width));
        }
        table.setPlaceholder(new Label("Nothing here"));
        table.setOnMouseClicked(e -> viewModel.open(e.getClickCount() == 2
                ? table.getSelectionModel().getSelectedItem() : null));
        if (panel == Panel.MIRRORS) {
            table.setRowFactory(t -> compareRow());
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.select(row);
            }
        });
        Label message = new Label();
        message.getStyleClass().add("panel-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(viewModel.panelMessageProperty(panel));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        VBox box = new VBox(message, table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        Tab tab = new Tab(panel.title(), box);
        tab.textProperty().bind(javafx.beans.binding.Bindings.size(viewModel.rows(panel))
                .asString(panel.title() + " (%d)"));
        return tab;
    }

    /** A mirror row with "Compare records…" in its context menu (its link's records side by side). */
    private javafx.scene.control.TableRow<InventoryRow> compareRow() {
        javafx.scene.control.TableRow<InventoryRow> row = new javafx.scene.control.TableRow<>();
        javafx.scene.control.MenuItem compare = new javafx.scene.control.MenuItem("Compare records…");
        compare.setOnAction(e -> viewModel.compareMirror(row.getItem()));
        javafx.scene.control.MenuItem health = new javafx.scene.control.MenuItem("Mirror health");
        health.setOnAction(e -> viewModel.open(row.getItem()));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(health, compare);
        row.itemProperty().subscribe(item -> row.setContextMenu(item == null ? null : menu));
        return row;
    }

    private static TableColumn<InventoryRow, String> column(String title, Function<InventoryRow, String> value,
                                                           double width) {
        TableColumn<InventoryRow, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private static TableColumn<Condition, String> conditionColumn(String title, Function<Condition, String> value,
                                                                 double width) {
        TableColumn<Condition, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private void showYaml(String yaml) {
        List<Text> texts = YamlHighlighter.runs(yaml).stream().map(run -> {
            Text t = new Text(run.text());
            t.getStyleClass().add(switch (run.style()) {
                case KEY -> "yaml-key";
                case COMMENT -> "yaml-comment";
                default -> "yaml-value";
            });
            return t;
        }).toList();
        yamlFlow.getChildren().setAll(texts);
    }

    @FXML
    private void copyYaml() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.yamlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The status icon: a dot coloured by health through CSS classes. */
    private static final class HealthCell extends TableCell<InventoryRow, InventoryRow> {
        private final Region dot = new Region();

        HealthCell() {
            dot.getStyleClass().add("health-dot");
        }

        @Override
        protected void updateItem(InventoryRow row, boolean empty) {
            super.updateItem(row, empty);
            dot.getStyleClass().removeAll("ready", "degraded", "failed", "unknown");
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String health = row.health().name().toLowerCase(Locale.ROOT);
            dot.getStyleClass().add(health);
            setGraphic(dot);
            setTooltip(new javafx.scene.control.Tooltip(health));
        }
    }
}
