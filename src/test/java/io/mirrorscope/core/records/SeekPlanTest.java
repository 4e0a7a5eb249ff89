package io.mirrorscope.core.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeekPlanTest {

    // partition 0: [10, 20), partition 1: empty at 5, partition 2: [0, 3)
    private static final List<PartitionRange> RANGES = List.of(
            new PartitionRange(2, 0, 3), new PartitionRange(0, 10, 20), new PartitionRange(1, 5, 5));

    private static Map<Integer, Long> starts(SeekPlan plan) {
        Map<Integer, Long> m = new HashMap<>();
        plan.starts().forEach(s -> m.put(s.partition(), s.start()));
        return m;
    }

    @Test
    void beginningDropsEmptyPartitionsWhenBounded() {
        SeekPlan plan = SeekPlan.plan(RANGES, new StartPosition.Beginning(), null, false);
        assertThat(plan.partitions()).containsExactly(0, 2);
        assertThat(starts(plan)).containsEntry(0, 10L).containsEntry(2, 0L);
        assertThat(plan.starts().getFirst().stop()).isEqualTo(20);
    }

    @Test
    void followKeepsEmptyPartitions() {
        SeekPlan plan = SeekPlan.plan(RANGES, new StartPosition.End(), null, true);
        assertThat(plan.partitions()).containsExactly(0, 1, 2);
        assertThat(starts(plan)).containsEntry(0, 20L).containsEntry(1, 5L).containsEntry(2, 3L);
    }

    @Test
    void endIsEmptyWhenBounded() {
        assertThat(SeekPlan.plan(RANGES, new StartPosition.End(), null, false).isEmpty()).isTrue();
    }

    @Test
    void offsetIsClamped() {
        SeekPlan plan = SeekPlan.plan(RANGES, new StartPosition.AtOffset(15), null, false);
        assertThat(starts(plan)).containsEntry(0, 15L).doesNotContainKey(2);  // 15 clamps to 3 = end of p2
        SeekPlan low = SeekPlan.plan(RANGES, new StartPosition.AtOffset(-4), null, false);
        assertThat(starts(low)).containsEntry(0, 10L).containsEntry(2, 0L);
    }

    @Test
    void lastNPerPartition() {
        SeekPlan plan = SeekPlan.plan(RANGES, new StartPosition.LastN(5), null, false);
        assertThat(starts(plan)).containsEntry(0, 15L).containsEntry(2, 0L);
        assertThat(SeekPlan.plan(RANGES, new StartPosition.LastN(0), null, false).isEmpty()).isTrue();
    }

    @Test
    void timeUsesOffsetsForTimesNullMeansEndAndHidesEarlierRecords() {
        Map<Integer, Long> found = new HashMap<>();
        found.put(0, 17L);
        found.put(2, null);
        SeekPlan plan = SeekPlan.plan(RANGES, new StartPosition.AtTime(5_000), found, false);
        assertThat(starts(plan)).containsOnlyKeys(0).containsEntry(0, 17L);
        assertThat(plan.shows(4_999)).isFalse();
        assertThat(plan.shows(5_000)).isTrue();
        SeekPlan follow = SeekPlan.plan(RANGES, new StartPosition.AtTime(5_000), found, true);
        assertThat(starts(follow)).containsEntry(2, 3L).containsEntry(1, 5L);
        assertThat(SeekPlan.plan(RANGES, new StartPosition.Beginning(), null, false).shows(Long.MIN_VALUE)).isTrue();
    }
}
