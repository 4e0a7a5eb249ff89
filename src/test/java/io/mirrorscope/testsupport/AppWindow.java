package io.mirrorscope.testsupport;

import static org.awaitility.Awaitility.await;

import io.mirrorscope.app.AppPreferences;
import io.mirrorscope.app.AppServices;
import io.mirrorscope.app.StartOptions;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.main.NavNode;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * The app's main window as the fx tests open it: {@link AppServices} on a throwaway preferences node (so a test
 * neither reads nor leaves the user's settings), the scene with the app's stylesheet, shown on TestFX's stage.
 * {@link #close()} stops the services and removes the node.
 */
public final class AppWindow {

    private final Preferences node;
    private final AppServices services;
    private final Parent root;

    private AppWindow(Preferences node, AppServices services, Parent root) {
        this.node = node;
        this.services = services;
        this.root = root;
    }

    /** Builds the window for {@code options} on {@code stage} at the given size and shows it. */
    public static AppWindow show(Stage stage, StartOptions options, double width, double height) {
        Preferences node = Preferences.userRoot().node("io/mirrorscope-test/" + UUID.randomUUID());
        AppServices services = new AppServices(options, new AppPreferences(node));
        Parent root = services.mainWindow(stage);
        showStyled(stage, root, width, height);
        return new AppWindow(node, services, root);
    }

    /** Shows {@code root} on {@code stage} in a scene of the given size with the app's stylesheet. */
    public static void showStyled(Stage stage, Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    public AppServices services() {
        return services;
    }

    public Parent root() {
        return root;
    }

    /** Stops the services and removes the throwaway preferences node. */
    public void close() throws BackingStoreException {
        services.close();
        node.removeNode();
    }

    /** The navigation tree's cell showing the entry whose label starts with {@code label}, if drawn. */
    public static Optional<Node> navigationCell(FxRobot robot, String label) {
        return robot.lookup(".tree-cell").match((TreeCell<NavNode> c) -> c.getItem() != null
                && c.getItem().label().startsWith(label)).tryQuery();
    }

    /**
     * Right-clicks the navigation entry whose label starts with {@code label} and clicks {@code item} in its context
     * menu. The tree is rebuilt when the live inventory changes (it does while a cluster settles), which can take a
     * shown menu away: right-click again until the item is there.
     */
    public static void chooseFromNavigationMenu(FxRobot robot, String label, String item) {
        // the tree's cells follow its items a pulse later
        await().atMost(Duration.ofSeconds(10)).until(() -> navigationCell(robot, label).isPresent());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (robot.lookup(item).tryQuery().isPresent()) {
                return true;
            }
            navigationCell(robot, label).ifPresent(robot::rightClickOn);
            return robot.lookup(item).tryQuery().isPresent();
        });
        robot.clickOn(item);
    }
}
