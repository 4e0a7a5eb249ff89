package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.PngExport;
import io.mirrorscope.ui.common.ProblemReport;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.Theme;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.connect.ConnectDialogController;
import io.mirrorscope.ui.connect.ConnectDialogViewModel;
import io.mirrorscope.ui.inventory.InventoryView;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.inventory.Panel;
import io.mirrorscope.ui.main.NavigationSections;
import io.mirrorscope.ui.main.ShortcutsDialog;
import io.mirrorscope.ui.topology.TopologySamples;
import io.mirrorscope.ui.topology.TopologyView;
import io.mirrorscope.ui.topology.TopologyViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
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
 * The gallery: every screen of the main flows in light and dark, at 1280x800 and 1920x1080, as PNGs under
 * {@code target/gallery/} for people to look at (the README's screenshots come from here). It also fails on what a
 * user would frown at and a test can see: a column header cut off, an empty table without a visible placeholder.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class GalleryFxTest {

    private static final Path GALLERY = Path.of("target", "gallery");
    private static final int[][] SIZES = {{1280, 800}, {1920, 1080}};

    private final Preferences node = Preferences.userRoot().node("io/mirrorscope-gallery/" + UUID.randomUUID());
    private AppServices services;
    private Parent root;
    private Stage stage;
    private Scene offscreen;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = new AppServices(StartOptions.defaults(), new AppPreferences(node));
        root = services.mainWindow(stage);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        // the user agent stylesheet is JVM-wide: later test classes start from the light palette
        WaitForAsyncUtils.asyncFx(() -> io.mirrorscope.ui.common.Appearance.apply(false));
        WaitForAsyncUtils.waitForFxEvents();
        services.close();
        node.removeNode();
    }

    @Test
    void everyViewInLightAndDarkAtBothSizes(FxRobot robot) {
        Inventory inventory = galleryInventory();
        InventoryViewModel inventoryViewModel = new InventoryViewModel(Clock.systemUTC());
        TopologyViewModel topologyViewModel = new TopologyViewModel();
        List<Path> written = new ArrayList<>();
        List<String> frowns = new ArrayList<>();
        for (Theme theme : List.of(Theme.LIGHT, Theme.DARK)) {
            String t = theme.name().toLowerCase(java.util.Locale.ROOT);
            robot.interact(() -> {
                services.mainViewModel().themeProperty().set(theme);
                services.mainViewModel().disconnected();
                services.mainWindowController().closeAllViews();
            });
            for (int[] size : SIZES) {
                String s = size[0] + "x" + size[1];
                resize(robot, size);
                written.add(shot(robot, root, "main-empty-" + t + "-" + s));
                assertThat(services.mainViewModel().problems().get()).as("no uncaught failure").isNull();

                robot.interact(() -> {
                    services.mainViewModel().connected("sandbox", "amq-streams", false,
                            NavigationSections.of(inventory));
                    inventoryViewModel.setInventory(inventory);
                    topologyViewModel.setInventory(inventory);
                    services.mainWindowController().show(new ViewTarget.Topology(),
                            () -> TopologyView.create(topologyViewModel));
                });
                written.add(shot(robot, root, "topology-" + t + "-" + s));

                robot.interact(() -> services.mainWindowController().show(new ViewTarget.Inventory(),
                        () -> InventoryView.create(inventoryViewModel)));
                for (Panel panel : Panel.values()) {
                    robot.interact(() -> {
                        inventoryViewModel.visiblePanelProperty().set(panel);
                        inventoryViewModel.rows(panel).stream().findFirst().ifPresent(inventoryViewModel::select);
                    });
                    String name = "inventory-" + panel.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                    written.add(shot(robot, root, name + "-" + t + "-" + s));
                    frowns.addAll(frowns(robot, root, name + " " + t + " " + s));
                }

                robot.interact(() -> BackgroundWork.report(services.mainViewModel().problems(), ProblemReport.of(
                        "Connecting to the brokers of us-cluster", new ProblemException(Problem.of(
                                Problem.Kind.CONNECTION, "The brokers of us-cluster do not answer",
                                "us-cluster-kafka-bootstrap.amq-streams.svc:9092: connection timed out after 10 s",
                                "Check that the cluster is Ready (Inventory) and that a route or tunnel exists")),
                        () -> { })));
                written.add(shot(robot, root, "problem-inline-" + t + "-" + s));
                robot.interact(() -> {
                    services.mainViewModel().problems().clear();
                    services.mainWindowController().closeAllViews();
                    services.mainViewModel().disconnected();
                });
            }
            written.add(shotAlone(robot, connectDialog(), 900, 620, "connect-dialog-" + t));
            written.add(shotAlone(robot, new StackPane(ShortcutsDialog.grid()), 520, 420, "shortcuts-" + t));
        }
        assertThat(written).hasSize(2 * (2 * (3 + Panel.values().length)) + 2 * 2).allMatch(p -> p.toFile()
                .length() > 10_000);
        assertThat(frowns).as("what a user would frown at").isEmpty();
    }

    /** Header labels cut off ("Namesp…") and invisible placeholders in the inventory's visible table. */
    private static List<String> frowns(FxRobot robot, Parent root, String where) {
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : root.lookupAll(".table-view")) {
                if (!(n instanceof TableView<?> table) || !table.isVisible() || table.getScene() == null
                        || !table.getId().startsWith("table-") || !isShowing(table)) {
                    continue;
                }
                for (Node label : table.lookupAll(".column-header .label")) {
                    if (label instanceof Labeled l && l.isTextTruncated()) {
                        found.add(where + ": header \"" + l.getText() + "\" of " + table.getId() + " is cut");
                    }
                }
            }
        });
        return found;
    }

    private static boolean isShowing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Parent connectDialog() {
        BackgroundWork work = new BackgroundWork(Runnable::run, Runnable::run);
        Path kubeconfig = Path.of("src/test/resources/kubeconfig/merge-a.yaml").toAbsolutePath();
        Path other = Path.of("src/test/resources/kubeconfig/merge-b.yaml").toAbsolutePath();
        ConnectDialogViewModel viewModel = new ConnectDialogViewModel(
                () -> Kubeconfig.merge(List.of(kubeconfig, other), false), work, KubeSession.Options.desktop());
        Parent[] view = new Parent[1];
        WaitForAsyncUtils.asyncFx(() -> view[0] = FxmlViews.load(Fxml.CONNECT_DIALOG,
                new ConnectDialogController(viewModel)).root());
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    /**
     * Lays the window out at {@code size} in a scene of its own, not shown: the headless platform's screen is 1000 px
     * square and a larger shown window fails to blit; snapshots of an unshown scene render at any size.
     */
    private void resize(FxRobot robot, int[] size) {
        robot.interact(() -> {
            if (root.getScene() != null) {
                root.getScene().setRoot(new StackPane());
            }
            offscreen = new Scene(root, size[0], size[1]);
            offscreen.getStylesheets().add(Styles.STYLESHEET);
            root.applyCss();
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Path shot(FxRobot robot, Node node, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            // virtualised tables and the tree settle over a few layout passes
            for (int i = 0; i < 3; i++) {
                node.applyCss();
                ((Parent) node).layout();
            }
        });
        Path[] file = new Path[1];
        robot.interact(() -> file[0] = PngExport.write(node, GALLERY.resolve(name + ".png")));
        return file[0];
    }

    private static Path shotAlone(FxRobot robot, Parent view, int width, int height, String name) {
        Path[] file = new Path[1];
        robot.interact(() -> {
            Scene scene = new Scene(view, width, height);
            scene.getStylesheets().add(Styles.STYLESHEET);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> file[0] = PngExport.write(view, GALLERY.resolve(name + ".png")));
        return file[0];
    }

    /** The seed (two clusters, a mirror, a topic, users, Jaeger) plus a failing and a degraded mirror. */
    static Inventory galleryInventory() {
        Inventory seed = InventoryReaderSeedTest.readSeed();
        Inventory.Parts parts = Inventory.Parts.empty();
        parts.clusters().addAll(seed.clusters());
        parts.mirrors().addAll(seed.mirrors());
        parts.mirrors().add(TopologySamples.mm2("amq-streams", "europe-to-us-mm2", "europe-cluster", "us-cluster",
                "orders.*", Health.FAILED));
        parts.mirrors().add(TopologySamples.mm2("amq-streams", "us-to-europe-mm2", "us-cluster", "europe-cluster",
                ".*", Health.DEGRADED));
        parts.topics().addAll(seed.topics());
        parts.users().addAll(seed.users());
        parts.tracing().addAll(seed.tracing());
        parts.nodePools().addAll(seed.nodePools());
        parts.kinds().putAll(seed.kinds());
        return Inventory.assemble("sandbox", List.of("amq-streams"), parts);
    }
}
