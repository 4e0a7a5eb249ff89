package io.mirrorscope.ui.controls;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * How every table of the app shows its columns, in one place: columns sized to their content when the table first
 * has rows (a sample of rows and the header text, up to a maximum width, never again after: a width the user set
 * stays), a tooltip on any cell whose text is cut, numbers right-aligned in a tabular (fixed-width digit) font,
 * timestamps with milliseconds at a fixed width in the zone of one shared {@link TimeDisplay}, named in the column
 * header ("Time (UTC)"), and sorting by every column through a {@link SortedList} that keeps its order while live
 * rows arrive.
 *
 * <p>Columns usually come from FXML; these methods fill in their cells. Typical use:
 * <pre>{@code
 * TableColumns.install(table);
 * TableColumns.number(offsetColumn, RecordRow::getOffset);
 * TableColumns.time(timeColumn, "Time", RecordRow::timestamp, timeDisplay);
 * TableColumns.text(keyColumn, RecordRow::getKey);
 * TableColumns.sortable(table, viewModel.visibleRecords());
 * }</pre>
 */
public final class TableColumns {

    /** The stylesheet {@link #install} adds: numeric and timestamp cells. */
    public static final String STYLESHEET = "/css/tables.css";
    /** Style class of numeric columns (header and cells): right-aligned, tabular digits. */
    public static final String NUMERIC = "numeric";
    /** Style class of timestamp columns: tabular digits, so times of one column line up. */
    public static final String TIMESTAMP = "timestamp";
    /** Rows looked at to size a column: enough to see long values, few enough to cost nothing at 100,000 rows. */
    public static final int SAMPLE_ROWS = 200;
    /** The widest a column is made by sizing (wider content gets a tooltip); a column's own max width wins. */
    public static final double MAX_WIDTH = 480;
    /** The font family of tabular cells (JavaFX's logical monospaced font; JavaFX CSS has no font-feature tnum). */
    public static final String TABULAR_FAMILY = "Monospaced";

    /** Cell text padding plus a margin, so a sized column does not cut its widest sample by a pixel. */
    static final double CELL_PADDING = 22;
    /** Header padding plus the sort arrow. */
    static final double HEADER_PADDING = 34;

    private static final String FORMAT_KEY = TableColumns.class.getName() + ".format";

    private TableColumns() {
    }

    /** Adds the stylesheet and sizes the columns to their content once the table has rows (see {@link #fit}). */
    public static void install(TableView<?> table) {
        if (!table.getStylesheets().contains(stylesheet())) {
            table.getStylesheets().add(stylesheet());
        }
        fitOnFirstShow(table, SAMPLE_ROWS, MAX_WIDTH);
    }

    /** The stylesheet's URL. */
    public static String stylesheet() {
        return TableColumns.class.getResource(STYLESHEET).toExternalForm();
    }

    /** A column of text: its value from {@code value}, shown with {@code toString()}, a tooltip when cut. */
    public static <S, T> TableColumn<S, T> text(TableColumn<S, T> column, Function<S, T> value) {
        return formatted(column, value, v -> v == null ? "" : v.toString());
    }

    /**
     * A column whose cells hold {@code value} (what sorting compares) and show {@code format} of it (what sizing
     * measures), with a tooltip of the full text when the cell cuts it.
     */
    public static <S, T> TableColumn<S, T> formatted(TableColumn<S, T> column, Function<S, T> value,
            Function<? super T, String> format) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null
                : value.apply(c.getValue())));
        column.getProperties().put(FORMAT_KEY, format);
        column.setCellFactory(c -> new ClippedCell<>(format));
        return column;
    }

    /** A numeric column: right-aligned tabular digits, sorts by the number, no grouping (offsets get copied). */
    public static <S, T extends Number> TableColumn<S, T> number(TableColumn<S, T> column, Function<S, T> value) {
        formatted(column, value, n -> n == null ? "" : n.toString());
        addStyleClass(column, NUMERIC);
        return column;
    }

    /**
     * A timestamp column: the cell holds epoch milliseconds (so it sorts by time) and shows them as
     * {@link TimeDisplay#format}; the header reads "{@code title} (zone)" and the cells follow the setting.
     */
    public static <S> TableColumn<S, Long> time(TableColumn<S, Long> column, String title,
            ToLongFunction<S> epochMillis, TimeDisplay display) {
        formatted(column, r -> epochMillis.applyAsLong(r), t -> t == null ? "" : display.format(t));
        addStyleClass(column, TIMESTAMP);
        // bind() holds the display weakly: a closed view's columns do not stay reachable from the app-wide setting
        column.textProperty().bind(display.header(title));
        column.textProperty().addListener((o, a, b) -> {
            if (column.getTableView() != null) {
                column.getTableView().refresh();
            }
        });
        return column;
    }

    /**
     * Sorting by every column: while the user has a sort order, the table shows a {@link SortedList} over
     * {@code rows} with the table's comparator, so rows added later land at their sorted place (a live table keeps
     * its sort); without one it shows {@code rows} directly. A SortedList re-maps every changed row even without a
     * comparator (O(rows) per row removed from the front, as a bounded live table does on every pulse), so it exists
     * only while sorted, made anew from the comparator each time the sort changes (one O(n log n) sort, as a click
     * expects); the selected row stays selected. Map a row of {@code rows} to the table with {@link #viewIndex}.
     */
    public static <S> void sortable(TableView<S> table, ObservableList<S> rows) {
        table.setItems(rows);
        // the table sorts through the items it is given, never by sorting a list in place
        table.setSortPolicy(t -> true);
        table.comparatorProperty().addListener((o, old, comparator) -> {
            S selected = table.getSelectionModel().getSelectedItem();
            table.setItems(comparator == null ? rows : new SortedList<>(rows, comparator));
            if (selected != null) {
                table.getSelectionModel().select(selected);
            }
        });
    }

    /** Where row {@code index} of the list given to {@link #sortable} sits in the table now; -1 when not there. */
    public static int viewIndex(TableView<?> table, int index) {
        return table.getItems() instanceof SortedList<?> sorted ? sorted.getViewIndex(index) : index;
    }

    /** Sizes the columns once: the first time the table has a skin and rows. A table with rows at first show is
     *  sized then; an empty one when its first rows arrive. */
    public static void fitOnFirstShow(TableView<?> table, int sampleRows, double maxWidth) {
        boolean[] done = {false};
        Runnable attempt = () -> {
            if (!done[0] && table.getSkin() != null && table.getItems() != null && !table.getItems().isEmpty()) {
                done[0] = true;
                fit(table, sampleRows, maxWidth);
            }
        };
        InvalidationListener changed = o -> attempt.run();
        table.skinProperty().addListener(changed);
        // The items are often a list that outlives the table (a view model's rows): listen to it weakly, so a
        // closed view is not kept by it (a panel that never gets rows would otherwise hold its table for ever).
        // The table holds `changed` strongly through its skin property, so the weak listener lives as long as it.
        InvalidationListener onItems = new javafx.beans.WeakInvalidationListener(changed);
        // an invalidation listener, not a change listener: an empty list replaced by another empty list is "equal"
        List<ObservableList<?>> watched = new java.util.ArrayList<>();
        InvalidationListener itemsReplaced = o -> {
            watched.forEach(l -> l.removeListener(onItems));
            watched.clear();
            ObservableList<?> now = table.getItems();
            if (now != null && !done[0]) {
                now.addListener(onItems);
                watched.add(now);
            }
            attempt.run();
        };
        table.itemsProperty().addListener(itemsReplaced);
        itemsReplaced.invalidated(table.itemsProperty());
    }

    /**
     * Sizes every visible, resizable leaf column to the wider of its header and the widest of up to
     * {@code sampleRows} rows spread over the table, within its min width and the smaller of {@code maxWidth} and
     * its own max width.
     */
    public static <S> void fit(TableView<S> table, int sampleRows, double maxWidth) {
        Font font = tableFont(table);
        Font tabular = Font.font(TABULAR_FAMILY, font.getSize());
        Text probe = new Text();
        List<Integer> sample = sampleIndices(table.getItems().size(), sampleRows);
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            if (!column.isResizable()) {
                continue;
            }
            double width = measure(probe, font, column.getText()) + HEADER_PADDING;
            Font cellFont = column.getStyleClass().contains(NUMERIC) || column.getStyleClass().contains(TIMESTAMP)
                    ? tabular : font;
            for (int i : sample) {
                width = Math.max(width, measure(probe, cellFont, cellText(column, i)) + CELL_PADDING);
            }
            double cap = Math.min(maxWidth, column.getMaxWidth());
            column.setPrefWidth(Math.max(column.getMinWidth(), Math.min(cap, Math.ceil(width))));
        }
    }

    /** The text a cell of {@code column} shows at row {@code index}, as {@link #formatted} formats it. */
    @SuppressWarnings("unchecked")
    public static <S, T> String cellText(TableColumn<S, T> column, int index) {
        T value = column.getCellData(index);
        Object format = column.getProperties().get(FORMAT_KEY);
        if (format instanceof Function<?, ?> f) {
            return ((Function<T, String>) f).apply(value);
        }
        return value == null ? "" : value.toString();
    }

    /** Indices of up to {@code count} rows spread evenly from the first to the last. */
    static List<Integer> sampleIndices(int size, int count) {
        if (size <= count) {
            return java.util.stream.IntStream.range(0, size).boxed().toList();
        }
        double step = (size - 1) / (double) (count - 1);
        return java.util.stream.IntStream.range(0, count).map(i -> (int) Math.round(i * step)).distinct().boxed()
                .toList();
    }

    private static double measure(Text probe, Font font, String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        probe.setFont(font);
        probe.setText(text);
        return probe.getLayoutBounds().getWidth();
    }

    /** The font the table's theme gives its labels (a header label once the skin exists), else the default. */
    private static Font tableFont(TableView<?> table) {
        Node label = table.lookup(".column-header .label");
        return label instanceof Labeled l && l.getFont() != null ? l.getFont() : Font.getDefault();
    }

    private static void addStyleClass(TableColumn<?, ?> column, String styleClass) {
        if (!column.getStyleClass().contains(styleClass)) {
            column.getStyleClass().add(styleClass);
        }
    }

    /** A text cell that shows its full text in a tooltip while the cell is too narrow for it. */
    static final class ClippedCell<S, T> extends TableCell<S, T> {
        private final Function<? super T, String> format;
        private final Tooltip full = new Tooltip();

        ClippedCell(Function<? super T, String> format) {
            this.format = format;
            full.setWrapText(true);
            full.setMaxWidth(720);
            full.textProperty().bind(textProperty());
            textTruncatedProperty().subscribe(cut -> setTooltip(cut ? full : null));
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : format.apply(item));
        }
    }
}
