package io.mirrorscope.ui.main;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;

/**
 * The navigation tree: mirrors the view model's {@link NavNode} tree and opens an entry on double-click or Enter;
 * a mirror entry's context menu offers "Compare records…".
 */
final class NavigationTree {

    private final TreeView<NavNode> navigation;

    NavigationTree(TreeView<NavNode> navigation, Consumer<NavNode> open, Consumer<NavNode> compare) {
        this.navigation = navigation;
        navigation.setCellFactory(tree -> {
            NavCell cell = new NavCell();
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Compare records…");
            item.setOnAction(e -> compare.accept(cell.getItem()));
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(item);
            cell.itemProperty().subscribe(node -> cell.setContextMenu(node != null
                    && node.kind() == NavNode.Kind.MIRROR && node.target() != null ? menu : null));
            return cell;
        });
        navigation.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected(open);
            }
        });
        navigation.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(open);
            }
        });
    }

    void follow(ObservableValue<NavNode> tree) {
        tree.subscribe(this::showTree);
    }

    private void openSelected(Consumer<NavNode> open) {
        TreeItem<NavNode> selected = navigation.getSelectionModel().getSelectedItem();
        if (selected != null) {
            open.accept(selected.getValue());
        }
    }

    /** Replaces the tree, keeping what the user collapsed and selected (live updates must not reset it). */
    private void showTree(NavNode node) {
        Set<String> collapsed = new HashSet<>();
        TreeItem<NavNode> old = navigation.getRoot();
        if (old != null) {
            collectCollapsed(old, collapsed);
        }
        TreeItem<NavNode> selected = navigation.getSelectionModel().getSelectedItem();
        String selectedKey = selected == null ? null : selected.getValue().key();
        navigation.setRoot(toItem(node, collapsed));
        if (selectedKey != null) {
            for (int row = 0; row < navigation.getExpandedItemCount(); row++) {
                if (selectedKey.equals(navigation.getTreeItem(row).getValue().key())) {
                    navigation.getSelectionModel().select(row);
                }
            }
        }
    }

    private static void collectCollapsed(TreeItem<NavNode> item, Set<String> collapsed) {
        if (!item.isExpanded() && !item.isLeaf()) {
            collapsed.add(item.getValue().key());
        }
        item.getChildren().forEach(child -> collectCollapsed(child, collapsed));
    }

    private static TreeItem<NavNode> toItem(NavNode node, Set<String> collapsed) {
        TreeItem<NavNode> item = new TreeItem<>(node);
        item.setExpanded(!collapsed.contains(node.key()));
        node.children().forEach(child -> item.getChildren().add(toItem(child, collapsed)));
        return item;
    }
}
