package io.mirrorscope.kube.inventory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.testsupport.FabricMockServer;
import java.util.ArrayList;
import java.util.List;

/**
 * A fabric8 mock API server in CRUD mode that serves chosen versions of the Strimzi, Jaeger, Tempo and Route
 * kinds, as a real cluster of a given Strimzi release would. CRDs are declared without a status subresource so
 * that fixtures keep the status they are created with.
 */
public final class StrimziMockServer implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public StrimziMockServer() {
        this(FabricMockServer.crud());
    }

    /** With a dispatcher that wraps the CRUD dispatcher (to inject failures). */
    public StrimziMockServer(Dispatcher dispatcher) {
        this(dispatcher, 0);
    }

    /** On a given port (0: any), e.g. to bring a server back where clients expect it after a dropped connection. */
    public StrimziMockServer(Dispatcher dispatcher, int port) {
        server = FabricMockServer.start(dispatcher, new MockWebServer(), false, port);
        client = server.createClient();
    }

    /** A new, independent client for this server (closing the server does not close it). */
    public KubernetesClient newClient() {
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl(client.getMasterUrl().toString()).withNamespace("default")
                        .withRequestRetryBackoffLimit(0).build())
                .build();
    }

    public KubernetesClient client() {
        return client;
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** Serves a kind in the given versions (first one is the storage version). */
    public StrimziMockServer serve(ResourceKind kind, String... versions) {
        List<CustomResourceDefinitionVersion> vs = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            vs.add(new CustomResourceDefinitionVersionBuilder().withName(versions[i]).withServed(true)
                    .withStorage(i == 0).withNewSchema().withNewOpenAPIV3Schema().withType("object")
                    .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema().build());
        }
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(kind.plural() + "." + kind.group()).endMetadata()
                .withNewSpec().withGroup(kind.group()).withScope("Namespaced")
                .withNewNames().withKind(kind.kind()).withPlural(kind.plural())
                .withSingular(kind.kind().toLowerCase(java.util.Locale.ROOT)).endNames()
                .withVersions(vs).endSpec().build();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        return this;
    }

    /** Strimzi as AMQ Streams 1.5 / Strimzi 0.19–0.21: v1beta1, MM2 and KafkaConnector only in v1alpha1. */
    public StrimziMockServer strimziV1beta1() {
        for (ResourceKind k : List.of(ResourceKind.KAFKA, ResourceKind.KAFKA_TOPIC, ResourceKind.KAFKA_USER,
                ResourceKind.KAFKA_MIRROR_MAKER, ResourceKind.KAFKA_CONNECT)) {
            serve(k, "v1beta1", "v1alpha1");
        }
        serve(ResourceKind.KAFKA_MIRROR_MAKER_2, "v1alpha1");
        serve(ResourceKind.KAFKA_CONNECTOR, "v1alpha1");
        return this;
    }

    /** Strimzi 0.23–0.45: v1beta2 only (0.45 still ships MM1 and node pools). */
    public StrimziMockServer strimziV1beta2() {
        for (ResourceKind k : strimziKinds()) {
            serve(k, "v1beta2");
        }
        return this;
    }

    /** Strimzi 0.49–0.51: v1beta2 (storage) and v1 side by side. */
    public StrimziMockServer strimziV1beta2AndV1() {
        for (ResourceKind k : strimziKinds()) {
            serve(k, "v1beta2", "v1");
        }
        return this;
    }

    /** Strimzi 1.x: v1 only, no KafkaMirrorMaker. */
    public StrimziMockServer strimziV1() {
        for (ResourceKind k : strimziKinds()) {
            if (k != ResourceKind.KAFKA_MIRROR_MAKER) {
                serve(k, "v1");
            }
        }
        return this;
    }

    private static List<ResourceKind> strimziKinds() {
        return List.of(ResourceKind.KAFKA, ResourceKind.KAFKA_NODE_POOL, ResourceKind.KAFKA_TOPIC,
                ResourceKind.KAFKA_USER, ResourceKind.KAFKA_MIRROR_MAKER, ResourceKind.KAFKA_MIRROR_MAKER_2,
                ResourceKind.KAFKA_CONNECT, ResourceKind.KAFKA_CONNECTOR);
    }

    /** Creates a resource in a namespace (test setup; the product itself never writes). */
    public GenericKubernetesResource create(String namespace, GenericKubernetesResource r) {
        return client.genericKubernetesResources(r.getApiVersion(), r.getKind()).inNamespace(namespace)
                .resource(r).create();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
