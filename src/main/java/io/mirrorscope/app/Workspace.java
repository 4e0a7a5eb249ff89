package io.mirrorscope.app;

import io.mirrorscope.core.AppVersion;
import io.mirrorscope.core.Problem;
import io.mirrorscope.core.ProblemException;
import io.mirrorscope.core.inventory.ClusterNode;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorLink;
import io.mirrorscope.core.inventory.TopologyEdge;
import io.mirrorscope.core.mirror.LinkCompareStatus;
import io.mirrorscope.core.mirror.TopicMapping;
import io.mirrorscope.core.records.RawRecord;
import io.mirrorscope.core.snapshot.Snapshot;
import io.mirrorscope.core.snapshot.SnapshotFormat;
import io.mirrorscope.core.trace.StitchedTrace;
import io.mirrorscope.core.trace.TraceContext;
import io.mirrorscope.kafka.BrokerProbe;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaTopicReading;
import io.mirrorscope.kafka.compare.CompareRequest;
import io.mirrorscope.kafka.compare.LiveCompare;
import io.mirrorscope.kafka.compare.OffsetSyncReader;
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
import io.mirrorscope.ui.health.HealthView;
import io.mirrorscope.ui.health.HealthViewModel;
import io.mirrorscope.ui.inventory.InventoryFeed;
import io.mirrorscope.ui.inventory.InventoryView;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.inventory.Panel;
import io.mirrorscope.ui.main.MainWindowController;
import io.mirrorscope.ui.main.MainWindowViewModel;
import io.mirrorscope.ui.main.NavigationSections;
import io.mirrorscope.ui.sidebyside.CompareDialog;
import io.mirrorscope.ui.sidebyside.CompareFeed;
import io.mirrorscope.ui.sidebyside.CompareForm;
import io.mirrorscope.ui.sidebyside.SideBySideView;
import io.mirrorscope.ui.sidebyside.SideBySideViewModel;
import io.mirrorscope.ui.topology.TopologyView;
import io.mirrorscope.ui.topology.TopologyViewModel;
import io.mirrorscope.ui.traces.TracesView;
import io.mirrorscope.ui.traces.TracesViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ObservableMap;

/**
 * Everything that lives as long as one connection: the live inventory and the view models fed from it. Built on
 * connect, closed on context switch or exit. Opening a {@link ViewTarget} focuses its tab or builds its view once.
 */
final class Workspace implements AutoCloseable {

    /** A watch that stays silent this long is restarted (a proxy may have dropped it without a word). */
    private static final Duration SILENCE_LIMIT = Duration.ofMinutes(10);

    /** What the workspace needs from the app around it. */
    record Wiring(BackgroundWork work, ExecutorService io, MainWindowController window,
                  Runnable reconnect, ObservableMap<String, LinkCompareStatus> runningCompares) {
    }

    private final KubeSession session;
    private final MainWindowViewModel mainViewModel;
    private final Wiring wiring;
    private final LiveInventory live;
    private final InventoryViewModel inventoryViewModel = new InventoryViewModel(Clock.systemUTC());
    private final TopologyViewModel topologyViewModel = new TopologyViewModel();
    private final MirrorHealthWatches health;
    /** Clusters the health rounds found not answering, as the navigation shows them. */
    private Set<String> unreachable = Set.of();
    /** Compare feeds of open views: their consumers and tunnels are closed with the workspace at the latest. */
    private final java.util.Set<KafkaCompareFeed> openFeeds = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Open compare views, in the order opened: File ▸ Save snapshot… saves the latest one's window. FX thread. */
    private final Map<SideBySideViewModel, OpenCompare> openCompares = new LinkedHashMap<>();

    /** What a snapshot needs to know of an open compare view beyond its view model. */
    private record OpenCompare(String linkId, long fromMillis, long startedAt) {
    }

    /** Shows each running compare's lag and findings on its topology link. */
    private final javafx.collections.MapChangeListener<String, LinkCompareStatus> compareBadges = change ->
            topologyViewModel.showCompareStatus(change.getKey(), change.wasAdded() ? change.getValueAdded() : null);

    /** {@code namespaces} empty: every namespace the user may list (LiveInventory decides how to watch them). */
    Workspace(KubeSession session, List<String> namespaces, MainWindowViewModel mainViewModel, Wiring wiring) {
        this.session = session;
        this.mainViewModel = mainViewModel;
        this.wiring = wiring;
        this.live = new LiveInventory(session.client(), session.context(), namespaces, SILENCE_LIMIT);
        this.health = new MirrorHealthWatches(session, live::current, wiring.work(), wiring.io());
        live.addListener(new InventoryFeed(Platform::runLater, inventoryViewModel::setInventory,
                topologyViewModel::setInventory, this::showInNavigation, inventory -> watchForTopology()));
        inventoryViewModel.setCompareAction(this::compareMirror);
        health.addListener((mirror, snapshot) -> {
            topologyViewModel.showHealth(mirror.namespace(), mirror.name(), snapshot);
            if (!topologyViewModel.unreachableClusters().equals(unreachable)) {
                showInNavigation(live.current()); // a cluster stopped (or resumed) answering: red in the tree
            }
        });
        topologyViewModel.setOpener(this::open);
        topologyViewModel.setCompareAction(this::compareLink);
        inventoryViewModel.setOpener(this::open);
        topologyViewModel.healthWantedProperty().subscribe(this::watchForTopology);
        wiring.runningCompares().addListener(compareBadges);
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

    /**
     * What File ▸ Save snapshot… saves from a live connection: the inventory as it stands now, and the window of
     * the compare view opened last when one is open (its findings and the table's rows; not raw records, which a
     * live view does not hold). FX thread.
     */
    Snapshot snapshot() {
        long now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
        List<String> notes = new java.util.ArrayList<>();
        io.mirrorscope.core.snapshot.MirrorWindow window = null;
        Map.Entry<SideBySideViewModel, OpenCompare> latest = openCompares.entrySet().stream()
                .reduce((a, b) -> b).orElse(null);
        if (latest != null && latest.getKey().findingsAsShown() != null) {
            window = window(latest.getKey(), latest.getValue(), now);
            notes.add("The mirror window is the side-by-side view's as shown at " + Instant.ofEpochMilli(now)
                    + "; its raw records are not in this file (a live view keeps previews only): mirrorscope "
                    + "snapshot --mirror M --topic T --from TIME saves them");
            if (openCompares.size() > 1) {
                notes.add(openCompares.size() + " compare views were open; the one opened last is saved");
            }
        }
        return new Snapshot(new Snapshot.Header(SnapshotFormat.VERSION, AppVersion.version(),
                Instant.ofEpochMilli(now), session.context(), session.namespace(), notes),
                live.current(), window, null, List.of());
    }

    private io.mirrorscope.core.snapshot.MirrorWindow window(SideBySideViewModel vm, OpenCompare open, long now) {
        CompareFeed.Sides sides = vm.feed().sides();
        Optional<TopologyEdge> edge = open.linkId() == null ? Optional.empty() : live.current().topology().edges()
                .stream().filter(e -> e.id().equals(open.linkId())).findFirst();
        String mirror = edge.map(e -> e.mirror().name()).orElse("");
        int link = edge.map(e -> Math.max(0, e.mirror().links().indexOf(e.link()))).orElse(0);
        return new io.mirrorscope.core.snapshot.MirrorWindow(mirror, link, sides.sourceBootstrap(),
                sides.sourceTopic(), sides.targetBootstrap(), sides.targetTopic(), open.fromMillis(),
                open.startedAt(), now, sides.mapping(), List.of(), vm.findingsAsShown(), null, null);
    }

    private void showInNavigation(Inventory inventory) {
        unreachable = topologyViewModel.unreachableClusters();
        mainViewModel.showSections(NavigationSections.of(inventory, unreachable));
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
            case ViewTarget.Health h -> window.show(h, () -> {
                HealthViewModel viewModel = new HealthViewModel(h, health.feed(h));
                viewModel.setOpener(this::open);
                return HealthView.create(viewModel);
            });
            // a comparison is opened with its feed by whoever starts it; here it can only be focused again
            case ViewTarget.Compare c -> window.viewOf(c).ifPresentOrElse(open -> window.show(c, () -> open),
                    () -> compareTopics(c));
            case ViewTarget.Cluster c -> window.viewOf(c).ifPresentOrElse(open -> window.show(c, () -> open),
                    () -> openTopicBrowser(c));
        }
    }

    /** While a topology view is open, every watchable mirror's health colours its links. */
    private void watchForTopology() {
        Inventory inventory = live.current();
        health.hold(topologyViewModel, !topologyViewModel.healthWantedProperty().get() || inventory == null ? Set.of()
                : inventory.mirrors().stream().filter(MirrorHealthWatches::watchable)
                        .map(m -> new ViewTarget.Health(m.namespace(), m.name())).collect(Collectors.toSet()));
    }

    /**
     * Opens the trace a record's headers name ({@code TraceContext.fromRecord}) in the traces view of a tracing
     * back-end: the one in {@code namespace} (the record's cluster's), else the only one listed, else the user picks.
     * {@code recordMillis} (the record's timestamp, 0 when unknown) narrows the lookup to a window around it. For
     * the topic browser's and the side-by-side view's "Open trace". FX thread.
     */
    void openTrace(TraceContext context, String namespace, long recordMillis) {
        withTraces(namespace, view -> view.viewModel().open(context, recordMillis));
    }

    /**
     * Opens the stitched timeline of a matched pair (side by side): the source record's trace and its copy's trace,
     * one timeline with the end-to-end path and the replication segment. FX thread.
     */
    void openStitched(TraceContext source, TraceContext target,
                      StitchedTrace.Pair pair, String namespace, long recordMillis) {
        withTraces(namespace, view -> view.viewModel().openStitched(source, target, pair, recordMillis));
    }

    private void withTraces(String namespace, java.util.function.Consumer<TracesView> then) {
        java.util.Optional<io.mirrorscope.core.inventory.TracingBackend> backend = TraceOpener.pick(
                live.current().tracing(), namespace, TraceOpener::askUser);
        if (backend.isEmpty()) {
            if (live.current().tracing().isEmpty()) {
                BackgroundWork.report(mainViewModel.problems(), ProblemReport.of("Opening a trace",
                        new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No tracing back-end (Jaeger, "
                                + "TempoStack, TempoMonolithic) is listed in the inventory", "",
                                "Deploy one, or check that you may list its resources")), null));
            }
            return;
        }
        ViewTarget.Tracing target = new ViewTarget.Tracing(backend.get().meta().namespace(),
                backend.get().meta().name());
        if (wiring.window().show(target, () -> traces(target)) instanceof TracesView view) {
            then.accept(view);
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
                new TopicBrowserController(viewModel, mainViewModel.timeDisplay()));
        viewModel.onOpenTrace(ref -> openTrace(ref.trace(), cluster.namespace(), ref.timestamp()));
        viewModel.onFindOnMirror(ref -> findOnMirror(cluster, ref));
        String title = cluster.title() + (parts.connection().tunnelled() ? " (tunnel)" : "");
        // Closing an Admin client and tunnels blocks: never on the FX thread.
        TopicBrowserView browser = new TopicBrowserView(cluster, title, loaded.root(), loaded.controller(),
                () -> io.execute(parts::close));
        viewModel.loadTopics();
        return browser;
    }

    /**
     * "Find on the mirror" in a topic browser: the link that copies the record's topic out of this cluster, compared
     * from a second before the record, on its partition, with the record's row selected as soon as it arrives.
     */
    private void findOnMirror(ViewTarget.Cluster cluster, io.mirrorscope.ui.browser.RecordRef ref) {
        Inventory inventory = live.current();
        Optional<TopologyEdge> edge = inventory.topology().edges().stream()
                .filter(e -> !e.source().external() && !e.target().external())
                .filter(e -> e.source().namespace().equals(cluster.namespace())
                        && e.source().name().equals(cluster.name()) && e.link().mirrors(ref.topic()))
                .findFirst();
        if (edge.isEmpty()) {
            BackgroundWork.report(mainViewModel.problems(), ProblemReport.of("Finding " + ref.topic() + " "
                    + ref.partition() + "@" + ref.offset() + " on the mirror",
                    new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No mirror link in this inventory "
                            + "copies " + ref.topic() + " out of " + cluster.name(),
                            "MirrorScope follows the links of the MirrorMaker resources it lists",
                            "Use File ▸ Compare topics… to name the copy by hand")), null));
            return;
        }
        MirrorLink link = edge.get().link();
        String syncs = link.targetAlias() == null ? null : OffsetSyncReader.topicFor(link.targetAlias());
        startCompare(edge.get().source(), edge.get().target(), TopicMapping.of(link, ref.topic(), null), syncs,
                edge.get().id(), Math.max(0, ref.timestamp() - 1_000),
                vm -> vm.reveal(ref.partition(), ref.offset()));
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

    // ---------------------------------------------------------------- compare records

    /** The side-by-side table keeps this many rows; older ones leave (the counters stay exact). */
    private static final int COMPARE_ROWS = 100_000;

    /**
     * "Compare records…" on a mirror (inventory row, navigation entry): its first link whose two clusters are
     * Kafka resources here, the dialog prefilled with that link's clusters and naming, then the side-by-side view.
     */
    void compareMirror(String namespace, String name) {
        Inventory inventory = live.current();
        Optional<Mirror> mirror = inventory.mirrors().stream()
                .filter(m -> m.namespace().equals(namespace) && m.name().equals(name)).findFirst();
        Optional<TopologyEdge> edge = mirror.stream().flatMap(m -> inventory.topology().edgesOf(m).stream())
                .filter(e -> !e.source().external() && !e.target().external()).findFirst();
        if (edge.isEmpty()) {
            BackgroundWork.report(mainViewModel.problems(), ProblemReport.of("Comparing the records of " + name,
                    new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, mirror.isEmpty()
                            ? "The mirror " + namespace + "/" + name + " is no longer listed"
                            : "No link of " + name + " joins two Kafka clusters of this inventory",
                            "MirrorScope reaches only the Strimzi clusters it reads through Kubernetes",
                            "Use File ▸ Compare topics… to choose two clusters by hand")), null));
            return;
        }
        compareLink(edge.get());
    }

    /**
     * A compare asked for by its two topics (a mirrored topic's "Compare records…" in the health view): the link
     * that copies the source topic to that target topic, compared live from five minutes ago.
     */
    private void compareTopics(ViewTarget.Compare c) {
        Optional<TopologyEdge> edge = live.current().topology().edges().stream()
                .filter(e -> !e.source().external() && !e.target().external() && e.link().mirrors(c.sourceTopic()))
                .filter(e -> TopicMapping.of(e.link(), c.sourceTopic(), null).targetTopic().equals(c.targetTopic()))
                .findFirst();
        if (edge.isEmpty()) {
            BackgroundWork.report(mainViewModel.problems(), ProblemReport.of("Comparing " + c.sourceTopic(),
                    new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No mirror link in this inventory copies "
                            + c.sourceTopic() + " to " + c.targetTopic(), "",
                            "Use File ▸ Compare topics… to choose two clusters by hand")), null));
            return;
        }
        MirrorLink link = edge.get().link();
        String syncs = link.targetAlias() == null ? null : OffsetSyncReader.topicFor(link.targetAlias());
        startCompare(edge.get().source(), edge.get().target(), TopicMapping.of(link, c.sourceTopic(), null), syncs,
                edge.get().id(), System.currentTimeMillis() - Duration.ofMinutes(5).toMillis());
    }

    /** The dialog for one link: the clusters fixed, the target topic following the link's naming. */
    void compareLink(TopologyEdge edge) {
        MirrorLink link = edge.link();
        String source = edge.source().name();
        String target = edge.target().name();
        Map<String, ClusterNode> nodes = Map.of(source, edge.source(), target, edge.target());
        CompareForm form = new CompareForm(List.of(source, target), source, target, link.naming()::targetTopic,
                link.naming().description(), true, ZoneId.systemDefault(),
                (cluster, done) -> listTopics(nodes.get(cluster), cluster.equals(source) ? link::mirrors
                        : t -> !internal(t), done));
        CompareDialog.show(owner(), "Compare records — " + edge.mirror().name(), form, choice -> {
            TopicMapping mapping = TopicMapping.of(link, choice.sourceTopic(), null);
            if (!mapping.targetTopic().equals(choice.targetTopic())) {
                mapping = TopicMapping.of(link, choice.sourceTopic(), choice.targetTopic());
            }
            String syncs = link.targetAlias() == null ? null : OffsetSyncReader.topicFor(link.targetAlias());
            startCompare(edge.source(), edge.target(), mapping, syncs, edge.id(), choice.fromMillis());
        });
    }

    /** File ▸ Compare topics…: two clusters of the inventory and two topics, by hand (names kept by default). */
    void compareByHand() {
        Map<String, ClusterNode> nodes = new LinkedHashMap<>();
        boolean namespaced = live.current().namespaces().size() != 1;
        for (ClusterNode n : live.current().topology().nodes()) {
            if (!n.external()) {
                nodes.put(namespaced ? n.namespace() + "/" + n.name() : n.name(), n);
            }
        }
        if (nodes.isEmpty()) {
            BackgroundWork.report(mainViewModel.problems(), ProblemReport.of("Comparing topics",
                    new ProblemException(Problem.of(Problem.Kind.NOT_FOUND, "No Kafka cluster in this inventory",
                            "", "Connect to a context with Strimzi Kafka clusters")), null));
            return;
        }
        List<String> names = List.copyOf(nodes.keySet());
        CompareForm form = new CompareForm(names, names.get(0), names.get(names.size() > 1 ? 1 : 0), null, "",
                false, ZoneId.systemDefault(), (cluster, done) -> listTopics(nodes.get(cluster), t -> !internal(t),
                        done));
        CompareDialog.show(owner(), "Compare topics", form, choice -> startCompare(nodes.get(choice.sourceCluster()),
                nodes.get(choice.targetCluster()), new TopicMapping(choice.sourceTopic(), choice.targetTopic(),
                        "given"), null, null, choice.fromMillis()));
    }

    private static boolean internal(String topic) {
        return topic.startsWith("__");
    }

    private javafx.stage.Window owner() {
        return wiring.window().window();
    }

    /** A cluster's topics for the dialog's list, through a short-lived connection; failures go to the banner. */
    private void listTopics(ClusterNode node, java.util.function.Predicate<String> offered,
            java.util.function.Consumer<List<String>> done) {
        if (node == null) {
            return;
        }
        wiring.work().runQuietly("Listing the topics of " + node.name(), () -> {
            try (ClusterAccess.Connection c = ClusterAccess.open(session.client(), new ClusterAccess.Target(
                    node.namespace(), node.name(), null, null, null, ClusterAccess.TunnelMode.AUTO));
                    KafkaTopicReading reading = new KafkaTopicReading(c.settings(), ConsumerOptions.DEFAULTS)) {
                BrokerProbe.requireReachable(c.settings(), Duration.ofSeconds(10));
                return reading.topics().stream().filter(offered).sorted().toList();
            }
        }, mainViewModel.problems(), () -> listTopics(node, offered, done), done::accept);
    }

    /**
     * Connects to both clusters (listeners, secrets, tunnels), checks both topics, then opens the side-by-side
     * view and starts it live; all I/O off the FX thread, problems in the banner with Retry.
     *
     * @param linkId the topology edge compared, for the running compares of {@link Wiring}; null by hand
     */
    private void startCompare(ClusterNode source, ClusterNode target, TopicMapping mapping, String syncsTopic,
            String linkId, long fromMillis) {
        startCompare(source, target, mapping, syncsTopic, linkId, fromMillis, vm -> { });
    }

    /** As above; {@code opened} runs once on the new view's model (e.g. to reveal a record). */
    private void startCompare(ClusterNode source, ClusterNode target, TopicMapping mapping, String syncsTopic,
            String linkId, long fromMillis, java.util.function.Consumer<SideBySideViewModel> opened) {
        ExecutorService io = wiring.io();
        AtomicReference<SideBySideViewModel> shown = new AtomicReference<>();
        Runnable retry = () -> startCompare(source, target, mapping, syncsTopic, linkId, fromMillis, opened);
        wiring.work().run("Connecting to " + source.name() + " and " + target.name(), () -> {
            ClusterAccess.Connection src = null;
            ClusterAccess.Connection tgt = null;
            try {
                src = ClusterAccess.open(session.client(), new ClusterAccess.Target(source.namespace(),
                        source.name(), mapping.sourceTopic(), null, null, ClusterAccess.TunnelMode.AUTO));
                tgt = ClusterAccess.open(session.client(), new ClusterAccess.Target(target.namespace(),
                        target.name(), mapping.targetTopic(), null, null, ClusterAccess.TunnelMode.AUTO));
                BrokerProbe.requireReachable(src.settings(), Duration.ofSeconds(10));
                BrokerProbe.requireReachable(tgt.settings(), Duration.ofSeconds(10));
                CompareRequest request = CompareRequest.of(mapping).withOffsetSyncs(syncsTopic, false);
                LiveCompare compare = LiveCompare.open(src.settings(), tgt.settings(), ConsumerOptions.DEFAULTS,
                        request, Clock.systemUTC(), failure -> Platform.runLater(() -> {
                            SideBySideViewModel vm = shown.get();
                            if (vm != null) {
                                BackgroundWork.report(vm.problems(), ProblemReport.of("Comparing "
                                        + mapping.sourceTopic() + " with " + mapping.targetTopic(), failure,
                                        vm::start));
                            }
                        }));
                ClusterAccess.Connection s = src;
                ClusterAccess.Connection t = tgt;
                return new KafkaCompareFeed(compare, new CompareFeed.Sides(source.name() + " ("
                        + s.settings().bootstrapServers() + ")", mapping.sourceTopic(), target.name() + " ("
                        + t.settings().bootstrapServers() + ")", mapping.targetTopic(), mapping.how()), () -> {
                            s.close();
                            t.close();
                        });
            } catch (RuntimeException e) {
                if (src != null) {
                    src.close();
                }
                if (tgt != null) {
                    tgt.close();
                }
                throw e;
            }
        }, mainViewModel.problems(), retry, feed -> {
            ViewTarget.Compare viewTarget = new ViewTarget.Compare(mapping.sourceTopic(), mapping.targetTopic());
            boolean[] used = {false};
            try {
                wiring.window().show(viewTarget, () -> {
                    used[0] = true;
                    return compareView(feed, linkId, fromMillis, shown);
                });
                if (used[0]) {
                    opened.accept(shown.get());
                }
            } finally {
                if (!used[0]) {
                    io.execute(feed::close); // the same topics are compared in an open tab already
                }
            }
        });
    }

    private SideBySideView compareView(KafkaCompareFeed feed, String linkId, long fromMillis,
            AtomicReference<SideBySideViewModel> shown) {
        SideBySideViewModel viewModel = new SideBySideViewModel(feed, wiring.io(), Platform::runLater, COMPARE_ROWS,
                mainViewModel.timeDisplay().zone());
        shown.set(viewModel);
        String namespace = sourceNamespace(linkId);
        viewModel.onOpenTrace(pair -> openPairTraces(pair, feed.sides(), namespace));
        javafx.util.Subscription status = linkId == null ? javafx.util.Subscription.EMPTY
                : viewModel.snapshotProperty().subscribe(s -> {
                    if (s != null) {
                        wiring.runningCompares().put(linkId, LinkCompareStatus.of(feed.sides().sourceTopic(),
                                feed.sides().targetTopic(), s));
                    }
                });
        openFeeds.add(feed);
        openCompares.put(viewModel, new OpenCompare(linkId, fromMillis, System.currentTimeMillis()));
        SideBySideView view = SideBySideView.open(viewModel, () -> {
            openCompares.remove(viewModel);
            openFeeds.remove(feed);
            status.unsubscribe();
            if (linkId != null) {
                wiring.runningCompares().remove(linkId);
            }
        });
        if (fromMillis >= 0) {
            viewModel.seekTextProperty().set(LocalDateTime.ofInstant(Instant.ofEpochMilli(fromMillis),
                    ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' '));
        }
        viewModel.start();
        return view;
    }

    private String sourceNamespace(String linkId) {
        return linkId == null ? null : live.current().topology().edges().stream().filter(e -> e.id().equals(linkId))
                .map(e -> e.source().namespace()).findFirst().orElse(null);
    }

    /**
     * "Open traces" on a matched pair: both records' traces stitched into one timeline when the copy carries a
     * trace of its own (a traced MirrorMaker 2 starts a new one), else the one trace either record names.
     */
    private void openPairTraces(CompareFeed.Pair pair, CompareFeed.Sides sides, String namespace) {
        openPairTraces(pair, sides, (context, millis) -> openTrace(context, namespace, millis),
                (source, target, stitched, millis) -> openStitched(source, target, stitched, namespace, millis));
    }

    /** Opens one trace of a record (a pair's traces, live or from a snapshot). */
    interface TraceOpen {
        void open(TraceContext context, long recordMillis);
    }

    /** Opens a pair's two traces stitched. */
    interface StitchedOpen {
        void open(TraceContext source, TraceContext target, StitchedTrace.Pair pair, long recordMillis);
    }

    /**
     * Which traces a pair opens, live or from a snapshot: both records' traces stitched when the copy carries a
     * trace of its own, else the one trace either record names.
     */
    static void openPairTraces(CompareFeed.Pair pair, CompareFeed.Sides sides, TraceOpen single,
            StitchedOpen stitched) {
        RawRecord source = pair.source();
        TraceContext sourceTrace = TraceContext.fromRecord(source).context();
        TraceContext targetTrace = pair.target().map(t -> TraceContext.fromRecord(t).context()).orElse(null);
        if (sourceTrace != null && targetTrace != null && !sourceTrace.traceId().equals(targetTrace.traceId())) {
            RawRecord copy = pair.target().orElseThrow();
            stitched.open(sourceTrace, targetTrace, StitchedTrace.Pair.of(
                    sides.sourceTopic(), source.partition(), source.offset(), sides.targetTopic(), copy.partition(),
                    copy.offset()), source.timestamp());
        } else if (sourceTrace != null || targetTrace != null) {
            single.open(sourceTrace != null ? sourceTrace : targetTrace, source.timestamp());
        }
    }

    /** The inventory's view model (tests look at what the views show). */
    InventoryViewModel inventoryViewModel() {
        return inventoryViewModel;
    }

    @Override
    public void close() {
        health.close();
        wiring.runningCompares().removeListener(compareBadges);
        wiring.runningCompares().clear();
        openFeeds.forEach(KafkaCompareFeed::close); // views still open at exit
        openFeeds.clear();
        live.close();
    }
}
