package io.mirrorscope.ui.common;

import javafx.scene.Node;

/**
 * Something shown in a tab of the work area. The main window routes the global shortcuts to the selected one:
 * F5 to {@link #refresh()}, Ctrl+F to {@link #focusFilter()}, Ctrl+W to {@link #close()} (then removes the tab).
 */
public interface WorkView {

    /** What the view shows; the work area keeps one view per target and focuses it when opened again. */
    ViewTarget target();

    /** The tab's title. */
    default String title() {
        return target().title();
    }

    /** The view's root node. */
    Node node();

    /** Reloads what the view shows (F5). Views that only ever show live data may do nothing. */
    default void refresh() {
    }

    /** Moves the keyboard focus into the view's filter box (Ctrl+F), if it has one. */
    default void focusFilter() {
    }

    /** Releases what the view holds (consumers, watches); called once when its tab closes. */
    default void close() {
    }
}
