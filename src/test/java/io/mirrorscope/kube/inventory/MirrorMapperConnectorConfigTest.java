package io.mirrorscope.kube.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.health.RecordChanges;
import io.mirrorscope.core.inventory.Mirror;
import io.mirrorscope.core.inventory.MirrorLink;
import org.junit.jupiter.api.Test;

/**
 * The link carries its source connector's configuration, so health can name a filter without re-reading the
 * manifest: a v1beta2 KafkaMirrorMaker2 (policy set on the checkpoint connector, exclusion as a field) and a
 * MirrorSourceConnector KafkaConnector.
 */
class MirrorMapperConnectorConfigTest {

    private static final String MM2 = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaMirrorMaker2
            metadata: {name: mm2, namespace: ns}
            spec:
              connectCluster: us
              clusters:
                - {alias: eu, bootstrapServers: "eu-kafka-bootstrap:9092"}
                - {alias: us, bootstrapServers: "us-kafka-bootstrap:9092"}
              mirrors:
                - sourceCluster: eu
                  targetCluster: us
                  topicsPattern: "orders.*"
                  topicsExcludePattern: "orders-private"
                  sourceConnector:
                    config:
                      tasks.max: 2
                      transforms: dropMarked
                      transforms.dropMarked.type: org.apache.kafka.connect.transforms.Filter
                      transforms.dropMarked.predicate: marked
                      predicates: marked
                      predicates.marked.type: org.apache.kafka.connect.transforms.predicates.HasHeaderKey
                      predicates.marked.name: drop
                  checkpointConnector:
                    config:
                      replication.policy.class: org.apache.kafka.connect.mirror.IdentityReplicationPolicy
            """;

    private static final String CONNECTOR = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaConnector
            metadata: {name: eu-to-us, namespace: ns, labels: {strimzi.io/cluster: connect}}
            spec:
              class: org.apache.kafka.connect.mirror.MirrorSourceConnector
              config:
                source.cluster.alias: eu
                source.cluster.bootstrap.servers: "eu-kafka-bootstrap:9092"
                topics: "orders.*"
                errors.tolerance: all
                source.cluster.sasl.jaas.config: "PlainLoginModule required username=u password=hunter2-secret;"
                source.cluster.ssl.truststore.password: "changeit-please"
            """;

    @Test
    void aMirrorMaker2LinkCarriesItsSourceConnectorConfigWithPolicyAndExclusion() {
        Mirror m = MirrorMapper.mirrorMaker2(InventoryFixtures.parse(MM2).getFirst());
        MirrorLink link = m.links().getFirst();
        assertThat(link.connectorConfig()).containsEntry("transforms", "dropMarked")
                .containsEntry("tasks.max", "2")
                .containsEntry("replication.policy.class", "org.apache.kafka.connect.mirror.IdentityReplicationPolicy")
                .containsEntry("topics.exclude", "orders-private");
        assertThat(RecordChanges.sentences(link.connectorConfig())).containsExactly(
                "drops records that have header `drop` (transform dropMarked)",
                "does not mirror topics matching `orders-private` (topics.exclude)");
        assertThat(link.withHealth(link.health()).connectorConfig()).isEqualTo(link.connectorConfig());
    }

    @Test
    void aConnectorLinkCarriesItsConfigWithoutCredentials() {
        Mirror m = MirrorMapper.connector(InventoryFixtures.parse(CONNECTOR).getFirst());
        assertThat(RecordChanges.describe(m.links().getFirst().connectorConfig()))
                .anySatisfy(c -> assertThat(c.drops()).isTrue());
        // credentials do not travel with the link
        assertThat(m.links().getFirst().connectorConfig())
                .containsEntry("source.cluster.sasl.jaas.config", io.mirrorscope.core.Redactor.MASK)
                .containsEntry("source.cluster.ssl.truststore.password", io.mirrorscope.core.Redactor.MASK)
                .containsEntry("topics", "orders.*");
        assertThat(m.links().getFirst().connectorConfig().toString()).doesNotContain("hunter2");
    }
}
