package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.ui.common.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The columns of the side-by-side table: the source record on the left, its copy on the right, the delay last.
 * Fixed cell size, so the table virtualises a million rows; every column sorts (a SortedList over the filtered
 * rows while a sort order is set, and live rows keep that order); target cells are coloured through a pseudo class
 * per pair state.
 */
final class PairColumns {

    static final double ROW_HEIGHT = 24;

    private PairColumns() {
    }

    static void install(TableView<PairItem> table, SideBySideViewModel vm) {
        table.setFixedCellSize(ROW_HEIGHT);
        // widths sum to ~1,000 px: every column, delay included, fits the work area of a 1440 px window
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<PairItem, String> source = new TableColumn<>("Source");
        source.getColumns().add(column("P", 40, true, false, r -> Integer.toString(r.partition()),
                null));
        source.getColumns().add(column("Offset", 80, true, false, r -> Long.toString(r.offset()),
                null));
        String zone = vm.zone().equals(java.time.ZoneOffset.UTC) ? "UTC" : vm.zone().getId();
        source.getColumns().add(column("Time (" + zone + ")", 176, false, false,
                r -> vm.time(r.timestamp()), null));
        source.getColumns().add(column("Key", 110, false, false, PairItem::key, null));
        source.getColumns().add(column("Value", 200, false, false, r -> r.preview().value(), null));
        TableColumn<PairItem, String> target = new TableColumn<>("Target");
        target.getColumns().add(column("P", 40, true, true,
                r -> r.targetPartition() < 0 ? "" : Integer.toString(r.targetPartition()), null));
        target.getColumns().add(column("Offset", 96, true, true, PairItem::targetOffsetsText, null));
        target.getColumns().add(column("State", 86, false, true, r -> r.status().label(), null));
        TableColumn<PairItem, String> delay = column("Delay", 72, true, false,
                r -> r.delayMs() < 0 ? "" : r.delayMs() + " ms", null);
        TableColumn<PairItem, String> method = column("Method", 104, false, false,
                r -> r.delayMs() < 0 ? "" : FindingsExport.label(r.method()), null);
        table.getColumns().setAll(java.util.List.of(source, target, delay, method));
        // Unsorted, the table shows the filtered rows directly: a SortedList re-maps every changed row on each pulse
        // even without a comparator (SideBySideTableBenchmark), so it is built only while a sort order is set, behind
        // a gate that is closed when the order is cleared (a SortedList cannot be unhooked from its source).
        table.setItems(vm.visibleRows());
        SortGate[] gate = {null};
        table.comparatorProperty().subscribe(c -> {
            if (c == null) {
                table.setItems(vm.visibleRows());
                if (gate[0] != null) {
                    gate[0].close();
                    gate[0] = null;
                }
            } else if (gate[0] == null) {
                gate[0] = new SortGate(vm.visibleRows());
                table.setItems(new SortedList<>(gate[0], c));
            } else {
                ((SortedList<PairItem>) table.getItems()).setComparator(c);
            }
        });
        // the table sorts through the SortedList's comparator, never by sorting its items in place
        table.setSortPolicy(t -> true);
        ContextMenu rowMenu = rowMenu(vm);
        table.setRowFactory(t -> new PairTableRow(rowMenu));
        // the context-menu key and Shift+F10 open the menu on the table itself (the focused node), not on a row
        table.setContextMenu(rowMenu);
    }

    /** The rows' context menu: "Open traces" of the selected pair, disabled (saying why) when it cannot. */
    private static ContextMenu rowMenu(SideBySideViewModel vm) {
        MenuItem open = new MenuItem("Open traces");
        open.setId("openTraceMenuItem");
        open.disableProperty().bind(vm.canOpenTraceProperty().not());
        open.setOnAction(e -> vm.openTrace());
        // a disabled menu item shows no tooltip: the reason stands in a second, disabled line under it
        MenuItem why = new MenuItem();
        why.setId("openTraceReason");
        why.setDisable(true);
        why.textProperty().bind(vm.openTraceHintProperty());
        why.visibleProperty().bind(vm.canOpenTraceProperty().not());
        return new ContextMenu(open, why);
    }

    private static TableColumn<PairItem, String> column(String title, double width, boolean numeric,
            boolean targetSide, Function<PairItem, String> text, java.util.Comparator<String> order) {
        TableColumn<PairItem, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        if (order != null) {
            c.setComparator(order);
        }
        if (numeric) {
            c.getStyleClass().add(Styles.NUMERIC);
            c.setComparator(java.util.Comparator.comparingLong(PairColumns::leadingNumber));
        }
        if (targetSide) {
            c.getStyleClass().add(Styles.TARGET_SIDE);
        }
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // a tooltip only where the text may be cut: long values and keys
                setTooltip(empty || item == null || item.length() < 24 ? null : new Tooltip(item));
            }
        });
        return c;
    }

    /** The number a numeric cell starts with ("812, 815" → 812, "40 ms" → 40), -1 for an empty cell. */
    static long leadingNumber(String text) {
        long n = 0;
        int i = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            n = n * 10 + (text.charAt(i++) - '0');
        }
        return i == 0 ? -1 : n;
    }

    /** A row whose pseudo class names its pair state, for the target side's colour. */
    private static final class PairTableRow extends TableRow<PairItem> {
        private final ContextMenu menu;

        PairTableRow(ContextMenu menu) {
            this.menu = menu;
        }

        @Override
        protected void updateItem(PairItem item, boolean empty) {
            super.updateItem(item, empty);
            setContextMenu(empty || item == null ? null : menu);
            PairStatus status = empty || item == null ? null : item.status();
            for (PairStatus s : PairStatus.values()) {
                pseudoClassStateChanged(Styles.pair(s.styleClass()), s == status);
            }
        }
    }
}
