package io.mirrorscope.ui.browser;

import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import javafx.scene.Node;

/**
 * The topic browser as a tab of the work area: F5 reloads the topic list and partition offsets, Ctrl+F focuses the
 * filter, closing the tab stops the read and releases the consumer.
 */
public final class TopicBrowserView implements WorkView {

    private final ViewTarget target;
    private final String title;
    private final Node root;
    private final TopicBrowserController controller;
    private final Runnable afterClose;

    /**
     * {@code root} and {@code controller} come from loading {@code topic_browser.fxml}; {@code afterClose} releases
     * what the view's owner opened for it (the reading, tunnels), once the read has stopped.
     */
    public TopicBrowserView(ViewTarget target, String title, Node root, TopicBrowserController controller,
                            Runnable afterClose) {
        this.target = target;
        this.title = title;
        this.root = root;
        this.controller = controller;
        this.afterClose = afterClose;
    }

    @Override
    public ViewTarget target() {
        return target;
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
    public void refresh() {
        controller.viewModel().refresh();
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
