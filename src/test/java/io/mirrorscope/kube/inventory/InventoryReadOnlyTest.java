package io.mirrorscope.kube.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.RecordedRequest;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.kube.KubeSession;
import io.mirrorscope.kube.Kubeconfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own record as oracle: through a guarded session, a one-shot read and a live view with a watch
 * restart send nothing but GET requests (lists, watches, discovery, one Service).
 */
class InventoryReadOnlyTest {

    @Test
    void readerAndLiveViewOnlyEverGet(@TempDir Path dir) throws Exception {
        try (StrimziMockServer server = InventoryReaderSeedTest.seedServer()) {
            // Drop the setup's own POSTs from the record.
            while (server.server().takeRequest(50, TimeUnit.MILLISECONDS) != null) {
                // drain
            }
            Path config = dir.resolve("config");
            Files.writeString(config, """
                    clusters: [{name: mock, cluster: {server: "%s"}}]
                    users: [{name: dev, user: {token: not-a-real-token}}]
                    contexts: [{name: seed, context: {cluster: mock, user: dev, namespace: amq-streams}}]
                    current-context: seed
                    """.formatted(server.client().getMasterUrl()));
            try (KubeSession session = KubeSession.open(Kubeconfig.load(config), null, null)) {
                Inventory once = new InventoryReader(session.client()).read("seed", List.of("amq-streams"));
                assertThat(once.clusters()).hasSize(2);
                try (LiveInventory live = new LiveInventory(session.client(), "seed", List.of("amq-streams"),
                        Duration.ofMillis(600))) {
                    live.start();
                    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                            .until(() -> live.silentRestarts() > 0);
                    assertThat(live.current().mirrors()).hasSize(1);
                }
                assertThat(session.guard().refusedCount()).isZero();
            }
            List<String> methods = new ArrayList<>();
            RecordedRequest r;
            while ((r = server.server().takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
                methods.add(r.getMethod() + " " + r.getPath());
            }
            assertThat(methods).hasSizeGreaterThan(20).allMatch(m -> m.startsWith("GET "));
            assertThat(methods).anyMatch(m -> m.contains("watch=true"));
        }
    }
}
