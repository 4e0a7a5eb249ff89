package io.mirrorscope.ui.main;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;

/**
 * The navigation tree: mirrors the view model's {@link NavNode} tree and opens an entry on a single click or Enter
 * (arrow keys only move the selection, so walking the tree by keyboard opens nothing by accident); a mirror entry's
 * context menu offers "Compare records…".
 */
final class NavigationTree {

    private final TreeView<NavNode> navigation;

    NavigationTree(TreeView<NavNode> navigation, Consumer<NavNode> open, Consumer<NavNode> compare) {
        this.navigation = navigation;
        navigation.setCellFactory(tree -> {
            NavCell cell = new NavCell(open);
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Compare records…");
            item.setOnAction(e -> compare.accept(cell.getItem()));
            javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(item);
            cell.itemProperty().subscribe(node -> cell.setContextMenu(node != null
                    && node.kind() == NavNode.Kind.MIRROR && node.target() != null ? menu : null));
            return cell;
        });
        navigation.setAccessibleText("Navigation: clusters, mirrors and tracing back-ends");
        navigation.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(open);
            }
        });
    }

    private NavNode shown;
    private String filter = "";

    void follow(ObservableValue<NavNode> tree) {
        tree.subscribe(node -> {
            shown = node;
            showTree(filtered(node));
        });
    }

    /** Shows only the resources whose label contains the text (case-insensitive); the tree's frame stays. */
    void filter(ObservableValue<String> text) {
        text.subscribe(t -> {
            filter = t == null ? "" : t.strip().toLowerCase(java.util.Locale.ROOT);
            if (shown != null) {
                showTree(filtered(shown));
            }
        });
    }

    private NavNode filtered(NavNode node) {
        if (filter.isEmpty() || node.children().isEmpty()) {
            return node;
        }
        java.util.List<NavNode> kept = node.children().stream()
                .filter(child -> !child.children().isEmpty() || child.kind() == NavNode.Kind.PLACEHOLDER
                        || child.label().toLowerCase(java.util.Locale.ROOT).contains(filter))
                .map(this::filtered)
                .filter(child -> child.kind() != NavNode.Kind.SECTION || !child.children().isEmpty())
                .toList();
        return new NavNode(node.kind(), node.label(), node.key(), kept, node.target(), node.health());
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
