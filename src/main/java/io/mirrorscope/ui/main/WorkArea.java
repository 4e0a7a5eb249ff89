package io.mirrorscope.ui.main;

import io.mirrorscope.ui.common.WorkView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The tabbed work area: one tab per opened view, each view closed exactly once when its tab goes. */
final class WorkArea {

    private final TabPane tabs;
    private final Map<Tab, WorkView> views = new HashMap<>();

    WorkArea(TabPane tabs) {
        this.tabs = tabs;
    }

    /** Shows {@code view} in a new tab; when a tab of that title is open, selects it and drops {@code view}. */
    void open(WorkView view) {
        Optional<Tab> existing = tabs.getTabs().stream().filter(t -> t.getText().equals(view.title())).findFirst();
        if (existing.isPresent()) {
            tabs.getSelectionModel().select(existing.get());
            view.close();
            return;
        }
        Tab tab = new Tab(view.title(), view.node());
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
