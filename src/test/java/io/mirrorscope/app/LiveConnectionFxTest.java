package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.inventory.InventoryFixtures;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.kube.inventory.WatchEndingDispatcher;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import io.mirrorscope.ui.connect.ConnectionChoice;
import io.mirrorscope.ui.main.ConnectionState;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window against an API server that ends watch streams early (an idle-timeout proxy) and holds Kafka clusters
 * in two namespaces: the window returns to "Connected", and "All namespaces" shows both namespaces.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class LiveConnectionFxTest {

    private final Preferences node = Preferences.userRoot().node("io/mirrorscope-test/" + UUID.randomUUID());
    private final WatchEndingDispatcher dispatcher = new WatchEndingDispatcher(200);
    private StrimziMockServer server;
    private Path kubeconfig;
    private AppServices services;

    @Start
    void start(Stage stage) throws Exception {
        server = new StrimziMockServer(dispatcher).strimziV1beta2();
        server.create("east", kafka("alpha"));
        server.create("west", kafka("beta"));
        kubeconfig = Files.createTempFile("mirrorscope-kubeconfig", ".yaml");
        Files.writeString(kubeconfig, """
                clusters: [{name: mock, cluster: {server: "%s"}}]
                users: [{name: dev, user: {token: not-a-real-token}}]
                contexts: [{name: live, context: {cluster: mock, user: dev, namespace: east}}]
                current-context: live
                """.formatted(server.client().getMasterUrl()));
        services = new AppServices(new StartOptions(kubeconfig, null, null, false), new AppPreferences(node));
        Scene scene = new Scene(services.mainWindow(stage), 1200, 760);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        services.close();
        server.close();
        Files.deleteIfExists(kubeconfig);
        node.removeNode();
    }

    private static io.fabric8.kubernetes.api.model.GenericKubernetesResource kafka(String name) {
        return InventoryFixtures.yaml("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: %s}
                spec:
                  kafka:
                    replicas: 1
                    listeners: [{name: plain, port: 9092, type: internal, tls: false}]
                """.formatted(name));
    }

    private void connect(FxRobot robot, boolean allNamespaces) {
        robot.interact(() -> services.connect(new ConnectionChoice(Kubeconfig.load(kubeconfig), "live", "east",
                allNamespaces, false)));
    }

    @Test
    void watchesEndedByTheServerReturnTheWindowToConnected(FxRobot robot) {
        connect(robot, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> NavigationLabels.of(robot).contains("alpha"));
        dispatcher.closesLeft.set(20);
        await().atMost(Duration.ofSeconds(90)).until(() -> dispatcher.closesLeft.get() == 0);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                services.mainViewModel().connectionProperty().get() == ConnectionState.CONNECTED);
        assertThat(robot.lookup("#connectionLabel").queryAs(Label.class).getText()).isEqualTo("Connected");
        assertThat(robot.lookup("#emptyTitle").queryAs(Label.class).getText()).doesNotStartWith("Connecting");
        assertThat(dispatcher.closed.get()).isGreaterThanOrEqualTo(20);
        assertThat(services.mainViewModel().problems().get()).isNull();
    }

    @Test
    void allNamespacesWatchesEveryNamespaceAndShowsBoth(FxRobot robot) {
        dispatcher.paths.clear();
        connect(robot, true);
        await().atMost(Duration.ofSeconds(20)).until(() -> NavigationLabels.of(robot)
                .containsAll(List.of("east/alpha", "west/beta")));
        assertThat(NavigationLabels.of(robot)).contains("all namespaces", "Kafka clusters (2)");
        assertThat(robot.lookup("#namespaceLabel").queryAs(Label.class).getText()).isEmpty();
        // one cluster-wide list and watch per kind, not one namespace
        assertThat(dispatcher.paths).anyMatch(p -> p.startsWith("GET /apis/kafka.strimzi.io/v1beta2/kafkas?"))
                .noneMatch(p -> p.contains("/namespaces/east/kafkas"));
        assertThat(dispatcher.paths).allMatch(p -> p.startsWith("GET "));
    }

    @Test
    void oneViewPerTargetAndClosedViewsAreCollectable(FxRobot robot) {
        connect(robot, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> NavigationLabels.of(robot).contains("alpha"));
        List<WeakReference<Object>> closed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            robot.interact(() -> {
                services.open(new ViewTarget.Inventory());
                services.open(new ViewTarget.Topology());
            });
        }
        assertThat(services.mainWindowController().openViews()).isEqualTo(2);
        for (int i = 0; i < 50; i++) {
            robot.interact(() -> {
                services.open(new ViewTarget.Inventory());
                services.open(new ViewTarget.Topology());
                for (ViewTarget target : List.of(new ViewTarget.Inventory(), new ViewTarget.Topology())) {
                    WorkView view = services.mainWindowController().viewOf(target).orElseThrow();
                    // the view and its scene graph: a listener left on a view model holds the nodes, not the view
                    closed.add(new WeakReference<>(view));
                    closed.add(new WeakReference<>(view.node()));
                }
                services.mainWindowController().closeAllViews();
            });
        }
        assertThat(services.mainWindowController().openViews()).isZero();
        // Nothing the long-lived view models hold keeps a closed view (and its listeners) alive.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return closed.stream().allMatch(ref -> ref.get() == null);
        });
    }
}
