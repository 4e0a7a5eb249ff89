package io.mirrorscope.ui.main;

import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.ui.common.Icons;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;

/**
 * A navigation entry: the icon of its kind, its label, and for resources the icon of their health (coloured by the
 * theme's palette). A single primary click on an entry that opens something opens (or focuses) its view.
 */
final class NavCell extends TreeCell<NavNode> {

    private PseudoClass current;

    NavCell(Consumer<NavNode> open) {
        setOnMouseClicked(e -> {
            NavNode node = getItem();
            if (e.getButton() == MouseButton.PRIMARY && !isEmpty() && node != null && node.target() != null
                    && e.getClickCount() == 1) {
                open.accept(node);
            }
        });
    }

    @Override
    protected void updateItem(NavNode node, boolean empty) {
        super.updateItem(node, empty);
        if (current != null) {
            pseudoClassStateChanged(current, false);
            current = null;
        }
        if (empty || node == null) {
            setText(null);
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        setText(node.label());
        boolean resource = node.kind() == NavNode.Kind.CLUSTER || node.kind() == NavNode.Kind.MIRROR
                || node.kind() == NavNode.Kind.TRACING;
        HBox graphic = new HBox(4, icon(node).node());
        if (resource) {
            graphic.getChildren().add(Icons.health(node.health()));
        }
        setGraphic(graphic);
        setAccessibleText(node.label() + (resource ? ", " + health(node.health()) : "")
                + (node.target() != null ? ", opens " + node.target().title() : ""));
        current = PseudoClass.getPseudoClass("nav-" + node.kind().name().toLowerCase(Locale.ROOT));
        pseudoClassStateChanged(current, true);
    }

    static Icons icon(NavNode node) {
        return switch (node.kind()) {
            case CONTEXT -> Icons.CONTEXT;
            case NAMESPACE -> Icons.NAMESPACE;
            case SECTION -> Icons.SECTION;
            case VIEW -> NavigationSections.TOPOLOGY.equals(node.key()) ? Icons.TOPOLOGY : Icons.INVENTORY;
            case CLUSTER -> Icons.CLUSTER;
            case MIRROR -> Icons.MIRROR;
            case TRACING -> Icons.TRACING;
            case PLACEHOLDER -> Icons.NOT_CONNECTED;
        };
    }

    private static String health(Health health) {
        return switch (health) {
            case READY -> "ready";
            case DEGRADED -> "degraded";
            case FAILED -> "failed";
            case UNKNOWN -> "health unknown";
        };
    }
}
