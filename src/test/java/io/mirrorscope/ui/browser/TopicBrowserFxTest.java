package io.mirrorscope.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.kafka.ConnectionSettings;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaTopicReading;
import io.mirrorscope.testkit.KafkaTestCluster;
import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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

/** The topic browser on the headless platform against a real broker: read, live tail, filter, detail, screenshot. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
@Tag("kafka")
class TopicBrowserFxTest {

    private static KafkaTestCluster kafka;
    private static KafkaProducer<byte[], byte[]> producer;
    private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    private KafkaTopicReading reading;
    private TopicBrowserController controller;
    private Parent root;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaTestCluster.builder("europe-cluster").start();
        kafka.createTopic("orders", 3);
        producer = kafka.bytesProducer("PLAIN");
        for (int i = 0; i < 30; i++) {
            String value = i % 5 == 0 ? "{\"order\":" + i + ",\"region\":\"europe\",\"items\":[1,2]}"
                    : "Hello world - " + i;
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>("orders", i % 3, ("k-" + i)
                    .getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
            r.headers().add("traceparent", ("00-4bf92f3577b34da6a3ce929d0e0e" + (4700 + i) + "-00f067aa0ba902b7-01")
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(r);
        }
        producer.send(new ProducerRecord<>("orders", 0, null, new byte[] {(byte) 0xca, (byte) 0xfe, 0, 1}));
        producer.flush();
    }

    @AfterAll
    static void stopBroker() {
        producer.close();
        kafka.close();
    }

    @Start
    void start(Stage stage) {
        reading = new KafkaTopicReading(ConnectionSettings.plaintext(kafka.bootstrap("PLAIN")),
                ConsumerOptions.DEFAULTS.withApiTimeout(Duration.ofSeconds(15)));
        TopicBrowserViewModel vm = new TopicBrowserViewModel(reading, new BackgroundWork(io, Platform::runLater),
                TopicBrowserViewModel.Options.defaults("local"));
        FxmlViews.Loaded<TopicBrowserController> loaded = FxmlViews.load(Fxml.TOPIC_BROWSER,
                new TopicBrowserController(vm));
        root = loaded.root();
        controller = loaded.controller();
        AppWindow.showStyled(stage, root, 1280, 720);
    }

    @AfterEach
    void tearDown() {
        Platform.runLater(controller::close);
        WaitForAsyncUtils.waitForFxEvents();
        io.close();
        reading.close();
    }

    @Test
    void readsTailsFiltersAndShowsDetail(FxRobot robot) {
        TopicBrowserViewModel vm = controller.viewModel();
        robot.interact(vm::loadTopics);
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.topics().contains("orders"));
        robot.interact(() -> {
            vm.selectedTopicProperty().set("orders");
            vm.followProperty().set(true);
        });
        robot.clickOn("#goButton");
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.records().size() == 31);
        await().atMost(Duration.ofSeconds(10)).until(() -> vm.partitions().size() == 3);
        assertThat(vm.partitions()).extracting(PartitionRow::getEnd).containsExactlyInAnyOrder(11L, 10L, 10L);

        producer.send(new ProducerRecord<>("orders", 2, "live".getBytes(StandardCharsets.UTF_8),
                "arrived while tailing".getBytes(StandardCharsets.UTF_8)));
        producer.flush();
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.records().size() == 32);

        robot.clickOn("#filterField").write("europe");
        @SuppressWarnings("unchecked")
        TableView<RecordRow> table = robot.lookup("#recordTable").queryAs(TableView.class);
        // filtering is debounced and runs off the FX thread
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 6);
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.getValue()).contains("europe"));
        robot.interact(() -> table.getSelectionModel().select(0));
        TextArea detail = robot.lookup("#detailArea").queryAs(TextArea.class);
        assertThat(detail.getText()).contains("Value (json").contains("\"region\" : \"europe\"")
                .contains("traceparent: 00-4bf92f");
        robot.interact(() -> vm.filterTextProperty().set(""));
        Path png = Screenshots.save(root, "topic-browser");
        assertThat(png).exists();

        // The detail pane of a cut row reads the record again by partition and offset, on a real broker.
        RecordRow first = vm.records().stream().filter(r -> r.getPartition() == 2).findFirst().orElseThrow();
        assertThat(reading.record("orders", 2, first.getOffset())).get()
                .satisfies(r -> assertThat(r.offset()).isEqualTo(first.getOffset()))
                .satisfies(r -> assertThat(r.sizeInBytes()).isEqualTo(first.fullSize()));
        assertThat(reading.record("orders", 2, 1_000_000)).isEmpty();

        robot.clickOn("#pauseButton");
        assertThat(vm.pausedProperty().get()).isTrue();
        robot.clickOn("#stopButton");
        assertThat(vm.readingProperty().get()).isFalse();
    }
}
