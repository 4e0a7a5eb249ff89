package io.mirrorscope.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaTopicReading;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.PngExport;
import io.mirrorscope.ui.controls.TimeDisplay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The topic browser's hands on a real broker and the headless platform: sorting while live rows arrive, following
 * the newest and letting go when the user scrolls up, the partition choice filtering the table and narrowing the
 * seek, copying to the clipboard from keys and the context menu, filtering whole values; and its screenshot.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
@Tag("kafka")
class TopicBrowserHandsFxTest {

    private static final int PER_PARTITION = 100;
    private static KafkaTestCluster kafka;
    private static KafkaProducer<byte[], byte[]> producer;
    private static final String NEEDLE = "needle-far-beyond-the-preview";
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private KafkaTopicReading reading;
    private TopicBrowserController controller;
    private TopicBrowserViewModel vm;
    private TableView<RecordRow> table;
    private Parent root;
    private final List<RecordRef> openedTraces = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = KafkaTestCluster.builder("europe-cluster").start();
        kafka.createTopic("payments", 3);
        producer = kafka.bytesProducer("PLAIN");
        for (int i = 0; i < 3 * PER_PARTITION; i++) {
            String value = i == 7 ? "{\"pad\":\"" + "p".repeat(12_000) + "\",\"tag\":\"" + NEEDLE + "\"}"
                    : "{\"payment\":" + i + ",\"amount\":" + (i * 37 % 1000) + ",\"currency\":\"EUR\"}";
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>("payments", i % 3, bytes("pay-" + i),
                    bytes(value));
            if (i % 2 == 0) {
                r.headers().add("traceparent", bytes("00-4bf92f3577b34da6a3ce929d0e0e" + (4000 + i)
                        + "-00f067aa0ba902b7-01"));
            }
            producer.send(r);
        }
        producer.flush();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        kafka.close();
    }

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) {
        reading = new KafkaTopicReading(ConnectionSettings.plaintext(kafka.bootstrap("PLAIN")),
                ConsumerOptions.DEFAULTS.withApiTimeout(Duration.ofSeconds(15)));
        vm = new TopicBrowserViewModel(reading, new BackgroundWork(io, Platform::runLater),
                TopicBrowserViewModel.Options.defaults("europe"));
        vm.onOpenTrace(openedTraces::add);
        FxmlViews.Loaded<TopicBrowserController> loaded = FxmlViews.load(Fxml.TOPIC_BROWSER,
                new TopicBrowserController(vm, new TimeDisplay(ZoneId.of("Europe/Berlin"), true)));
        root = loaded.root();
        controller = loaded.controller();
        AppWindow.showStyled(stage, root, 1280, 800);
        table = (TableView<RecordRow>) root.lookup("#recordTable"); // split pane items are children once shown
    }

    @AfterEach
    void tearDown() {
        Platform.runLater(controller::close);
        WaitForAsyncUtils.waitForFxEvents();
        io.close();
        reading.close();
    }

    private void readLive(FxRobot robot, int expected) {
        robot.interact(vm::loadTopics);
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.topics().contains("payments"));
        robot.interact(() -> {
            vm.selectedTopicProperty().set("payments");
            vm.seekModeProperty().set(SeekMode.BEGINNING);
            vm.followProperty().set(true);
        });
        robot.clickOn("#goButton");
        await().atMost(Duration.ofSeconds(90)).until(() -> vm.records().size() >= expected);
    }

    private static int produced = 3 * PER_PARTITION;

    private void produce(int count) {
        for (int i = 0; i < count; i++) {
            int n = produced++;
            producer.send(new ProducerRecord<>("payments", n % 3, bytes("pay-" + n), bytes("{\"payment\":" + n + "}")));
        }
        producer.flush();
    }

    /** Whether the newest record is on screen (VirtualFlow's visible cells, as the user sees them). */
    private boolean newestOnScreen() {
        CompletableFuture<Boolean> seen = new CompletableFuture<>();
        Platform.runLater(() -> {
            RecordRow newest = vm.visibleRecords().getLast();
            int index = table.getItems().indexOf(newest);
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            seen.complete(flow.getFirstVisibleCell() != null && index >= flow.getFirstVisibleCell().getIndex()
                    && index <= flow.getLastVisibleCell().getIndex());
        });
        return seen.join();
    }

    @Test
    void sortsByEveryColumnAndKeepsTheSortWhileLiveRowsArrive(FxRobot robot) {
        readLive(robot, 3 * PER_PARTITION);
        @SuppressWarnings("unchecked")
        TableColumn<RecordRow, Long> offset = (TableColumn<RecordRow, Long>) table.getColumns().get(1);
        robot.interact(() -> {
            offset.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(offset));
        });
        Comparator<RecordRow> byOffsetDown = Comparator.comparingLong(RecordRow::getOffset).reversed();
        assertThat(table.getItems()).isSortedAccordingTo(byOffsetDown);
        int before = vm.records().size();
        produce(30);
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.records().size() == before + 30);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(before + 30).isSortedAccordingTo(byOffsetDown);
        assertThat(table.getItems().getFirst().getOffset()).isEqualTo(PER_PARTITION + 9);
        for (int c = 0; c < table.getColumns().size(); c++) {
            TableColumn<RecordRow, ?> column = table.getColumns().get(c);
            robot.interact(() -> table.getSortOrder().setAll(List.of(column)));
            assertThat(column.isSortable()).isTrue();
            List<String> shown = table.getItems().stream()
                    .map(r -> String.valueOf(column.getCellObservableValue(r).getValue())).toList();
            assertThat(shown).as(column.getText()).isNotEqualTo(vm.visibleRecords().stream()
                    .map(r -> String.valueOf(column.getCellObservableValue(r).getValue())).toList());
        }
        assertThat(table.getColumns().get(2).getText()).isEqualTo("Time (UTC)");
    }

    @Test
    void followsTheNewestUntilTheUserScrollsUpThenJumpsBack(FxRobot robot) {
        readLive(robot, 3 * PER_PARTITION);
        await().atMost(Duration.ofSeconds(5)).until(this::newestOnScreen);
        assertThat(vm.followNewestProperty().get()).isTrue();
        Button jump = robot.lookup("#jumpButton").queryButton();
        assertThat(jump.isVisible()).isFalse();

        robot.moveTo(table).scroll(15, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.followNewestProperty().get()).as("scrolled up: no longer following").isFalse();
        assertThat(jump.isVisible()).isTrue();
        int expected = vm.records().size() + 20; // counted before producing: the tail may take them at once
        produce(20);
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.records().size() == expected);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(newestOnScreen()).as("the rows the user reads stay put").isFalse();
        assertThat(jump.getText()).isEqualTo("Jump to newest (+20)");

        robot.clickOn(jump);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.followNewestProperty().get()).isTrue();
        assertThat(newestOnScreen()).isTrue();
        produce(20);
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.records().size() == expected + 20);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(newestOnScreen()).as("following again").isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePartitionChoiceFiltersTheTableAndTheSeekReadsOnlyThoseFromTheOffset(FxRobot robot) {
        readLive(robot, 3 * PER_PARTITION);
        CheckComboBox<Integer> partitions = robot.lookup("#partitionChoice").queryAs(CheckComboBox.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> partitions.getItems().size() == 3);
        robot.interact(() -> partitions.getCheckModel().check(Integer.valueOf(1)));
        assertThat(vm.chosenPartitions()).containsExactly(1);
        long inOne = vm.records().stream().filter(r -> r.getPartition() == 1).count();
        assertThat(inOne).isGreaterThanOrEqualTo(PER_PARTITION).isLessThan(vm.records().size());
        assertThat(table.getItems()).hasSize((int) inOne).allSatisfy(r -> assertThat(r.getPartition()).isEqualTo(1));
        assertThat(partitions.getTitle()).isEqualTo("Partition 1");

        robot.interact(() -> {
            vm.followProperty().set(false);
            vm.seekModeProperty().set(SeekMode.OFFSET);
            vm.seekValueProperty().set("90");
        });
        robot.clickOn("#goButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> !vm.readingProperty().get());
        assertThat(vm.records()).as("only partition 1 was read, from offset 90")
                .extracting(RecordRow::getPartition, RecordRow::getOffset).isNotEmpty()
                .allSatisfy(t -> {
                    assertThat(t.toList().get(0)).isEqualTo(1);
                    assertThat((Long) t.toList().get(1)).isGreaterThanOrEqualTo(90L);
                });
        assertThat(vm.records()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void copiesFromKeysAndTheContextMenuAndOpensTraces(FxRobot robot) throws Exception {
        readLive(robot, 3 * PER_PARTITION);
        RecordRow traced = vm.records().stream().filter(r -> r.getKey().equals("pay-4")).findFirst().orElseThrow();
        RecordRow plain = vm.records().stream().filter(r -> r.getKey().equals("pay-5")).findFirst().orElseThrow();
        robot.interact(() -> {
            table.getSelectionModel().select(traced);
            table.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(clipboard(robot)).isEqualTo("{\"payment\":4,\"amount\":148,\"currency\":\"EUR\"}");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        JsonNode json = new ObjectMapper().readTree(clipboard(robot));
        assertThat(json.get("key").asText()).isEqualTo("pay-4");
        assertThat(json.get("offset").asLong()).isEqualTo(traced.getOffset());
        assertThat(json.get("headers").get("traceparent").asText()).startsWith("00-4bf92f");

        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        ContextMenu menu = openMenu(robot);
        robot.clickOn(robot.from(menu.getSkin().getNode()).lookup(".label")
                .match((Label l) -> "Copy key".equals(l.getText())).queryLabeled());
        assertThat(clipboard(robot)).isEqualTo("pay-4");

        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        menu = openMenu(robot);
        robot.clickOn(robot.from(menu.getSkin().getNode()).lookup(".label")
                .match((Label l) -> "Open its trace".equals(l.getText())).queryLabeled());
        assertThat(openedTraces).singleElement().satisfies(r -> {
            assertThat(r.offset()).isEqualTo(traced.getOffset());
            assertThat(r.trace().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4004");
        });

        robot.interact(() -> table.getSelectionModel().select(plain));
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        menu = openMenu(robot);
        Label openTrace = robot.from(menu.getSkin().getNode()).lookup(".label")
                .match((Label l) -> "Open its trace".equals(l.getText())).queryAs(Label.class);
        Label find = robot.from(menu.getSkin().getNode()).lookup(".label")
                .match((Label l) -> "Find on the mirror".equals(l.getText())).queryAs(Label.class);
        assertThat(openTrace.getTooltip().getText())
                .isEqualTo("The record has no trace header (traceparent, uber-trace-id or b3)");
        assertThat(find.getTooltip().getText()).isEqualTo("No mirror view is connected to this browser");
        robot.clickOn(openTrace);
        assertThat(openedTraces).hasSize(1);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    private static ContextMenu openMenu(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(ContextMenu.class::cast).findFirst().orElseThrow();
    }

    private static String clipboard(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<String> text = new CompletableFuture<>();
        Platform.runLater(() -> text.complete(Clipboard.getSystemClipboard().getString()));
        return text.join();
    }

    @Test
    void everyControlIsReachedByTabAndNamedForScreenReaders(FxRobot robot) {
        readLive(robot, 3 * PER_PARTITION);
        robot.interact(() -> vm.followNewestProperty().set(false)); // the Jump button shows
        robot.interact(() -> robot.lookup("#topicBox").query().requestFocus());
        java.util.Set<String> reached = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 40; i++) {
            javafx.scene.Node focused = root.getScene().getFocusOwner();
            for (javafx.scene.Node n = focused; n != null; n = n.getParent()) {
                if (n.getId() != null) {
                    reached.add(n.getId());
                    assertThat(n.getAccessibleText()).as("accessible text of #" + n.getId()).isNotBlank();
                    break;
                }
            }
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
        }
        assertThat(reached).contains("topicBox", "partitionChoice", "seekModeBox", "followBox", "goButton",
                "pauseButton", "stopButton", "rateLimitSpinner", "partitionTable", "recordTable", "detailArea",
                "filterField", "regexBox", "headerField", "jumpButton");
    }

    @Test
    void filtersOnWholeValuesAndShowsTheBrowser(FxRobot robot) throws Exception {
        readLive(robot, 3 * PER_PARTITION);
        RecordRow big = vm.records().stream().filter(r -> r.getKey().equals("pay-7")).findFirst().orElseThrow();
        assertThat(big.getValue()).as("the cell shows a preview without the needle").doesNotContain(NEEDLE);
        robot.clickOn("#filterField").write(NEEDLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 1);
        assertThat(table.getItems()).containsExactly(big);
        robot.interact(() -> vm.filterTextProperty().set("EUR"));
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 3 * PER_PARTITION - 1);

        // the gallery shot: records, a selected record's detail, partitions
        robot.interact(() -> vm.filterTextProperty().set(""));
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == vm.records().size());
        robot.interact(() -> {
            vm.followNewestProperty().set(false);
            table.getSelectionModel().select(12);
            table.scrollTo(0);
        });
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<Path> png = new CompletableFuture<>();
        Platform.runLater(() -> png.complete(PngExport.write(root, Path.of("target", "gallery",
                "topic-browser.png"))));
        assertThat(png.get(10, TimeUnit.SECONDS)).exists();
    }
}
