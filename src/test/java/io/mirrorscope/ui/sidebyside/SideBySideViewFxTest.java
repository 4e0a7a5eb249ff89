package io.mirrorscope.ui.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.controls.LagStrip;
import java.nio.file.Path;
import java.time.ZoneOffset;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
