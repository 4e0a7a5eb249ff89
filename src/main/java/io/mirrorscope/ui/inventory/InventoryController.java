package io.mirrorscope.ui.inventory;

import io.mirrorscope.core.inventory.Condition;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.ui.common.CodeView;
import io.mirrorscope.ui.common.Icons;
import io.mirrorscope.ui.common.SearchField;
import io.mirrorscope.ui.common.SummaryHeader;
import io.mirrorscope.ui.controls.TableColumns;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Wiring of inventory_view.fxml: the summary header, one sortable table per panel, the clearable search, and the
 * details pane (facts as an aligned grid, the YAML in a code view that scrolls sideways, the conditions).
 */
public final class InventoryController {

    private final InventoryViewModel viewModel;

    /** The search box (a ControlsFX CustomTextField, built in code with its icons). */
    private TextField filter;
    @FXML
    private SummaryHeader header;
    @FXML
    private HBox toolbar;
    @FXML
    private GridPane facts;
    @FXML
    private Button copyYaml;
    @FXML
    private TabPane tabs;
    @FXML
    private Label detailsTitle;
    @FXML
    private Label notes;
    @FXML
    private CodeView yaml;
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
        filter = SearchField.create("Filter: name, namespace, cluster, topic");
        filter.setId("filter");
        filter.setPrefColumnCount(28);
        toolbar.getChildren().add(filter);
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        header.setIcon(Icons.INVENTORY);
        header.bindDetail(viewModel.summaryProperty());
        header.bindFreshness(viewModel.freshnessProperty());
        copyYaml.setGraphic(Icons.COPY.node());
        yaml.area().setAccessibleText("YAML of the selected resource");
        detailsTitle.textProperty().bind(viewModel.detailsTitleProperty());
        notes.textProperty().bind(viewModel.notesProperty());
        notes.visibleProperty().bind(viewModel.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        tabs.setAccessibleText("Inventory panels: clusters, mirrors, topics, users, tracing, node pools");
        for (Panel p : Panel.values()) {
            tabs.getTabs().add(tab(p));
        }
        TableColumns.sortable(conditions, viewModel.conditions());
        // the message last: the short columns stay in view
        conditions.getColumns().setAll(List.of(conditionColumn("Type", Condition::type),
                conditionColumn("Status", Condition::status), conditionColumn("Reason", Condition::reason),
                conditionColumn("Since", Condition::lastTransitionTime),
                conditionColumn("Message", Condition::message)));
        TableColumns.install(conditions);
        conditions.setPlaceholder(placeholder("No conditions"));
        conditions.setAccessibleText("Conditions of the selected resource");
        // the details pane is narrow: conditions keep their content widths and scroll sideways rather than cut
        conditions.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        ListChangeListener<Map.Entry<String, String>> factsChanged = c -> showFacts();
        viewModel.facts().addListener(factsChanged);
        subscriptions = subscriptions.and(() -> viewModel.facts().removeListener(factsChanged));
        showFacts();
        problemBanner.bind(viewModel.problems());
        // The view model outlives this view (one per connection): listeners on it are subscriptions, cancelled
        // in close(), so a closed view can be collected. Bindings (bind, setItems) hold their views weakly.
        subscriptions = javafx.util.Subscription.combine(subscriptions,
                viewModel.yamlProperty().subscribe(this::showYaml),
                viewModel.reconnectingProperty().subscribe(down -> header.setState(
                        down ? "reconnecting" : "live", down ? SummaryHeader.STALE : SummaryHeader.LIVE)),
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
        TableView<InventoryRow> table = new TableView<>();
        // Sorting by any column, kept while live snapshots replace the rows: a SortedList over the filtered list,
        // its comparator bound to the table's (the table sorts the SortedList, never the view model's list).
        TableColumns.sortable(table, viewModel.rows(panel));
        table.setId("table-" + panel.name().toLowerCase(Locale.ROOT));
        table.setAccessibleText(panel.title() + " table");
        // columns keep the width of their content (TableColumns sizes them); a table wider than the pane scrolls
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<InventoryRow, InventoryRow> status = new TableColumn<>("");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new HealthCell());
        status.setMinWidth(32);
        status.setMaxWidth(32);
        status.setComparator(Comparator.comparingInt(r -> severity(r.health())));
        status.setGraphic(Icons.HEALTH_UNKNOWN.node());
        status.getGraphic().setAccessibleText("Health");
        table.getColumns().add(status);
        table.getColumns().add(column("Name", r -> r.meta().name()));
        table.getColumns().add(column("Namespace", r -> r.meta().namespace()));
        TableColumn<InventoryRow, InventoryRow> age = TableColumns.formatted(new TableColumn<>("Age"), r -> r,
                viewModel::age);
        age.getStyleClass().add(TableColumns.NUMERIC);
        // newest first when sorted ascending by age, like kubectl's AGE
        age.setComparator(Comparator.comparing((InventoryRow r) -> r.meta().createdAt(),
                Comparator.nullsLast(Comparator.<Instant>reverseOrder())));
        table.getColumns().add(age);
        for (int i = 0; i < panel.columns().size(); i++) {
            int index = i;
            String title = panel.columns().get(i);
            TableColumn<InventoryRow, String> col = column(title, r -> r.columns().get(index));
            if (NUMERIC.contains(title)) {
                col.getStyleClass().add(TableColumns.NUMERIC);
            }
            table.getColumns().add(col);
        }
        TableColumns.install(table);
        // an empty panel (no node pools) is never sized to rows: its headers at least must read in full
        table.skinProperty().subscribe(skin -> {
            if (skin != null && table.getItems().isEmpty()) {
                TableColumns.fit(table, TableColumns.SAMPLE_ROWS, TableColumns.MAX_WIDTH);
            }
        });
        subscriptions = subscriptions.and(viewModel.filterProperty().subscribe(f -> table.setPlaceholder(
                placeholder(f == null || f.isEmpty()
                        ? "No " + panel.title().toLowerCase(Locale.ROOT) + " in the namespaces read"
                        : "Nothing here matches \u201c" + f + "\u201d"))));
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
        tab.setGraphic(icon(panel).node());
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

    /** Columns whose values are counts: right-aligned, compared as numbers. */
    private static final java.util.Set<String> NUMERIC = java.util.Set.of("Brokers", "Partitions", "Replicas");

    private static Icons icon(Panel panel) {
        return switch (panel) {
            case CLUSTERS -> Icons.CLUSTER;
            case MIRRORS -> Icons.MIRROR;
            case TOPICS -> Icons.TOPICS;
            case USERS -> Icons.USERS;
            case TRACING -> Icons.TRACING;
            case NODE_POOLS -> Icons.NODE_POOLS;
        };
    }

    private static int severity(Health health) {
        return switch (health) {
            case FAILED -> 0;
            case DEGRADED -> 1;
            case UNKNOWN -> 2;
            case READY -> 3;
        };
    }

    private static Label placeholder(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("placeholder-text");
        return label;
    }

    /** Numbers compare as numbers ("10" after "9"), everything else as case-insensitive text; "-" sorts last. */
    static int compareValues(String a, String b) {
        boolean aMissing = a == null || a.equals("-") || a.isEmpty();
        boolean bMissing = b == null || b.equals("-") || b.isEmpty();
        if (aMissing || bMissing) {
            return Boolean.compare(aMissing, bMissing);
        }
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return String.CASE_INSENSITIVE_ORDER.compare(a, b);
        }
    }

    private void showFacts() {
        facts.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> fact : viewModel.facts()) {
            Label key = new Label(fact.getKey());
            key.getStyleClass().add("detail-key");
            key.setMinWidth(Label.USE_PREF_SIZE);
            Label value = new Label(fact.getValue());
            value.getStyleClass().add("detail-value");
            value.setTooltip(new Tooltip(fact.getValue()));
            value.setAccessibleText(fact.getKey() + ": " + fact.getValue());
            facts.addRow(row++, key, value);
        }
    }

    /** A text column sized by TableColumns, compared by {@link #compareValues} (numbers as numbers). */
    private static TableColumn<InventoryRow, String> column(String title, Function<InventoryRow, String> value) {
        TableColumn<InventoryRow, String> col = TableColumns.text(new TableColumn<>(title), value);
        col.setComparator(InventoryController::compareValues);
        return col;
    }

    private static TableColumn<Condition, String> conditionColumn(String title, Function<Condition, String> value) {
        return TableColumns.text(new TableColumn<>(title), value);
    }

    private void showYaml(String text) {
        List<CodeView.Span> spans = YamlHighlighter.runs(text).stream()
                .map(run -> new CodeView.Span(run.text().length(), switch (run.style()) {
                    case KEY -> "yaml-key";
                    case COMMENT -> "yaml-comment";
                    case VALUE -> "yaml-value";
                    case PLAIN -> "";
                })).toList();
        yaml.show(text, spans);
    }

    @FXML
    private void copyYaml() {
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.yamlProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The status icon: the health's icon, coloured by the theme's palette; the tooltip names it. */
    private static final class HealthCell extends TableCell<InventoryRow, InventoryRow> {
        @Override
        protected void updateItem(InventoryRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            String health = row.health().name().toLowerCase(Locale.ROOT);
            setGraphic(Icons.health(row.health()));
            setTooltip(new Tooltip(health));
            setAccessibleText(health);
        }
    }
}
