package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The side-by-side view as a tab of the work area: {@code sidebyside_view.fxml} + {@link SideBySideController} +
 * {@link SideBySideViewModel} over a {@link CompareFeed}. Ctrl+F focuses the filter; closing the tab stops the
 * pulse and closes the feed (its consumers), then runs {@code afterClose}.
 */
public final class SideBySideView implements WorkView {

    /** The FXML resource (also listed in app.Fxml). */
    public static final String FXML = "/fxml/sidebyside_view.fxml";

    private final String title;
    private final Parent root;
    private final SideBySideController controller;
    private final Runnable afterClose;

    private SideBySideView(String title, Parent root, SideBySideController controller, Runnable afterClose) {
        this.title = title;
        this.root = root;
        this.controller = controller;
        this.afterClose = afterClose;
    }

    /** Loads the view around {@code viewModel}; call on the FX thread. */
    public static SideBySideView open(SideBySideViewModel viewModel, Runnable afterClose) {
        SideBySideController controller = new SideBySideController(viewModel);
        Parent root = FxmlViews.load(FXML, controller);
        CompareFeed.Sides s = viewModel.feed().sides();
        return new SideBySideView("Mirror " + s.sourceTopic() + " → " + s.targetTopic(), root, controller,
                afterClose);
    }

    public SideBySideController controller() {
        return controller;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusFilter() {
        controller.focusFilter();
    }

    @Override
    public void close() {
        controller.close();
        afterClose.run();
    }
}
