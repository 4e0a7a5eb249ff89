package io.mirrorscope.ui.traces;

import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.Styles;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The traces tab: {@code traces_view.fxml} + {@link TracesController} + {@link TracesViewModel}: search a Jaeger
 * back end, sort the results, open a trace on the timeline. Give the view model a client to start.
 */
public final class TracesView implements WorkView {

    public static final String FXML = "/fxml/traces_view.fxml";

    private final Parent root;
    private final TracesController controller;

    private TracesView(Parent root, TracesController controller) {
        this.root = root;
        this.controller = controller;
    }

    /** Loads the view around a view model. */
    public static TracesView create(TracesViewModel viewModel) {
        TracesController controller = new TracesController(viewModel);
        Parent root = FxmlViews.load(FXML, controller);
        root.getStylesheets().add(Styles.STYLESHEET);
        root.getStylesheets().add("/css/inventory.css");
        root.getStylesheets().add("/css/traces.css");
        return new TracesView(root, controller);
    }

    public TracesController controller() {
        return controller;
    }

    @Override
    public String title() {
        return "Traces";
    }

    @Override
    public Node node() {
        return root;
    }
}
