package io.mirrorscope.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mirrorscope.kube.inventory.InventoryReaderSeedTest;
import io.mirrorscope.kube.inventory.StrimziMockServer;
import io.mirrorscope.testsupport.AppWindow;
import io.mirrorscope.testsupport.MockKubeconfig;
import io.mirrorscope.testsupport.NavigationLabels;
import io.mirrorscope.ui.main.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The main flows without a mouse: connect (Ctrl+K, Enter), walk the navigation (Ctrl+Shift+N, arrows, Enter), search
 * a view (Ctrl+F, type, Escape), switch and close tabs (Ctrl+Tab, Ctrl+W), the shortcut list (F1, Escape). On the
 * way, every focusable control of the window must have something a screen reader can say.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class KeyboardOnlyFxTest {

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
        // no context given: the window starts disconnected and the user connects from the keyboard
        window = AppWindow.show(stage, new StartOptions(kubeconfig, null, null, false), 1000, 700);
    }

    @AfterEach
    void tearDown() throws BackingStoreException {
        window.close();
    }

    @Test
    void connectBrowseSearchAndCloseWithTheKeyboardAlone(FxRobot robot) {
        assertThat(unspoken(window.root())).as("focusable controls without accessible text, disconnected").isEmpty();

        // Ctrl+K: the connect dialog, the kubeconfig's current context preselected; Enter presses Connect
        robot.push(KeyCode.CONTROL, KeyCode.K);
        await().atMost(Duration.ofSeconds(10)).until(() -> dialog(robot, "Connect — MirrorScope") != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !robot.lookup("#connectButton").query().isDisabled());
        Window dialog = dialog(robot, "Connect — MirrorScope");
        assertThat(unspoken(dialog.getScene().getRoot())).as("connect dialog controls without text").isEmpty();
        robot.push(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(20)).until(() -> NavigationLabels.of(robot).containsAll(
                List.of("Inventory", "Topology", "europe-cluster", "us-cluster")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                window.services().mainViewModel().connectionProperty().get() == ConnectionState.CONNECTED);

        // Ctrl+Shift+N: into the tree; down to "Inventory" (context, namespace, Inventory); Enter opens it
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        TreeView<?> navigation = robot.lookup("#navigation").queryAs(TreeView.class);
        assertThat(navigation.isFocused()).isTrue();
        robot.interact(() -> navigation.getSelectionModel().select(0));
        robot.push(KeyCode.DOWN).push(KeyCode.DOWN).push(KeyCode.ENTER);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> tabs.getTabs().size() == 1);
        assertThat(tabs.getTabs().getFirst().getText()).isEqualTo("Inventory");
        // (the topology view's own controls belong to its view; this walk covers the window and the inventory)
        assertThat(unspoken(window.root())).as("focusable controls without accessible text, inventory open").isEmpty();

        // Ctrl+F: the view's search box; typing filters, Escape clears
        robot.push(KeyCode.CONTROL, KeyCode.F);
        TextInputControl filter = robot.lookup("#filter").queryAs(TextInputControl.class);
        assertThat(filter.isFocused()).isTrue();
        robot.write("us-");
        TableView<?> clusters = robot.lookup("#table-clusters").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> clusters.getItems().size() == 1);
        robot.push(KeyCode.ESCAPE);
        assertThat(filter.getText()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> clusters.getItems().size() == 2);

        // back to the tree, one more down: Topology
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        robot.push(KeyCode.DOWN).push(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> tabs.getTabs().size() == 2);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Topology");

        // Ctrl+Tab to the inventory, Ctrl+W closes it
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Inventory");
        robot.push(KeyCode.CONTROL, KeyCode.W);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Topology");

        // F1: the shortcut list; Escape closes it
        robot.push(KeyCode.F1);
        await().atMost(Duration.ofSeconds(5)).until(() -> dialog(robot, "Keyboard shortcuts") != null);
        robot.push(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> dialog(robot, "Keyboard shortcuts") == null);
    }

    private static Window dialog(FxRobot robot, String title) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && title.equals(s.getTitle())
                && s.isShowing()).findFirst().orElse(null);
    }

    /** Focusable, visible controls with nothing to say: no accessible text, no label text, no prompt. */
    static List<String> unspoken(Parent parent) {
        List<String> found = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        collect(parent, found);
        return found;
    }

    private static void collect(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control && control.isFocusTraversable() && !control.isDisabled()
                && !saysSomething(control)) {
            found.add(control.getClass().getSimpleName() + (control.getId() == null ? "" : "#" + control.getId())
                    + " " + control.getStyleClass());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    private static boolean saysSomething(Control control) {
        if (control.getAccessibleText() != null && !control.getAccessibleText().isBlank()) {
            return true;
        }
        if (control instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return true;
        }
        return control instanceof TextInputControl t && t.getPromptText() != null && !t.getPromptText().isBlank();
    }
}
