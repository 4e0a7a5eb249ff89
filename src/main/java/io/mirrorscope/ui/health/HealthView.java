package io.mirrorscope.ui.health;

import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The mirror health tab: {@code health_view.fxml} + {@link HealthController} + {@link HealthViewModel}. Creating it
 * starts the view model's feed; closing the tab stops it.
 */
public final class HealthView implements WorkView {

    private final Parent root;
    private final HealthController controller;
    private final HealthViewModel viewModel;

    private HealthView(Parent root, HealthController controller, HealthViewModel viewModel) {
        this.root = root;
        this.controller = controller;
        this.viewModel = viewModel;
    }

    /** Loads the view around a view model and starts its feed. FX thread. */
    public static HealthView create(HealthViewModel viewModel) {
        HealthController controller = new HealthController(viewModel);
        Parent root = FxmlViews.load(Fxml.HEALTH_VIEW, controller).root();
        root.getStylesheets().add(Styles.STYLESHEET);
        root.getStylesheets().add("/css/health.css");
        viewModel.start();
        return new HealthView(root, controller, viewModel);
    }

    public HealthViewModel viewModel() {
        return viewModel;
    }

    @Override
    public ViewTarget target() {
        return viewModel.target();
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void close() {
        controller.close();
        viewModel.close();
    }
}
