package io.mirrorscope.ui.browser;

import io.mirrorscope.ui.controls.TableColumns;
import io.mirrorscope.ui.controls.TimeDisplay;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The hands of the record table: columns through {@link TableColumns} (every column sorts, live rows keep the sort),
 * following the newest record, the record's context menu and its copy shortcuts.
 *
 * <p>Newest at the bottom, in arrival order, as {@code kcat -C}, {@code kafka-console-consumer} and {@code tail -f}
 * show it and as offsets read: operators tail at the bottom, and a row being read does not move when newer rows
 * arrive below it while following is off. Sorting by Time or Offset descending puts the newest on top for those who
 * want it; following then keeps the newest in view wherever the sort puts it. Following is on when a live read
 * starts and off as soon as the user scrolls away from the newest or picks a row (to read it); scrolling back to the
 * newest or "Jump to newest" turns it on again.
 */
final class RecordTable {

    /** Copies the value ({@code Ctrl+C}). */
    static final KeyCombination COPY_VALUE = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    /** Copies the row as JSON ({@code Ctrl+Shift+C}). */
    static final KeyCombination COPY_JSON = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination MENU = new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN);

    private final TableView<RecordRow> table;
    private final TopicBrowserViewModel vm;
    private final FilteredList<RecordRow> visible;
    private final SortedList<RecordRow> sorted;
    private final ContextMenu menu = new ContextMenu();

    @SuppressWarnings("unchecked")
    RecordTable(TableView<RecordRow> table, TopicBrowserViewModel vm, TimeDisplay time) {
        this.table = table;
        this.vm = vm;
        this.visible = (FilteredList<RecordRow>) vm.visibleRecords();
        List<TableColumn<RecordRow, ?>> c = table.getColumns();
        TableColumns.number((TableColumn<RecordRow, Integer>) c.get(0), RecordRow::getPartition);
        TableColumns.number((TableColumn<RecordRow, Long>) c.get(1), RecordRow::getOffset);
        TableColumns.time((TableColumn<RecordRow, Long>) c.get(2), "Time", RecordRow::getTimestamp, time);
        TableColumns.text((TableColumn<RecordRow, String>) c.get(3), RecordRow::getKey);
        TableColumns.text((TableColumn<RecordRow, String>) c.get(4), RecordRow::getValue);
        TableColumns.text((TableColumn<RecordRow, String>) c.get(5), RecordRow::getHeaders);
        TableColumns.install(table);
        sorted = TableColumns.sortable(table, visible);
        // a resort or a new filter result keeps the newest in view while following
        table.comparatorProperty().addListener((o, a, b) -> followLater());
        visible.predicateProperty().addListener((o, a, b) -> followLater());
        vm.followNewestProperty().addListener((o, a, on) -> followLater());
        watchTheUser();
        buildMenu();
    }

    /** The rows as the table shows them (sorted). */
    SortedList<RecordRow> sorted() {
        return sorted;
    }

    /** Scrolls so the newest visible record is in view (it may sit at the bottom or, sorted, anywhere). */
    void scrollToNewest() {
        int index = newestIndex();
        if (index >= 0) {
            table.scrollTo(index);
        }
    }

    /** Where the newest record that passes the filters sits in the table, -1 when none. */
    int newestIndex() {
        if (visible.isEmpty()) {
            return -1;
        }
        // the filtered list keeps arrival order, so its last row is the newest shown
        return sorted.getViewIndex(visible.size() - 1);
    }

    /** Whether the newest visible record is on screen. */
    boolean newestInView() {
        int index = newestIndex();
        if (index < 0) {
            return true;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null) {
            return true;
        }
        return index >= flow.getFirstVisibleCell().getIndex() && index <= flow.getLastVisibleCell().getIndex();
    }

    private void followLater() {
        if (vm.followNewestProperty().get()) {
            Platform.runLater(this::scrollToNewest);
        }
    }

    /** The user moves away from the newest: following stops; back at the newest, it resumes. */
    private void watchTheUser() {
        table.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::followIfNewestInView));
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (inside(e.getTarget(), ScrollBar.class)) {
                Platform.runLater(this::followIfNewestInView);
            } else if (inside(e.getTarget(), TableRow.class)) {
                vm.followNewestProperty().set(false); // a row picked to be read must not scroll away
            }
        });
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, DOWN, PAGE_UP, PAGE_DOWN, HOME -> vm.followNewestProperty().set(false);
                case END -> Platform.runLater(this::followIfNewestInView);
                default -> { }
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            RecordRow row = table.getSelectionModel().getSelectedItem();
            if (COPY_JSON.match(e)) {
                copy(row, TopicBrowserViewModel::rowJson);
                e.consume();
            } else if (COPY_VALUE.match(e)) {
                copy(row, TopicBrowserViewModel::valueText);
                e.consume();
            } else if (MENU.match(e) || e.getCode() == KeyCode.CONTEXT_MENU) {
                showMenuAtSelection();
                e.consume();
            }
        });
    }

    private void followIfNewestInView() {
        vm.followNewestProperty().set(newestInView());
    }

    private static boolean inside(Object target, Class<?> type) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (type.isInstance(n)) {
                return true;
            }
        }
        return false;
    }

    // The context menu is shown by hand, not set as the table's context menu: a control's context menu puts its
    // accelerators on the whole scene, and Ctrl+C must stay "copy" in the filter field.
    private void buildMenu() {
        menu.getItems().setAll(
                item("Copy value", COPY_VALUE, r -> copy(r, TopicBrowserViewModel::valueText)),
                item("Copy key", null, r -> copy(r, TopicBrowserViewModel::keyText)),
                item("Copy row as JSON", COPY_JSON, r -> copy(r, TopicBrowserViewModel::rowJson)),
                item("Copy offset", null, r -> copy(r, row -> Long.toString(row.getOffset()))),
                new SeparatorMenuItem(),
                action("Find on the mirror", () -> vm.findOnMirrorBlocked(selected()),
                        () -> vm.findOnMirror(selected())),
                action("Open its trace", () -> vm.openTraceBlocked(selected()), () -> vm.openTrace(selected())));
        menu.setOnShowing(e -> menu.getItems().forEach(i -> {
            if (i.getUserData() instanceof Runnable refresh) {
                refresh.run();
            }
        }));
        table.setOnContextMenuRequested(e -> {
            if (selected() != null) {
                menu.show(table, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
    }

    private void showMenuAtSelection() {
        if (selected() == null) {
            return;
        }
        Node row = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() == selected()).findFirst().orElse(table);
        menu.show(row, Side.BOTTOM, 24, 0);
    }

    private RecordRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private MenuItem item(String text, KeyCombination accelerator, java.util.function.Consumer<RecordRow> run) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator); // shown in the menu; the table's key handler does the work
        item.setOnAction(e -> run.accept(selected()));
        return item;
    }

    /** An action that may be blocked: it stays readable, says why in a tooltip, and does nothing while blocked. */
    private MenuItem action(String text, Supplier<String> blocked, Runnable run) {
        Label label = new Label(text);
        CustomMenuItem item = new CustomMenuItem(label);
        item.setUserData((Runnable) () -> {
            String reason = blocked.get();
            label.setOpacity(reason == null ? 1 : 0.5); // readable, visibly not available (inline: menus are popups)
            label.setTooltip(reason == null ? null : new Tooltip(reason));
            label.setAccessibleHelp(reason);
            item.setHideOnClick(reason == null);
        });
        item.setOnAction(e -> {
            if (blocked.get() == null) {
                run.run();
            }
        });
        return item;
    }

    /** Puts {@code what} of {@code row} on the clipboard as text. */
    static void copy(RecordRow row, Function<RecordRow, String> what) {
        if (row == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(what.apply(row));
        Clipboard.getSystemClipboard().setContent(content);
    }
}
