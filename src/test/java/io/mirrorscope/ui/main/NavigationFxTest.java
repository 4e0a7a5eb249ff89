package io.mirrorscope.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.Shortcuts;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The navigation's hands (single click opens, arrows only move, search narrows) and the one shortcut registry. */
@ExtendWith(ApplicationExtension.class)
@Tag("fx")
class NavigationFxTest {

    private final List<NavNode> opened = new ArrayList<>();
    private MainWindowViewModel viewModel;
    private Parent root;

    @Start
    void start(Stage stage) {
        viewModel = new MainWindowViewModel(new BackgroundWork(Runnable::run, Runnable::run));
        root = FxmlViews.load(Fxml.MAIN_WINDOW, new MainWindowController(viewModel, new MainWindowController.Actions() {
            @Override
            public void connect() {
            }

            @Override
            public void open(NavNode node) {
                opened.add(node);
            }

            @Override
            public void about() {
            }

            @Override
            public void quit() {
            }
        })).root();
        Scene scene = new Scene(root, 1000, 700);
        scene.getStylesheets().add(Styles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private void connect(FxRobot robot) {
        robot.interact(() -> viewModel.connected("sandbox", "amq-streams", false, List.of(
                NavNode.leaf(NavNode.Kind.VIEW, "Inventory", NavigationSections.INVENTORY, new ViewTarget.Inventory()),
                new NavNode(NavNode.Kind.SECTION, "Kafka clusters (2)", "section/clusters", List.of(
                        new NavNode(NavNode.Kind.CLUSTER, "europe-cluster", "cluster/amq-streams/europe-cluster",
                                List.of(), new ViewTarget.Cluster("amq-streams", "europe-cluster"), Health.FAILED),
                        new NavNode(NavNode.Kind.CLUSTER, "us-cluster", "cluster/amq-streams/us-cluster",
                                List.of(), new ViewTarget.Cluster("amq-streams", "us-cluster"), Health.READY))))));
    }

    @Test
    void aSingleClickOpensTheEntryAndArrowsOnlyMove(FxRobot robot) {
        connect(robot);
        robot.clickOn("europe-cluster");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).extracting(NavNode::key).containsExactly("cluster/amq-streams/europe-cluster");

        // the health is an icon in the theme's danger colour class, not a glyph in the label
        Node cell = robot.lookup(".tree-cell").match(n -> n instanceof javafx.scene.control.TreeCell<?> c
                && c.getItem() instanceof NavNode nav && nav.label().equals("europe-cluster")).query();
        assertThat(cell.lookupAll(".health-icon")).singleElement()
                .satisfies(icon -> assertThat(icon.getStyleClass()).contains("failed"))
                .isInstanceOf(FontIcon.class);
        assertThat(cell.getAccessibleText()).contains("europe-cluster", "failed");

        robot.push(KeyCode.DOWN);
        assertThat(opened).hasSize(1);
        robot.push(KeyCode.ENTER);
        assertThat(opened).extracting(NavNode::key).containsExactly("cluster/amq-streams/europe-cluster",
                "cluster/amq-streams/us-cluster");
        // a section opens nothing
        robot.clickOn("Kafka clusters (2)");
        assertThat(opened).hasSize(2);
    }

    @Test
    void theSearchNarrowsTheTreeToMatchingResources(FxRobot robot) {
        connect(robot);
        robot.clickOn("#navigationSearch").write("us-");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labels(robot)).contains("sandbox", "amq-streams", "us-cluster")
                .doesNotContain("europe-cluster", "Inventory");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(labels(robot)).contains("europe-cluster", "us-cluster", "Inventory");
    }

    @Test
    void everyMenuAcceleratorComesFromTheRegistryAndTheHelpListsTheWholeRegistry(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<KeyCombination> inMenus = new ArrayList<>();
        bar.getMenus().forEach(menu -> collect(menu, inMenus));
        Set<KeyCombination> registry = java.util.Arrays.stream(Shortcuts.values()).map(Shortcuts::keys)
                .collect(Collectors.toSet());
        assertThat(inMenus).isNotEmpty().allMatch(registry::contains);
        assertThat(inMenus).contains(Shortcuts.CONNECT.keys(), Shortcuts.SHORTCUTS.keys(), Shortcuts.NEXT_TAB.keys());

        List<String> listed = new ArrayList<>();
        robot.interact(() -> ShortcutsDialog.grid().getChildren().forEach(n -> listed.add(((Label) n).getText())));
        for (Shortcuts s : Shortcuts.values()) {
            assertThat(listed).as(s.name()).contains(s.display(), s.description());
        }
    }

    private static void collect(Menu menu, List<KeyCombination> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, into);
            } else if (item.getAccelerator() != null) {
                into.add(item.getAccelerator());
            }
        }
    }

    private static List<String> labels(FxRobot robot) {
        TreeView<?> tree = robot.lookup("#navigation").queryAs(TreeView.class);
        List<String> labels = new ArrayList<>();
        addLabels(tree.getRoot(), labels);
        return labels;
    }

    private static void addLabels(TreeItem<?> item, List<String> into) {
        if (item == null) {
            return;
        }
        into.add(((NavNode) item.getValue()).label());
        item.getChildren().forEach(child -> addLabels(child, into));
    }
}
