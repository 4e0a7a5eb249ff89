package io.mirrorscope.ui.main;

import javafx.css.PseudoClass;
import javafx.scene.control.TreeCell;

/** A navigation entry: its label, styled by kind (icons come from CSS, so both themes can colour them). */
final class NavCell extends TreeCell<NavNode> {

    private PseudoClass current;

    @Override
    protected void updateItem(NavNode node, boolean empty) {
        super.updateItem(node, empty);
        if (current != null) {
            pseudoClassStateChanged(current, false);
            current = null;
        }
        if (empty || node == null) {
            setText(null);
            return;
        }
        setText(node.label());
        current = PseudoClass.getPseudoClass("nav-" + node.kind().name().toLowerCase(java.util.Locale.ROOT));
        pseudoClassStateChanged(current, true);
    }
}
