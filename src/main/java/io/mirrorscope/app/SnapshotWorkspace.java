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
import io.mirrorscope.core.snapshot.MirrorWindow;
import io.mirrorscope.core.trace.Trace;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.tracing.TraceDocuments;
import io.mirrorscope.ui.sidebyside.SideBySideView;
import io.mirrorscope.ui.sidebyside.SideBySideViewModel;
import io.mirrorscope.ui.traces.TracesView;
import io.mirrorscope.ui.traces.TracesViewModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import javafx.application.Platform;

/**
 * A snapshot file opened in the window: the same inventory and topology views as a live connection, fed once from
 * the file, marked "snapshot of &lt;context&gt; at &lt;time&gt;" where the window names its context. The saved mirror
 * window opens in the side-by-side view ({@link SnapshotCompareFeed}: the findings as saved, seek pairs the saved
 * records again), and the saved traces in the traces view, from the back end's own JSON. What needs a live cluster
 * (a topic's records, a tracing back-end's search, a new compare) says so instead of opening.
 */
final class SnapshotWorkspace implements AutoCloseable {

    private final Snapshot snapshot;
    private final MainWindowViewModel mainViewModel;
    private final MainWindowController window;
    private final InventoryViewModel inventoryViewModel;
    private final TopologyViewModel topologyViewModel = new TopologyViewModel();
    private final BackgroundWork work;
    private final ExecutorService io;
    /** The saved traces, parsed once (the traces view and the pairs' "Open traces" share them). */
    private List<Trace> traces;
    private SideBySideViewModel windowViewModel;

    SnapshotWorkspace(Snapshot snapshot, MainWindowViewModel mainViewModel, MainWindowController window,
            BackgroundWork work, ExecutorService io) {
        this.snapshot = snapshot;
        this.mainViewModel = mainViewModel;
        this.window = window;
        this.work = work;
        this.io = io;
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
        if (snapshot.window() != null) {
            openWindow();
        }
    }

    /** The target of the saved window's side-by-side view; null when the snapshot holds none. */
    ViewTarget.Compare windowTarget() {
        MirrorWindow w = snapshot.window();
        return w == null ? null : new ViewTarget.Compare(w.sourceTopic(), w.targetTopic());
    }

    /** The side-by-side view model of the saved window, once it is open (tests look at what it shows). */
    SideBySideViewModel windowViewModel() {
        return windowViewModel;
    }

    /** Opens (or focuses) the saved mirror window in the side-by-side view. FX thread. */
    void openWindow() {
        MirrorWindow w = snapshot.window();
        window.show(windowTarget(), () -> {
            SnapshotCompareFeed feed = new SnapshotCompareFeed(w, SnapshotCompareFeed.sidesOf(w), io);
            SideBySideViewModel viewModel = new SideBySideViewModel(feed, io, Platform::runLater,
                    Math.max(1, w.findings().recentPairs().size()), mainViewModel.timeDisplay().zone());
            viewModel.onOpenTrace(pair -> Workspace.openPairTraces(pair, feed.sides(),
                    (context, millis) -> withTraces(v -> v.viewModel().open(context, millis)),
                    this::openStitched));
            viewModel.traceCheck(this::unsaved);
            windowViewModel = viewModel;
            SideBySideView view = SideBySideView.open(viewModel, "Mirror " + w.sourceTopic() + " → "
                    + w.targetTopic() + " — " + snapshot.header().title(), () -> {
                        if (windowViewModel == viewModel) {
                            windowViewModel = null;
                        }
                    });
            viewModel.start();
            return view;
        });
    }

    /** "" when the snapshot saved a trace either record of the pair names, else why "Open traces" cannot. */
    private String unsaved(io.mirrorscope.ui.sidebyside.CompareFeed.Pair pair) {
        Set<String> saved = traces().stream().map(Trace::traceId).collect(Collectors.toSet());
        TraceContext source = TraceContext.fromRecord(pair.source()).context();
        TraceContext copy = pair.target().map(t -> TraceContext.fromRecord(t).context()).orElse(null);
        boolean found = (source != null && saved.contains(source.traceId()))
                || (copy != null && saved.contains(copy.traceId()));
        return found ? "" : "the snapshot saved no trace of this pair (it holds " + saved.size()
                + (saved.size() == 1 ? " trace)" : " traces)");
    }

    /** A pair's two traces stitched when both were saved, else the one that was (or why neither opens). */
    private void openStitched(TraceContext source, TraceContext target,
            io.mirrorscope.core.trace.StitchedTrace.Pair pair, long millis) {
        Set<String> saved = traces().stream().map(Trace::traceId).collect(Collectors.toSet());
        if (saved.contains(source.traceId()) == saved.contains(target.traceId())) {
            withTraces(v -> v.viewModel().openStitched(source, target, pair, millis));
        } else {
            TraceContext one = saved.contains(source.traceId()) ? source : target;
            withTraces(v -> v.viewModel().open(one, millis));
        }
    }

    private synchronized List<Trace> traces() {
        if (traces == null) {
            traces = TraceDocuments.parseAll(snapshot.traces(), snapshot.header().title());
        }
        return traces;
    }

    /** The traces view of the saved traces: one per snapshot, whichever tracing back-end it was opened from. */
    private ViewTarget.Tracing tracesTarget() {
        return new ViewTarget.Tracing("", snapshot.header().title());
    }

    private void withTraces(java.util.function.Consumer<TracesView> then) {
        if (window.show(tracesTarget(), this::tracesView) instanceof TracesView view) {
            then.accept(view);
        }
    }

    private TracesView tracesView() {
        TracesViewModel viewModel = new TracesViewModel(work);
        viewModel.showSaved(traces(), snapshot.header().title());
        return TracesView.create(tracesTarget(), viewModel);
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
            case ViewTarget.Health h -> liveOnly("Watching the health of " + h.name());
            case ViewTarget.Tracing t -> window.show(tracesTarget(), this::tracesView);
            case ViewTarget.Compare c -> {
                if (c.equals(windowTarget())) {
                    openWindow();
                } else {
                    liveOnly("Comparing " + c.sourceTopic() + " live");
                }
            }
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
