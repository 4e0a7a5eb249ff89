package io.mirrorscope.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordChangesTest {

    @Test
    void filterWithHasHeaderKeyReadsAsDroppingRecordsWithThatHeader() {
        Map<String, String> config = Map.of(
                "transforms", "dropMarked",
                "transforms.dropMarked.type", "org.apache.kafka.connect.transforms.Filter",
                "transforms.dropMarked.predicate", "marked",
                "predicates", "marked",
                "predicates.marked.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey",
                "predicates.marked.name", "drop");
        List<RecordChanges.Change> changes = RecordChanges.describe(config);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.sentence()).isEqualTo("drops records that have header `drop` (transform dropMarked)");
            assertThat(c.drops()).isTrue();
        });
    }

    @Test
    void negatedPredicatesTombstonesTopicsAndFilterWithoutPredicate() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("transforms", "keepTraced, noTombstones,all");
        config.put("transforms.keepTraced.type", "org.apache.kafka.connect.transforms.Filter");
        config.put("transforms.keepTraced.predicate", "traced");
        config.put("transforms.keepTraced.negate", "true");
        config.put("predicates.traced.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey");
        config.put("predicates.traced.name", "traceparent");
        config.put("transforms.noTombstones.type", "org.apache.kafka.connect.transforms.Filter");
        config.put("transforms.noTombstones.predicate", "tomb");
        config.put("predicates.tomb.type", "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone");
        config.put("transforms.all.type", "org.apache.kafka.connect.transforms.Filter");
        assertThat(RecordChanges.sentences(config)).containsExactly(
                "drops records that do not have header `traceparent` (transform keepTraced)",
                "drops records that are tombstones (null value) (transform noTombstones)",
                "drops every record (transform all)");
    }

    @Test
    void renamesHeadersAndUnknownTransformsAndMirrorSwitches() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("transforms", "route,strip,custom,mask");
        config.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms.route.regex", "europe\\.(.*)");
        config.put("transforms.route.replacement", "$1");
        config.put("transforms.strip.type", "org.apache.kafka.connect.transforms.DropHeaders");
        config.put("transforms.strip.headers", "secret");
        config.put("transforms.custom.type", "com.example.Scrubber");
        config.put("transforms.mask.type", "org.apache.kafka.connect.transforms.MaskField$Value");
        config.put("transforms.mask.fields", "card");
        config.put("topics.blacklist", "private.*");
        config.put("errors.tolerance", "all");
        config.put("sync.topic.configs.enabled", "false");
        List<RecordChanges.Change> changes = RecordChanges.describe(config);
        assertThat(changes).extracting(RecordChanges.Change::sentence).containsExactly(
                "renames topics matching `europe\\.(.*)` to `$1` (transform route)",
                "removes headers `secret` (transform strip)",
                "applies `com.example.Scrubber`, which may change or drop records (transform custom)",
                "masks fields `card` of the value (transform mask)",
                "does not mirror topics matching `private.*` (topics.exclude)",
                "skips records that fail conversion or a transform, without stopping (errors.tolerance=all)",
                "does not copy topic configs to the target (sync.topic.configs.enabled=false): config drift is "
                        + "expected");
        assertThat(changes).filteredOn(RecordChanges.Change::drops).extracting(RecordChanges.Change::name)
                .containsExactly("custom", "errors.tolerance");
    }

    @Test
    void flowKeysOfADedicatedMirrorMakerOverrideGlobalOnesAndOtherFlowsAreIgnored() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("clusters", "eu,us");
        props.put("errors.tolerance", "none");
        props.put("eu->us.errors.tolerance", "all");
        props.put("eu->us.transforms", "f");
        props.put("eu->us.transforms.f.type", "org.apache.kafka.connect.transforms.Filter");
        props.put("us->eu.transforms", "g");
        Map<String, String> flow = RecordChanges.flowConfig(props, "eu", "us");
        assertThat(flow).containsEntry("errors.tolerance", "all").containsEntry("transforms", "f")
                .doesNotContainKey("us->eu.transforms");
        assertThat(RecordChanges.describe(Map.of())).isEmpty();
    }
}
