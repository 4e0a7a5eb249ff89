package io.mirrorscope.ui.main;

import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.common.WorkView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The tabbed work area: one tab per {@link ViewTarget}, each view closed exactly once when its tab goes. Opening a
 * target that has a tab selects it without building a view.
 */
final class WorkArea {

    private final TabPane tabs;
    private final Map<Tab, WorkView> views = new HashMap<>();

    WorkArea(TabPane tabs) {
        this.tabs = tabs;
    }

    /** Selects the tab of {@code target}, or builds its view with {@code factory} in a new tab; returns the view. */
    WorkView show(ViewTarget target, Supplier<? extends WorkView> factory) {
        Optional<Tab> existing = find(target);
        if (existing.isPresent()) {
            tabs.getSelectionModel().select(existing.get());
            return views.get(existing.get());
        }
        WorkView view = factory.get();
        add(view);
        return view;
    }

    /** Shows {@code view} in a new tab; when its target has a tab, selects that one and closes {@code view}. */
    void open(WorkView view) {
        Optional<Tab> existing = find(view.target());
        if (existing.isPresent()) {
            tabs.getSelectionModel().select(existing.get());
            view.close();
            return;
        }
        add(view);
    }

    /** The view showing {@code target}, if a tab has it. */
    Optional<WorkView> viewOf(ViewTarget target) {
        return find(target).map(views::get);
    }

    /** Number of open views (tests check it stays flat). */
    int size() {
        return views.size();
    }

    private Optional<Tab> find(ViewTarget target) {
        return views.entrySet().stream().filter(e -> e.getValue().target().equals(target)).map(Map.Entry::getKey)
                .findFirst();
    }

    private void add(WorkView view) {
        Tab tab = new Tab(view.title(), view.node());
        tab.setGraphic(io.mirrorscope.ui.common.Icons.of(view.target()).node());
        views.put(tab, view);
        tab.setOnClosed(e -> release(tab));
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    Optional<WorkView> selected() {
        return Optional.ofNullable(views.get(tabs.getSelectionModel().getSelectedItem()));
    }

    void closeSelected() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null) {
            tabs.getTabs().remove(tab);
            release(tab);
        }
    }

    /** Closes every tab, e.g. when the user switches to another context. */
    void closeAll() {
        for (Tab tab : tabs.getTabs().toArray(Tab[]::new)) {
            tabs.getTabs().remove(tab);
            release(tab);
        }
    }

    /** Selects the tab {@code step} places on, wrapping around. */
    void cycle(int step) {
        int count = tabs.getTabs().size();
        if (count > 1) {
            int index = tabs.getSelectionModel().getSelectedIndex();
            tabs.getSelectionModel().select(Math.floorMod(index + step, count));
        }
    }

    private void release(Tab tab) {
        WorkView view = views.remove(tab);
        if (view != null) {
            view.close();
        }
    }
}
