package io.mirrorscope.ui.traces;

import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The traces tab: {@code traces_view.fxml} + {@link TracesController} + {@link TracesViewModel}: search a Jaeger
 * back end, sort the results, open a trace on the timeline. Give the view model a client to start.
 */
public final class TracesView implements WorkView {

    private final ViewTarget target;
    private final Parent root;
    private final TracesController controller;
    private final TracesViewModel viewModel;

    private TracesView(ViewTarget target, Parent root, TracesController controller, TracesViewModel viewModel) {
        this.target = target;
        this.root = root;
        this.controller = controller;
        this.viewModel = viewModel;
    }

    /** Loads the view around a view model, for the back end {@code target}. */
    public static TracesView create(ViewTarget target, TracesViewModel viewModel) {
        TracesController controller = new TracesController(viewModel);
        Parent root = FxmlViews.load(Fxml.TRACES_VIEW, controller).root();
        root.getStylesheets().add(Styles.STYLESHEET);
        root.getStylesheets().add("/css/inventory.css");
        root.getStylesheets().add("/css/traces.css");
        return new TracesView(target, root, controller, viewModel);
    }

    /** The view model (the workspace opens a record's trace through it). */
    public TracesViewModel viewModel() {
        return viewModel;
    }

    public TracesController controller() {
        return controller;
    }

    @Override
    public ViewTarget target() {
        return target;
    }

    /** The window's Ctrl+F: find in the open trace. */
    @Override
    public void focusFilter() {
        controller.focusFind();
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
