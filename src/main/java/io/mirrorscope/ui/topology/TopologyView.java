package io.mirrorscope.ui.topology;

import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The topology tab: {@code topology_view.fxml} + {@link TopologyController} + {@link TopologyViewModel}.
 * Feed it with {@code viewModel.setInventory(inventory)} on the FX thread.
 */
public final class TopologyView implements WorkView {

    private final Parent root;
    private final TopologyController controller;

    private TopologyView(Parent root, TopologyController controller) {
        this.root = root;
        this.controller = controller;
    }

    /** Loads the view around a view model. */
    public static TopologyView create(TopologyViewModel viewModel) {
        TopologyController controller = new TopologyController(viewModel);
        Parent root = FxmlViews.load(Fxml.TOPOLOGY_VIEW, controller).root();
        root.getStylesheets().add(Styles.STYLESHEET);
        root.getStylesheets().add("/css/inventory.css");
        return new TopologyView(root, controller);
    }

    public TopologyController controller() {
        return controller;
    }

    @Override
    public ViewTarget target() {
        return new ViewTarget.Topology();
    }

    @Override
    public void close() {
        controller.close();
    }

    @Override
    public Node node() {
        return root;
    }
}
