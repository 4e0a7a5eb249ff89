package io.mirrorscope.ui.sidebyside;

import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The side-by-side view as a tab of the work area: {@code sidebyside_view.fxml} + {@link SideBySideController} +
 * {@link SideBySideViewModel} over a {@link CompareFeed}. Ctrl+F focuses the filter; closing the tab stops the
 * pulse and closes the feed (its consumers), then runs {@code afterClose}.
 */
public final class SideBySideView implements WorkView {

    private final ViewTarget target;
    private final Parent root;
    private final SideBySideController controller;
    private final Runnable afterClose;

    private final String title;

    private SideBySideView(ViewTarget target, String title, Parent root, SideBySideController controller,
            Runnable afterClose) {
        this.target = target;
        this.title = title;
        this.root = root;
        this.controller = controller;
        this.afterClose = afterClose;
    }

    /** Loads the view around {@code viewModel}; call on the FX thread. */
    public static SideBySideView open(SideBySideViewModel viewModel, Runnable afterClose) {
        CompareFeed.Sides s = viewModel.feed().sides();
        return open(viewModel, new ViewTarget.Compare(s.sourceTopic(), s.targetTopic()).title(), afterClose);
    }

    /** As above, with its own tab title (a snapshot's window says whose snapshot it is). */
    public static SideBySideView open(SideBySideViewModel viewModel, String title, Runnable afterClose) {
        SideBySideController controller = new SideBySideController(viewModel);
        Parent root = FxmlViews.load(Fxml.SIDE_BY_SIDE, controller).root();
        CompareFeed.Sides s = viewModel.feed().sides();
        return new SideBySideView(new ViewTarget.Compare(s.sourceTopic(), s.targetTopic()), title, root, controller,
                afterClose);
    }

    @Override
    public String title() {
        return title;
    }

    public SideBySideController controller() {
        return controller;
    }

    @Override
    public ViewTarget target() {
        return target;
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
