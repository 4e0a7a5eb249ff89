package io.mirrorscope.ui.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.controls.LagStrip;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The side-by-side view on the headless platform with a fake feed over the real matcher holding matched, missing,
 * duplicated and pending rows: counters, row colours, detail, a quiet notice, a screenshot to look at.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class SideBySideViewFxTest {

    private FakeCompareFeed feed;
    private SideBySideView view;

    @Start
    void start(Stage stage) {
        feed = SideBySideScenario.mirror();
        SideBySideViewModel vm = new SideBySideViewModel(feed, Runnable::run, Platform::runLater, 100_000,
                ZoneOffset.UTC);
        view = SideBySideView.open(vm, () -> { });
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        Platform.runLater(view::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsPairsCountersChartsAndDetail(FxRobot robot) {
        SideBySideViewModel vm = view.controller().viewModel();
        robot.interact(vm::start);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { }); // a pulse has merged the snapshot
        assertThat(vm.rows()).hasSize(120);
        assertThat(robot.lookup("#missingValue").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#duplicatesValue").queryAs(Label.class).getText()).isEqualTo("1");
        assertThat(robot.lookup("#pendingValue").queryAs(Label.class).getText()).isEqualTo("3");
        assertThat(robot.lookup("#matchedValue").queryAs(Label.class).getText()).isEqualTo("116");
        assertThat(robot.lookup("#lagStrip").queryAs(LagStrip.class).cells()).hasSize(3);

        @SuppressWarnings("unchecked")
        TableView<PairItem> table = robot.lookup("#pairTable").queryAs(TableView.class);
        int missingIndex = indexOf(table, 1, 35);
        robot.interact(() -> {
            table.scrollTo(table.getItems().size() - 1); // the missing, duplicated and pending rows are the last
            table.getSelectionModel().select(missingIndex);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class))
                .anySatisfy(r -> assertThat(r.getPseudoClassStates()).contains(Styles.pair("pair-duplicate")));
        assertThat(vm.detail()).isNotEmpty();
        assertThat(vm.detail().getFirst().target()).isEqualTo("(no copy)");
        robot.interact(() -> table.getSelectionModel().select(indexOf(table, 2, 36)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.detail()).filteredOn(PairDiff.Line::differs).extracting(PairDiff.Line::field)
                .containsExactly("Header traceparent");

        // a copy that skips P0/37-38 makes them missing while live: a quiet notice, no dialog; three new source
        // records wait for their copies (pending)
        robot.interact(() -> {
            for (int p = 0; p < 3; p++) {
                feed.source(FakeCompareFeed.record(p, 40, FakeCompareFeed.T0 + 40 * 250L + p, "order-" + (p * 100 + 40),
                        "{\"order\":" + (p * 100 + 40) + ",\"region\":\"europe\",\"amount\":121}"));
            }
            feed.copy(SideBySideScenario.copyOf(FakeCompareFeed.record(0, 39, FakeCompareFeed.T0 + 39 * 250L,
                    "order-39", "{\"order\":39,\"region\":\"europe\",\"amount\":118}", "traceparent", "x",
                    "tenant", "globex"), 0, 37), 90);
            feed.publish();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        assertThat(notice.isVisible()).isTrue();
        assertThat(notice.getText()).startsWith("2 new missing records · P0 offset 37");
        assertThat(robot.listWindows()).hasSize(1);

        // sorting by delay keeps the order while live rows arrive; clearing the sort shows arrival order again
        javafx.scene.control.TableColumn<PairItem, ?> delay = table.getColumns().stream()
                .filter(c -> c.getText().equals("Delay")).findFirst().orElseThrow();
        robot.interact(() -> table.getSortOrder().setAll(delay));
        assertThat(table.getItems()).hasSize(123);
        assertThat(table.getItems().getLast().delayMs()).isEqualTo(137);
        robot.interact(() -> {
            feed.copy(SideBySideScenario.copyOf(FakeCompareFeed.record(1, 40, FakeCompareFeed.T0 + 40 * 250L + 1,
                    "order-140", "{\"order\":140,\"region\":\"europe\",\"amount\":121}"), 1, 39), 500);
            feed.publish();
        });
        robot.interact(() -> { });
        assertThat(table.getItems().getLast().delayMs()).isEqualTo(500);
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(table.getItems().getLast().offset()).isEqualTo(40);
        assertThat(table.getItems().getLast().partition()).isEqualTo(2);
        // sorted again: a new sorted list over the rows as they are now (the first one no longer follows them)
        int rows = table.getItems().size();
        robot.interact(() -> table.getSortOrder().setAll(delay));
        assertThat(table.getItems()).hasSize(rows);
        assertThat(table.getItems().getLast().delayMs()).isEqualTo(500);
        robot.interact(() -> table.getSortOrder().clear());
        assertThat(table.getItems()).isSameAs(view.controller().viewModel().visibleRows());

        robot.interact(() -> {
            table.getSelectionModel().select(indexOf(table, 0, 34));
            table.scrollTo(table.getItems().size() - 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path png = Screenshots.save(view.node(), "side-by-side");
        assertThat(png).exists();
    }

    @Test
    void openTracesFromTheDetailHeaderAndTheRowMenuAndRevealARowThatArrivesLater(FxRobot robot) {
        SideBySideViewModel vm = view.controller().viewModel();
        List<CompareFeed.Pair> opened = new ArrayList<>();
        robot.interact(() -> {
            vm.onOpenTrace(opened::add);
            vm.start();
            // P1/40 arrives with a valid traceparent; P0/40 with none (the scenario's own ones do not parse)
            feed.source(FakeCompareFeed.record(0, 40, FakeCompareFeed.T0 + 40 * 250L, "order-40", "{}"));
            feed.source(FakeCompareFeed.record(1, 40, FakeCompareFeed.T0 + 40 * 250L + 1, "order-140", "{}",
                    "traceparent", SideBySideViewModelTest.TRACEPARENT));
            feed.publish();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        @SuppressWarnings("unchecked")
        TableView<PairItem> table = robot.lookup("#pairTable").queryAs(TableView.class);
        Button button = robot.lookup("#openTraceButton").queryAs(Button.class);
        Tooltip tip = robot.lookup("#detailPane").queryAs(PairDetailPane.class).openTraceTooltip();
        assertThat(robot.lookup("#openTraceHolder").query().getProperties()).as("installed on the enabled wrapper")
                .containsValue(tip);
        assertThat(button.isDisabled()).isTrue();
        robot.interact(() -> table.getSelectionModel().select(indexOf(table, 0, 40)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button.isDisabled()).as("no trace header on either record").isTrue();
        assertThat(tip.getText()).isEqualTo("Open traces: no trace header on either record");
        assertThat(button.getAccessibleText()).isEqualTo("Open traces of the selected pair");
        Path disabledPng = Screenshots.save(view.node(), "side-by-side-open-traces-disabled");
        assertThat(disabledPng).exists();

        robot.interact(() -> table.getSelectionModel().select(indexOf(table, 1, 40)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button.isDisabled()).isFalse();
        // keyboard: focus the button and press space
        robot.interact(button::requestFocus);
        robot.press(KeyCode.SPACE).release(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).hasSize(1);
        assertThat(opened.getFirst().source().partition()).isEqualTo(1);
        assertThat(opened.getFirst().source().offset()).isEqualTo(40);
        assertThat(opened.getFirst().target()).as("not copied yet").isEmpty();

        // the row's context menu (the filter brings the row into view: virtual rows are only built when shown)
        robot.interact(() -> vm.textFilterProperty().set("order-140"));
        WaitForAsyncUtils.waitForFxEvents();
        TableRow<?> traced = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof PairItem i && i.partition() == 1 && i.offset() == 40)
                .findFirst().orElseThrow();
        robot.rightClickOn(traced);
        WaitForAsyncUtils.waitForFxEvents();
        Path menuPng = Screenshots.save(view.node(), "side-by-side-open-traces");
        assertThat(menuPng).exists();
        robot.clickOn("Open traces");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).source().offset()).isEqualTo(40);
        robot.interact(() -> vm.textFilterProperty().set(""));

        // reveal a record not read yet: selected and scrolled to when a snapshot brings it
        robot.interact(() -> {
            table.scrollTo(0);
            vm.reveal(2, 41);
        });
        robot.interact(() -> {
            feed.source(FakeCompareFeed.record(2, 40, FakeCompareFeed.T0 + 40 * 250L + 2, "order-240", "{}"));
            feed.source(FakeCompareFeed.record(2, 41, FakeCompareFeed.T0 + 41 * 250L + 2, "order-241", "{}"));
            feed.publish();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItem()).extracting(PairItem::partition, PairItem::offset)
                .containsExactly(2, 41L);
        assertThat(robot.lookup(".table-row-cell").queryAllAs(TableRow.class)).as("scrolled to")
                .anySatisfy(r -> assertThat(r.getItem()).isEqualTo(table.getSelectionModel().getSelectedItem()));

        // a user selection cancels a waiting reveal
        robot.interact(() -> vm.reveal(0, 42));
        robot.interact(() -> table.getSelectionModel().select(indexOf(table, 0, 3)));
        robot.interact(() -> {
            feed.source(FakeCompareFeed.record(0, 41, FakeCompareFeed.T0 + 41 * 250L, "order-41", "{}"));
            feed.source(FakeCompareFeed.record(0, 42, FakeCompareFeed.T0 + 42 * 250L, "order-42", "{}"));
            feed.publish();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        assertThat(vm.rows()).anyMatch(r -> r.partition() == 0 && r.offset() == 42);
        assertThat(table.getSelectionModel().getSelectedItem()).extracting(PairItem::partition, PairItem::offset)
                .containsExactly(0, 3L);
    }

    private static int indexOf(TableView<PairItem> table, int partition, long offset) {
        for (int i = 0; i < table.getItems().size(); i++) {
            PairItem r = table.getItems().get(i);
            if (r.partition() == partition && r.offset() == offset) {
                return i;
            }
        }
        throw new AssertionError("no row " + partition + "/" + offset);
    }
}
