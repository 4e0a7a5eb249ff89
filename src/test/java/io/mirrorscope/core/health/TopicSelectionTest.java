package io.mirrorscope.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.TopicNaming;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSelectionTest {

    static LinkSpec spec(String pattern, String exclude, TopicNaming naming) {
        return new LinkSpec(null, "eu", "eu:9092", "us", "us:9092", pattern, exclude, null, naming, null, Map.of(),
                null);
    }

    @Test
    void defaultPolicyPrefixesAndSkipsInternalHeartbeatsAndCycles() {
        TopicSelection s = new TopicSelection(spec("orders.*,payments", "orders\\.secret", TopicNaming.mirrorMaker2(
                null, "eu", null)));
        assertThat(s.matches("orders")).isTrue();
        assertThat(s.matches("payments")).isTrue();
        assertThat(s.matches("payments2")).as("full match, as MM2").isFalse();
        assertThat(s.matches("orders.secret")).isTrue();
        assertThat(s.excluded("orders.secret")).isTrue();
        assertThat(s.mirrored("orders.secret")).isFalse();
        assertThat(s.matches("__consumer_offsets")).isFalse();
        assertThat(s.matches("orders.checkpoints.internal")).isFalse();
        assertThat(s.matches("heartbeats")).isFalse();
        assertThat(new TopicSelection(spec(".*", null, TopicNaming.mirrorMaker2(null, "eu", null)))
                .matches("us.orders")).as("a remote topic of the target is not sent back").isFalse();
        assertThat(s.targetOf("orders")).isEqualTo("eu.orders");
        assertThat(s.sourceOf("eu.orders")).contains("orders");
        assertThat(s.sourceOf("eu.heartbeats")).isEmpty();
        assertThat(s.sourceOf("eu.checkpoints.internal")).isEmpty();
        assertThat(s.sourceOf("local")).isEmpty();
    }

    @Test
    void identityPolicyKeepsNamesAndRecognisesTargetsByPattern() {
        TopicSelection s = new TopicSelection(spec("orders.*", null,
                TopicNaming.mirrorMaker2("org.apache.kafka.connect.mirror.IdentityReplicationPolicy", "eu", null)));
        assertThat(s.targetOf("orders")).isEqualTo("orders");
        assertThat(s.sourceOf("orders-old")).contains("orders-old");
        assertThat(s.sourceOf("invoices")).isEmpty();
    }

    @Test
    void topicNamesOfMirrorMakersOwnTopicsFollowAliasAndSeparator() {
        LinkSpec spec = new LinkSpec(null, "eu", null, "us", null, ".*", null, null,
                TopicNaming.mirrorMaker2(null, "eu", "_"), "_", Map.of(), null);
        assertThat(spec.replicatedHeartbeatsTopic()).isEqualTo("eu_heartbeats");
        assertThat(spec.checkpointsTopic()).isEqualTo("eu_checkpoints.internal");
        assertThat(new TopicSelection(spec).matches("eu_heartbeats")).isFalse();
    }
}
