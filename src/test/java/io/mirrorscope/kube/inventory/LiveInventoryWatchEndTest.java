package io.mirrorscope.kube.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.KindStatus;
import io.mirrorscope.core.inventory.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Watches the server ends early (idle-timeout proxies), and "all namespaces" made real. */
@Tag("timed")
class LiveInventoryWatchEndTest {

    @Test
    void watchesEndedByTheServerComeBackAsConnected() {
        WatchEndingDispatcher dispatcher = new WatchEndingDispatcher(300);
        try (StrimziMockServer server = new StrimziMockServer(dispatcher).strimziV1beta2();
             KubernetesClient client = server.newClient()) {
            server.create("live", LiveInventoryTest.kafka("one"));
            try (LiveInventory live = new LiveInventory(client, "test", List.of("live"), Duration.ofMinutes(10))) {
                List<Inventory> published = new CopyOnWriteArrayList<>();
                live.addListener(published::add);
                live.start();
                dispatcher.closesLeft.set(30);
                await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.closesLeft.get() == 0);
                server.create("live", LiveInventoryTest.kafka("two"));
                await().atMost(Duration.ofSeconds(10)).until(() -> live.current().clusters().size() == 2);
                // Every kind's watch is back: the last snapshot published says so (the UI shows "Connected").
                await().atMost(Duration.ofSeconds(10)).until(() -> published.getLast().kinds().values().stream()
                        .noneMatch(k -> k.state() == KindStatus.State.RECONNECTING));
                assertThat(dispatcher.closed.get()).isGreaterThanOrEqualTo(30);
            }
        }
    }

    @Test
    void watchesEndedOverAndOverAreNotShownAsReconnecting() {
        // An idle-timeout proxy in front of a quiet cluster: every watch ends after 300 ms, without an event.
        // fabric8 alone re-opens with a back-off that grows (no event resets it), so the watch was down ~25 % of
        // the time and the window said "Reconnecting…" though nothing was wrong.
        WatchEndingDispatcher dispatcher = new WatchEndingDispatcher(300);
        try (StrimziMockServer server = new StrimziMockServer(dispatcher).strimziV1beta2();
             KubernetesClient client = server.newClient()) {
            server.create("live", LiveInventoryTest.kafka("one"));
            try (LiveInventory live = new LiveInventory(client, "test", List.of("live"), Duration.ofMinutes(10))) {
                List<Inventory> published = new CopyOnWriteArrayList<>();
                live.addListener(published::add);
                live.start();
                dispatcher.closesLeft.set(Integer.MAX_VALUE);
                await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20)).until(() ->
                        published.stream().noneMatch(i -> i.kind(ResourceKind.KAFKA).state()
                                == KindStatus.State.RECONNECTING));
                assertThat(dispatcher.closed.get()).isGreaterThan(20);
                assertThat(live.current().clusters()).extracting(KafkaCluster::name).containsExactly("one");
            }
        }
    }

    @Test
    void allNamespacesWatchesClusterWideAndShowsEveryNamespace() {
        WatchEndingDispatcher dispatcher = new WatchEndingDispatcher(60_000);
        try (StrimziMockServer server = new StrimziMockServer(dispatcher).strimziV1beta2();
             KubernetesClient client = server.newClient()) {
            server.create("east", LiveInventoryTest.kafka("alpha"));
            server.create("west", LiveInventoryTest.kafka("beta"));
            dispatcher.paths.clear();
            try (LiveInventory live = new LiveInventory(client, "test", List.of(), Duration.ofMinutes(10))) {
                live.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> live.current().clusters().size() == 2);
                assertThat(live.current().clusters()).extracting(c -> c.meta().namespace() + "/" + c.name())
                        .containsExactlyInAnyOrder("east/alpha", "west/beta");
                assertThat(live.current().kind(ResourceKind.KAFKA).state()).isEqualTo(KindStatus.State.OK);
                assertThat(dispatcher.paths).anyMatch(p -> p.startsWith("GET /apis/kafka.strimzi.io/v1beta2/kafkas?"))
                        .noneMatch(p -> p.contains("/namespaces/east/") || p.contains("/namespaces/west/"));
                assertThat(live.current().namespaces()).containsExactly("east", "west");
            }
        }
    }

    @Test
    void allNamespacesFallsBackToEachNamespaceWhereClusterWideIsForbidden() {
        WatchEndingDispatcher dispatcher = new WatchEndingDispatcher(60_000);
        try (StrimziMockServer server = new StrimziMockServer(dispatcher).strimziV1beta2();
             KubernetesClient client = server.newClient()) {
            server.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata().withName("east").endMetadata().build()).create();
            server.client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata().withName("west").endMetadata().build()).create();
            server.create("east", LiveInventoryTest.kafka("alpha"));
            server.create("west", LiveInventoryTest.kafka("beta"));
            dispatcher.forbiddenClusterWide.add("/apis/kafka.strimzi.io/v1beta2/kafkas");
            dispatcher.paths.clear();
            try (LiveInventory live = new LiveInventory(client, "test", List.of(), Duration.ofMinutes(10))) {
                live.start();
                await().atMost(Duration.ofSeconds(5)).until(() -> live.current().clusters().size() == 2);
                assertThat(live.current().clusters()).extracting(KafkaCluster::name)
                        .containsExactlyInAnyOrder("alpha", "beta");
                assertThat(live.current().kind(ResourceKind.KAFKA).state()).isEqualTo(KindStatus.State.OK);
                assertThat(dispatcher.paths)
                        .anyMatch(p -> p.startsWith("GET /api/v1/namespaces"))
                        .anyMatch(p -> p.startsWith("GET /apis/kafka.strimzi.io/v1beta2/namespaces/east/kafkas"))
                        .anyMatch(p -> p.startsWith("GET /apis/kafka.strimzi.io/v1beta2/namespaces/west/kafkas"));
            }
        }
    }
}
