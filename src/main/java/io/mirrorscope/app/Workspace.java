package io.mirrorscope.app;

import io.mirrorscope.core.AppVersion;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.kafka.BrokerProbe;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaTopicReading;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.inventory.LiveInventory;
import io.mirrorscope.tracing.JaegerClient;
import io.mirrorscope.tracing.TracingEndpoints;
import io.mirrorscope.ui.browser.TopicBrowserController;
import io.mirrorscope.ui.browser.TopicBrowserView;
import io.mirrorscope.ui.browser.TopicBrowserViewModel;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.common.Fxml;
import io.mirrorscope.ui.common.FxmlViews;
import io.mirrorscope.ui.common.ProblemReport;
import io.mirrorscope.ui.common.ViewTarget;
import io.mirrorscope.ui.inventory.InventoryFeed;
import io.mirrorscope.ui.inventory.InventoryView;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.inventory.Panel;
import io.mirrorscope.ui.main.MainWindowController;
import io.mirrorscope.ui.main.MainWindowViewModel;
import io.mirrorscope.ui.main.NavigationSections;
import io.mirrorscope.ui.topology.TopologyView;
import io.mirrorscope.ui.topology.TopologyViewModel;
import io.mirrorscope.ui.traces.TracesView;
import io.mirrorscope.ui.traces.TracesViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;

/**
 * Everything that lives as long as one connection: the live inventory and the view models fed from it. Built on
 * connect, closed on context switch or exit. Opening a {@link ViewTarget} focuses its tab or builds its view once.
 */
final class Workspace implements AutoCloseable {

    /** A watch that stays silent this long is restarted (a proxy may have dropped it without a word). */
    private static final Duration SILENCE_LIMIT = Duration.ofMinutes(10);

    /** What the workspace needs from the app around it. */
    record Wiring(BackgroundWork work, ExecutorService io, MainWindowController window,
                  Runnable reconnect) {
    }

    private final KubeSession session;
    private final MainWindowViewModel mainViewModel;
    private final Wiring wiring;
    private final LiveInventory live;
    private final InventoryViewModel inventoryViewModel = new InventoryViewModel(Clock.systemUTC());
    private final TopologyViewModel topologyViewModel = new TopologyViewModel();

    /** {@code namespaces} empty: every namespace the user may list (LiveInventory decides how to watch them). */
    Workspace(KubeSession session, List<String> namespaces, MainWindowViewModel mainViewModel, Wiring wiring) {
        this.session = session;
        this.mainViewModel = mainViewModel;
        this.wiring = wiring;
        this.live = new LiveInventory(session.client(), session.context(), namespaces, SILENCE_LIMIT);
        live.addListener(new InventoryFeed(Platform::runLater, inventoryViewModel::setInventory,
                topologyViewModel::setInventory, this::showInNavigation));
        inventoryViewModel.reconnectingProperty().subscribe(reconnecting -> {
            if (reconnecting) {
                mainViewModel.reconnecting("The watch on the API server dropped; showing the last known state.");
            } else if (mainViewModel.contextProperty().get().equals(session.context())) {
                mainViewModel.reconnected();
            }
        });
    }

    /** Lists everything once and starts the watches; runs on the I/O executor (it blocks until the first list). */
    void start() {
        wiring.work().run("Reading the inventory of " + session.context(), () -> {
            live.start();
            return live.current();
        }, mainViewModel.problems(), wiring.reconnect(), inventory -> { },
                report -> mainViewModel.failed(report.problem().oneLine()));
    }

    /** What File ▸ Save snapshot… saves from a live connection: the inventory as it stands now. */
    Snapshot snapshot() {
        return new Snapshot(new Snapshot.Header(SnapshotFormat.VERSION, AppVersion.version(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), session.context(), session.namespace(), List.of()),
                live.current(), null, null, List.of());
    }

    private void showInNavigation(Inventory inventory) {
        mainViewModel.showSections(NavigationSections.of(inventory));
    }

    /** Opens what {@code target} stands for: its tab when one is open, a new view otherwise. FX thread. */
    void open(ViewTarget target) {
        MainWindowController window = wiring.window();
        switch (target) {
            case ViewTarget.Inventory t -> window.show(t, () -> InventoryView.create(inventoryViewModel));
            case ViewTarget.Topology t -> window.show(t, () -> TopologyView.create(topologyViewModel));
            case ViewTarget.Mirror m -> {
                window.show(m.view(), () -> InventoryView.create(inventoryViewModel));
                inventoryViewModel.reveal(Panel.MIRRORS, m.namespace(), m.name());
            }
            case ViewTarget.Tracing t -> window.show(t, () -> traces(t));
            // a comparison is opened with its feed by whoever starts it; here it can only be focused again
            case ViewTarget.Compare c -> window.viewOf(c).ifPresent(open -> window.show(c, () -> open));
            case ViewTarget.Cluster c -> window.viewOf(c).ifPresentOrElse(open -> window.show(c, () -> open),
                    () -> openTopicBrowser(c));
        }
    }

    /**
     * The trace search of a tracing back-end, reached through the Kubernetes API's service proxy with the session's
     * credentials (its Route where the proxy path fails). The client does no I/O until the view asks.
     */
    private TracesView traces(ViewTarget.Tracing target) {
        TracesViewModel viewModel = new TracesViewModel(wiring.work());
        TracesView view = TracesView.create(target, viewModel);
        live.current().tracing().stream()
                .filter(b -> b.meta().namespace().equals(target.namespace()) && b.meta().name().equals(target.name()))
                .findFirst()
                .ifPresentOrElse(backend -> viewModel.clientProperty().set(
                        new JaegerClient(TracingEndpoints.forBackend(session, backend, null))),
                        () -> BackgroundWork.report(viewModel.problems(), ProblemReport.of("Opening " + target.name(),
                                new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "The tracing back-end "
                                        + target.namespace() + "/" + target.name() + " is no longer listed", "",
                                        "Refresh the inventory (F5) and open it again")), null)));
        return view;
    }

    /**
     * Opens the topic browser of a cluster: reads its listeners and secrets, tunnels when only internal listeners
     * exist, all off the FX thread; the tab appears when the brokers are reachable, the banner says why not.
     */
    private void openTopicBrowser(ViewTarget.Cluster cluster) {
        ClusterAccess.Target target = new ClusterAccess.Target(cluster.namespace(), cluster.name(), null, null, null,
                ClusterAccess.TunnelMode.AUTO);
        ExecutorService io = wiring.io();
        wiring.work().run("Connecting to the brokers of " + cluster.name(), () -> {
            ClusterAccess.Connection connection = ClusterAccess.open(session.client(), target);
            try {
                BrokerProbe.requireReachable(connection.settings(), Duration.ofSeconds(10));
                return new BrowserParts(connection, new KafkaTopicReading(connection.settings(),
                        ConsumerOptions.DEFAULTS));
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        }, mainViewModel.problems(), () -> open(cluster), parts -> {
            boolean[] used = {false};
            try {
                wiring.window().show(cluster, () -> {
                    used[0] = true;
                    return browser(cluster, parts);
                });
            } finally {
                if (!used[0]) {
                    io.execute(parts::close); // a second open raced this one, or building the view failed
                }
            }
        });
    }

    private TopicBrowserView browser(ViewTarget.Cluster cluster, BrowserParts parts) {
        ExecutorService io = wiring.io();
        TopicBrowserViewModel viewModel = new TopicBrowserViewModel(parts.reading(), wiring.work(),
                TopicBrowserViewModel.Options.defaults(cluster.name()));
        FxmlViews.Loaded<TopicBrowserController> loaded = FxmlViews.load(Fxml.TOPIC_BROWSER,
                new TopicBrowserController(viewModel));
        String title = cluster.title() + (parts.connection().tunnelled() ? " (tunnel)" : "");
        // Closing an Admin client and tunnels blocks: never on the FX thread.
        TopicBrowserView browser = new TopicBrowserView(cluster, title, loaded.root(), loaded.controller(),
                () -> io.execute(parts::close));
        viewModel.loadTopics();
        return browser;
    }

    /** The reading and the connection (tunnels) behind one topic browser, closed together. */
    private record BrowserParts(ClusterAccess.Connection connection, KafkaTopicReading reading)
            implements AutoCloseable {
        @Override
        public void close() {
            reading.close();
            connection.close();
        }
    }

    /** The inventory's view model (tests look at what the views show). */
    InventoryViewModel inventoryViewModel() {
        return inventoryViewModel;
    }

    @Override
    public void close() {
        live.close();
    }
}
