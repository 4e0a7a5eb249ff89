package io.mirrorscope.core.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.mirrorscope.core.inventory.TopicNaming;
import java.util.Random;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Topic mapping, offset syncs and the delay histogram. */
class MirrorPartsTest {

    @Test
    void topicMappingFollowsTheLinksNamingUnlessTheUserNamesTheTarget() {
        assertThat(TopicMapping.of(TopicNaming.identity(), "orders", null).targetTopic()).isEqualTo("orders");
        assertThat(TopicMapping.of(TopicNaming.mirrorMaker2(null, "europe", null), "orders", null).targetTopic())
                .isEqualTo("europe.orders");
        assertThat(TopicMapping.of(TopicNaming.mirrorMaker2(null, "europe", "_"), "orders", null).targetTopic())
                .isEqualTo("europe_orders");
        assertThat(TopicMapping.of(TopicNaming.mirrorMaker2("org.apache.kafka.connect.mirror.IdentityReplicationPolicy",
                "europe", null), "orders", null).targetTopic()).isEqualTo("orders");
        TopicMapping given = TopicMapping.of(TopicNaming.mirrorMaker2(null, "europe", null), "orders", " copy ");
        assertThat(given.targetTopic()).isEqualTo("copy");
        assertThat(given.how()).isEqualTo("given");
    }

    @Test
    void offsetSyncsPairByArithmeticOnlyWhereUpstreamIsContiguous() {
        OffsetSyncs syncs = new OffsetSyncs();
        syncs.add(0, 100, 0);     // upstream 100.. at downstream 0..
        syncs.add(0, 110, 10);    // contiguous: 10 and 10
        syncs.add(0, 120, 25);    // 15 downstream for 10 upstream: 5 extra copies in between
        syncs.add(0, 200, 30);    // upstream jump (filtered records): contiguous again after it
        assertThat(syncs.upstreamOf(0, 0)).isEqualTo(100);
        assertThat(syncs.upstreamOf(0, 7)).isEqualTo(107);
        assertThat(syncs.upstreamOf(0, 12)).isEqualTo(-1);
        assertThat(syncs.upstreamOf(0, 29)).isEqualTo(-1);
        assertThat(syncs.upstreamOf(0, 33)).isEqualTo(203);
        assertThat(syncs.upstreamOf(1, 3)).isEqualTo(-1);
        assertThat(syncs.lastMirroredUpstream(0)).isEqualTo(200);
        assertThat(syncs.downstreamStartFor(0, 115)).isEqualTo(10);
        assertThat(syncs.downstreamStartFor(0, 50)).isEqualTo(-1);
    }

    @Test
    void histogramPercentilesAreWithinTwoPercentAndTheMaxIsExact() {
        Random rnd = new Random(3);
        DelayHistogram h = new DelayHistogram();
        long[] values = new long[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(rnd.nextDouble() * 16);  // 1 ms .. ~2.5 hours, log-spread
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = values[(int) Math.ceil(q * values.length) - 1];
            assertThat((double) h.percentile(q)).as("p%s", q).isBetween(exact * 0.98, exact * 1.02 + 1);
        }
        assertThat(h.max()).isEqualTo(values[values.length - 1]);
        assertThat(h.count()).isEqualTo(values.length);
        assertThat(new DelayHistogram().percentile(0.5)).isEqualTo(-1);
        for (long v = 0; v < 1_000_000; v += 997) {
            int i = DelayHistogram.index(v);
            assertThat(DelayHistogram.highest(i)).isGreaterThanOrEqualTo(v);
            assertThat(i == 0 || DelayHistogram.highest(i - 1) < v).isTrue();
        }
    }
}
