package io.mirrorscope.ui.sidebyside;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compare dialog's form, without a toolkit: the target topic follows the naming until typed, the start parses. */
class CompareFormTest {

    private final List<String> listed = new ArrayList<>();

    private CompareForm linkForm() {
        return new CompareForm(List.of("europe", "us"), "europe", "us", t -> "europe." + t, "europe.<topic>", true,
                ZoneOffset.UTC, (cluster, done) -> {
                    listed.add(cluster);
                    done.accept(List.of(cluster + "-a", cluster + "-b"));
                });
    }

    @Test
    void theTargetTopicFollowsTheLinksNamingUntilTheUserTypesOne() {
        CompareForm form = linkForm();
        form.sourceTopicProperty().set("orders");
        assertThat(form.targetTopicProperty().get()).isEqualTo("europe.orders");
        form.sourceTopicProperty().set("payments");
        assertThat(form.targetTopicProperty().get()).isEqualTo("europe.payments");
        form.targetTopicProperty().set("payments-copy");
        form.sourceTopicProperty().set("refunds");
        assertThat(form.targetTopicProperty().get()).as("typed by the user: kept").isEqualTo("payments-copy");
        assertThat(form.choice()).hasValueSatisfying(c -> {
            assertThat(c.sourceTopic()).isEqualTo("refunds");
            assertThat(c.targetTopic()).isEqualTo("payments-copy");
            assertThat(c.sourceCluster()).isEqualTo("europe");
            assertThat(c.targetCluster()).isEqualTo("us");
        });
    }

    @Test
    void eachClustersTopicsAreListedForItsBox() {
        CompareForm form = linkForm();
        assertThat(listed).containsExactly("europe", "us");
        assertThat(form.sourceTopics()).containsExactly("europe-a", "europe-b");
        assertThat(form.targetTopics()).containsExactly("us-a", "us-b");
        form.targetClusterProperty().set("europe");
        assertThat(form.targetTopics()).containsExactly("europe-a", "europe-b");
    }

    @Test
    void theStartIsATimeAgoADateTimeOrEmptyForNow() {
        CompareForm form = linkForm();
        form.sourceTopicProperty().set("orders");
        form.startProperty().set("");
        assertThat(form.choice()).hasValueSatisfying(c -> assertThat(c.fromMillis()).isEqualTo(-1));
        form.startProperty().set("2026-11-29 10:00");
        assertThat(form.choice()).hasValueSatisfying(c -> assertThat(c.fromMillis())
                .isEqualTo(java.time.Instant.parse("2026-11-29T10:00:00Z").toEpochMilli()));
        form.startProperty().set("yesterday-ish");
        assertThat(form.choice()).isEmpty();
        assertThat(form.validBinding().get()).isFalse();
        assertThat(form.hintProperty().get()).contains("15m");
    }

    @Test
    void nothingToCompareWithoutATopic() {
        CompareForm form = linkForm();
        assertThat(form.choice()).isEmpty();
        form.sourceTopicProperty().set("  ");
        assertThat(form.validBinding().get()).isFalse();
        form.sourceTopicProperty().set("orders");
        assertThat(form.validBinding().get()).isTrue();
    }
}
