package io.mirrorscope.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** TableColumns on a real table: sizing to content, tooltips on cut cells, numeric cells, the time setting, sort. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class TableColumnsFxTest {

    record Row(long offset, long time, String name) {
    }

    private static final long T0 = Instant.parse("2026-11-29T08:48:31.042Z").toEpochMilli();
    private final TimeDisplay display = new TimeDisplay(ZoneId.of("Europe/Berlin"), true);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private TableView<Row> table;
    private TableColumn<Row, Long> offset;
    private TableColumn<Row, Long> time;
    private TableColumn<Row, String> name;
    private TableColumn<Row, String> narrow;
    private SortedList<Row> sorted;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        offset = TableColumns.number(new TableColumn<>("Offset"), Row::offset);
        time = TableColumns.time(new TableColumn<>(), "Time", Row::time, display);
        name = TableColumns.text(new TableColumn<>("Name"), Row::name);
        narrow = TableColumns.text(new TableColumn<>("Narrow"), Row::name);
        narrow.setResizable(false);
        narrow.setPrefWidth(40);
        table.getColumns().setAll(List.of(offset, time, name, narrow));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumns.install(table);
        sorted = TableColumns.sortable(table, rows);
        stage.setScene(new Scene(table, 1200, 400));
        stage.show();
    }

    @Test
    void sizesColumnsToTheirContentWhenTheFirstRowsArriveAndNeverAgain(FxRobot robot) {
        double before = name.getPrefWidth();
        String longest = "orders-europe-west-with-a-rather-long-name";
        robot.interact(() -> rows.setAll(new Row(7, T0, "a"), new Row(1_000_000_123L, T0 + 1, longest),
                new Row(42, T0 + 2, "x".repeat(400))));
        WaitForAsyncUtils.waitForFxEvents();
        Text probe = new Text(longest);
        assertThat(name.getPrefWidth()).as("capped at the maximum, the 400-character name gets a tooltip")
                .isEqualTo(TableColumns.MAX_WIDTH).isNotEqualTo(before);
        assertThat(time.getPrefWidth()).isGreaterThan(new Text("2026-11-29 08:48:31.042").getLayoutBounds()
                .getWidth()).isLessThan(TableColumns.MAX_WIDTH);
        assertThat(offset.getPrefWidth()).isGreaterThan(new Text("Offset").getLayoutBounds().getWidth())
                .isLessThan(probe.getLayoutBounds().getWidth());
        assertThat(narrow.getPrefWidth()).as("a fixed column keeps its width").isEqualTo(40);

        double fitted = offset.getPrefWidth();
        robot.interact(() -> offset.setPrefWidth(300));
        robot.interact(() -> rows.add(new Row(99_999_999_999L, T0 + 3, "later")));
        assertThat(offset.getPrefWidth()).as("a width the user set stays").isEqualTo(300).isNotEqualTo(fitted);
    }

    @Test
    void cutCellsCarryTheirFullTextAsTooltipAndNumbersAlignRight(FxRobot robot) {
        String cut = "a value far too long for a forty pixel column";
        robot.interact(() -> rows.setAll(new Row(5, T0, cut)));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> narrowCell = cell(robot, narrow, 0);
        assertThat(narrowCell.isTextTruncated()).isTrue();
        assertThat(narrowCell.getTooltip()).isNotNull();
        assertThat(narrowCell.getTooltip().getText()).isEqualTo(cut);
        TableCell<?, ?> wideCell = cell(robot, name, 0);
        assertThat(wideCell.isTextTruncated()).isFalse();
        assertThat(wideCell.getTooltip()).isNull();

        TableCell<?, ?> number = cell(robot, offset, 0);
        assertThat(number.getStyleClass()).contains(TableColumns.NUMERIC);
        assertThat(number.getAlignment()).isEqualTo(Pos.CENTER_RIGHT);
        assertThat(number.getFont().getFamily()).isNotEqualTo(wideCell.getFont().getFamily());
    }

    @Test
    void timesFollowTheSharedSettingInHeaderAndCells(FxRobot robot) {
        robot.interact(() -> rows.setAll(new Row(1, T0, "a")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(time.getText()).isEqualTo("Time (UTC)");
        assertThat(cell(robot, time, 0).getText()).isEqualTo("2026-11-29 08:48:31.042");
        robot.interact(() -> display.utcProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(time.getText()).isEqualTo("Time (Europe/Berlin)");
        assertThat(cell(robot, time, 0).getText()).isEqualTo("2026-11-29 09:48:31.042");
    }

    @Test
    void everyColumnSortsAndLiveRowsKeepTheSort(FxRobot robot) {
        robot.interact(() -> rows.setAll(new Row(3, T0 + 30, "c"), new Row(1, T0 + 10, "a"),
                new Row(2, T0 + 20, "b")));
        // the sort order as a header click sets it (the headless robot's clicks do not reach column headers)
        robot.interact(() -> table.getSortOrder().setAll(List.of(name)));
        assertThat(table.getItems()).extracting(Row::name).containsExactly("a", "b", "c");
        robot.interact(() -> rows.addAll(new Row(0, T0, "bb"), new Row(9, T0 + 90, "aa")));
        assertThat(table.getItems()).extracting(Row::name).containsExactly("a", "aa", "b", "bb", "c");
        robot.interact(() -> {
            time.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(time));
        });
        assertThat(table.getItems()).extracting(Row::offset).containsExactly(9L, 3L, 2L, 1L, 0L);
        robot.interact(() -> {
            offset.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(offset));
        });
        assertThat(table.getItems()).extracting(Row::offset).containsExactly(0L, 1L, 2L, 3L, 9L);
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(table.getItems()).extracting(Row::name).containsExactly("c", "a", "b", "bb", "aa");
        assertThat(sorted.getViewIndex(4)).isEqualTo(4);
    }

    @Test
    void samplesSpreadOverTheWholeTable() {
        assertThat(TableColumns.sampleIndices(3, 200)).containsExactly(0, 1, 2);
        List<Integer> sample = TableColumns.sampleIndices(100_000, 200);
        assertThat(sample).hasSize(200).startsWith(0).endsWith(99_999).isSorted();
        Set<Integer> distinct = sample.stream().collect(Collectors.toSet());
        assertThat(distinct).hasSize(200);
    }

    private static TableCell<?, ?> cell(FxRobot robot, TableColumn<?, ?> column, int index) {
        return robot.lookup(".table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() == column
                && c.getIndex() == index && !c.isEmpty()).query();
    }
}
