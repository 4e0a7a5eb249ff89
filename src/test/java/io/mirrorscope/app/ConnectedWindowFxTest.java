package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.testsupport.MockKubeconfig;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.main.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * The whole desktop flow against a Kubernetes API holding the seed's resources: connect by context at start, the
 * navigation fills from the live inventory, entries open the inventory and topology views, and the server saw
 * nothing but GET requests.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class ConnectedWindowFxTest {

    private static StrimziMockServer server;
    private static Path kubeconfig;

    private AppWindow window;

    @BeforeAll
    static void startServer() throws Exception {
        server = InventoryReaderSeedTest.seedServer();
        kubeconfig = MockKubeconfig.temp(server.client().getMasterUrl());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        Files.deleteIfExists(kubeconfig);
    }

    @Start
    void start(Stage stage) {
        drainRecordedRequests();
        window = AppWindow.show(stage, new StartOptions(kubeconfig, "seed", "amq-streams", false), 1280, 800);
        window.services().connectAtStart();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        window.close();
    }

    @Test
    void connectsFillsNavigationOpensViewsAndOnlyReads(FxRobot robot) {
        await().atMost(Duration.ofSeconds(20)).until(() -> NavigationLabels.of(robot).containsAll(
                List.of("europe-cluster", "us-cluster", "my-mirror-maker", "my-jaeger")));
        // Under load a watch may be re-established once right after the first list: wait for it to settle.
        await().atMost(Duration.ofSeconds(20)).until(() ->
                window.services().mainViewModel().connectionProperty().get() == ConnectionState.CONNECTED);
        assertThat(robot.lookup("#contextLabel").queryAs(Label.class).getText()).isEqualTo("context seed");
        assertThat(NavigationLabels.of(robot)).contains("Inventory", "Topology", "us-cluster", "Kafka clusters (2)")
                .anyMatch(l -> l.startsWith("Mirrors (1)"));
        assertThat(window.services().preferences().lastContext()).contains("seed");
        Screenshots.save(window.root(), "main-window-connected-seed");

        robot.interact(() -> {
            window.services().open(new ViewTarget.Topology());
            window.services().open(new ViewTarget.Inventory());
        });
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Topology", "Inventory");
        Screenshots.save(window.root(), "main-window-inventory-seed");
        robot.interact(() -> tabs.getSelectionModel().select(0));
        Screenshots.save(window.root(), "main-window-topology-seed");

        List<String> writes = new ArrayList<>();
        RecordedRequest request;
        while ((request = nextRequest()) != null) {
            if (!"GET".equals(request.getMethod())) {
                writes.add(request.getMethod() + " " + request.getPath());
            }
        }
        assertThat(writes).as("requests other than GET").isEmpty();
    }

    private static void drainRecordedRequests() {
        while (nextRequest() != null) {
            // the fixture's own POSTs that loaded the seed
        }
    }

    private static RecordedRequest nextRequest() {
        try {
            return server.server().takeRequest(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
