package io.mirrorscope.kube.inventory;

import static io.mirrorscope.kube.inventory.InventoryFixtures.resource;
import static io.mirrorscope.kube.inventory.InventoryFixtures.resources;
import static io.mirrorscope.kube.inventory.InventoryFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.core.inventory.TracingBackend;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jaeger, TempoStack and TempoMonolithic from the operators' own files, with their routes and services. */
class TracingInventoryTest {

    static final String NS = "tracing";
    static StrimziMockServer server;
    static Inventory inventory;

    static GenericKubernetesResource here(GenericKubernetesResource r) {
        r.getMetadata().setNamespace(null);
        return r;
    }

    @BeforeAll
    static void setUp() {
        server = new StrimziMockServer().strimziV1beta2();
        server.serve(ResourceKind.JAEGER, "v1").serve(ResourceKind.TEMPO_STACK, "v1alpha1")
                .serve(ResourceKind.TEMPO_MONOLITHIC, "v1alpha1").serve(ResourceKind.ROUTE, "v1");
        // Jaeger (operator default: allInOne) and the query Service the operator creates for it.
        server.create(NS, resource("jaeger-operator/simplest.yaml", "Jaeger"));
        server.create(NS, yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: simplest-query}
                spec:
                  ports:
                  - {name: http-query, port: 16686, targetPort: 16686}
                  - {name: grpc-query, port: 16685, targetPort: 16685}
                """));
        // TempoMonolithic with its jaegerui Service (from the operator's e2e assertions).
        server.create(NS, here(resource("tempo-operator/e2e-monolithic-route-00-install-tempo.yaml",
                "TempoMonolithic")));
        for (GenericKubernetesResource r
                : resources("tempo-operator/e2e-monolithic-route-00-install-tempo-assert.yaml")) {
            if ("Service".equals(r.getKind())) {
                server.create(NS, here(r));
            }
        }
        // TempoStack with a route host and the operator's Route, but no query-frontend Service (not deployed).
        server.create(NS, here(resource("tempo-operator/e2e-route-01-install-tempo.yaml", "TempoStack")));
        server.create(NS, here(resource("tempo-operator/e2e-route-01-install-tempo-assert.yaml", "Route")));
        inventory = new InventoryReader(server.client()).read("t", List.of(NS));
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    static TracingBackend backend(String kind) {
        return inventory.tracing().stream().filter(t -> t.kind().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void jaegerQueryServiceAndPortFromItsService() {
        TracingBackend j = backend("Jaeger");
        assertThat(j.queryService()).isEqualTo("simplest-query");
        assertThat(j.queryPort()).isEqualTo(16686);
        assertThat(j.notes()).isEmpty();
    }

    @Test
    void queryPortIsReadFromTheServicePorts() {
        var svc = new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewSpec()
                .addNewPort().withName("grpc-query").withPort(16685).endPort()
                .addNewPort().withName("http-query").withPort(8080).endPort().endSpec().build();
        assertThat(QueryServices.queryPort(svc, 16686)).isEqualTo(8080);
        var unnamed = new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewSpec()
                .addNewPort().withPort(9999).endPort().endSpec().build();
        assertThat(QueryServices.queryPort(unnamed, 16686)).isEqualTo(16686);
    }

    @Test
    void tempoMonolithicUsesTheJaegerUiPort() {
        TracingBackend m = backend("TempoMonolithic");
        assertThat(m.queryService()).isEqualTo("tempo-mono-route-jaegerui");
        assertThat(m.queryPort()).isEqualTo(16686);
        assertThat(m.notes()).isEmpty();
    }

    @Test
    void tempoStackUrlFromItsRouteHostAndAMissingServiceIsNoted() {
        TracingBackend s = backend("TempoStack");
        assertThat(s.queryService()).isEqualTo("tempo-simplest-query-frontend");
        assertThat(s.queryUrl()).isEqualTo("https://example.com");
        assertThat(inventory.routes()).singleElement()
                .satisfies(r -> assertThat(r.serviceName()).isEqualTo("tempo-simplest-query-frontend"));
        assertThat(inventory.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("TempoStack");
            assertThat(p.message()).contains("query service tempo-simplest-query-frontend not found");
        });
    }
}
