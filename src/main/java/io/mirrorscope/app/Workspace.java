package io.mirrorscope.app;

import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.kafka.BrokerProbe;
import io.mirrorscope.kafka.ClusterAccess;
import io.mirrorscope.kafka.ConsumerOptions;
import io.mirrorscope.kafka.KafkaTopicReading;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.inventory.LiveInventory;
import io.mirrorscope.ui.common.BackgroundWork;
import io.mirrorscope.ui.browser.TopicBrowserController;
import io.mirrorscope.ui.browser.TopicBrowserView;
import io.mirrorscope.ui.browser.TopicBrowserViewModel;
import io.mirrorscope.ui.common.WorkView;
import io.mirrorscope.ui.inventory.InventoryFeed;
import io.mirrorscope.ui.inventory.InventoryView;
import io.mirrorscope.ui.inventory.InventoryViewModel;
import io.mirrorscope.ui.inventory.Panel;
import io.mirrorscope.ui.main.MainWindowViewModel;
import io.mirrorscope.ui.main.NavNode;
import io.mirrorscope.ui.main.NavigationSections;
import io.mirrorscope.ui.topology.TopologyView;
import io.mirrorscope.ui.topology.TopologyViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that lives as long as one connection: the live inventory and the view models fed from it. Built on
 * connect, closed on context switch or exit. Opening a navigation entry asks it for the view to show.
 */
final class Workspace implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);

    /** A watch that stays silent this long is restarted (a proxy may have dropped it without a word). */
    private static final Duration SILENCE_LIMIT = Duration.ofMinutes(10);

    private final KubeSession session;
    private final MainWindowViewModel mainViewModel;
    private final LiveInventory live;
    private final InventoryViewModel inventoryViewModel = new InventoryViewModel(Clock.systemUTC());
    private final TopologyViewModel topologyViewModel = new TopologyViewModel();

    Workspace(KubeSession session, MainWindowViewModel mainViewModel) {
        this.session = session;
        this.mainViewModel = mainViewModel;
        List<String> namespaces = session.namespace() == null ? List.of() : List.of(session.namespace());
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
    void start(BackgroundWork work) {
        work.submit("Reading the inventory of " + session.context(), () -> {
            live.start();
            return live.current();
        }).whenComplete((inventory, failure) -> {
            if (failure != null) {
                LOG.warn("Inventory of {} failed to start: {}", session.context(), failure.toString());
                mainViewModel.failed(Problems.oneLine(failure));
            }
        });
    }

    private void showInNavigation(Inventory inventory) {
        mainViewModel.showSections(NavigationSections.of(inventory));
    }

    /** The view a navigation entry opens, if any. Called on the FX thread. */
    Optional<WorkView> viewFor(NavNode node) {
        return switch (node.kind()) {
            case VIEW -> Optional.of(NavigationSections.TOPOLOGY.equals(node.key())
                    ? TopologyView.create(topologyViewModel) : InventoryView.create(inventoryViewModel));
            case CLUSTER -> Optional.empty(); // opens asynchronously: see openTopicBrowser
            case MIRROR -> Optional.of(inventorySelecting(Panel.MIRRORS, node));
            case TRACING -> Optional.of(inventorySelecting(Panel.TRACING, node));
            default -> Optional.empty();
        };
    }

    /**
     * Opens the topic browser of a cluster: reads its listeners and secrets, tunnels when only internal listeners
     * exist, all off the FX thread; the tab appears when the brokers are reachable, a problem dialog otherwise.
     */
    void openTopicBrowser(NavNode node, BackgroundWork work, ExecutorService io, ViewLoader views,
                          Consumer<WorkView> show, Consumer<String> fail) {
        String[] nsName = NavigationSections.namespaceAndName(node).orElseThrow();
        ClusterAccess.Target target = new ClusterAccess.Target(nsName[0], nsName[1], null, null, null,
                ClusterAccess.TunnelMode.AUTO);
        work.submit("Connecting to the brokers of " + nsName[1], () -> {
            ClusterAccess.Connection connection = ClusterAccess.open(session.client(), target);
            try {
                BrokerProbe.requireReachable(connection.settings(), Duration.ofSeconds(10));
                return new BrowserParts(connection, new KafkaTopicReading(connection.settings(),
                        ConsumerOptions.DEFAULTS));
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
        }).whenComplete((parts, failure) -> {
            if (failure != null) {
                fail.accept(Problems.oneLine(failure));
                return;
            }
            TopicBrowserViewModel viewModel = new TopicBrowserViewModel(parts.reading(), io, Platform::runLater,
                    10_000);
            ViewLoader.Loaded<TopicBrowserController> loaded = views.load(Fxml.TOPIC_BROWSER,
                    new TopicBrowserController(viewModel));
            String title = "Topics — " + nsName[1] + (parts.connection().tunnelled() ? " (tunnel)" : "");
            // Closing an Admin client and tunnels blocks: never on the FX thread.
            TopicBrowserView browser = new TopicBrowserView(title, loaded.root(), loaded.controller(),
                    () -> io.execute(parts::close));
            viewModel.loadTopics();
            show.accept(browser);
        });
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

    private WorkView inventorySelecting(Panel panel, NavNode node) {
        NavigationSections.namespaceAndName(node).flatMap(nsName -> inventoryViewModel.rows(panel).stream()
                        .filter(r -> r.meta().namespace().equals(nsName[0]) && r.meta().name().equals(nsName[1]))
                        .findFirst())
                .ifPresent(inventoryViewModel::select);
        return InventoryView.create(inventoryViewModel);
    }

    @Override
    public void close() {
        live.close();
    }
}
