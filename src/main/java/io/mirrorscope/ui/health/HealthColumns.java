package io.mirrorscope.ui.health;

import io.mirrorscope.core.health.LinkHealth;
import io.mirrorscope.ui.common.Severity;
import io.mirrorscope.ui.controls.Sparkline;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

/** The columns of the health view's tables: text cells (the state column coloured), the gap sparkline. */
final class HealthColumns {

    private HealthColumns() {
    }

    /** The coverage table's columns, in order. */
    static List<TreeTableColumn<CoverageRow, ?>> coverage() {
        return List.of(text("Source topic", CoverageRow::name, 200), text("Target topic", CoverageRow::target, 220),
                text("State", CoverageRow::state, 105), text("Partitions", CoverageRow::partitions, 100),
                text("Gap (records)", CoverageRow::gap, 125), text("Behind", CoverageRow::lag, 85),
                text("In rec/s", CoverageRow::sourceRate, 90), text("Out rec/s", CoverageRow::targetRate, 100),
                sparkline(), text("Drift / note", CoverageRow::drift, 260));
    }

    /** The offset syncs table's columns, in order. */
    static List<TableColumn<LinkHealth.OffsetSyncHealth, ?>> offsetSyncs() {
        return List.of(column("Source partition", (LinkHealth.OffsetSyncHealth o) -> o.topic() + "-" + o.partition(),
                        220),
                column("Source offset", (LinkHealth.OffsetSyncHealth o) -> Long.toString(o.upstream()), 120),
                column("Target offset", (LinkHealth.OffsetSyncHealth o) -> Long.toString(o.downstream()), 120),
                column("Source records after it", (LinkHealth.OffsetSyncHealth o) -> o.behindSource() == null ? ""
                        : String.format(java.util.Locale.ROOT, "%,d", o.behindSource()), 520));
    }

    /** The checkpoints table's columns, in order. */
    static List<TableColumn<LinkHealth.CheckpointHealth, ?>> checkpoints() {
        return List.of(checkpoint("Group", LinkHealth.CheckpointHealth::group, 130),
                checkpoint("Topic", c -> c.topic() + "-" + c.partition(), 160),
                checkpoint("Committed (source)", c -> Long.toString(c.upstreamOffset()), 125),
                checkpoint("Restarts at (target)", c -> Long.toString(c.downstreamOffset()), 130),
                checkpoint("Failover now", LinkHealth.CheckpointHealth::failover, 700));
    }

    static TreeTableColumn<CoverageRow, String> text(String title, Function<CoverageRow, String> value,
                                                            double width) {
        TreeTableColumn<CoverageRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        // numbers and states keep their width; names and notes give way when the table is narrow
        c.setMinWidth(width >= 200 ? 120 : width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue().getValue())));
        if (NUMBERS.contains(title)) {
            c.getStyleClass().add(io.mirrorscope.ui.controls.TableColumns.NUMERIC);
        }
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                CoverageRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                HealthController.paint(this, row == null || !title.equals("State") ? Severity.NEUTRAL : row.severity());
            }
        });
        return c;
    }

    /** Columns of counts and rates: right-aligned in tabular digits, as every table shows numbers. */
    private static final java.util.Set<String> NUMBERS = java.util.Set.of("Partitions", "Gap (records)", "Behind",
            "In rec/s", "Out rec/s");

    static TreeTableColumn<CoverageRow, List<Long>> sparkline() {
        TreeTableColumn<CoverageRow, List<Long>> c = new TreeTableColumn<>("Gap over time");
        c.setPrefWidth(130);
        c.setMinWidth(125);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().getValue().gapHistory()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            private final Sparkline line = new Sparkline();

            @Override
            protected void updateItem(List<Long> item, boolean empty) {
                super.updateItem(item, empty);
                line.setValues(empty || item == null ? List.of() : item);
                setGraphic(empty || item == null || item.isEmpty() ? null : line);
            }
        });
        return c;
    }

    static TableColumn<LinkHealth.CheckpointHealth, String> checkpoint(String title,
            Function<LinkHealth.CheckpointHealth, String> value, double width) {
        return column(title, value, width);
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }
}
