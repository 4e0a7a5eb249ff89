package io.mirrorscope.ui.inventory;

import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The inventory tab: {@code inventory_view.fxml} + {@link InventoryController} + {@link InventoryViewModel}.
 * Feed it with {@code viewModel.setInventory(inventory)} on the FX thread.
 */
public final class InventoryView implements WorkView {

    private final Parent root;
    private final InventoryController controller;

    private InventoryView(Parent root, InventoryController controller) {
        this.root = root;
        this.controller = controller;
    }

    /** Loads the view around a view model. */
    public static InventoryView create(InventoryViewModel viewModel) {
        InventoryController controller = new InventoryController(viewModel);
        Parent root = FxmlViews.load(Fxml.INVENTORY_VIEW, controller).root();
        root.getStylesheets().add(Styles.STYLESHEET);
        root.getStylesheets().add("/css/inventory.css");
        return new InventoryView(root, controller);
    }

    public InventoryController controller() {
        return controller;
    }

    @Override
    public ViewTarget target() {
        return new ViewTarget.Inventory();
    }

    @Override
    public void close() {
        controller.close();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusFilter() {
        root.lookup(".text-field").requestFocus();
    }
}
