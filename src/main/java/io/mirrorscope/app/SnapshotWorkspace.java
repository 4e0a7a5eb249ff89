package io.mirrorscope.app;

import io.mirrorscope.core.Problem;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.ProblemReport;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.inventory.InventoryView;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.inventory.Panel;
import io.mirrorscope.ui.main.MainWindowController;
import io.mirrorscope.ui.main.MainWindowViewModel;
import io.mirrorscope.ui.main.NavigationSections;
import io.mirrorscope.ui.topology.TopologyView;
import io.mirrorscope.ui.topology.TopologyViewModel;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A snapshot file opened in the window: the same inventory and topology views as a live connection, fed once from
 * the file, marked "snapshot of &lt;context&gt; at &lt;time&gt;" where the window names its context. What needs a
 * live cluster (a topic's records, a tracing back-end's search, a running compare) says so instead of opening.
 */
final class SnapshotWorkspace implements AutoCloseable {

    private final Snapshot snapshot;
    private final MainWindowViewModel mainViewModel;
    private final MainWindowController window;
    private final InventoryViewModel inventoryViewModel;
    private final TopologyViewModel topologyViewModel = new TopologyViewModel();

    SnapshotWorkspace(Snapshot snapshot, MainWindowViewModel mainViewModel, MainWindowController window) {
        this.snapshot = snapshot;
        this.mainViewModel = mainViewModel;
        this.window = window;
        // ages are as they were when the snapshot was taken, not as of today
        this.inventoryViewModel = new InventoryViewModel(Clock.fixed(snapshot.header().takenAt(), ZoneOffset.UTC));
        inventoryViewModel.setInventory(snapshot.inventory());
        topologyViewModel.setInventory(snapshot.inventory());
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Shows the snapshot's navigation, with its title where a live window shows its context. FX thread. */
    void show() {
        Inventory inventory = snapshot.inventory();
        String namespace = snapshot.header().namespace().isEmpty() ? null : snapshot.header().namespace();
        mainViewModel.connected(snapshot.header().title(), namespace, false, NavigationSections.of(inventory));
    }

    /** Opens what {@code target} stands for from the file; live-only targets say why they do not open. FX thread. */
    void open(ViewTarget target) {
        switch (target) {
            case ViewTarget.Inventory t -> window.show(t, () -> InventoryView.create(inventoryViewModel));
            case ViewTarget.Topology t -> window.show(t, () -> TopologyView.create(topologyViewModel));
            case ViewTarget.Mirror m -> {
                window.show(m.view(), () -> InventoryView.create(inventoryViewModel));
                inventoryViewModel.reveal(Panel.MIRRORS, m.namespace(), m.name());
            }
            case ViewTarget.Cluster c -> liveOnly("Browsing the records of " + c.name());
            case ViewTarget.Tracing t -> liveOnly("Searching traces in " + t.name());
            case ViewTarget.Compare c -> liveOnly("Comparing " + c.sourceTopic() + " live");
            case ViewTarget.Health h -> liveOnly("Watching the health of " + h.name());
        }
    }

    private void liveOnly(String what) {
        BackgroundWork.report(mainViewModel.problems(), new ProblemReport(what, Problem.of(Problem.Kind.USAGE,
                what + " needs a live cluster", "This window shows a " + snapshot.header().title(),
                "Connect (File ▸ Connect…) to do it live; mirrorscope open FILE prints the saved window and traces"),
                null));
    }

    @Override
    public void close() {
        // nothing live to stop: the views are closed by the window
    }
}
