package io.mirrorscope.kube.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mirrorscope.core.inventory.Health;
import io.mirrorscope.core.inventory.Inventory;
import io.mirrorscope.core.inventory.KafkaCluster;
import io.mirrorscope.core.inventory.KafkaUserInfo;
import io.mirrorscope.core.inventory.Listener;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.ResourceKind;
import io.mirrorscope.core.inventory.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The inventory mappers on resources written to trip them (src/test/resources/inventory/sanity): numbers past an
 * int, a null label, and MirrorMaker 2 specs that cannot mirror but whose status says Ready.
 */
class MapperSanityTest {

    private static List<GenericKubernetesResource> fixture(String name) throws IOException {
        try (InputStream in = MapperSanityTest.class.getResourceAsStream("/inventory/sanity/" + name)) {
            assertThat(in).as(name).isNotNull();
            return InventoryFixtures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Mirror> mirrors() throws IOException {
        return fixture("mm2-broken.yaml").stream().map(MirrorMapper::mirrorMaker2)
                .collect(Collectors.toMap(Mirror::name, Function.identity()));
    }

    @Test
    void brokenMirrorMaker2SpecsAreProblemsNotReady() throws IOException {
        Map<String, Mirror> m = mirrors();
        assertThat(m.get("healthy").health()).isEqualTo(Health.READY);
        assertThat(m.get("healthy").ready()).isTrue();
        assertThat(m.get("healthy").notes()).isEmpty();

        assertThat(m.get("no-source").health()).isEqualTo(Health.FAILED);
        assertThat(m.get("no-source").ready()).isFalse();
        assertThat(m.get("no-source").notes()).containsExactly("spec.mirrors[0] has no source cluster: it mirrors "
                + "nothing");

        assertThat(m.get("loop").health()).isEqualTo(Health.FAILED);
        assertThat(m.get("loop").notes()).singleElement().asString()
                .contains("source and target are the same cluster (alias \"us\")");

        assertThat(m.get("v1-same-cluster").health()).isEqualTo(Health.FAILED);
        assertThat(m.get("v1-same-cluster").notes()).singleElement().asString()
                .contains("source and target are the same cluster");

        assertThat(m.get("unknown-aliases").health()).isEqualTo(Health.FAILED);
        assertThat(m.get("unknown-aliases").ready()).isFalse();
        assertThat(m.get("unknown-aliases").notes()).containsExactly("spec.mirrors[0]: neither alias \"asia\" nor "
                + "\"africa\" is in spec.clusters (europe, us): it cannot connect");

        assertThat(m.get("duplicate-alias").health()).isEqualTo(Health.DEGRADED);
        assertThat(m.get("duplicate-alias").notes()).containsExactly("spec.clusters: alias \"europe\" names 2 "
                + "different clusters; MirrorMaker 2 cannot tell them apart");
    }

    @Test
    void theSandboxMirrorsInBothShapesAreNotFlagged() throws IOException {
        for (String shape : List.of("v1", "v1beta2")) {
            try (InputStream in = MapperSanityTest.class.getResourceAsStream("/sandbox/" + shape + "/mirror.yaml")) {
                GenericKubernetesResource r = InventoryFixtures.parse(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)).stream().filter(x -> "KafkaMirrorMaker2".equals(x.getKind()))
                        .findFirst().orElseThrow();
                InventoryFixtures.set(r, List.of(Map.of("type", "Ready", "status", "True")), "status",
                        "conditions");
                Mirror m = MirrorMapper.mirrorMaker2(r);
                assertThat(m.notes()).as(shape).isEmpty();
                assertThat(m.health()).as(shape).isEqualTo(Health.READY);
                assertThat(m.links()).singleElement().satisfies(l -> {
                    assertThat(l.sourceAlias()).isEqualTo("europe-cluster");
                    assertThat(l.targetAlias()).isEqualTo("us-cluster");
                });
            }
        }
    }

    @Test
    void brokenMirrorsReachTheInventoryAsProblemsOnTheMirror() throws IOException {
        Inventory.Parts parts = Inventory.Parts.empty();
        fixture("mm2-broken.yaml").forEach(r -> ResourceMapping.add(parts, ResourceKind.KAFKA_MIRROR_MAKER_2, r));
        Inventory inventory = Inventory.assemble("ctx", List.of("amq-streams"), parts);
        assertThat(inventory.problems()).extracting(p -> p.name()).contains("no-source", "loop", "unknown-aliases",
                "duplicate-alias", "v1-same-cluster").doesNotContain("healthy");
    }

    @Test
    void numbersPastAnIntAreRejectedWithTheFieldNamed() throws IOException {
        List<GenericKubernetesResource> rs = fixture("big-numbers.yaml");
        KafkaCluster kafka = StrimziMapper.kafka(rs.get(0));
        assertThat(kafka.brokers()).isNull();
        assertThat(kafka.notes()).contains("spec.kafka.replicas: 4294967297 is out of range (-2147483648 to "
                + "2147483647)", "spec.kafka.listeners.plain.port: 4294976388 is out of range (-2147483648 to "
                + "2147483647)", "spec.kafka.listeners.tls.port: 70000 is out of range (1 to 65535)");
        Map<String, Listener> listeners = kafka.listeners().stream()
                .collect(Collectors.toMap(Listener::name, Function.identity()));
        assertThat(listeners.get("plain").port()).isNull();
        assertThat(listeners.get("tls").port()).isNull();
        assertThat(listeners.get("ok").port()).isEqualTo(9094);
        assertThat(listeners.get("ok").addresses()).containsExactly("huge-kafka-bootstrap");
        assertThat(kafka.notes()).anyMatch(n -> n.startsWith("status.listeners.ok.addresses.port: 9999999999 is out"));

        Topic topic = StrimziMapper.topic(rs.get(1));
        assertThat(topic.partitions()).isNull();
        assertThat(topic.replicas()).isNull();
        assertThat(topic.notes()).containsExactly("spec.partitions: 2147483648 is out of range (-2147483648 to "
                + "2147483647)", "spec.replicas: 3.5 is not a whole number");

        Mirror many = MirrorMapper.mirrorMaker2(rs.get(2));
        assertThat(many.replicas()).isNull();
        assertThat(many.notes()).contains("spec.replicas: -4294967295 is out of range (-2147483648 to 2147483647)");
    }

    @Test
    void aKafkaUserWithANullLabelIsReadWithANote() throws IOException {
        GenericKubernetesResource r = fixture("user-null-label.yaml").getFirst();
        KafkaUserInfo user = StrimziMapper.user(r);
        assertThat(user.meta().name()).isEqualTo("ghost-label");
        assertThat(user.meta().labels()).containsExactly(Map.entry("app", "billing"));
        assertThat(user.cluster()).isNull();
        assertThat(user.authentication()).isEqualTo("tls");
        assertThat(user.notes()).contains("label strimzi.io/cluster is missing");

        Inventory.Parts parts = Inventory.Parts.empty();
        ResourceMapping.add(parts, ResourceKind.KAFKA_USER, r);
        assertThat(parts.kindProblems()).isEmpty();
        assertThat(parts.users()).hasSize(1);
    }
}
