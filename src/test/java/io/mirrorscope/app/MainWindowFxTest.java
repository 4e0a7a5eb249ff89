package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.records.PartitionRange;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.records.RecordBuffer;
import io.mirrorscope.core.records.StartPosition;
import io.mirrorscope.core.records.TopicReading;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.testsupport.Screenshots;
import io.mirrorscope.ui.browser.TopicBrowserController;
import io.mirrorscope.ui.browser.TopicBrowserViewModel;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.ProblemBanner;
import io.mirrorscope.ui.connect.ConnectDialogController;
import io.mirrorscope.ui.connect.ConnectDialogViewModel;
import io.mirrorscope.ui.inventory.InventoryController;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.main.MainWindowController;
import io.mirrorscope.ui.main.MainWindowViewModel;
import io.mirrorscope.ui.topology.TopologyController;
import io.mirrorscope.ui.topology.TopologyViewModel;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.Theme;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import io.mirrorscope.ui.main.AboutDialog;
import io.mirrorscope.ui.main.ConnectionState;
import io.mirrorscope.ui.main.NavNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.BackingStoreException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on JavaFX 26's headless platform: layout, theme, tabs and shortcuts. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class MainWindowFxTest {

    private AppWindow window;

    @Start
    void start(Stage stage) {
        window = AppWindow.show(stage, StartOptions.defaults(), 1200, 760);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        window.close();
    }

    @Test
    void showsNavigationTabsAndStatusBarWithAnEmptyState(FxRobot robot) {
        assertThat(robot.lookup("#navigation").queryAs(TreeView.class).getRoot()).isNotNull();
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getTabs()).isEmpty();
        assertThat(robot.lookup("#readOnlyBadge").queryAs(Label.class).getText()).isEqualTo("READ-ONLY");
        assertThat(robot.lookup("#connectionLabel").queryAs(Label.class).getText()).isEqualTo("Not connected");
        assertThat(robot.lookup("#emptyTitle").queryAs(Label.class).getText()).isEqualTo("Connect to a cluster…");
        assertThat(robot.lookup("#emptyState").query().isVisible()).isTrue();
        assertThat(robot.lookup("#insecureBadge").query().isVisible()).isFalse();

        Path png = Screenshots.save(window.root(), "main-window-empty");
        assertThat(png).exists();
    }

    @Test
    void themeTogglesFromTheMenuAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("View").clickOn("Theme").clickOn("Dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.root().getPseudoClassStates()).contains(Styles.DARK);
        assertThat(window.services().preferences().theme()).contains("DARK");
        robot.interact(() -> window.services().mainViewModel().connected("sandbox", "amq-streams", true, List.of(
                new NavNode(NavNode.Kind.SECTION, "Kafka clusters", "s/clusters", List.of(
                        NavNode.leaf(NavNode.Kind.CLUSTER, "europe-cluster", "c/europe"),
                        NavNode.leaf(NavNode.Kind.CLUSTER, "us-cluster", "c/us"))),
                new NavNode(NavNode.Kind.SECTION, "Mirrors", "s/mirrors", List.of(
                        NavNode.leaf(NavNode.Kind.MIRROR, "my-mirror-maker-2", "m/mm2"))))));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(window.root(), "main-window-dark-connected");

        robot.clickOn("View").clickOn("Theme").clickOn("Light");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.root().getPseudoClassStates()).doesNotContain(Styles.DARK);
        assertThat(window.services().mainViewModel().themeProperty().get()).isEqualTo(Theme.LIGHT);
        assertThat(robot.lookup("#insecureBadge").query().isVisible()).isTrue();
        assertThat(window.services().mainViewModel().connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
    }

    /** A view that counts what the shortcuts asked of it. */
    private static final class CountingView implements WorkView {
        final String title;
        final TextField filter = new TextField();
        final VBox node;
        final AtomicInteger refreshed = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        CountingView(String title) {
            this.title = title;
            this.node = new VBox(filter, new Label(title));
        }

        @Override
        public ViewTarget target() {
            return "Inventory".equals(title) ? new ViewTarget.Inventory() : new ViewTarget.Topology();
        }

        @Override
        public javafx.scene.Node node() {
            return node;
        }

        @Override
        public void refresh() {
            refreshed.incrementAndGet();
        }

        @Override
        public void focusFilter() {
            filter.requestFocus();
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void shortcutsReachTheSelectedView(FxRobot robot) {
        CountingView first = new CountingView("Inventory");
        CountingView second = new CountingView("Topology");
        robot.interact(() -> {
            window.services().mainWindowController().open(first);
            window.services().mainWindowController().open(second);
        });
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Topology");
        assertThat(robot.lookup("#emptyState").query().isVisible()).isFalse();

        robot.push(KeyCode.F5);
        assertThat(second.refreshed).hasValue(1);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        assertThat(second.filter.isFocused()).isTrue();

        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Inventory");

        robot.push(KeyCode.CONTROL, KeyCode.W);
        assertThat(first.closed).hasValue(1);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Topology");
        robot.push(KeyCode.CONTROL, KeyCode.W);
        assertThat(tabs.getTabs()).isEmpty();
        assertThat(robot.lookup("#emptyState").query().isVisible()).isTrue();
    }

    @Test
    void aboutNamesAppJavaAndJavaFxVersions() {
        assertThat(AboutDialog.versions())
                .contains("MirrorScope ")
                .contains("Java " + Runtime.version())
                .contains("JavaFX " + System.getProperty("javafx.runtime.version"));
        assertThat(System.getProperty("javafx.runtime.version")).startsWith("26");
    }

    @Test
    void everyFxmlLoadsWithItsRealControllerAndHasAProblemBanner(FxRobot robot) {
        BackgroundWork work = new BackgroundWork(Runnable::run, Runnable::run);
        for (Fxml fxml : Fxml.values()) {
            FxmlViews.Loaded<?>[] loaded = new FxmlViews.Loaded<?>[1];
            robot.interact(() -> loaded[0] = switch (fxml) {
                case MAIN_WINDOW -> FxmlViews.load(fxml, new MainWindowController(new MainWindowViewModel(work),
                        new NoActions()));
                case CONNECT_DIALOG -> FxmlViews.load(fxml, new ConnectDialogController(new ConnectDialogViewModel(
                        () -> Kubeconfig.load(Path.of("no-such-kubeconfig")), work, KubeSession.Options.desktop())));
                case TOPIC_BROWSER -> FxmlViews.load(fxml, new TopicBrowserController(new TopicBrowserViewModel(
                        new NoTopics(), work, TopicBrowserViewModel.Options.defaults("x"))));
                case INVENTORY_VIEW -> FxmlViews.load(fxml, new InventoryController(
                        new InventoryViewModel(java.time.Clock.systemUTC())));
                case TOPOLOGY_VIEW -> FxmlViews.load(fxml, new TopologyController(new TopologyViewModel()));
                case TRACES_VIEW -> FxmlViews.load(fxml, new io.mirrorscope.ui.traces.TracesController(
                        new io.mirrorscope.ui.traces.TracesViewModel(work)));
                case SIDE_BY_SIDE -> FxmlViews.load(fxml, new io.mirrorscope.ui.sidebyside.SideBySideController(
                        new io.mirrorscope.ui.sidebyside.SideBySideViewModel(
                                io.mirrorscope.ui.sidebyside.SideBySideScenario.mirror(), Runnable::run,
                                Runnable::run, 1_000, java.time.ZoneOffset.UTC)));
                case HEALTH_VIEW -> FxmlViews.load(fxml, new io.mirrorscope.ui.health.HealthController(
                        new io.mirrorscope.ui.health.HealthViewModel(new io.mirrorscope.ui.common.ViewTarget.Health(
                                "ns", "m"), new io.mirrorscope.ui.health.FakeHealthFeed())));
            });
            assertThat(loaded[0].controller()).as(fxml.name()).isNotNull();
            robot.interact(() -> new Scene(loaded[0].root()).getRoot().applyCss()); // skins: split panes' items
            assertThat(loaded[0].root().lookup(".problem-banner")).as(fxml.name() + " has a problem banner")
                    .isInstanceOf(ProblemBanner.class);
        }
        assertThat(window.root().lookup("#statusBar")).isNotNull();
    }

    /** Actions nobody triggers in the loading test. */
    private static final class NoActions implements MainWindowController.Actions {
        @Override
        public void connect() {
        }

        @Override
        public void open(NavNode node) {
        }

        @Override
        public void about() {
        }

        @Override
        public void quit() {
        }
    }

    /** A cluster without topics, for loading the topic browser's FXML. */
    private static final class NoTopics implements TopicReading {
        @Override
        public List<String> topics() {
            return List.of();
        }

        @Override
        public List<PartitionRange> partitions(String topic) {
            return List.of();
        }

        @Override
        public java.util.Optional<RawRecord> record(String topic, int partition, long offset) {
            return java.util.Optional.empty();
        }

        @Override
        public Tail open(String topic, List<Integer> partitions, StartPosition start, boolean follow,
                         double rateLimit, RecordBuffer buffer, java.util.function.Consumer<Problem> onEnd) {
            throw new UnsupportedOperationException("not read in this test");
        }
    }
}
