package io.mirrorscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mirrorscope.app.Launcher;
import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.ViewTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.prefs.BackingStoreException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The product on the sandbox, as the README's first command shows it: the CLI inventory finds the seed's topology
 * (two clusters, one link europe → us with the default policy), the window connects, and the Sandbox menu's
 * switches reach the real mirror.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
@Tag("sandbox")
class SandboxInTheAppFxTest {

    private static Sandbox sandbox;

    private AppWindow window;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.defaults());
        System.setProperty(SandboxControlServer.PROPERTY, sandbox.controlUrl());
    }

    @AfterAll
    static void stopSandbox() {
        System.clearProperty(SandboxControlServer.PROPERTY);
        sandbox.close();
    }

    @Start
    void start(Stage stage) {
        window = AppWindow.show(stage, sandbox.startOptions(), 1280, 800);
        window.services().connectAtStart();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        window.close();
    }

    @Test
    void inventoryCommandShowsTheSeedTopology() throws Exception {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exit = Launcher.run("--kubeconfig", sandbox.kubeconfig().toString(), "--context",
                    SandboxKubeApi.CONTEXT, "inventory", "-n", Sandbox.NAMESPACE, "-o", "json");
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).isZero();
        JsonNode inventory = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
        assertThat(inventory.path("clusters")).extracting(c -> c.path("name").asText())
                .containsExactly("europe-cluster", "us-cluster");
        assertThat(inventory.path("clusters")).allMatch(c -> c.path("ready").asBoolean());
        JsonNode links = inventory.path("mirrors").get(0).path("links");
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("sourceCluster").asText()).isEqualTo("europe-cluster");
        assertThat(links.get(0).path("targetCluster").asText()).isEqualTo("us-cluster");
        assertThat(links.get(0).path("targetTopicPrefix").asText()).isEqualTo("europe-cluster.");
        assertThat(inventory.path("tracing").get(0).path("name").asText()).isEqualTo("my-jaeger");
    }

    @Test
    void windowConnectsAndTheSandboxMenuReachesTheMirror(FxRobot robot) throws Exception {
        // Kinds arrive one informer at a time: wait for the whole seed.
        await().atMost(Duration.ofSeconds(30)).until(() -> NavigationLabels.of(robot).containsAll(
                List.of("europe-cluster", "us-cluster", "my-mirror-maker2", "my-jaeger")));
        robot.interact(() -> window.services().open(new ViewTarget.Topology()));
        Screenshots.save(window.root(), "sandbox-topology");

        robot.interact(() -> window.services().open(new ViewTarget.Cluster(Sandbox.NAMESPACE, "us-cluster")));
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> tabs.getTabs().size() == 2);
        assertThat(tabs.getTabs().get(1).getText()).isEqualTo("Topics — us-cluster");
        @SuppressWarnings("unchecked")
        ComboBox<String> topics = robot.lookup("#topicBox").queryAs(ComboBox.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.getItems().contains("europe-cluster.my-topic"));
        robot.interact(() -> topics.getSelectionModel().select("europe-cluster.my-topic"));
        robot.clickOn("#goButton");
        @SuppressWarnings("unchecked")
        TableView<Object> records = robot.lookup("#recordTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> records.getItems().size() >= 10);
        Screenshots.save(window.root(), "sandbox-topic-browser");

        robot.clickOn("Sandbox").clickOn("Pause the mirror");
        await().atMost(Duration.ofSeconds(30)).until(() -> state().path("faults").path("mirrorPaused").asBoolean());
        robot.clickOn("Sandbox").clickOn("Resume the mirror");
        await().atMost(Duration.ofSeconds(30)).until(() -> !state().path("faults").path("mirrorPaused").asBoolean());
    }

    private static JsonNode state() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.controlUrl())).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
