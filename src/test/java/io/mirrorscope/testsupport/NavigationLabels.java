package io.mirrorscope.testsupport;

import io.mirrorscope.ui.main.NavNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.testfx.api.FxRobot;

/** The labels of the main window's navigation tree, depth first, (health is an icon, not part of the label). */
public final class NavigationLabels {

    private NavigationLabels() {
    }

    public static List<String> of(FxRobot robot) {
        List<String> labels = new ArrayList<>();
        @SuppressWarnings("unchecked")
        TreeView<NavNode> tree = robot.lookup("#navigation").queryAs(TreeView.class);
        collect(tree.getRoot(), labels);
        return labels;
    }

    private static void collect(TreeItem<NavNode> item, List<String> labels) {
        if (item != null) {
            labels.add(item.getValue().label());
            item.getChildren().forEach(child -> collect(child, labels));
        }
    }
}
