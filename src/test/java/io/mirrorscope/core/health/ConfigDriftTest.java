package io.mirrorscope.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDriftTest {

    @Test
    void watchedConfigsThatDifferAreDriftOthersAndOneSidedAreNot() {
        Map<String, String> source = Map.of("retention.ms", "604800000", "cleanup.policy", "delete",
                "max.message.bytes", "1048588", "segment.ms", "1", "min.insync.replicas", "2");
        Map<String, String> target = Map.of("retention.ms", "3600000", "cleanup.policy", "delete",
                "max.message.bytes", "524288", "segment.ms", "2");
        assertThat(ConfigDrift.compare(source, target)).containsExactly(
                new ConfigDrift("retention.ms", "604800000", "3600000"),
                new ConfigDrift("max.message.bytes", "1048588", "524288"));
        assertThat(ConfigDrift.compare(source, null)).isEmpty();
    }
}
